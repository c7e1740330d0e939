import type { Resource, ResourceGraph } from '@ztkit/core';
import { isUnknown, parentIdOf } from '@ztkit/core';
import { asArray, asRecord, idOf, propsOf, shortName, stringList } from '../model-access.js';
import { AddressSet } from '../net/address-set.js';
import { parsePrefix } from '../net/cidr.js';
import { PrefixIndex } from '../net/prefix-index.js';

export type VnetRole = 'hub' | 'spoke' | 'isolated' | 'peered';

export interface VnetInfo {
  readonly resource: Resource;
  readonly name: string;
  readonly prefixes: readonly string[];
  readonly addressSpace: AddressSet;
  readonly subnets: SubnetInfo[];
  readonly peerings: PeeringInfo[];
  /** Peerings other VNets declare towards this one. */
  readonly peeredFrom: PeeringInfo[];
  readonly firewalls: Resource[];
  readonly gateways: Resource[];
  /**
   * True for a VNet the scan does not declare (an `existing` one, or a Terraform data source) whose
   * subnets or peerings it does: it stands in so they are analysed like any other. Its address
   * space is what its subnets show.
   */
  readonly outsideScan?: boolean;
  role: VnetRole;
  /** Why the VNet is a hub (firewall, gateway, option, most peerings). */
  hubReason?: string;
}

export interface SubnetInfo {
  readonly resource: Resource;
  readonly name: string;
  readonly vnet: VnetInfo;
  readonly prefixes: readonly string[];
  /** Undefined when the prefix is not known statically. */
  readonly addresses?: AddressSet;
  readonly nsg?: Resource;
  /** True when the subnet names an NSG that is not in the scan or is Unknown. */
  readonly nsgUnresolved: boolean;
  readonly routeTable?: Resource;
  /** Azure's platform subnets, where NSG and routing rules differ. */
  readonly platform: boolean;
}

export interface PeeringInfo {
  readonly resource: Resource;
  readonly from: VnetInfo;
  /** The remote VNet when it is in the scan. */
  readonly to?: VnetInfo;
  readonly remoteName: string;
  readonly allowVirtualNetworkAccess: boolean;
  readonly allowForwardedTraffic: boolean;
  readonly allowGatewayTransit: boolean;
  readonly useRemoteGateways: boolean;
  /** The peering the remote VNet declares back, when in the scan. */
  reverse?: PeeringInfo;
}

/** Subnets that Azure reserves for platform services (names fixed by Azure). */
export const PLATFORM_SUBNETS = new Set([
  'gatewaysubnet',
  'azurefirewallsubnet',
  'azurefirewallmanagementsubnet',
  'azurebastionsubnet',
  'routeserversubnet',
]);

export interface TopologyOptions {
  /** VNet names (case-insensitive) to treat as hubs, overriding detection. */
  readonly hubVnets?: readonly string[];
}

export interface Topology {
  readonly vnets: readonly VnetInfo[];
  readonly subnets: readonly SubnetInfo[];
  readonly peerings: readonly PeeringInfo[];
  readonly hubs: readonly VnetInfo[];
  vnetOf(r: Resource): VnetInfo | undefined;
  subnetOf(r: Resource): SubnetInfo | undefined;
  /** Subnets owning addresses in `set`. */
  subnetsOverlapping(set: AddressSet): SubnetInfo[];
  /** VNets directly peered with `v` (either side declared, access allowed). */
  neighbours(v: VnetInfo): VnetInfo[];
}

export function buildTopology(graph: ResourceGraph, options: TopologyOptions = {}): Topology {
  const vnets: VnetInfo[] = [];
  const byVnet = new Map<Resource, VnetInfo>();
  const bySubnet = new Map<Resource, SubnetInfo>();
  for (const r of graph.ofType('Microsoft.Network/virtualNetworks')) {
    const prefixes = stringList(asRecord(r.properties.addressSpace).addressPrefixes);
    const v: VnetInfo = {
      resource: r,
      name: r.name,
      prefixes,
      addressSpace: AddressSet.ofPrefixes(prefixes),
      subnets: [],
      peerings: [],
      peeredFrom: [],
      firewalls: [],
      gateways: [],
      role: 'isolated',
    };
    vnets.push(v);
    byVnet.set(r, v);
  }
  const standIns = new Map<string, VnetInfo>();
  const vnetOfChild = (child: Resource, segment: string): VnetInfo | undefined => {
    const parent = graph.parentOf(child);
    if (parent) return byVnet.get(parent);
    const id = parentIdOf(child.id, segment);
    if (id === undefined) return undefined;
    let v = standIns.get(id.toLowerCase());
    if (!v) {
      const name = child.name.includes('/')
        ? child.name.slice(0, child.name.lastIndexOf('/'))
        : id.slice(id.lastIndexOf('/') + 1);
      const resource: Resource = {
        type: 'Microsoft.Network/virtualNetworks',
        name,
        id,
        properties: {},
        language: child.language,
        ...(child.origin ? { origin: child.origin } : {}),
      };
      v = {
        resource,
        name,
        prefixes: [],
        addressSpace: AddressSet.EMPTY,
        subnets: [],
        peerings: [],
        peeredFrom: [],
        firewalls: [],
        gateways: [],
        outsideScan: true,
        role: 'isolated',
      };
      standIns.set(id.toLowerCase(), v);
      vnets.push(v);
      byVnet.set(resource, v);
    }
    return v;
  };
  const subnets: SubnetInfo[] = [];
  for (const s of graph.ofType('Microsoft.Network/virtualNetworks/subnets')) {
    const vnet = vnetOfChild(s, 'subnets');
    if (!vnet) continue;
    const p = s.properties;
    const prefixes = [...stringList(p.addressPrefix), ...stringList(p.addressPrefixes)];
    const known = prefixes.filter((x) => parsePrefix(x));
    const nsgRef = p.networkSecurityGroup;
    const nsg = graph.resolve(nsgRef);
    const info: SubnetInfo = {
      resource: s,
      name: shortName(s),
      vnet,
      prefixes,
      addresses: known.length ? AddressSet.ofPrefixes(known) : undefined,
      nsg,
      nsgUnresolved: !nsg && nsgRef !== undefined && nsgRef !== null,
      routeTable: graph.resolve(p.routeTable),
      platform: PLATFORM_SUBNETS.has(shortName(s).toLowerCase()),
    };
    vnet.subnets.push(info);
    subnets.push(info);
    bySubnet.set(s, info);
  }
  // A VNet outside the scan spans at least the subnets the scan gives it.
  for (const v of standIns.values()) {
    const known = v.subnets.flatMap((sub) => (sub.addresses ? [sub.addresses] : []));
    (v as { addressSpace: AddressSet }).addressSpace = known.reduce((a, b) => a.union(b), AddressSet.EMPTY);
    (v as { prefixes: readonly string[] }).prefixes = v.subnets.flatMap((sub) => sub.prefixes);
  }
  // Every peering's own VNet (stand-ins included) exists before any peering looks for its remote.
  const peeringSources = graph
    .ofType('Microsoft.Network/virtualNetworks/virtualNetworkPeerings')
    .map((pr) => [pr, vnetOfChild(pr, 'virtualNetworkPeerings')] as const);
  const peerings: PeeringInfo[] = [];
  for (const [pr, from] of peeringSources) {
    if (!from) continue;
    const p = pr.properties;
    const remoteRef = idOf(p.remoteVirtualNetwork);
    const remote = graph.resolve(p.remoteVirtualNetwork);
    const info: PeeringInfo = {
      resource: pr,
      from,
      to: remote
        ? byVnet.get(remote)
        : typeof remoteRef === 'string'
          ? standIns.get(remoteRef.toLowerCase())
          : undefined,
      remoteName: remote
        ? remote.name
        : typeof remoteRef === 'string'
          ? remoteRef.slice(remoteRef.lastIndexOf('/') + 1)
          : isUnknown(remoteRef)
            ? String(remoteRef)
            : '(unknown)',
      // Azure defaults: access true; forwarded traffic, gateway transit and remote gateways false.
      allowVirtualNetworkAccess: p.allowVirtualNetworkAccess !== false,
      allowForwardedTraffic: p.allowForwardedTraffic === true,
      allowGatewayTransit: p.allowGatewayTransit === true,
      useRemoteGateways: p.useRemoteGateways === true,
    };
    from.peerings.push(info);
    info.to?.peeredFrom.push(info);
    peerings.push(info);
  }
  for (const p of peerings) p.reverse = p.to?.peerings.find((q) => q.to === p.from);
  const vnetOfSubnetRef = (ref: unknown): VnetInfo | undefined => {
    const s = graph.resolve(ref);
    return s ? bySubnet.get(s)?.vnet : undefined;
  };
  for (const fw of graph.ofType('Microsoft.Network/azureFirewalls'))
    for (const c of asArray(fw.properties.ipConfigurations))
      vnetOfSubnetRef(propsOf(c).subnet)?.firewalls.push(fw);
  for (const gw of graph.ofType('Microsoft.Network/virtualNetworkGateways'))
    for (const c of asArray(gw.properties.ipConfigurations))
      vnetOfSubnetRef(propsOf(c).subnet)?.gateways.push(gw);
  classify(vnets, options);
  const neighbourCache = new Map<VnetInfo, VnetInfo[]>();
  const index = new PrefixIndex(
    subnets.filter((s) => s.addresses).map((s) => ({ item: s, addresses: s.addresses! })),
  );
  return {
    vnets,
    subnets,
    peerings,
    hubs: vnets.filter((v) => v.role === 'hub'),
    vnetOf: (r) => byVnet.get(r),
    subnetOf: (r) => bySubnet.get(r),
    subnetsOverlapping: (set) => index.overlapping(set),
    neighbours: (v) => {
      // Asked per subnet by the NSG and lateral analyses: computed once per VNet.
      let n = neighbourCache.get(v);
      if (!n) {
        n = neighboursOf(v);
        neighbourCache.set(v, n);
      }
      return [...n];
    },
  };
}

function neighboursOf(v: VnetInfo): VnetInfo[] {
  const out = new Set<VnetInfo>();
  for (const p of v.peerings) if (p.to && p.allowVirtualNetworkAccess) out.add(p.to);
  for (const p of v.peeredFrom) if (p.allowVirtualNetworkAccess) out.add(p.from);
  return [...out];
}

/**
 * Hubs, in order of evidence: the `hubVnets` option; else VNets running Azure Firewall (or peered
 * VNets with an AzureFirewallSubnet); else peered VNets holding a VPN/ExpressRoute gateway; else
 * the VNet with the most peerings when it has at least two. Spokes are VNets peered with a hub; other peered VNets are
 * `peered`; VNets without peerings are `isolated`.
 */
function classify(vnets: VnetInfo[], options: TopologyOptions): void {
  const wanted = new Set((options.hubVnets ?? []).map((n) => n.toLowerCase()));
  const mark = (v: VnetInfo, reason: string) => {
    v.role = 'hub';
    v.hubReason = reason;
  };
  if (wanted.size) {
    for (const v of vnets) if (wanted.has(v.name.toLowerCase())) mark(v, 'named in the hubVnets option');
  } else {
    for (const v of vnets) {
      if (v.firewalls.length) mark(v, 'runs Azure Firewall');
      // An empty AzureFirewallSubnet makes a hub only when something is peered with it: a lone
      // VNet that merely reserves the subnet (a module's test, a firewall deployed elsewhere) has
      // no spokes for hub-and-spoke rules to judge.
      else if (degree(v) > 0 && v.subnets.some((s) => s.name.toLowerCase() === 'azurefirewallsubnet'))
        mark(v, 'has an AzureFirewallSubnet');
    }
    if (!vnets.some((v) => v.role === 'hub'))
      for (const v of vnets)
        if (v.gateways.length && degree(v) > 0) mark(v, 'holds the VPN/ExpressRoute gateway');
    if (!vnets.some((v) => v.role === 'hub')) {
      let best: VnetInfo | undefined;
      for (const v of vnets) if (degree(v) >= 2 && (!best || degree(v) > degree(best))) best = v;
      if (best) mark(best, 'has the most peerings');
    }
  }
  for (const v of vnets) {
    if (v.role === 'hub') continue;
    const n = neighboursOf(v);
    if (n.some((x) => x.role === 'hub')) v.role = 'spoke';
    else if (n.length || v.peerings.length) v.role = 'peered';
    else v.role = 'isolated';
  }
}

function degree(v: VnetInfo): number {
  return new Set([...v.peerings.map((p) => p.to ?? p.remoteName), ...v.peeredFrom.map((p) => p.from)]).size;
}
