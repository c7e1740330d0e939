import { defineRule, type FindingDraft } from '@ztkit/core';
import { coversAllPorts, includesAnyAddress, isEmptyList } from '../../shared/address-ports.js';
import { allFirewallRules } from '../../shared/azure-firewall.js';

export default defineRule({
  meta: {
    id: 'ZT-S24-01',
    title: 'Firewall network rules do not allow any source to any destination on any port',
    severity: 'high',
    catalog: ['S24'],
    principles: ['least-privilege', 'assume-breach'],
    pack: 'segmentation',
    source: [
      { document: '002', step: '§2 Network segmentation: many ingress/egress cloud micro-perimeters' },
      {
        document: '002',
        step: '§3 Threat protection: cloud native filtering and protection for known threats',
      },
    ],
    benchmark: ['NS-1', 'NS-2'],
    peers: {},
    resourceTypes: [
      'Microsoft.Network/firewallPolicies/ruleCollectionGroups',
      'Microsoft.Network/azureFirewalls',
    ],
    rationale:
      'An allow rule from any source to any destination on any port turns the hub firewall into a router: every spoke reaches every other spoke and the Internet, and the segmentation the hub-and-spoke design promises is gone.',
    remediation: {
      summary:
        'Replace the rule with rules naming the source ranges (or IP groups), destinations and ports each flow needs.',
      arm: '{\n  "ruleType": "NetworkRule",\n  "name": "app-to-sql",\n  "ipProtocols": ["TCP"],\n  "sourceAddresses": ["10.1.2.0/24"],\n  "destinationAddresses": ["10.2.3.0/24"],\n  "destinationPorts": ["1433"]\n}',
      bicep:
        "{\n  ruleType: 'NetworkRule'\n  name: 'app-to-sql'\n  ipProtocols: ['TCP']\n  sourceAddresses: ['10.1.2.0/24']\n  destinationAddresses: ['10.2.3.0/24']\n  destinationPorts: ['1433']\n}",
      terraform:
        'rule {\n  name                  = "app-to-sql"\n  protocols             = ["TCP"]\n  source_addresses      = ["10.1.2.0/24"]\n  destination_addresses = ["10.2.3.0/24"]\n  destination_ports     = ["1433"]\n}',
    },
    links: ['https://learn.microsoft.com/azure/firewall/rule-processing'],
    notes: [
      "'*', 'Any', '0.0.0.0/0' count as any address; a side that also names IP groups or FQDNs is treated as specific.",
      "Ports '*', or ranges that together cover 1-65535, count as any port.",
      'Only rules in Allow collections are judged; deny-all rules are good practice.',
    ],
  },
  *check({ graph }): Iterable<FindingDraft> {
    for (const r of allFirewallRules(graph)) {
      if (r.kind !== 'network' || r.action !== 'allow') continue;
      const rule = r.rule;
      const anySource = includesAnyAddress(rule.sourceAddresses) && isEmptyList(rule.sourceIpGroups);
      const anyDestination =
        includesAnyAddress(rule.destinationAddresses) &&
        isEmptyList(rule.destinationIpGroups) &&
        isEmptyList(rule.destinationFqdns);
      if (!anySource || !anyDestination || !coversAllPorts(rule.destinationPorts)) continue;
      yield {
        resource: r.resource,
        path: r.path,
        message: `Network rule '${r.collectionName}/${r.ruleName}' allows any source to any destination on any port: the firewall no longer separates segments.`,
      };
    }
  },
});
