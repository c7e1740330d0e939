import { networkAnalysis, portSetOf } from '@ztkit/analysis';
import { defineRule, type FindingDraft } from '@ztkit/core';
import { DATA_PORT_NUMBERS, DATA_PORTS } from '../../shared/data-ports.js';
import { internetExposureFindings } from '../../shared/internet-exposure-rules.js';

/** S05: no Internet path to data-store ports, on the effective NSG evaluation. Option `dataPorts`. */
export default defineRule({
  meta: {
    id: 'ZT-S05-01',
    title: 'Database and file-share ports are not reachable from the Internet through NSGs',
    severity: 'high',
    catalog: ['S05'],
    principles: ['least-privilege', 'assume-breach'],
    pack: 'segmentation',
    source: [
      {
        document: '002',
        step: '§5 Network segmentation: fully distributed ingress/egress cloud micro-perimeters',
      },
    ],
    benchmark: ['NS-1', 'NS-2', 'DP-2'],
    peers: {
      kics: ['Sensitive Port Is Exposed To Entire Network'],
      trivy: ['AVD-AZU-0047'],
      psrule: ['Azure.NSG.AnyInboundSource'],
    },
    resourceTypes: [
      'Microsoft.Network/networkSecurityGroups',
      'Microsoft.Network/virtualNetworks/subnets',
      'Microsoft.Network/networkInterfaces',
    ],
    rationale:
      'Database, cache and file-share ports published to the Internet are scanned continuously; a weak password, a missing patch or an unauthenticated default (Redis, Memcached, Elasticsearch) is enough to read or ransom the data. Data tiers belong in their own subnet, reachable only from the application tier.',
    remediation: {
      summary:
        'Remove the Internet allow; admit only the application subnet or ASG on the data port, and use Private Link for PaaS data services.',
      arm: '{ "name": "allow-sql-from-app", "properties": { "priority": 100, "direction": "Inbound", "access": "Allow", "protocol": "Tcp", "sourceAddressPrefix": "10.1.1.0/24", "sourcePortRange": "*", "destinationAddressPrefix": "*", "destinationPortRange": "1433" } }',
      bicep:
        "{\n  name: 'allow-sql-from-app'\n  properties: {\n    priority: 100\n    direction: 'Inbound'\n    access: 'Allow'\n    protocol: 'Tcp'\n    sourceAddressPrefix: appSubnetPrefix\n    sourcePortRange: '*'\n    destinationAddressPrefix: '*'\n    destinationPortRange: '1433'\n  }\n}",
      terraform:
        'security_rule {\n  name                       = "allow-sql-from-app"\n  priority                   = 100\n  direction                  = "Inbound"\n  access                     = "Allow"\n  protocol                   = "Tcp"\n  source_address_prefix      = azurerm_subnet.app.address_prefixes[0]\n  source_port_range          = "*"\n  destination_address_prefix = "*"\n  destination_port_range     = "1433"\n}',
    },
    links: ['https://learn.microsoft.com/azure/virtual-network/network-security-groups-overview'],
    notes: [
      'A security rule declared on its own for an NSG outside the scan (an azurerm_network_security_rule on a data-source NSG, an ARM securityRules child) is judged alone, at the severity of an unattached NSG: where that NSG is attached and what its other rules decide cannot be seen.',
      `Data ports: ${Object.entries(DATA_PORTS)
        .map(([p, n]) => `${p} (${n})`)
        .join(', ')}, plus the \`dataPorts\` option.`,
      'Severity: high when a public path forwards the port, medium when nothing public is in front or the NSG is attached to nothing in the scan, one step lower for specific public ranges, low for a shadowed (dead) rule.',
      'Allow rules whose only sources are Azure management-plane service tags (GatewayManager, ApiManagement, AppServiceManagement, BatchNodeManagement, SqlManagement, AzureActiveDirectoryDomainServices, HDInsight) are the rules those services require on their documented ports, not exposure: not reported.',
    ],
  },
  *check(ctx): Iterable<FindingDraft> {
    const extra = Array.isArray(ctx.options.dataPorts)
      ? ctx.options.dataPorts.filter((p): p is number => Number.isInteger(p) && p >= 0 && p <= 65535)
      : [];
    const ports = portSetOf([...DATA_PORT_NUMBERS, ...extra]);
    yield* internetExposureFindings(
      ctx.analysis(networkAnalysis),
      (p) => p.intersect(ports),
      { reachable: 'high', unreachable: 'medium', shadowed: 'low' },
      'data port',
    );
  },
});
