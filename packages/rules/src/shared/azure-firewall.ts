/**
 * Azure Firewall as rules see it: which policy governs a firewall, and every rule of every
 * collection whether written in a firewall policy's rule collection groups or in the classic
 * `natRuleCollections` / `networkRuleCollections` / `applicationRuleCollections` of the firewall.
 */
import { isUnknown, type Resource, type ResourceGraph } from '@ztkit/core';
import { arrayOf, enumIs, type Json, lowerString, recordOf, subProperties } from './property-values.js';

export type FirewallPolicyLink =
  /** Classic rules: the firewall carries its own settings. */
  | { readonly kind: 'classic' }
  /** The policy is in this scan. */
  | { readonly kind: 'policy'; readonly policy: Resource }
  /** A policy is attached but not in this scan, or its reference is not known statically. */
  | { readonly kind: 'external' };

export function firewallPolicyOf(graph: ResourceGraph, firewall: Resource): FirewallPolicyLink {
  const ref = firewall.properties.firewallPolicy;
  if (ref == null) return { kind: 'classic' };
  const policy = graph.resolve(ref);
  return policy ? { kind: 'policy', policy } : { kind: 'external' };
}

/** Firewalls deployed into a Virtual WAN hub only work with a policy; they have no classic settings. */
export function isHubFirewall(firewall: Resource): boolean {
  return (
    enumIs(recordOf(firewall.properties.sku)?.name, 'AZFW_Hub') || firewall.properties.virtualHub != null
  );
}

/** Firewall policy tier, `standard` when not set (the API default). Unknown when not known statically. */
export function policyTier(policy: Resource): string | 'unknown' {
  const tier = recordOf(policy.properties.sku)?.tier;
  if (isUnknown(tier)) return 'unknown';
  return lowerString(tier) ?? 'standard';
}

export type RuleKind = 'nat' | 'network' | 'application';

/** One firewall rule with the resource and path that hold it. */
export interface FirewallRule {
  readonly kind: RuleKind;
  /** The rule collection group (policy) or the firewall (classic). */
  readonly resource: Resource;
  readonly path: (string | number)[];
  readonly rule: Json;
  readonly ruleName: string;
  readonly collectionName: string;
  /** Collection action, lower-cased (`dnat`, `allow`, `deny`, `snat`), when known. */
  readonly action?: string;
  /** The governing firewall policy (policy rules only), when in the scan. */
  readonly policy?: Resource;
}

const POLICY_RULE_KINDS: Readonly<Record<string, RuleKind>> = {
  natrule: 'nat',
  networkrule: 'network',
  applicationrule: 'application',
};

/** Rules of firewall policies: `firewallPolicies/ruleCollectionGroups` `ruleCollections[].rules[]`. */
export function* policyRules(graph: ResourceGraph): Iterable<FirewallRule> {
  for (const group of graph.ofType('Microsoft.Network/firewallPolicies/ruleCollectionGroups')) {
    const policy = graph.parentOf(group);
    const collections = arrayOf(group.properties.ruleCollections);
    for (let c = 0; c < collections.length; c++) {
      const collection = recordOf(collections[c]);
      if (!collection) continue;
      const action = lowerString(recordOf(collection.action)?.type);
      const rules = arrayOf(collection.rules);
      for (let r = 0; r < rules.length; r++) {
        const rule = recordOf(rules[r]);
        const kind = POLICY_RULE_KINDS[lowerString(rule?.ruleType) ?? ''];
        if (!rule || !kind) continue;
        yield {
          kind,
          resource: group,
          path: ['properties', 'ruleCollections', c, 'rules', r],
          rule,
          ruleName: typeof rule.name === 'string' ? rule.name : `#${r}`,
          collectionName: typeof collection.name === 'string' ? collection.name : `#${c}`,
          action,
          policy,
        };
      }
    }
  }
}

const CLASSIC_COLLECTIONS: readonly [string, RuleKind][] = [
  ['natRuleCollections', 'nat'],
  ['networkRuleCollections', 'network'],
  ['applicationRuleCollections', 'application'],
];

/** Rules written on classic firewalls (`natRuleCollections[].properties.rules[]` and siblings). */
export function* classicRules(graph: ResourceGraph): Iterable<FirewallRule> {
  for (const firewall of graph.ofType('Microsoft.Network/azureFirewalls')) {
    for (const [property, kind] of CLASSIC_COLLECTIONS) {
      const collections = arrayOf(firewall.properties[property]);
      for (let c = 0; c < collections.length; c++) {
        const props = subProperties(collections[c]);
        if (!props) continue;
        const name = recordOf(collections[c])?.name;
        const action = lowerString(recordOf(props.action)?.type);
        const rules = arrayOf(props.rules);
        for (let r = 0; r < rules.length; r++) {
          const rule = recordOf(rules[r]);
          if (!rule) continue;
          yield {
            kind,
            resource: firewall,
            path: ['properties', property, c, 'properties', 'rules', r],
            rule,
            ruleName: typeof rule.name === 'string' ? rule.name : `#${r}`,
            collectionName: typeof name === 'string' ? name : `#${c}`,
            action: action ?? (kind === 'nat' ? 'dnat' : undefined),
          };
        }
      }
    }
  }
}

export function* allFirewallRules(graph: ResourceGraph): Iterable<FirewallRule> {
  yield* policyRules(graph);
  yield* classicRules(graph);
}

export type InheritedSetting<T> =
  | { readonly known: true; readonly value: T | undefined; readonly from: Resource }
  | { readonly known: false };

/**
 * A firewall policy setting, taking the base (parent) policy's value when the child does not set
 * it. Unknown when the value, or a base policy that would supply it, is not known statically.
 */
export function inheritedPolicySetting<T>(
  graph: ResourceGraph,
  policy: Resource,
  read: (policy: Resource) => T | undefined,
): InheritedSetting<T> {
  const seen = new Set<Resource>();
  let current: Resource | undefined = policy;
  while (current && !seen.has(current)) {
    seen.add(current);
    const value = read(current);
    if (isUnknown(value)) return { known: false };
    if (value !== undefined) return { known: true, value, from: current };
    const base = current.properties.basePolicy;
    if (base == null) return { known: true, value: undefined, from: current };
    current = graph.resolve(base);
  }
  return { known: false };
}
