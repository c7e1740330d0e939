import { isUnknown } from '@ztkit/core';
import { AddressSet, AZURE_LOAD_BALANCER, INTERNET } from '../net/address-set.js';
import { parsePrefix } from '../net/cidr.js';

/**
 * What an NSG address value means where it is evaluated. `VirtualNetwork` depends on the VNet the
 * NSG guards (its address space, peered VNets' spaces, and on-premises ranges ztkit cannot see).
 */
export interface PrefixContext {
  readonly virtualNetwork: AddressSet;
}

export type ResolvedPrefix =
  | { readonly kind: 'set'; readonly set: AddressSet; readonly label: string }
  | { readonly kind: 'unknown'; readonly label: string };

const SERVICE_TAG = /^[A-Za-z][A-Za-z0-9]*(?:\.[A-Za-z0-9]+)*$/;

/**
 * Resolve one NSG address prefix value: `*`/`Any`, `Internet`, `VirtualNetwork`,
 * `AzureLoadBalancer`, a CIDR or address, or another service tag. Service tags other than those four
 * (Storage, Sql, AzureCloud.westeurope, ...) stay opaque atoms: Azure publishes their ranges
 * weekly and a static scan cannot know them, so they never cover literal CIDRs and are all part of
 * `Internet` (they name Azure's public addresses).
 */
export function resolvePrefix(value: unknown, ctx: PrefixContext): ResolvedPrefix {
  if (isUnknown(value)) return { kind: 'unknown', label: String(value) };
  if (typeof value !== 'string') return { kind: 'unknown', label: String(value) };
  const text = value.trim();
  const lower = text.toLowerCase();
  if (lower === '*' || lower === 'any') return { kind: 'set', set: AddressSet.ANY, label: '*' };
  if (lower === 'internet') return { kind: 'set', set: INTERNET, label: 'Internet' };
  if (lower === 'virtualnetwork') return { kind: 'set', set: ctx.virtualNetwork, label: 'VirtualNetwork' };
  if (lower === 'azureloadbalancer')
    return { kind: 'set', set: AZURE_LOAD_BALANCER, label: 'AzureLoadBalancer' };
  const cached = literalCache.get(text);
  if (cached) return cached;
  const resolved = resolveLiteral(text);
  if (literalCache.size >= MAX_CACHED_LITERALS) literalCache.clear();
  literalCache.set(text, resolved);
  return resolved;
}

/**
 * CIDRs and service tags resolve the same way wherever they appear: estates repeat the same few
 * prefixes in thousands of rules, so each is parsed once (the sets are immutable and shared).
 */
const literalCache = new Map<string, ResolvedPrefix>();
const MAX_CACHED_LITERALS = 50_000;

function resolveLiteral(text: string): ResolvedPrefix {
  const parsed = parsePrefix(text);
  if (parsed) {
    // 0.0.0.0/0 and ::/0 are how templates often spell "anywhere": they also cover the service-tag
    // atoms of that family, which are public addresses too.
    const set = AddressSet.ofPrefixes([text]);
    return { kind: 'set', set: parsed.length === 0 ? set.withTags(AddressSet.allTags()) : set, label: text };
  }
  if (SERVICE_TAG.test(text)) return { kind: 'set', set: AddressSet.ofTag(text), label: text };
  return { kind: 'unknown', label: text };
}

/** Resolve a rule's single value and its array form together (Azure uses one or the other). */
export function resolvePrefixes(
  single: unknown,
  list: unknown,
  ctx: PrefixContext,
): { set: AddressSet; labels: string[]; unknown: boolean; present: boolean } {
  const values: unknown[] = [];
  if (single !== undefined && single !== null && single !== '') values.push(single);
  if (isUnknown(list)) return { set: AddressSet.EMPTY, labels: [String(list)], unknown: true, present: true };
  if (Array.isArray(list)) values.push(...list);
  let set = AddressSet.EMPTY;
  const labels: string[] = [];
  let unknownSeen = false;
  for (const v of values) {
    const r = resolvePrefix(v, ctx);
    labels.push(r.label);
    if (r.kind === 'unknown') unknownSeen = true;
    else set = set.union(r.set);
  }
  return { set, labels, unknown: unknownSeen, present: values.length > 0 };
}
