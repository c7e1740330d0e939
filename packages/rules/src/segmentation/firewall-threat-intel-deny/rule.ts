import { defineRule, type FindingDraft, isUnknown, type Resource, type ResourceGraph } from '@ztkit/core';
import { firewallPolicyOf, isHubFirewall, policyTier } from '../../shared/azure-firewall.js';
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
      'A child policy inherits the mode of its base policy and may only make it stricter (Off < Alert < Deny): the strictest mode on the chain applies. When a base policy is not in the scan and the chain has no Deny, the rule cannot tell.',
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
      const setting = effectiveMode(graph, policy);
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

const STRICTNESS: Readonly<Record<string, number>> = { off: 0, alert: 1, deny: 2 };

type Effective =
  | { readonly known: true; readonly value: unknown; readonly from: Resource }
  | { readonly known: false };

/**
 * The mode a policy enforces. Firewall Manager lets a child policy override its parent's threat
 * intelligence mode only with a stricter one, so the strictest mode set anywhere on the base-policy
 * chain wins (a child's "Alert" under a "Deny" parent still denies). `from` is the policy that sets
 * it. A mode not known statically, or a chain that leaves the scan, is unknown unless Deny is
 * already on the chain (nothing can relax it).
 */
function effectiveMode(graph: ResourceGraph, policy: Resource): Effective {
  const seen = new Set<Resource>();
  let best: { value: unknown; from: Resource; rank: number } | undefined;
  let uncertain = false;
  for (let current: Resource | undefined = policy; current && !seen.has(current); ) {
    seen.add(current);
    const value = current.properties.threatIntelMode;
    if (isUnknown(value)) uncertain = true;
    else if (typeof value === 'string') {
      const rank = STRICTNESS[value.toLowerCase()] ?? -1;
      if (rank === STRICTNESS.deny) return { known: true, value, from: current };
      if (!best || rank > best.rank) best = { value, from: current, rank };
    }
    const base = current.properties.basePolicy;
    if (base == null) break;
    if (isUnknown(base)) {
      uncertain = true;
      break;
    }
    current = graph.resolve(base);
    if (!current) uncertain = true;
  }
  if (uncertain) return { known: false };
  return best
    ? { known: true, value: best.value, from: best.from }
    : { known: true, value: undefined, from: policy };
}
