/**
 * The common core of the Internet-exposure rules (S02 management ports, S03 all/wide ports, S05
 * data ports): which NSG rules let which Internet traffic reach which subnets and NICs, from the
 * effective evaluation of @ztkit/analysis. A rule shadowed by a higher-priority deny is not
 * exposure (it may be reported as a dead rule); an allow no public path reaches is reported lower.
 * Rules that admit only Azure's management planes (GatewayManager, ApiManagement, ...) are the
 * rules those services require, not exposure.
 */

import {
  type AddressSet,
  coversWholeInternet,
  describeRule,
  type ExposedTraffic,
  type ExposureEntry,
  formatTraffic,
  INTERNET,
  IntervalSet,
  isPlatformManagementOnly,
  type NetworkAnalysis,
  type NormalisedRule,
  Protocol,
  type RuleRef,
  type Traffic,
} from '@ztkit/analysis';
import type { FindingDraft, Resource, Severity } from '@ztkit/core';
import { nsgsToJudge, ruleLocation, type StandingNsg } from './standing-nsgs.js';

/** Severities of one exposure rule, by how real the exposure is. */
export interface ExposureSeverities {
  /** NSG-open from the whole Internet and forwarded by a public path. */
  readonly reachable: Severity;
  /** NSG-open, but no public IP, load balancer, DNAT or gateway in front (or NSG not attached). */
  readonly unreachable: Severity;
  /** Shadowed by a higher-priority rule: dead, misleading configuration. */
  readonly shadowed: Severity;
}

/** Ports of interest inside some exposed traffic (empty: not interesting). */
export type PortSelector = (ports: IntervalSet, protocols: number) => IntervalSet;

interface Target {
  readonly name: string;
  readonly traffic: string;
  readonly reachable: boolean;
  readonly wholeInternet: boolean;
  readonly via: readonly string[];
}

interface RuleHit {
  readonly ref: RuleRef;
  readonly targets: Target[];
}

const PORTED = Protocol.Tcp | Protocol.Udp;

function lower(s: Severity): Severity {
  const order: Severity[] = ['critical', 'high', 'medium', 'low', 'info'];
  return order[Math.min(order.indexOf(s) + 1, order.length - 1)]!;
}

function list(items: readonly string[], max = 3): string {
  return items.length <= max
    ? items.join(', ')
    : `${items.slice(0, max).join(', ')} and ${items.length - max} more`;
}

function interesting(
  t: ExposedTraffic,
  select: PortSelector,
): { ports: IntervalSet; protocols: number } | undefined {
  const protocols = t.protocols & PORTED;
  if (!protocols) return undefined;
  const ports = select(t.ports, protocols);
  return ports.isEmpty ? undefined : { ports, protocols };
}

/** Exposed traffic that can make a finding (certain, on a ported protocol), with its paths named. */
interface Candidate {
  readonly entry: ExposureEntry;
  readonly traffic: ExposedTraffic;
  readonly via: readonly string[];
}

/** An allow rule of an NSG that lets Internet traffic in on some port, evaluated on its own. */
interface NsgAllow {
  readonly rule: NormalisedRule;
  /** Its remote side within the Internet (not empty). */
  readonly candidate: AddressSet;
}

interface NsgOnItsOwn extends StandingNsg {
  readonly isAttached: boolean;
  readonly rules: readonly NormalisedRule[];
  readonly allows: readonly NsgAllow[];
  /** What each allow decides when the NSG is evaluated on its own, on ported protocols. */
  decided(rule: NormalisedRule): readonly Traffic[];
}

/**
 * What S02, S03 and S05 share: the exposure entries and traffic that can make a finding, and each
 * NSG's Internet allow rules with their detached evaluation. Built once per scan (the rules differ
 * only in the ports they select), from the memoised network analysis.
 */
interface ExposureBase {
  readonly candidates: readonly Candidate[];
  readonly nsgs: readonly NsgOnItsOwn[];
}

const bases = new WeakMap<NetworkAnalysis, ExposureBase>();

function exposureBase(net: NetworkAnalysis): ExposureBase {
  let base = bases.get(net);
  if (base) return base;
  const candidates: Candidate[] = [];
  for (const entry of net.exposure()) {
    if (!entry.standsForHosts) continue;
    for (const traffic of entry.exposed) {
      // Uncertain traffic never makes a finding: a value the evaluation needed is unknown.
      if (traffic.uncertain || !(traffic.protocols & PORTED)) continue;
      // Azure's management planes (GatewayManager...) on the ports their services require.
      if (isPlatformManagementOnly(traffic.sources)) continue;
      candidates.push({ entry, traffic, via: traffic.paths.map((p) => p.description) });
    }
  }
  const nsgs: NsgOnItsOwn[] = [];
  for (const standing of nsgsToJudge(net.graph)) {
    const { nsg, orphans } = standing;
    const attached = orphans ? { subnets: [], nics: [] } : net.attachmentsOf(nsg);
    const rules = net.nsgs.rulesOf(nsg, 'Inbound');
    const allows: NsgAllow[] = [];
    for (const rule of rules) {
      if (rule.ref.isDefault || rule.ref.access !== 'Allow' || rule.ref.index === undefined) continue;
      if (!(rule.protocols & PORTED) || rule.uncertain) continue;
      const candidate = rule.remote.intersect(INTERNET);
      if (!candidate.isEmpty && !isPlatformManagementOnly(candidate)) allows.push({ rule, candidate });
    }
    if (allows.length === 0) continue;
    let evaluation: ReturnType<NetworkAnalysis['nsgs']['evaluateDetached']> | undefined;
    const decided = new Map<NormalisedRule, Traffic[]>();
    nsgs.push({
      ...standing,
      isAttached: attached.subnets.length > 0 || attached.nics.length > 0,
      rules,
      allows,
      decided(rule) {
        let list = decided.get(rule);
        if (!list) {
          evaluation ??= net.nsgs.evaluateDetached(nsg, 'Inbound', INTERNET);
          list = (evaluation.decidedByRule.get(rule) ?? []).filter(
            (t) => (t.protocols & PORTED) !== 0 && !isPlatformManagementOnly(t.remote),
          );
          decided.set(rule, list);
        }
        return list;
      },
    });
  }
  base = { candidates, nsgs };
  bases.set(net, base);
  return base;
}

/**
 * Findings for one exposure rule. `what` names the port class in messages ("management port").
 */
export function* internetExposureFindings(
  net: NetworkAnalysis,
  select: PortSelector,
  severities: ExposureSeverities,
  what: string,
): Iterable<FindingDraft> {
  const hits = new Map<string, RuleHit>();
  const key = (r: RuleRef) => `${r.nsg?.id}|${r.index}`;
  const unguarded: { resource: Resource; path: readonly (string | number)[]; target: Target }[] = [];
  const base = exposureBase(net);
  for (const { entry, traffic: t, via } of base.candidates) {
    if (t.allowedBy.length === 0) {
      // No NSG on the way: the exposure is exactly what a public path forwards (an application
      // gateway's listener ports, Bastion's 443, a DNAT port), so the ports are selected from that,
      // not from the unfiltered "every port" of the missing NSG.
      const hit = interesting(
        { ...t, ports: t.reachablePorts, protocols: t.reachableProtocols & t.protocols },
        select,
      );
      const resource = entry.nic?.resource ?? entry.subnet?.resource;
      if (hit && resource)
        unguarded.push({
          resource,
          path: entry.nic?.path ?? [],
          target: {
            name: entry.name,
            traffic: formatTraffic(hit.protocols, hit.ports),
            reachable: true,
            wholeInternet: t.wholeInternet,
            via,
          },
        });
      continue;
    }
    const hit = interesting(t, select);
    if (!hit) continue;
    const reachablePorts = hit.ports.intersect(t.reachablePorts);
    const target: Target = {
      name: entry.name,
      traffic: reachablePorts.isEmpty
        ? formatTraffic(hit.protocols, hit.ports)
        : formatTraffic(hit.protocols & t.reachableProtocols, reachablePorts),
      reachable: !reachablePorts.isEmpty,
      wholeInternet: t.wholeInternet,
      via,
    };
    for (const ref of t.allowedBy) {
      const h = hits.get(key(ref)) ?? { ref, targets: [] };
      h.targets.push(target);
      hits.set(key(ref), h);
    }
  }
  for (const h of hits.values()) {
    const { ref, targets } = h;
    if (!ref.nsg || ref.index === undefined) continue;
    const reachable = targets.filter((t) => t.reachable);
    const shown = reachable.length ? reachable : targets;
    const whole = shown.some((t) => t.wholeInternet);
    let severity = reachable.length ? severities.reachable : severities.unreachable;
    if (!whole) severity = lower(severity);
    const source = whole ? 'Internet' : 'public address ranges';
    const flows = list(shown.map((t) => `${t.name} ${t.traffic}`));
    const tail = reachable.length
      ? `; reachable through ${list([...new Set(reachable.flatMap((t) => t.via))])}`
      : '; no public IP, load balancer, DNAT rule or gateway in the scan forwards it yet';
    yield {
      resource: ref.nsg,
      path: ['properties', 'securityRules', ref.index],
      severity,
      message: `${source} → ${flows} (${what}) via ${describeRule(ref)}${tail}.`,
    };
  }
  for (const u of unguarded)
    yield {
      resource: u.resource,
      path: u.path,
      severity: severities.reachable,
      message: `Internet → ${u.target.name} ${u.target.traffic} (${what}): no NSG on the subnet or NIC; reachable through ${list([...u.target.via])}.`,
      discriminator: 'no-nsg',
    };
  yield* detachedAndShadowed(base, select, severities, what, hits);
}

/**
 * NSGs attached to nothing in the scan are evaluated on their own (they may be attached by another
 * template); allow rules that match Internet traffic on the ports but decide none of it, because
 * a higher-priority rule does, are dead rules.
 */
function* detachedAndShadowed(
  base: ExposureBase,
  select: PortSelector,
  severities: ExposureSeverities,
  what: string,
  hits: ReadonlyMap<string, RuleHit>,
): Iterable<FindingDraft> {
  for (const own of base.nsgs) {
    const { nsg, isAttached, rules, orphans } = own;
    const at = (index: number) => ruleLocation(own, index);
    for (const { rule, candidate } of own.allows) {
      if (hits.has(`${nsg.id}|${rule.ref.index}`)) continue;
      const ports = select(rule.ports, rule.protocols & PORTED);
      if (ports.isEmpty) continue;
      const decided = own.decided(rule).filter((t) => !select(t.ports, t.protocols & PORTED).isEmpty);
      if (decided.length === 0) {
        const shadow = rules.find(
          (r) =>
            r.ref.priority < rule.ref.priority &&
            r.ref.access === 'Deny' &&
            (r.protocols & rule.protocols) !== 0 &&
            r.ports.overlaps(ports) &&
            r.remote.overlaps(candidate),
        );
        if (!shadow) continue;
        yield {
          ...at(rule.ref.index!),
          severity: severities.shadowed,
          message: `${describeRule(rule.ref)} would allow the Internet to ${what}s but never applies: ${describeRule(shadow.ref)} decides that traffic first (dead rule).`,
          discriminator: 'shadowed',
        };
        continue;
      }
      if (isAttached) continue; // attached: the effective evaluation already had its say
      const whole = decided.some((t) => coversWholeInternet(t.remote));
      let traffic = IntervalSet.EMPTY;
      let protocols = 0;
      for (const t of decided) {
        traffic = traffic.union(select(t.ports, t.protocols & PORTED));
        protocols |= t.protocols & PORTED;
      }
      yield {
        ...at(rule.ref.index!),
        severity: whole ? severities.unreachable : lower(severities.unreachable),
        message: `${whole ? 'Internet' : 'public address ranges'} → ${formatTraffic(protocols, traffic)} (${what}) via ${describeRule(rule.ref)}; ${
          orphans
            ? 'the NSG is not in this scan, so where it is attached and what its other rules decide cannot be seen'
            : 'the NSG is not attached to any subnet or NIC in this scan'
        }.`,
      };
    }
  }
}
