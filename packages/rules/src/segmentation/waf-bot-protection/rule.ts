import { defineRule, type FindingDraft } from '@ztkit/core';
import { recordOf } from '../../shared/property-values.js';
import { BOT_MANAGER_RULE_SET, isRuleSetType, wafPolicies } from '../../shared/waf-policies.js';

/** Front Door classic's preview bot set, superseded by the Bot Manager rule set but still protective. */
const LEGACY_BOT_SET = 'BotProtection';

export default defineRule({
  meta: {
    id: 'ZT-S14-01',
    title: 'WAF policies include bot protection',
    severity: 'medium',
    catalog: ['S14'],
    principles: ['assume-breach'],
    pack: 'segmentation',
    source: [
      {
        document: '002',
        step: '§3 Threat protection: cloud native filtering and protection for known threats',
      },
    ],
    benchmark: ['NS-6'],
    peers: { psrule: ['Azure.AppGwWAF.RuleGroups', 'Azure.FrontDoorWAF.RuleGroups'] },
    resourceTypes: [
      'Microsoft.Network/ApplicationGatewayWebApplicationFirewallPolicies',
      'Microsoft.Network/FrontDoorWebApplicationFirewallPolicies',
      'Microsoft.Network/applicationGateways',
    ],
    rationale:
      'Malicious bots scrape content, stuff credentials and probe for vulnerabilities from addresses Microsoft threat intelligence already knows. The Bot Manager rule set blocks them before they reach the application.',
    remediation: {
      summary:
        'Add the Microsoft_BotManagerRuleSet (1.0 or later) to the managed rule sets of the WAF policy.',
      arm: '{ "ruleSetType": "Microsoft_BotManagerRuleSet", "ruleSetVersion": "1.1" }',
      bicep: "{ ruleSetType: 'Microsoft_BotManagerRuleSet', ruleSetVersion: '1.1' }",
      terraform: 'managed_rule_set {\n  type    = "Microsoft_BotManagerRuleSet"\n  version = "1.1"\n}',
    },
    links: [
      'https://learn.microsoft.com/azure/web-application-firewall/ag/bot-protection',
      'https://learn.microsoft.com/azure/web-application-firewall/afds/waf-front-door-policy-configure-bot-protection',
    ],
    notes: [
      'Front Door Standard cannot run managed rule sets, bot protection included; such policies are reported with that explanation.',
      'An Application Gateway that uses the inline webApplicationFirewallConfiguration cannot run bot protection; it is reported with a recommendation to move to a WAF policy.',
    ],
  },
  *check({ graph }): Iterable<FindingDraft> {
    for (const waf of wafPolicies(graph)) {
      if (waf.kind === 'front-door' && !waf.supportsManagedRules) {
        yield {
          resource: waf.resource,
          message: `${waf.label} is Front Door Standard tier, which cannot run the Bot Manager rule set; use Premium.`,
        };
        continue;
      }
      const sets = waf.managedRuleSets;
      if (!sets) continue;
      if (sets.some((s) => isRuleSetType(s, BOT_MANAGER_RULE_SET) || isRuleSetType(s, LEGACY_BOT_SET)))
        continue;
      yield {
        resource: waf.resource,
        path: waf.resource.properties.managedRules === undefined ? [] : waf.managedRuleSetsPath,
        message: `${waf.label} has no bot protection (${BOT_MANAGER_RULE_SET}): known malicious bots reach the application.`,
      };
    }
    for (const gateway of graph.ofType('Microsoft.Network/applicationGateways')) {
      const config = recordOf(gateway.properties.webApplicationFirewallConfiguration);
      if (!config || gateway.properties.firewallPolicy != null || config.enabled !== true) continue;
      yield {
        resource: gateway,
        path: ['properties', 'webApplicationFirewallConfiguration'],
        message: `Application Gateway '${gateway.name}' uses an inline WAF configuration, which cannot run bot protection; move to a WAF policy with ${BOT_MANAGER_RULE_SET}.`,
      };
    }
  },
});
