import {
  AddressSet,
  ALL_PORTS,
  type Direction,
  describeRule,
  networkAnalysis,
  parsePrefix,
} from '@ztkit/analysis';
import { defineRule, type FindingDraft } from '@ztkit/core';
import { nsgsToJudge, ruleLocation } from '../../shared/standing-nsgs.js';

const ALL_IPV4 = AddressSet.ofPrefixes(['0.0.0.0/0']);

/**
 * S04: no allow rule from any source to any destination on any port, inbound or outbound. Read
 * through the analysis' normalised rules so `*`, `Any`, `0.0.0.0/0` and prefix arrays covering
 * everything all count; a rule shadowed by a higher-priority deny is reported as a dead rule only.
 */
export default defineRule({
  meta: {
    id: 'ZT-S04-01',
    title: 'No NSG rule allows any source to any destination on any port',
    severity: 'high',
    catalog: ['S04'],
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
      trivy: ['AVD-AZU-0047', 'AVD-AZU-0051'],
      psrule: ['Azure.NSG.AnyInboundSource'],
    },
    resourceTypes: [
      'Microsoft.Network/networkSecurityGroups',
      'Microsoft.Network/networkSecurityGroups/securityRules',
    ],
    rationale:
      'An any-to-any allow erases the segment boundary the NSG was meant to draw: every host may talk to every other on every port, so one compromised machine reaches the whole network. Zero Trust micro-segmentation lets each segment talk only to named counterparts (subnets, ASGs, service tags) on named ports.',
    remediation: {
      summary:
        'Replace the rule with allows naming the counterpart (subnet prefix, application security group or service tag) and the ports it needs.',
      arm: '{ "name": "allow-app-to-db", "properties": { "priority": 100, "direction": "Inbound", "access": "Allow", "protocol": "Tcp", "sourceApplicationSecurityGroups": [{ "id": "[resourceId(\'Microsoft.Network/applicationSecurityGroups\', \'asg-app\')]" }], "sourcePortRange": "*", "destinationAddressPrefix": "*", "destinationPortRange": "1433" } }',
      bicep:
        "{\n  name: 'allow-app-to-db'\n  properties: {\n    priority: 100\n    direction: 'Inbound'\n    access: 'Allow'\n    protocol: 'Tcp'\n    sourceApplicationSecurityGroups: [ { id: asgApp.id } ]\n    sourcePortRange: '*'\n    destinationAddressPrefix: '*'\n    destinationPortRange: '1433'\n  }\n}",
      terraform:
        'security_rule {\n  name                                  = "allow-app-to-db"\n  priority                              = 100\n  direction                             = "Inbound"\n  access                                = "Allow"\n  protocol                              = "Tcp"\n  source_application_security_group_ids = [azurerm_application_security_group.app.id]\n  source_port_range                     = "*"\n  destination_address_prefix            = "*"\n  destination_port_range                = "1433"\n}',
    },
    links: [
      'https://learn.microsoft.com/azure/virtual-network/network-security-groups-overview',
      'https://learn.microsoft.com/azure/virtual-network/application-security-groups',
    ],
    notes: [
      'A security rule declared on its own for an NSG outside the scan (an azurerm_network_security_rule on a data-source NSG, an ARM securityRules child) is judged alone, at the severity of an unattached NSG: where that NSG is attached and what its other rules decide cannot be seen.',
      'Any means every IPv4 address (`*`, `Any`, `0.0.0.0/0` or prefixes that add up to it) on both ends, and every port. `Internet` sources are S03/S02/S05; VirtualNetwork-to-VirtualNetwork duplicates the default rule and is not reported.',
      'Severity: high inbound, medium outbound, low when a higher-priority deny shadows the whole rule.',
    ],
  },
  *check(ctx): Iterable<FindingDraft> {
    const net = ctx.analysis(networkAnalysis);
    for (const standing of nsgsToJudge(ctx.graph)) {
      const { nsg } = standing;
      for (const direction of ['Inbound', 'Outbound'] as Direction[]) {
        // The NSG on its own (no VNet context): any-to-any does not depend on what VirtualNetwork means.
        const rules = net.nsgs.rulesOf(nsg, direction);
        // Evaluated only for an NSG that has an any-to-any allow: most have none.
        let detached: ReturnType<typeof net.nsgs.evaluateDetached> | undefined;
        for (const rule of rules) {
          const { ref } = rule;
          if (ref.isDefault || ref.access !== 'Allow' || ref.index === undefined || rule.uncertain) continue;
          if (!rule.ports.equals(ALL_PORTS) || rule.localAsgs.length) continue;
          if (!rule.remote.v4.covers(ALL_IPV4.v4) || !rule.localPrefixes.v4.covers(ALL_IPV4.v4)) continue;
          if (rule.remoteLabels.some((l) => l.toLowerCase() === 'internet' || l.startsWith('asg:'))) continue;
          if (!rule.remoteLabels.every((l) => l === '*' || parsePrefix(l))) continue;
          detached ??= net.nsgs.evaluateDetached(nsg, direction, AddressSet.ANY);
          const decided = detached.decidedByRule.get(rule) ?? [];
          const at = ruleLocation(standing, ref.index);
          if (decided.length === 0) {
            const shadow = rules.find((r) => r.ref.priority < ref.priority && r.ref.access === 'Deny');
            yield {
              ...at,
              severity: 'low',
              message: `${describeRule(ref)} allows any ${direction === 'Inbound' ? 'source' : 'destination'} on any port but never applies: ${shadow ? `${describeRule(shadow.ref)} decides` : 'higher-priority rules decide'} all of that traffic first (dead rule).`,
            };
            continue;
          }
          yield {
            ...at,
            severity: direction === 'Inbound' ? 'high' : 'medium',
            message:
              direction === 'Inbound'
                ? `${describeRule(ref)} allows any source to reach any destination on any port (${rule.remoteLabels.join(', ')} → ${rule.localLabels.join(', ')}).`
                : `${describeRule(ref)} allows any source to send to any destination on any port (${rule.localLabels.join(', ')} → ${rule.remoteLabels.join(', ')}).`,
          };
        }
      }
    }
  },
});
