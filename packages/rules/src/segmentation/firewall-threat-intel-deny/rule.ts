import { defineRule, type FindingDraft, isUnknown } from '@ztkit/core';
import {
  firewallPolicyOf,
  inheritedPolicySetting,
  isHubFirewall,
  policyTier,
} from '../../shared/azure-firewall.js';
import { insecureParameterFinding } from '../../shared/parameter-bindings.js';
import { enumIs } from '../../shared/property-values.js';

/** Azure's default when threatIntelMode is not set. */
const DEFAULT_MODE = 'Alert';

export default defineRule({
  meta: {
    id: 'ZT-S10-01',
    title: 'Azure Firewall threat intelligence filtering is in Deny mode',
    severity: 'high',
    catalog: ['S10'],
    principles: ['assume-breach'],
    pack: 'segmentation',
    source: [
      {
        document: '002',
        step: '§3 Threat protection: cloud native filtering and protection for known threats',
      },
    ],
    benchmark: ['NS-1', 'NS-10'],
    peers: { checkov: ['CKV_AZURE_216'], psrule: ['Azure.Firewall.Mode', 'Azure.Firewall.PolicyMode'] },
    resourceTypes: ['Microsoft.Network/azureFirewalls', 'Microsoft.Network/firewallPolicies'],
    rationale:
      'Threat intelligence lists IP addresses, domains and URLs known to be malicious. In Alert mode (the default) the firewall only logs traffic to and from them; Deny blocks command-and-control and known attack sources before they reach a workload.',
    remediation: {
      summary:
        "Set threatIntelMode to 'Deny' on the firewall policy (or on a classic firewall without a policy); allow-list false positives in threatIntelWhitelist.",
      arm: '"properties": { "threatIntelMode": "Deny", "sku": { "tier": "Premium" } }',
      bicep: "properties: {\n  threatIntelMode: 'Deny'\n}",
      terraform:
        'resource "azurerm_firewall_policy" "hub" {\n  # ...\n  threat_intelligence_mode = "Deny"\n}',
    },
    links: ['https://learn.microsoft.com/azure/firewall/threat-intel'],
    notes: [
      "threatIntelMode absent is read as 'Alert', the Azure default.",
      'A firewall attached to a policy takes the policy setting; its own threatIntelMode is ignored by Azure and not judged.',
      'A child policy that does not set the mode inherits its base policy; when the base policy is not in the scan the rule cannot tell.',
      'Azure Firewall Basic supports threat intelligence in Alert mode only; a Basic policy is reported with that explanation.',
      'When the mode comes from a parameter whose default or allowed values include Alert or Off, the finding lands on the parameter declaration.',
    ],
  },
  *check({ graph }): Iterable<FindingDraft> {
    const notDeny = (v: unknown) => typeof v === 'string' && !enumIs(v, 'Deny');
    for (const policy of graph.ofType('Microsoft.Network/firewallPolicies')) {
      const viaParameter = insecureParameterFinding(
        policy,
        ['properties', 'threatIntelMode'],
        notDeny,
        `the threat intelligence mode of firewall policy '${policy.name}'`,
      );
      if (viaParameter) {
        yield viaParameter;
        continue;
      }
      const setting = inheritedPolicySetting(graph, policy, (p) => p.properties.threatIntelMode);
      if (!setting.known) continue;
      const mode = setting.value ?? DEFAULT_MODE;
      if (enumIs(mode, 'Deny')) continue;
      const own = policy.properties.threatIntelMode !== undefined;
      if (policyTier(policy) === 'basic') {
        yield {
          resource: policy,
          path: own ? ['properties', 'threatIntelMode'] : ['properties', 'sku'],
          severity: 'medium',
          message: `Firewall policy '${policy.name}' is Basic tier, which only alerts on threat intelligence matches; use Standard or Premium to deny them.`,
        };
        continue;
      }
      if (setting.from !== policy) {
        yield {
          resource: policy,
          path: ['properties', 'basePolicy'],
          message: `Firewall policy '${policy.name}' inherits threat intelligence mode '${String(mode)}' from base policy '${setting.from.name}': traffic to and from known-malicious addresses is not blocked.`,
        };
        continue;
      }
      yield {
        resource: policy,
        path: own ? ['properties', 'threatIntelMode'] : [],
        message: own
          ? `Firewall policy '${policy.name}' has threat intelligence in '${String(mode)}' mode: traffic to and from known-malicious addresses is not blocked.`
          : `Firewall policy '${policy.name}' does not set threatIntelMode; the default '${DEFAULT_MODE}' only logs traffic to and from known-malicious addresses.`,
      };
    }
    for (const firewall of graph.ofType('Microsoft.Network/azureFirewalls')) {
      if (firewallPolicyOf(graph, firewall).kind !== 'classic' || isHubFirewall(firewall)) continue;
      const viaParameter = insecureParameterFinding(
        firewall,
        ['properties', 'threatIntelMode'],
        notDeny,
        `the threat intelligence mode of firewall '${firewall.name}'`,
      );
      if (viaParameter) {
        yield viaParameter;
        continue;
      }
      const raw = firewall.properties.threatIntelMode;
      if (isUnknown(raw) || enumIs(raw, 'Deny')) continue;
      yield {
        resource: firewall,
        path: raw === undefined ? [] : ['properties', 'threatIntelMode'],
        message:
          raw === undefined
            ? `Firewall '${firewall.name}' (classic rules) does not set threatIntelMode; the default '${DEFAULT_MODE}' only logs traffic to and from known-malicious addresses.`
            : `Firewall '${firewall.name}' (classic rules) has threat intelligence in '${String(raw)}' mode: traffic to and from known-malicious addresses is not blocked.`,
      };
    }
  },
});
