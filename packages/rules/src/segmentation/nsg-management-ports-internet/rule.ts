import { networkAnalysis, portSetOf } from '@ztkit/analysis';
import { defineRule, type FindingDraft } from '@ztkit/core';
import { internetExposureFindings } from '../../shared/internet-exposure-rules.js';
import { MANAGEMENT_PORT_NUMBERS } from '../../shared/management-ports.js';

/**
 * S02: no Internet path to management ports, judged on the effective NSG evaluation rather than
 * rule by rule. Option `managementPorts` (numbers) adds ports to the built-in list.
 */
export default defineRule({
  meta: {
    id: 'ZT-S02-01',
    title: 'Management ports are not reachable from the Internet through NSGs',
    severity: 'critical',
    catalog: ['S02'],
    principles: ['least-privilege', 'assume-breach'],
    pack: 'segmentation',
    source: [
      { document: '000', step: 'step 5 Use Azure Bastion to protect Azure virtual machines' },
      {
        document: '002',
        step: '§5 Network segmentation: fully distributed ingress/egress cloud micro-perimeters',
      },
    ],
    benchmark: ['NS-1', 'NS-2', 'PA-2'],
    peers: {
      checkov: ['CKV_AZURE_9', 'CKV_AZURE_10'],
      kics: ['RDP Is Exposed To The Internet', 'SSH Is Exposed To The Internet'],
      trivy: ['AVD-AZU-0048', 'AVD-AZU-0050'],
      psrule: ['Azure.NSG.AnyInboundSource'],
    },
    resourceTypes: [
      'Microsoft.Network/networkSecurityGroups',
      'Microsoft.Network/virtualNetworks/subnets',
      'Microsoft.Network/networkInterfaces',
      'Microsoft.Network/loadBalancers',
      'Microsoft.Network/publicIPAddresses',
    ],
    rationale:
      'SSH, RDP and WinRM open to the Internet are found by scanners within minutes and brute-forced or exploited; they are the usual first step of a breach. Administration should go through Azure Bastion or a VPN, never a public NSG rule. ztkit evaluates the subnet and NIC NSGs the way Azure does (priorities, default rules, service tags, ASGs), so a rule shadowed by a higher-priority deny is not reported as exposure, and an allow that nothing public reaches is reported at lower severity.',
    remediation: {
      summary:
        'Remove the allow rule or restrict its source to a management range; reach machines through Azure Bastion (AzureBastionSubnet) or a VPN gateway.',
      arm: '{ "name": "allow-ssh-bastion", "properties": { "priority": 110, "direction": "Inbound", "access": "Allow", "protocol": "Tcp", "sourceAddressPrefix": "10.0.2.0/26", "sourcePortRange": "*", "destinationAddressPrefix": "*", "destinationPortRange": "22" } }',
      bicep:
        "{\n  name: 'allow-ssh-bastion'\n  properties: {\n    priority: 110\n    direction: 'Inbound'\n    access: 'Allow'\n    protocol: 'Tcp'\n    sourceAddressPrefix: bastionSubnetPrefix\n    sourcePortRange: '*'\n    destinationAddressPrefix: '*'\n    destinationPortRange: '22'\n  }\n}",
      terraform:
        'security_rule {\n  name                       = "allow-ssh-bastion"\n  priority                   = 110\n  direction                  = "Inbound"\n  access                     = "Allow"\n  protocol                   = "Tcp"\n  source_address_prefix      = azurerm_subnet.bastion.address_prefixes[0]\n  source_port_range          = "*"\n  destination_address_prefix = "*"\n  destination_port_range     = "22"\n}',
    },
    links: [
      'https://learn.microsoft.com/azure/virtual-network/network-security-groups-overview',
      'https://learn.microsoft.com/azure/bastion/bastion-overview',
    ],
    notes: [
      'A security rule declared on its own for an NSG outside the scan (an azurerm_network_security_rule on a data-source NSG, an ARM securityRules child) is judged alone, at the severity of an unattached NSG: where that NSG is attached and what its other rules decide cannot be seen.',
      'Management ports: 22 (SSH), 23 (Telnet), 3389 (RDP), 5900 (VNC), 5985/5986 (WinRM), plus the `managementPorts` option.',
      'Severity: critical when a public IP, load balancer rule, NAT rule or DNAT rule forwards the port; medium when the NSG is open but nothing public is in front (or the NSG is attached to nothing in the scan); one step lower when only specific public ranges or service tags are allowed; low for an allow rule shadowed by a higher-priority deny (dead rule).',
      'A source of *, Any, Internet, 0.0.0.0/0, ::/0 or any public range counts as the Internet; service tags other than VirtualNetwork and AzureLoadBalancer are Azure public addresses and count as public ranges.',
      'Values ztkit cannot read (parameters without defaults) make the result "cannot tell": no finding.',
      'Allow rules whose only sources are Azure management-plane service tags (GatewayManager, ApiManagement, AppServiceManagement, BatchNodeManagement, SqlManagement, AzureActiveDirectoryDomainServices, HDInsight) are the rules those services require on their documented ports, not exposure: not reported.',
    ],
  },
  *check(ctx): Iterable<FindingDraft> {
    const extra = Array.isArray(ctx.options.managementPorts)
      ? ctx.options.managementPorts.filter((p): p is number => Number.isInteger(p) && p >= 0 && p <= 65535)
      : [];
    const ports = portSetOf([...MANAGEMENT_PORT_NUMBERS, ...extra]);
    yield* internetExposureFindings(
      ctx.analysis(networkAnalysis),
      (p) => p.intersect(ports),
      { reachable: 'critical', unreachable: 'medium', shadowed: 'low' },
      'management port',
    );
  },
});
