import { defineRule, type FindingDraft, isUnknown } from '@ztkit/core';
import { coveredPorts, includesAnyAddress, parsePortRange } from '../../shared/address-ports.js';
import { allFirewallRules } from '../../shared/azure-firewall.js';
import { describePort, MANAGEMENT_PORT_NUMBERS } from '../../shared/management-ports.js';

export default defineRule({
  meta: {
    id: 'ZT-S22-01',
    title: 'Firewall DNAT rules do not publish management ports to the Internet',
    severity: 'critical',
    catalog: ['S22'],
    principles: ['least-privilege', 'assume-breach'],
    pack: 'segmentation',
    source: [
      {
        document: '002',
        step: '§3 Threat protection: cloud native filtering and protection for known threats',
      },
      { document: '000', step: 'step 5 Use Azure Bastion to protect Azure virtual machines' },
    ],
    benchmark: ['NS-1', 'NS-2', 'PA-2'],
    peers: {},
    resourceTypes: [
      'Microsoft.Network/firewallPolicies/ruleCollectionGroups',
      'Microsoft.Network/azureFirewalls',
    ],
    rationale:
      "A DNAT rule that forwards SSH, RDP or WinRM from any source turns the firewall's public IP into a door to the management plane of a private VM: it is found by scanners within minutes and brute-forced from then on. Administer VMs through Azure Bastion or a VPN instead.",
    remediation: {
      summary:
        'Remove the DNAT rule and administer the VM through Azure Bastion; if a DNAT rule is unavoidable, restrict sourceAddresses (or sourceIpGroups) to known administrator addresses.',
      arm: '{\n  "ruleType": "NatRule",\n  "name": "rdp-from-admins",\n  "sourceAddresses": ["203.0.113.10/32"],\n  "destinationAddresses": ["[parameters(\'firewallPublicIp\')]"],\n  "destinationPorts": ["3389"],\n  "ipProtocols": ["TCP"],\n  "translatedAddress": "10.1.2.4",\n  "translatedPort": "3389"\n}',
      bicep:
        "{\n  ruleType: 'NatRule'\n  name: 'rdp-from-admins'\n  sourceIpGroups: [adminIpGroup.id]\n  destinationAddresses: [firewallPublicIp]\n  destinationPorts: ['3389']\n  ipProtocols: ['TCP']\n  translatedAddress: '10.1.2.4'\n  translatedPort: '3389'\n}",
      terraform:
        'nat_rule_collection {\n  name     = "dnat"\n  priority = 100\n  action   = "Dnat"\n  rule {\n    name                = "rdp-from-admins"\n    protocols           = ["TCP"]\n    source_addresses    = ["203.0.113.10/32"]\n    destination_address = azurerm_public_ip.afw.ip_address\n    destination_ports   = ["3389"]\n    translated_address  = "10.1.2.4"\n    translated_port     = 3389\n  }\n}',
    },
    links: [
      'https://learn.microsoft.com/azure/firewall/tutorial-firewall-dnat',
      'https://learn.microsoft.com/azure/bastion/bastion-overview',
    ],
    notes: [
      "Sources '*', 'Any', 'Internet', '0.0.0.0/0' count as the Internet; IP groups are assumed to be specific.",
      'Both the published port (destinationPorts) and the internal port (translatedPort) are checked: RDP moved to port 33389 is still RDP.',
      `Management ports: ${MANAGEMENT_PORT_NUMBERS.map(describePort).join(', ')}.`,
    ],
  },
  *check({ graph }): Iterable<FindingDraft> {
    for (const r of allFirewallRules(graph)) {
      if (r.kind !== 'nat') continue;
      if (!includesAnyAddress(r.rule.sourceAddresses)) continue;
      const published = coveredPorts(r.rule.destinationPorts, MANAGEMENT_PORT_NUMBERS);
      const translated = isUnknown(r.rule.translatedPort) ? undefined : parsePortRange(r.rule.translatedPort);
      const internal =
        translated && translated[0] === translated[1] && MANAGEMENT_PORT_NUMBERS.includes(translated[0])
          ? translated[0]
          : undefined;
      if (published.length === 0 && internal === undefined) continue;
      const what = internal !== undefined ? describePort(internal) : published.map(describePort).join(', ');
      const via =
        internal !== undefined && !published.includes(internal)
          ? ` (published on ${String(asList(r.rule.destinationPorts))})`
          : '';
      const target = typeof r.rule.translatedAddress === 'string' ? ` to ${r.rule.translatedAddress}` : '';
      yield {
        resource: r.resource,
        path: r.path,
        message: `DNAT rule '${r.collectionName}/${r.ruleName}' forwards ${what}${via} from any Internet source${target}: the management port of a private host is published to the Internet.`,
      };
    }
  },
});

function asList(value: unknown): string {
  return Array.isArray(value) ? value.map(String).join(', ') : String(value);
}
