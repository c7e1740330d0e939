import type { AddressSet } from '../net/address-set.js';
import type { IntervalSet } from '../net/interval-set.js';
import type { ProtocolMask } from '../net/protocol.js';
import type { EffectiveNsgs } from '../nsg/effective.js';
import type { Traffic } from '../nsg/evaluate.js';
import type { RuleRef } from '../nsg/security-rule.js';
import type { Routing } from '../topology/routing.js';
import type { PeeringInfo, SubnetInfo, Topology, VnetInfo } from '../topology/topology.js';

export type LateralVia = 'vnet-local' | 'peering' | 'hub';

/** One protocol/port region of a lateral edge and the destination NSG rules that let it in. */
export interface LateralTraffic {
  readonly protocols: ProtocolMask;
  readonly ports: IntervalSet;
  /** Empty: no NSG on the destination subnet, or only Azure's default rules. */
  readonly allowedBy: readonly RuleRef[];
  readonly uncertain: boolean;
}

/** Subnet `from` can open connections to subnet `to` with this traffic. */
export interface LateralEdge {
  readonly from: SubnetInfo;
  readonly to: SubnetInfo;
  readonly via: LateralVia;
  readonly traffic: LateralTraffic[];
}

/** A path between two non-hub VNets that does not cross the hub firewall. */
export interface HubBypass {
  readonly peering: PeeringInfo;
  readonly from: VnetInfo;
  readonly to: VnetInfo;
  readonly reason: string;
}

export interface LateralMap {
  readonly edges: readonly LateralEdge[];
  readonly bypasses: readonly HubBypass[];
  /** Edge cap reached: the map is incomplete. */
  readonly truncated: boolean;
}

export const MAX_LATERAL_EDGES = 200_000;

/**
 * Subnet-to-subnet reachability. For each destination subnet the inbound NSG is evaluated once
 * against the address space that can route to it (its VNet and directly peered VNets), and the
 * allowed source addresses are looked up in the subnet prefix index, so the work follows the
 * answer, not the square of the subnet count. Each source subnet's outbound NSG is evaluated once
 * and intersected with what the destination admits. NIC-level NSGs are not applied here (the map
 * is per subnet), so it over-approximates where NICs carry stricter NSGs.
 */
export function computeLateral(topology: Topology, nsgs: EffectiveNsgs, routing: Routing): LateralMap {
  const edges: LateralEdge[] = [];
  let truncated = false;
  // What each source subnet's NSG lets out towards the space it can route to, computed once.
  const outboundCache = new Map<SubnetInfo, readonly Traffic[]>();
  // The address space that can route to (or from) a VNet's subnets: its own and its neighbours'.
  const universes = new Map<VnetInfo, { reachable: Set<VnetInfo>; universe: AddressSet }>();
  const universeOf = (vnet: VnetInfo) => {
    let u = universes.get(vnet);
    if (!u) {
      const reachable = new Set<VnetInfo>([vnet, ...topology.neighbours(vnet)]);
      let universe = vnet.addressSpace;
      for (const v of reachable) universe = universe.union(v.addressSpace);
      u = { reachable, universe };
      universes.set(vnet, u);
    }
    return u;
  };
  const outboundOf = (from: SubnetInfo): readonly Traffic[] => {
    let out = outboundCache.get(from);
    if (!out) {
      out = nsgs.evaluate({ subnet: from }, 'Outbound', universeOf(from.vnet).universe).allowed;
      outboundCache.set(from, out);
    }
    return out;
  };
  // The user rules that decided an outbound region, computed once and shared by the edges it
  // makes (the map holds hundreds of thousands of regions: an array each would be most of it).
  // Outbound regions are kept for the whole run anyway; inbound ones are done per destination.
  const userRulesCache = new Map<Traffic, readonly RuleRef[]>();
  const userRules = (t: Traffic): readonly RuleRef[] => {
    let rules = userRulesCache.get(t);
    if (!rules) {
      rules = t.decidedBy.filter((r) => !r.isDefault);
      userRulesCache.set(t, rules);
    }
    return rules;
  };
  for (const to of topology.subnets) {
    if (truncated) break;
    if (to.platform || !to.addresses) continue;
    const { reachable, universe } = universeOf(to.vnet);
    const result = nsgs.evaluate({ subnet: to }, 'Inbound', universe);
    const bySource = new Map<SubnetInfo, LateralEdge>();
    for (const t of result.allowed) {
      let tRules: readonly RuleRef[] | undefined;
      for (const from of topology.subnetsOverlapping(t.remote)) {
        if (from === to || !reachable.has(from.vnet) || from.platform) continue;
        tRules ??= t.decidedBy.filter((r) => !r.isDefault);
        const passing = leaving(t, tRules, outboundOf(from), to, userRules);
        if (passing.length === 0) continue;
        let edge = bySource.get(from);
        if (!edge) {
          if (edges.length >= MAX_LATERAL_EDGES) {
            truncated = true;
            break;
          }
          edge = { from, to, via: from.vnet === to.vnet ? 'vnet-local' : 'peering', traffic: [] };
          bySource.set(from, edge);
          edges.push(edge);
        }
        for (const p of passing) edge.traffic.push(p);
      }
      if (truncated) break;
    }
  }
  return { edges, bypasses: findHubBypasses(topology, routing), truncated };
}

/** The part of inbound traffic `t` that the source subnet's outbound NSG also lets out towards `to`. */
function leaving(
  t: Traffic,
  tRules: readonly RuleRef[],
  outbound: readonly Traffic[],
  to: SubnetInfo,
  userRules: (o: Traffic) => readonly RuleRef[],
): LateralTraffic[] {
  const out: LateralTraffic[] = [];
  for (const o of outbound) {
    if (!to.addresses || !o.remote.overlaps(to.addresses)) continue;
    const protocols = t.protocols & o.protocols;
    if (!protocols) continue;
    const ports = t.ports.intersect(o.ports);
    if (ports.isEmpty) continue;
    out.push({
      protocols,
      ports,
      allowedBy: joined(userRules(o), tRules),
      uncertain: t.uncertain || o.uncertain,
    });
  }
  return out;
}

/** `[...a, ...b]`, reusing one of them when the other is empty (the lists are never mutated). */
function joined(a: readonly RuleRef[], b: readonly RuleRef[]): readonly RuleRef[] {
  if (b.length === 0) return a;
  if (a.length === 0) return b;
  return [...a, ...b];
}

/**
 * Hub bypasses: a peering between two VNets of the scan neither of which is a hub, when the estate
 * has a hub.
 * Traffic over it skips the hub firewall unless every workload subnet of the declaring VNet routes
 * the remote VNet's space to the firewall (a UDR with a VirtualAppliance next hop).
 */
export function findHubBypasses(topology: Topology, routing: Routing): HubBypass[] {
  if (topology.hubs.length === 0) return [];
  const out: HubBypass[] = [];
  for (const p of topology.peerings) {
    // A remote VNet outside the scan may itself be a hub (another region's, another template's):
    // what it is cannot be told, so the peering is not judged.
    if (!p.to || p.from.role === 'hub' || p.to.role === 'hub' || !p.allowVirtualNetworkAccess) continue;
    const remote = p.to.addressSpace;
    const workload = p.from.subnets.filter((s) => !s.platform);
    const unsteered = remote.isEmpty
      ? workload
      : workload.filter((s) => routing.routeTowards(s, remote).throughFirewall === 'no');
    if (workload.length === 0 || unsteered.length > 0)
      out.push({
        peering: p,
        from: p.from,
        to: p.to,
        reason:
          unsteered.length > 0
            ? `spoke-to-spoke peering with ${p.to.name}; ${unsteered.map((s) => s.name).join(', ')} reach it without a route through the hub firewall`
            : `spoke-to-spoke peering with ${p.to.name}`,
      });
  }
  return out;
}
