import { defineRule, type FindingDraft } from '@ztkit/core';
import {
  firewallPolicyOf,
  inheritedPolicySetting,
  isHubFirewall,
  policyTier,
} from '../../shared/azure-firewall.js';
import { insecureParameterFinding } from '../../shared/parameter-bindings.js';
import { enumIs, recordOf } from '../../shared/property-values.js';

export default defineRule({
  meta: {
    id: 'ZT-S11-01',
    title: 'Azure Firewall runs Premium IDPS in Deny mode',
    severity: 'high',
    catalog: ['S11'],
    principles: ['assume-breach'],
    pack: 'segmentation',
    source: [
      {
        document: '002',
        step: '§6 Threat protection: machine learning-based threat protection and filtering',
      },
      { document: '002', step: '§3 Threat protection: known attacks' },
    ],
    benchmark: ['NS-10'],
    peers: { checkov: ['CKV_AZURE_220'] },
    resourceTypes: ['Microsoft.Network/firewallPolicies', 'Microsoft.Network/azureFirewalls'],
    rationale:
      'The intrusion detection and prevention system matches traffic against tens of thousands of signatures for exploits, malware and command-and-control. It exists only in Azure Firewall Premium, and only Deny mode stops a matching flow; Alert mode leaves the attack running while someone reads the log.',
    remediation: {
      summary:
        "Use a Premium firewall policy with intrusionDetection.mode 'Deny' (and a Premium firewall); tune false positives with signatureOverrides rather than lowering the mode.",
      arm: '"properties": {\n  "sku": { "tier": "Premium" },\n  "intrusionDetection": { "mode": "Deny" }\n}',
      bicep: "properties: {\n  sku: { tier: 'Premium' }\n  intrusionDetection: { mode: 'Deny' }\n}",
      terraform:
        'resource "azurerm_firewall_policy" "hub" {\n  sku = "Premium"\n  intrusion_detection {\n    mode = "Deny"\n  }\n}',
    },
    links: [
      'https://learn.microsoft.com/azure/firewall/premium-features#idps',
      'https://learn.microsoft.com/azure/firewall/premium-deploy',
    ],
    notes: [
      'A policy without intrusionDetection is reported as not blocking: IDPS must be set to Deny explicitly.',
      'Standard and Basic policies, and classic firewalls without a policy, cannot run IDPS and are reported as such (medium).',
      'A child policy without intrusionDetection inherits its base policy; when the base policy is not in the scan the rule cannot tell.',
    ],
  },
  *check({ graph }): Iterable<FindingDraft> {
    for (const policy of graph.ofType('Microsoft.Network/firewallPolicies')) {
      const tier = policyTier(policy);
      if (tier === 'unknown') continue;
      if (tier !== 'premium') {
        yield {
          resource: policy,
          path: policy.properties.sku === undefined ? [] : ['properties', 'sku'],
          severity: 'medium',
          message: `Firewall policy '${policy.name}' is ${tier === 'basic' ? 'Basic' : 'Standard'} tier: intrusion detection and prevention (IDPS) is only available in Premium.`,
        };
        continue;
      }
      const viaParameter = insecureParameterFinding(
        policy,
        ['properties', 'intrusionDetection', 'mode'],
        (v) => typeof v === 'string' && !enumIs(v, 'Deny'),
        `the IDPS mode of firewall policy '${policy.name}'`,
      );
      if (viaParameter) {
        yield viaParameter;
        continue;
      }
      const setting = inheritedPolicySetting(graph, policy, (p) =>
        p.properties.intrusionDetection === undefined
          ? undefined
          : recordOf(p.properties.intrusionDetection)?.mode,
      );
      if (!setting.known || enumIs(setting.value, 'Deny')) continue;
      const own = setting.from === policy;
      const where = own ? '' : ` (inherited from '${setting.from.name}')`;
      yield {
        resource: policy,
        path: own
          ? setting.value === undefined
            ? []
            : ['properties', 'intrusionDetection', 'mode']
          : ['properties', 'basePolicy'],
        message:
          setting.value === undefined
            ? `Premium firewall policy '${policy.name}' does not configure intrusionDetection${where}: IDPS does not block matching traffic.`
            : `Premium firewall policy '${policy.name}' runs IDPS in '${String(setting.value)}' mode${where}: matching exploit and command-and-control traffic is not blocked.`,
      };
    }
    for (const firewall of graph.ofType('Microsoft.Network/azureFirewalls')) {
      if (firewallPolicyOf(graph, firewall).kind !== 'classic' || isHubFirewall(firewall)) continue;
      yield {
        resource: firewall,
        severity: 'medium',
        message: `Firewall '${firewall.name}' uses classic rules without a firewall policy: IDPS (a Premium policy feature) cannot be enabled.`,
      };
    }
  },
});
