import { AddressSet } from '../net/address-set.js';
import type { IntervalSet } from '../net/interval-set.js';
import type { ProtocolMask } from '../net/protocol.js';
import type { NormalisedRule, RuleRef } from './security-rule.js';

let everyAddress: AddressSet | undefined;
/** Every IPv4 and IPv6 address (no service tags): what `*` covers for a target of unknown address. */
function everyIpAddress(): AddressSet {
  everyAddress ??= AddressSet.ANY.withTags({ all: false, names: new Set() });
  return everyAddress;
}

/**
 * A region of traffic (protocols x destination ports x remote addresses) and the rules that decided
 * it, in evaluation order (subnet NSG rule, then NIC NSG rule for inbound).
 */
export interface Traffic {
  readonly protocols: ProtocolMask;
  readonly ports: IntervalSet;
  readonly remote: AddressSet;
  readonly decidedBy: readonly RuleRef[];
  /** Some rule on the way could not be read exactly, or matched only part of the target. */
  readonly uncertain: boolean;
}

/** The end an NSG guards, as rules see it. */
export interface LocalTarget {
  /** Addresses of the target; undefined when not known statically (dynamic IP of unknown subnet). */
  readonly addresses?: AddressSet;
  /** True when `addresses` is a superset (a NIC whose IP is dynamic: its subnet). */
  readonly addressesApproximate: boolean;
  /** ASGs every host of the target is in (a NIC's own ASGs). */
  readonly asgsAll: ReadonlySet<string>;
  /** ASGs some host of the target is in (a subnet's NICs' ASGs). */
  readonly asgsSome: ReadonlySet<string>;
}

export type Match = 'all' | 'some' | 'none';

export function localMatch(rule: NormalisedRule, target: LocalTarget): Match {
  // `*` on the local side (the usual case) covers every target, whatever its addresses.
  if (rule.localPrefixes === AddressSet.ANY) return 'all';
  let byPrefix: Match = 'none';
  if (!target.addresses)
    byPrefix = rule.localPrefixes.covers(everyIpAddress())
      ? 'all'
      : rule.localPrefixes.isEmpty
        ? 'none'
        : 'some';
  else if (rule.localPrefixes.covers(target.addresses)) byPrefix = 'all';
  else if (rule.localPrefixes.overlaps(target.addresses)) byPrefix = 'some';
  if (
    byPrefix === 'all' &&
    target.addresses &&
    target.addressesApproximate &&
    !rule.localPrefixes.covers(target.addresses)
  )
    byPrefix = 'some';
  let byAsg: Match = 'none';
  for (const asg of rule.localAsgs) {
    if (target.asgsAll.has(asg)) byAsg = 'all';
    else if (byAsg === 'none' && target.asgsSome.has(asg)) byAsg = 'some';
  }
  if (byPrefix === 'all' || byAsg === 'all') return 'all';
  if (byPrefix === 'some' || byAsg === 'some') return 'some';
  return 'none';
}

export interface NsgEvaluation {
  readonly allowed: Traffic[];
  readonly denied: Traffic[];
  /** Per rule, the traffic it decided (absent or empty: the rule never decides anything here). */
  readonly decidedByRule: Map<NormalisedRule, Traffic[]>;
  /** Work cap reached: the rest of the traffic is reported as allowed and uncertain. */
  readonly truncated: boolean;
}

/** Upper bound on live traffic regions during one evaluation (fragmentation guard). */
export const MAX_REGIONS = 4096;

/** Whether the rule's region meets `t` (checked without building the intersection). */
function meets(t: Traffic, r: NormalisedRule): boolean {
  return (t.protocols & r.protocols) !== 0 && t.ports.overlaps(r.ports) && t.remote.overlaps(r.remote);
}

/** `t` minus the rule's region, as at most three disjoint regions. */
function subtract(t: Traffic, r: NormalisedRule, out: Traffic[]): void {
  const otherProtocols = t.protocols & ~r.protocols;
  if (otherProtocols !== 0) out.push({ ...t, protocols: otherProtocols });
  const protocols = t.protocols & r.protocols;
  const otherPorts = t.ports.subtract(r.ports);
  if (!otherPorts.isEmpty) out.push({ ...t, protocols, ports: otherPorts });
  const ports = t.ports.intersect(r.ports);
  const otherRemote = t.remote.subtract(r.remote);
  if (!otherRemote.isEmpty) out.push({ ...t, protocols, ports, remote: otherRemote });
}

/**
 * Evaluate one NSG the way Azure does: rules in priority order, the first rule that matches a
 * packet decides it. `input` is the traffic still to decide (the whole universe, or what the
 * subnet NSG allowed when evaluating the NIC NSG). `rules` must include the default rules.
 *
 * A rule that matches only some hosts of the target (a destination prefix inside the subnet, an
 * ASG some NICs are in) cannot settle the traffic for the whole target: an allow adds what it
 * matches to `allowed` (marked uncertain) and lets the rest go on; a deny is ignored. The result
 * therefore over-approximates what is allowed, which is the safe direction for exposure.
 */
export function evaluateNsg(
  sortedRules: readonly NormalisedRule[],
  target: LocalTarget,
  input: Traffic[],
  maxRegions = MAX_REGIONS,
  /** `localMatch(rule, target)` per rule, when the caller already has it. */
  matches?: readonly Match[],
): NsgEvaluation {
  let live = input;
  const allowed: Traffic[] = [];
  const denied: Traffic[] = [];
  const decidedByRule = new Map<NormalisedRule, Traffic[]>();
  let truncated = false;
  for (let index = 0; index < sortedRules.length; index++) {
    const rule = sortedRules[index]!;
    if (live.length === 0) break;
    const match = matches ? matches[index]! : localMatch(rule, target);
    if (match === 'none') continue;
    const partial = match === 'some' || rule.restrictsSourcePorts;
    if (rule.uncertain && rule.ref.access === 'Deny') {
      // A deny we cannot read might stop any of this traffic: what passes is "cannot tell".
      live = live.map((t) => (t.uncertain ? t : { ...t, uncertain: true }));
    }
    if (partial && rule.ref.access === 'Deny') continue;
    const next: Traffic[] = [];
    const decided: Traffic[] = [];
    for (const t of live) {
      if (!meets(t, rule)) {
        next.push(t);
        continue;
      }
      decided.push({
        protocols: t.protocols & rule.protocols,
        ports: t.ports.intersect(rule.ports),
        remote: t.remote.intersect(rule.remote),
        decidedBy: [...t.decidedBy, rule.ref],
        uncertain: t.uncertain || rule.uncertain || partial,
      });
      if (partial) next.push(t);
      else subtract(t, rule, next);
    }
    if (decided.length) {
      decidedByRule.set(rule, decided);
      (rule.ref.access === 'Allow' ? allowed : denied).push(...decided);
    }
    live = next;
    if (live.length > maxRegions) {
      truncated = true;
      for (const t of live) allowed.push({ ...t, uncertain: true });
      live = [];
      break;
    }
  }
  // Default rules end with DenyAll, so nothing is left; without them the rest is implicitly denied.
  denied.push(...live);
  return { allowed, denied, decidedByRule, truncated };
}

/** Azure processes rules by ascending priority; ties (invalid in Azure) keep template order. */
export function byPriority(rules: readonly NormalisedRule[]): NormalisedRule[] {
  return [...rules].sort(
    (a, b) => a.ref.priority - b.ref.priority || (a.ref.index ?? 0) - (b.ref.index ?? 0),
  );
}
