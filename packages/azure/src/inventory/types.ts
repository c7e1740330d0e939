import type { Rule } from '@ztkit/core';

/**
 * Types the network analysis reads beyond those the rules name in their metadata: what NICs,
 * scale sets, load balancers, route tables and friends contribute to reachability.
 */
const ANALYSIS_TYPES = [
  'Microsoft.Network/networkInterfaces',
  'Microsoft.Compute/virtualMachines',
  'Microsoft.Compute/virtualMachineScaleSets',
  'Microsoft.Network/loadBalancers',
  'Microsoft.Network/routeTables',
  'Microsoft.Network/applicationSecurityGroups',
  'Microsoft.Network/applicationGateways',
  'Microsoft.Network/azureFirewalls',
  'Microsoft.Network/firewallPolicies',
  'Microsoft.Network/bastionHosts',
  'Microsoft.Network/publicIPAddresses',
  'Microsoft.Network/privateEndpoints',
  'Microsoft.Network/natGateways',
  'Microsoft.Network/virtualNetworkGateways',
  'Microsoft.Network/virtualNetworks',
  'Microsoft.Network/networkSecurityGroups',
];

/** Children ARM returns inline in the parent's properties; the graph turns them into resources. */
const INLINE_CHILDREN = new Set(
  [
    'Microsoft.Network/virtualNetworks/subnets',
    'Microsoft.Network/virtualNetworks/virtualNetworkPeerings',
    'Microsoft.Network/networkSecurityGroups/securityRules',
    'Microsoft.Network/routeTables/routes',
  ].map((t) => t.toLowerCase()),
);

/** Children read separately through @azure/arm-network (see firewall-policies.ts). */
export const DETAIL_CHILDREN = new Set(['microsoft.network/firewallpolicies/rulecollectiongroups']);

export interface InventoryTypes {
  /** Every type the query asks Resource Graph for, lower case (ARG compares types in lower case). */
  readonly queried: readonly string[];
  /** Canonical spelling by lower-case type: ARG returns `microsoft.network/virtualnetworks`. */
  canonical(type: string): string | undefined;
  /**
   * Types rules read that are neither inline children nor read in detail, so live data has them
   * only if Resource Graph indexes them (it does not index, for example, diagnostic settings or
   * App Service `config`): reported, so that a clean result is not mistaken for a checked one.
   */
  readonly maybeMissing: readonly string[];
}

export function inventoryTypes(rules: readonly Rule[]): InventoryTypes {
  const canonical = new Map<string, string>();
  for (const t of [...ANALYSIS_TYPES, ...rules.flatMap((r) => r.meta.resourceTypes)])
    if (!canonical.has(t.toLowerCase())) canonical.set(t.toLowerCase(), t);
  const queried: string[] = [];
  const maybeMissing: string[] = [];
  for (const [lower, spelled] of canonical) {
    if (INLINE_CHILDREN.has(lower) || DETAIL_CHILDREN.has(lower)) continue;
    queried.push(lower);
    if (lower.split('/').length > 2) maybeMissing.push(spelled);
  }
  queried.sort();
  maybeMissing.sort();
  return { queried, canonical: (t) => canonical.get(t.toLowerCase()), maybeMissing };
}
