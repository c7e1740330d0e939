import { defineRule, type FindingDraft } from '@ztkit/core';
import { wafPolicies } from '../../shared/waf-policies.js';

export default defineRule({
  meta: {
    id: 'ZT-S15-01',
    title: 'WAF policies carry custom rules for the workload',
    severity: 'info',
    catalog: ['S15'],
    principles: ['assume-breach', 'least-privilege'],
    pack: 'segmentation',
    source: [
      {
        document: '002',
        step: '§3 Threat protection: cloud native filtering and protection for known threats',
      },
    ],
    benchmark: ['NS-6'],
    peers: {},
    resourceTypes: [
      'Microsoft.Network/ApplicationGatewayWebApplicationFirewallPolicies',
      'Microsoft.Network/FrontDoorWebApplicationFirewallPolicies',
    ],
    rationale:
      'Managed rule sets know generic attacks; only custom rules know the business: rate limits on the login page, geo-filtering, blocking paths that must never be public, allowing only the expected methods. A policy without any is worth a second look.',
    remediation: {
      summary:
        'Add custom rules for threats specific to the application (rate limiting, geo-filtering, path and method restrictions) where the workload needs them.',
      arm: '"customRules": [\n  {\n    "name": "RateLimitLogin",\n    "priority": 10,\n    "ruleType": "RateLimitRule",\n    "rateLimitDuration": "OneMin",\n    "rateLimitThreshold": 100,\n    "action": "Block",\n    "matchConditions": [ { "matchVariables": [ { "variableName": "RequestUri" } ], "operator": "Contains", "matchValues": [ "/login" ] } ]\n  }\n]',
      bicep:
        "customRules: [\n  {\n    name: 'RateLimitLogin'\n    priority: 10\n    ruleType: 'RateLimitRule'\n    rateLimitDuration: 'OneMin'\n    rateLimitThreshold: 100\n    action: 'Block'\n    matchConditions: [\n      {\n        matchVariables: [ { variableName: 'RequestUri' } ]\n        operator: 'Contains'\n        matchValues: [ '/login' ]\n      }\n    ]\n  }\n]",
      terraform:
        'custom_rules {\n  name      = "BlockAdminPath"\n  priority  = 10\n  rule_type = "MatchRule"\n  action    = "Block"\n  match_conditions {\n    match_variables {\n      variable_name = "RequestUri"\n    }\n    operator     = "Contains"\n    match_values = ["/admin"]\n  }\n}',
    },
    links: [
      'https://learn.microsoft.com/azure/web-application-firewall/ag/custom-waf-rules-overview',
      'https://learn.microsoft.com/azure/web-application-firewall/afds/waf-front-door-custom-rules',
    ],
    notes: [
      'Informational: whether a workload needs custom rules cannot be decided from the template alone.',
    ],
  },
  *check({ graph }): Iterable<FindingDraft> {
    for (const waf of wafPolicies(graph)) {
      if (!waf.customRules || waf.customRules.length > 0) continue;
      yield {
        resource: waf.resource,
        path: waf.resource.properties.customRules === undefined ? [] : waf.customRulesPath,
        message: `${waf.label} has no custom rules: consider rate limits, geo-filtering or path restrictions specific to the application.`,
      };
    }
  },
});
