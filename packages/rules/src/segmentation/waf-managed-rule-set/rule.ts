import { defineRule, type FindingDraft, isUnknown } from '@ztkit/core';
import { recordOf } from '../../shared/property-values.js';
import {
  isRuleSetType,
  type ManagedRuleSet,
  ruleSetVersionNumber,
  type WafPolicyView,
  wafPolicies,
} from '../../shared/waf-policies.js';

/** Minimum current core rule sets, per WAF platform (type -> lowest current version). */
const CURRENT_CORE_SETS: Readonly<Record<WafPolicyView['kind'], Readonly<Record<string, string>>>> = {
  'application-gateway': { OWASP: '3.2', Microsoft_DefaultRuleSet: '2.1' },
  'front-door': { Microsoft_DefaultRuleSet: '2.0' },
};

/** Core (non-bot) rule set types that count as an attempt at OWASP protection, current or not. */
const CORE_SET_TYPES = ['OWASP', 'Microsoft_DefaultRuleSet', 'DefaultRuleSet'];

export default defineRule({
  meta: {
    id: 'ZT-S13-02',
    title: 'WAF policies use a current OWASP / Default Rule Set',
    severity: 'medium',
    catalog: ['S13'],
    principles: ['assume-breach'],
    pack: 'segmentation',
    source: [
      {
        document: '002',
        step: '§3 Threat protection: cloud native filtering and protection for known threats',
      },
    ],
    benchmark: ['NS-6'],
    peers: { psrule: ['Azure.AppGwWAF.RuleGroups', 'Azure.FrontDoorWAF.RuleGroups', 'Azure.AppGw.OWASP'] },
    resourceTypes: [
      'Microsoft.Network/ApplicationGatewayWebApplicationFirewallPolicies',
      'Microsoft.Network/FrontDoorWebApplicationFirewallPolicies',
      'Microsoft.Network/applicationGateways',
    ],
    rationale:
      'The managed rule set is what recognises known web attacks. Older sets (OWASP CRS 2.x/3.0/3.1, Front Door DefaultRuleSet 1.0) miss attack patterns and have more false positives than the current Microsoft Default Rule Set; without any core set the WAF only runs custom rules.',
    remediation: {
      summary:
        'Use Microsoft_DefaultRuleSet 2.1 (or OWASP 3.2) on Application Gateway WAF policies and Microsoft_DefaultRuleSet 2.1 on Front Door Premium WAF policies.',
      arm: '"managedRules": {\n  "managedRuleSets": [\n    { "ruleSetType": "Microsoft_DefaultRuleSet", "ruleSetVersion": "2.1" },\n    { "ruleSetType": "Microsoft_BotManagerRuleSet", "ruleSetVersion": "1.1" }\n  ]\n}',
      bicep:
        "managedRules: {\n  managedRuleSets: [\n    { ruleSetType: 'Microsoft_DefaultRuleSet', ruleSetVersion: '2.1' }\n    { ruleSetType: 'Microsoft_BotManagerRuleSet', ruleSetVersion: '1.1' }\n  ]\n}",
      terraform:
        'managed_rules {\n  managed_rule_set {\n    type    = "Microsoft_DefaultRuleSet"\n    version = "2.1"\n  }\n}',
    },
    links: [
      'https://learn.microsoft.com/azure/web-application-firewall/ag/application-gateway-crs-rulegroups-rules',
      'https://learn.microsoft.com/azure/web-application-firewall/afds/waf-front-door-drs',
    ],
    notes: [
      'Current means: Application Gateway OWASP 3.2+ or Microsoft_DefaultRuleSet 2.1+; Front Door Microsoft_DefaultRuleSet 2.0+.',
      'Front Door Standard cannot run managed rule sets; such policies are reported with a recommendation to use Premium.',
      'Inline webApplicationFirewallConfiguration on an Application Gateway is checked for OWASP 3.2+.',
    ],
  },
  *check({ graph }): Iterable<FindingDraft> {
    for (const waf of wafPolicies(graph)) {
      if (waf.kind === 'front-door' && !waf.supportsManagedRules) {
        yield {
          resource: waf.resource,
          message: `${waf.label} is Front Door Standard tier, which cannot run managed rule sets: only custom rules protect the endpoints. Use Premium with Microsoft_DefaultRuleSet 2.1.`,
        };
        continue;
      }
      const sets = waf.managedRuleSets;
      if (!sets) continue;
      const current = CURRENT_CORE_SETS[waf.kind];
      if (sets.some((s) => isCurrent(s, current))) continue;
      const outdated = sets.find((s) => CORE_SET_TYPES.some((t) => isRuleSetType(s, t)));
      yield outdated
        ? {
            resource: waf.resource,
            path: outdated.path,
            message: `${waf.label} uses ${outdated.type} ${outdated.version}; use ${describe(current)}.`,
          }
        : {
            resource: waf.resource,
            path: waf.resource.properties.managedRules === undefined ? [] : waf.managedRuleSetsPath,
            message: `${waf.label} has no OWASP / Default Rule Set: known web attacks are not recognised. Add ${describe(current)}.`,
          };
    }
    for (const gateway of graph.ofType('Microsoft.Network/applicationGateways')) {
      const config = recordOf(gateway.properties.webApplicationFirewallConfiguration);
      if (!config || gateway.properties.firewallPolicy != null || config.enabled !== true) continue;
      const { ruleSetType: type, ruleSetVersion: version } = config;
      if (isUnknown(type) || isUnknown(version) || typeof version !== 'string') continue;
      if (typeof type === 'string' && type.toLowerCase() === 'owasp' && ruleSetVersionNumber(version) >= 3.02)
        continue;
      yield {
        resource: gateway,
        path: ['properties', 'webApplicationFirewallConfiguration', 'ruleSetVersion'],
        message: `Application Gateway '${gateway.name}' runs ${String(type)} ${version} in its inline WAF configuration; move to a WAF policy with Microsoft_DefaultRuleSet 2.1 (or OWASP 3.2).`,
      };
    }
  },
});

function isCurrent(set: ManagedRuleSet, current: Readonly<Record<string, string>>): boolean {
  return Object.entries(current).some(
    ([type, min]) =>
      isRuleSetType(set, type) && ruleSetVersionNumber(set.version) >= ruleSetVersionNumber(min),
  );
}

function describe(current: Readonly<Record<string, string>>): string {
  return Object.entries(current)
    .map(([type, min]) => `${type} ${min} or later`)
    .join(' or ');
}
