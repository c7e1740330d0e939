import { IntervalSet, networkAnalysis } from '@ztkit/analysis';
import { defineRule, type FindingDraft } from '@ztkit/core';
import { internetExposureFindings } from '../../shared/internet-exposure-rules.js';

/** Default: more than this many ports open at once is a "wide range". Option `wideRangePorts`. */
const DEFAULT_WIDE_RANGE = 256;

/**
 * S03: no Internet path to all ports or wide port ranges, on the effective NSG evaluation. A
 * region counts when the ports it lets through number at least `wideRangePorts`.
 */
export default defineRule({
  meta: {
    id: 'ZT-S03-01',
    title: 'No NSG lets the Internet reach all ports or wide port ranges',
    severity: 'high',
    catalog: ['S03'],
    principles: ['least-privilege', 'assume-breach'],
    pack: 'segmentation',
    source: [
      { document: '002', step: '§2 Network segmentation: many ingress/egress cloud micro-perimeters' },
      {
        document: '002',
        step: '§5 Network segmentation: fully distributed ingress/egress cloud micro-perimeters',
      },
    ],
    benchmark: ['NS-1'],
    peers: {
      kics: ['Security Group With Unrestricted Access To Any Port'],
      trivy: ['AVD-AZU-0047'],
      psrule: ['Azure.NSG.AnyInboundSource'],
    },
    resourceTypes: [
      'Microsoft.Network/networkSecurityGroups',
      'Microsoft.Network/virtualNetworks/subnets',
      'Microsoft.Network/networkInterfaces',
      'Microsoft.Network/loadBalancers',
    ],
    rationale:
      'An allow rule from the Internet to every port, or to a range of hundreds of ports, turns the NSG into a formality: whatever listens on the host (debug servers, agents, databases) is published. Each micro-perimeter should open only the ports its service answers on.',
    remediation: {
      summary:
        'Replace the rule with allows for the exact service ports (e.g. 443) and let DenyAllInBound drop the rest.',
      arm: '{ "name": "allow-https", "properties": { "priority": 100, "direction": "Inbound", "access": "Allow", "protocol": "Tcp", "sourceAddressPrefix": "Internet", "sourcePortRange": "*", "destinationAddressPrefix": "*", "destinationPortRange": "443" } }',
      bicep:
        "{\n  name: 'allow-https'\n  properties: {\n    priority: 100\n    direction: 'Inbound'\n    access: 'Allow'\n    protocol: 'Tcp'\n    sourceAddressPrefix: 'Internet'\n    sourcePortRange: '*'\n    destinationAddressPrefix: '*'\n    destinationPortRange: '443'\n  }\n}",
      terraform:
        'security_rule {\n  name                       = "allow-https"\n  priority                   = 100\n  direction                  = "Inbound"\n  access                     = "Allow"\n  protocol                   = "Tcp"\n  source_address_prefix      = "Internet"\n  source_port_range          = "*"\n  destination_address_prefix = "*"\n  destination_port_range     = "443"\n}',
    },
    links: ['https://learn.microsoft.com/azure/virtual-network/network-security-groups-overview'],
    notes: [
      'A security rule declared on its own for an NSG outside the scan (an azurerm_network_security_rule on a data-source NSG, an ARM securityRules child) is judged alone, at the severity of an unattached NSG: where that NSG is attached and what its other rules decide cannot be seen.',
      `A wide range is ${DEFAULT_WIDE_RANGE} ports or more after effective evaluation (option \`wideRangePorts\`).`,
      'Severity: high when a public path forwards part of it, medium when nothing public is in front or the NSG is attached to nothing in the scan, one step lower for specific public ranges, low for a shadowed (dead) rule.',
      'Allow rules whose only sources are Azure management-plane service tags (GatewayManager, ApiManagement, AppServiceManagement, BatchNodeManagement, SqlManagement, AzureActiveDirectoryDomainServices, HDInsight) are the rules those services require on their documented ports, not exposure: not reported.',
    ],
  },
  *check(ctx): Iterable<FindingDraft> {
    const opt = ctx.options.wideRangePorts;
    const threshold =
      typeof opt === 'number' && opt > 1 ? BigInt(Math.floor(opt)) : BigInt(DEFAULT_WIDE_RANGE);
    yield* internetExposureFindings(
      ctx.analysis(networkAnalysis),
      (ports) => (ports.size >= threshold ? ports : IntervalSet.EMPTY),
      { reachable: 'high', unreachable: 'medium', shadowed: 'low' },
      'wide port range',
    );
  },
});
