import { defineRule, type FindingDraft, isUnknown } from '@ztkit/core';
import { insecureParameterFinding } from '../../shared/parameter-bindings.js';
import { enumIs, recordOf } from '../../shared/property-values.js';
import { wafPolicies } from '../../shared/waf-policies.js';

export default defineRule({
  meta: {
    id: 'ZT-S13-01',
    title: 'WAF policies are enabled and in Prevention mode',
    severity: 'high',
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
    peers: {
      checkov: ['CKV_AZURE_122', 'CKV_AZURE_123'],
      psrule: [
        'Azure.AppGwWAF.Enabled',
        'Azure.AppGwWAF.PreventionMode',
        'Azure.FrontDoorWAF.Enabled',
        'Azure.FrontDoorWAF.PreventionMode',
        'Azure.AppGw.WAFEnabled',
        'Azure.AppGw.Prevention',
      ],
    },
    resourceTypes: [
      'Microsoft.Network/ApplicationGatewayWebApplicationFirewallPolicies',
      'Microsoft.Network/FrontDoorWebApplicationFirewallPolicies',
      'Microsoft.Network/applicationGateways',
    ],
    rationale:
      'A WAF in Detection mode logs SQL injection, cross-site scripting and protocol attacks and lets every one of them through; a disabled policy does nothing at all. Only an enabled policy in Prevention mode blocks known web attacks.',
    remediation: {
      summary:
        "Set policySettings.state (Application Gateway) or policySettings.enabledState (Front Door) to 'Enabled' and policySettings.mode to 'Prevention', after tuning false positives in Detection.",
      arm: '"policySettings": { "state": "Enabled", "mode": "Prevention", "requestBodyCheck": true }',
      bicep: "policySettings: {\n  state: 'Enabled'\n  mode: 'Prevention'\n  requestBodyCheck: true\n}",
      terraform: 'policy_settings {\n  enabled = true\n  mode    = "Prevention"\n}',
    },
    links: [
      'https://learn.microsoft.com/azure/web-application-firewall/ag/ag-overview#waf-modes',
      'https://learn.microsoft.com/azure/web-application-firewall/afds/waf-front-door-policy-settings',
    ],
    notes: [
      'A policy that does not set its mode is reported at medium severity: set Prevention explicitly rather than rely on a default that differs between tools and portals.',
      'Application Gateways with an inline webApplicationFirewallConfiguration (no WAF policy) are checked on enabled and firewallMode.',
      'When the mode or state comes from a parameter whose default or allowed values include Detection or Disabled, the finding lands on the parameter declaration.',
    ],
  },
  *check({ graph }): Iterable<FindingDraft> {
    for (const waf of wafPolicies(graph)) {
      const { enabled, mode } = waf;
      // A parameter that lets the deployer pick Detection or Disabled is fixed at its declaration.
      const stateParameter = insecureParameterFinding(
        waf.resource,
        enabled.path,
        (v) => enumIs(v, 'Disabled'),
        `the state of ${waf.label}`,
      );
      const modeParameter = insecureParameterFinding(
        waf.resource,
        mode.path,
        (v) => typeof v === 'string' && !enumIs(v, 'Prevention'),
        `the mode of ${waf.label}`,
      );
      if (stateParameter) yield stateParameter;
      if (modeParameter) yield modeParameter;
      if (stateParameter || modeParameter) continue;
      if (enumIs(enabled.value, 'Disabled')) {
        yield {
          resource: waf.resource,
          path: enabled.path,
          message: `${waf.label} is disabled: requests pass without inspection.`,
        };
        continue;
      }
      if (isUnknown(enabled.value) || isUnknown(mode.value) || enumIs(mode.value, 'Prevention')) continue;
      yield mode.value === undefined
        ? {
            resource: waf.resource,
            path: recordOf(waf.resource.properties.policySettings) ? ['properties', 'policySettings'] : [],
            severity: 'medium',
            message: `${waf.label} does not set policySettings.mode: set 'Prevention' explicitly so that matched attacks are blocked.`,
          }
        : {
            resource: waf.resource,
            path: mode.path,
            message: `${waf.label} is in '${String(mode.value)}' mode: attacks are logged but not blocked.`,
          };
    }
    for (const gateway of graph.ofType('Microsoft.Network/applicationGateways')) {
      const config = recordOf(gateway.properties.webApplicationFirewallConfiguration);
      if (!config || gateway.properties.firewallPolicy != null) continue;
      const base = ['properties', 'webApplicationFirewallConfiguration'];
      if (config.enabled === false) {
        yield {
          resource: gateway,
          path: [...base, 'enabled'],
          message: `Application Gateway '${gateway.name}' has its WAF configuration disabled: requests pass without inspection.`,
        };
      } else if (
        config.enabled === true &&
        !isUnknown(config.firewallMode) &&
        !enumIs(config.firewallMode, 'Prevention')
      ) {
        yield {
          resource: gateway,
          path: config.firewallMode === undefined ? base : [...base, 'firewallMode'],
          message: `Application Gateway '${gateway.name}' runs its WAF in '${String(config.firewallMode ?? 'Detection')}' mode: attacks are logged but not blocked.`,
        };
      }
    }
  },
});
