import type { Resource, ResourceGraph } from '@ztkit/core';
import { isUnknown } from '@ztkit/core';
import { asArray, asRecord, propsOf, stringList } from '../model-access.js';
import { AddressSet } from '../net/address-set.js';
import { parseIpv4, parsePrefix } from '../net/cidr.js';
import type { NicIndex } from './nics.js';
import type { SubnetInfo, Topology, VnetInfo } from './topology.js';

export interface UserRoute {
  readonly routeTable: Resource;
  readonly index: number;
  readonly name: string;
  readonly prefix: string;
  readonly addresses?: AddressSet;
  /** Prefix length; longest match wins. */
  readonly length: number;
  readonly nextHopType: string;
  readonly nextHopIpAddress?: string;
}

/** The route a subnet uses towards a destination, and whether it goes through the hub firewall. */
export interface RouteDecision {
  /** The user route that wins by longest prefix, if any. */
  readonly route?: UserRoute;
  readonly nextHopType: string;
  /** `yes`: next hop is a known firewall IP; `assumed`: a VirtualAppliance ztkit cannot match to an IP. */
  readonly throughFirewall: 'yes' | 'assumed' | 'no';
  readonly why: string;
}

export interface Routing {
  routesOf(subnet: SubnetInfo): readonly UserRoute[];
  /** BGP propagation disabled on the subnet's route table (false when no table). */
  bgpPropagationDisabled(subnet: SubnetInfo): boolean;
  routeTowards(subnet: SubnetInfo, destination: AddressSet): RouteDecision;
  /** Private IPs of hub firewalls or declared NVAs, where known. */
  readonly firewallIps: readonly string[];
  /**
   * Network virtual appliances in a VNet: addresses of the `nvaIpAddresses` option in its space,
   * and NICs of the scan with IP forwarding on whose static IP some route sends traffic to
   * (next hop VirtualAppliance): a machine that forwards what routes steer to it.
   */
  appliancesIn(vnet: VnetInfo): readonly string[];
}

export interface RoutingOptions {
  /** Private IPs of network virtual appliances that act as the hub firewall. */
  readonly nvaIpAddresses?: readonly string[];
}

export function buildRouting(
  graph: ResourceGraph,
  topology: Topology,
  options: RoutingOptions = {},
  nics?: NicIndex,
): Routing {
  const firewallIps = new Set<string>(options.nvaIpAddresses ?? []);
  for (const fw of graph.ofType('Microsoft.Network/azureFirewalls'))
    for (const c of asArray(fw.properties.ipConfigurations)) {
      const ip = propsOf(c).privateIPAddress;
      if (typeof ip === 'string' && parseIpv4(ip) !== undefined) firewallIps.add(ip);
    }
  const hubSpace = topology.hubs.reduce((acc, h) => acc.union(h.addressSpace), AddressSet.EMPTY);
  const cache = new Map<Resource, UserRoute[]>();
  const routesOfTable = (table: Resource): UserRoute[] => {
    let list = cache.get(table);
    if (list) return list;
    list = [];
    asArray(table.properties.routes).forEach((item, index) => {
      const p = propsOf(item);
      const prefix = typeof p.addressPrefix === 'string' ? p.addressPrefix : String(p.addressPrefix);
      const parsed = typeof p.addressPrefix === 'string' ? parsePrefix(p.addressPrefix) : undefined;
      list!.push({
        routeTable: table,
        index,
        name: typeof asRecord(item).name === 'string' ? (asRecord(item).name as string) : `routes[${index}]`,
        prefix,
        addresses: parsed ? AddressSet.ofPrefixes([p.addressPrefix as string]) : undefined,
        length: parsed?.length ?? -1,
        nextHopType:
          typeof p.nextHopType === 'string' ? p.nextHopType : isUnknown(p.nextHopType) ? 'Unknown' : 'None',
        nextHopIpAddress: stringList(p.nextHopIpAddress)[0],
      });
    });
    cache.set(table, list);
    return list;
  };
  const judge = (route: UserRoute): RouteDecision['throughFirewall'] => {
    if (route.nextHopType.toLowerCase() !== 'virtualappliance') return 'no';
    const ip = route.nextHopIpAddress;
    if (ip && firewallIps.has(ip)) return 'yes';
    if (firewallIps.size && ip) return 'no';
    // The firewall's private IP is assigned at deployment: accept an appliance in a hub's space,
    // or any appliance when no hub space is known either.
    if (!ip) return 'assumed';
    const addr = AddressSet.ofPrefixes([ip]);
    if (hubSpace.isEmpty || hubSpace.covers(addr)) return 'assumed';
    return 'no';
  };
  let appliances: Map<VnetInfo, string[]> | undefined;
  const appliancesIn = (vnet: VnetInfo): readonly string[] => {
    appliances ??= findAppliances(graph, topology, options, nics, routesOfTable);
    return appliances.get(vnet) ?? [];
  };
  return {
    firewallIps: [...firewallIps],
    appliancesIn,
    routesOf: (s) => (s.routeTable ? routesOfTable(s.routeTable) : []),
    bgpPropagationDisabled: (s) => s.routeTable?.properties.disableBgpRoutePropagation === true,
    routeTowards(subnet, destination) {
      const routes = subnet.routeTable ? routesOfTable(subnet.routeTable) : [];
      let best: UserRoute | undefined;
      for (const r of routes)
        if (r.addresses?.covers(destination) && (!best || r.length > best.length)) best = r;
      // Azure picks the longest prefix across user and system routes; on a tie the user route wins.
      // So a /16 peering route beats a 0.0.0.0/0 route to the firewall (the classic hub bypass).
      const system = systemRoute(subnet.vnet, destination);
      if (best && system && system.length > best.length) {
        return {
          nextHopType: system.nextHopType,
          throughFirewall: 'no',
          why: `system route ${system.prefix} (${system.nextHopType}) is more specific than route ${best.name} (${best.prefix})`,
        };
      }
      if (best) {
        const through = judge(best);
        return {
          route: best,
          nextHopType: best.nextHopType,
          throughFirewall: through,
          why:
            through === 'yes'
              ? `route ${best.name} (${best.prefix}) sends it to firewall ${best.nextHopIpAddress}`
              : through === 'assumed'
                ? `route ${best.name} (${best.prefix}) sends it to virtual appliance ${best.nextHopIpAddress ?? '(unknown IP)'}, assumed to be the hub firewall`
                : `route ${best.name} (${best.prefix}) sends it to ${best.nextHopType}${best.nextHopIpAddress ? ` ${best.nextHopIpAddress}` : ''}, not the hub firewall`,
        };
      }
      return {
        nextHopType: systemNextHop(subnet.vnet, destination),
        throughFirewall: 'no',
        why: subnet.routeTable
          ? 'no user route covers it (system route)'
          : 'the subnet has no route table (system routes)',
      };
    },
  };
}

/** The most specific system route (VNet address space, then peered spaces) covering the destination. */
function systemRoute(
  vnet: VnetInfo,
  destination: AddressSet,
): { prefix: string; length: number; nextHopType: string } | undefined {
  let best: { prefix: string; length: number; nextHopType: string } | undefined;
  const consider = (prefixes: readonly string[], nextHopType: string) => {
    for (const prefix of prefixes) {
      const parsed = parsePrefix(prefix);
      if (!parsed || (best && parsed.length <= best.length)) continue;
      if (AddressSet.ofPrefixes([prefix]).covers(destination))
        best = { prefix, length: parsed.length, nextHopType };
    }
  };
  consider(vnet.prefixes, 'VnetLocal');
  for (const p of vnet.peerings) if (p.to) consider(p.to.prefixes, 'VNetPeering');
  return best;
}

function systemNextHop(vnet: VnetInfo, destination: AddressSet): string {
  if (vnet.addressSpace.covers(destination)) return 'VnetLocal';
  for (const p of vnet.peerings) if (p.to?.addressSpace.covers(destination)) return 'VNetPeering';
  return 'Internet';
}

/** Declared NVAs by VNet, and IP-forwarding NICs that are the next hop of some user route. */
function findAppliances(
  graph: ResourceGraph,
  topology: Topology,
  options: RoutingOptions,
  nics: NicIndex | undefined,
  routesOfTable: (table: Resource) => readonly UserRoute[],
): Map<VnetInfo, string[]> {
  const out = new Map<VnetInfo, string[]>();
  const add = (vnet: VnetInfo, ip: string) => {
    const list = out.get(vnet) ?? [];
    if (!list.includes(ip)) list.push(ip);
    out.set(vnet, list);
  };
  for (const ip of options.nvaIpAddresses ?? []) {
    if (parseIpv4(ip) === undefined) continue;
    const addr = AddressSet.ofPrefixes([ip]);
    for (const v of topology.vnets) if (v.addressSpace.covers(addr)) add(v, ip);
  }
  const nextHops = new Set<string>();
  for (const table of graph.ofType('Microsoft.Network/routeTables'))
    for (const r of routesOfTable(table))
      if (r.nextHopType.toLowerCase() === 'virtualappliance' && r.nextHopIpAddress)
        nextHops.add(r.nextHopIpAddress);
  for (const nic of nics?.nics ?? []) {
    if (nic.kind !== 'nic' || nic.resource.properties.enableIPForwarding !== true) continue;
    for (const c of nic.ipConfigs)
      if (c.subnet && c.privateIp && nextHops.has(c.privateIp)) add(c.subnet.vnet, c.privateIp);
  }
  return out;
}
