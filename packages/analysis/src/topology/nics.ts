import type { Resource, ResourceGraph } from '@ztkit/core';
import { isUnknown } from '@ztkit/core';
import { asArray, asRecord, idKey, idOf, propsOf } from '../model-access.js';
import { AddressSet } from '../net/address-set.js';
import { parsePrefix } from '../net/cidr.js';
import type { SubnetInfo, Topology } from './topology.js';

export interface IpConfigInfo {
  readonly index: number;
  readonly subnet?: SubnetInfo;
  /** Static private address, when written. */
  readonly privateIp?: string;
  /** The public IP resource, `unknown` when referenced but not resolvable, undefined when none. */
  readonly publicIp?: Resource | 'unknown';
  /**
   * For a scale set, which creates one public IP per instance from `publicIPAddressConfiguration`:
   * the SKU name written there (`Standard`), when written.
   */
  readonly publicIpConfigSku?: string;
  readonly asgIds: readonly string[];
  readonly backendPoolKeys: readonly string[];
  readonly natRuleKeys: readonly string[];
}

/** A network interface (or a scale set's NIC configuration, which behaves the same for NSGs). */
export interface NicInfo {
  readonly resource: Resource;
  readonly name: string;
  readonly kind: 'nic' | 'vmss';
  /** Path of the NIC inside `resource` (empty for a NIC; the configuration for a scale set). */
  readonly path: readonly (string | number)[];
  readonly ipConfigs: readonly IpConfigInfo[];
  readonly nsg?: Resource;
  /** A subnet or NSG is referenced but cannot be resolved (Unknown, or outside the scan). */
  readonly unresolved: boolean;
  readonly asgIds: ReadonlySet<string>;
  /** The NIC's addresses (static IPs) or, when dynamic, its subnets' addresses. */
  readonly addresses?: AddressSet;
  readonly addressesApproximate: boolean;
}

export interface NicIndex {
  readonly nics: readonly NicInfo[];
  nicsOf(subnet: SubnetInfo): readonly NicInfo[];
  /** Addresses of the NICs in an application security group (their static IPs or subnets). */
  asgAddresses(asgId: unknown): AddressSet | undefined;
}

export function buildNicIndex(graph: ResourceGraph, topology: Topology): NicIndex {
  const nics: NicInfo[] = [];
  for (const nic of graph.ofType('Microsoft.Network/networkInterfaces'))
    nics.push(readNic(graph, topology, nic, nic.properties, [], 'nic', nic.name));
  for (const ss of graph.ofType('Microsoft.Compute/virtualMachineScaleSets')) {
    const profile = propsOf({ properties: ss.properties.virtualMachineProfile }).networkProfile;
    const configs = asArray((profile as Record<string, unknown> | undefined)?.networkInterfaceConfigurations);
    configs.forEach((cfg, i) => {
      const path = [
        'properties',
        'virtualMachineProfile',
        'networkProfile',
        'networkInterfaceConfigurations',
        i,
      ];
      nics.push(readNic(graph, topology, ss, propsOf(cfg), path, 'vmss', `${ss.name} (scale set)`));
    });
  }
  const bySubnet = new Map<SubnetInfo, NicInfo[]>();
  const byAsg = new Map<string, NicInfo[]>();
  for (const n of nics) {
    for (const c of n.ipConfigs) {
      if (c.subnet) {
        const list = bySubnet.get(c.subnet);
        if (!list) bySubnet.set(c.subnet, [n]);
        else if (list[list.length - 1] !== n && !list.includes(n)) list.push(n);
      }
    }
    for (const a of n.asgIds) {
      const list = byAsg.get(a);
      if (list) list.push(n);
      else byAsg.set(a, [n]);
    }
  }
  return {
    nics,
    nicsOf: (s) => bySubnet.get(s) ?? [],
    asgAddresses(asgId) {
      const key = idKey(asgId);
      if (!key) return undefined;
      const members = byAsg.get(key);
      if (!members) return graph.byId(asgId) ? AddressSet.EMPTY : undefined;
      let set = AddressSet.EMPTY;
      for (const m of members) {
        if (!m.addresses) return undefined;
        set = set.union(m.addresses);
      }
      return set;
    },
  };
}

function readNic(
  graph: ResourceGraph,
  topology: Topology,
  resource: Resource,
  p: Record<string, unknown>,
  path: (string | number)[],
  kind: NicInfo['kind'],
  name: string,
): NicInfo {
  const asgIds = new Set<string>();
  const ipConfigs: IpConfigInfo[] = asArray(p.ipConfigurations).map((c, index) => {
    const cp = propsOf(c);
    const subnetRes = graph.resolve(cp.subnet);
    const asgs = asArray(cp.applicationSecurityGroups)
      .map((a) => idKey(idOf(a)))
      .filter((k): k is string => !!k);
    for (const a of asgs) asgIds.add(a);
    const pipRef = kind === 'vmss' ? cp.publicIPAddressConfiguration : cp.publicIPAddress;
    const pip = kind === 'vmss' ? undefined : graph.resolve(pipRef);
    const ip = cp.privateIPAddress;
    const configSku = kind === 'vmss' ? asRecord(asRecord(pipRef).sku).name : undefined;
    return {
      index,
      subnet: subnetRes ? topology.subnetOf(subnetRes) : undefined,
      publicIpConfigSku: typeof configSku === 'string' ? configSku : undefined,
      privateIp: typeof ip === 'string' && parsePrefix(ip) ? ip : undefined,
      publicIp: pip ?? (pipRef !== undefined && pipRef !== null ? 'unknown' : undefined),
      asgIds: asgs,
      backendPoolKeys: asArray(cp.loadBalancerBackendAddressPools)
        .map((x) => idKey(idOf(x)))
        .filter((k): k is string => !!k),
      natRuleKeys: asArray(cp.loadBalancerInboundNatRules)
        .map((x) => idKey(idOf(x)))
        .filter((k): k is string => !!k),
    };
  });
  let addresses: AddressSet | undefined = AddressSet.EMPTY;
  let approximate = false;
  for (const c of ipConfigs) {
    if (c.privateIp) addresses = addresses?.union(AddressSet.ofPrefixes([c.privateIp]));
    else if (c.subnet?.addresses) {
      approximate = true;
      addresses = addresses?.union(c.subnet.addresses);
    } else addresses = undefined;
  }
  if (ipConfigs.length === 0) addresses = undefined;
  const nsgRef = p.networkSecurityGroup;
  const nsg = isUnknown(nsgRef) ? undefined : graph.resolve(nsgRef);
  const subnetRefs = asArray(p.ipConfigurations).map((c) => propsOf(c).subnet);
  const unresolved =
    (nsgRef !== undefined && nsgRef !== null && !nsg) ||
    subnetRefs.some((ref, i) => ref !== undefined && ref !== null && !ipConfigs[i]?.subnet);
  return {
    resource,
    name,
    kind,
    path,
    ipConfigs,
    nsg,
    unresolved,
    asgIds,
    addresses,
    addressesApproximate: approximate,
  };
}
