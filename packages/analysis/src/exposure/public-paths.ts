import type { Resource, ResourceGraph } from '@ztkit/core';
import { asArray, asRecord, idKey, idOf, propsOf, stringList, subResourceKey } from '../model-access.js';
import { AddressSet } from '../net/address-set.js';
import { IntervalSet } from '../net/interval-set.js';
import { parsePortRange } from '../net/port-set.js';
import { ALL_PROTOCOLS, Protocol, type ProtocolMask } from '../net/protocol.js';
import type { NicIndex, NicInfo } from '../topology/nics.js';
import type { SubnetInfo, Topology } from '../topology/topology.js';

export type PublicPathKind =
  | 'public-ip'
  | 'load-balancer-rule'
  | 'inbound-nat-rule'
  | 'application-gateway'
  | 'firewall-dnat'
  | 'bastion';

/**
 * A way the Internet reaches a subnet or NIC: a public IP on it, a public load balancer rule or NAT
 * rule forwarding to it, an application gateway or Bastion living in it, a firewall DNAT rule
 * translating to it. `ports` limits what the path forwards (undefined: every port).
 */
export interface PublicPath {
  readonly kind: PublicPathKind;
  readonly via: Resource;
  readonly path: readonly (string | number)[];
  readonly subnet?: SubnetInfo;
  readonly nic?: NicInfo;
  readonly protocols: ProtocolMask;
  readonly ports?: IntervalSet;
  /** For DNAT: the translated addresses (a NIC is reached only when they include its IP). */
  readonly addresses?: AddressSet;
  readonly description: string;
  /**
   * Standard SKU public IPs and load balancers are closed to inbound traffic unless an NSG on the
   * subnet or NIC allows it: with no NSG at all, such a path forwards nothing.
   */
  readonly secureByDefault?: boolean;
}

/** A Standard SKU resource (public IP, load balancer): secure by default, closed without an NSG. */
function isStandardSku(r: Resource): boolean {
  const name = asRecord(r.sku).name;
  return typeof name === 'string' && name.toLowerCase() === 'standard';
}

const lbProtocol = (v: unknown): ProtocolMask =>
  typeof v === 'string' && v.toLowerCase() === 'udp'
    ? Protocol.Udp
    : typeof v === 'string' && v.toLowerCase() === 'tcp'
      ? Protocol.Tcp
      : ALL_PROTOCOLS;

const portOf = (v: unknown): IntervalSet | undefined => {
  const parsed = parsePortRange(v);
  return parsed.ok ? parsed.set : undefined;
};

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export function findPublicPaths(graph: ResourceGraph, topology: Topology, nics: NicIndex): PublicPath[] {
  const paths: PublicPath[] = [];
  const nicsByPool = new Map<string, NicInfo[]>();
  const nicsByNat = new Map<string, NicInfo[]>();
  for (const nic of nics.nics) {
    for (const c of nic.ipConfigs) {
      const subnet = c.subnet;
      if (c.publicIp)
        paths.push({
          kind: 'public-ip',
          via: c.publicIp === 'unknown' ? nic.resource : c.publicIp,
          path: c.publicIp === 'unknown' ? [...nic.path, 'properties', 'ipConfigurations', c.index] : [],
          nic,
          subnet,
          protocols: ALL_PROTOCOLS,
          description: `public IP ${c.publicIp === 'unknown' ? '(unresolved)' : c.publicIp.name} on ${nic.name}`,
          secureByDefault:
            c.publicIp === 'unknown'
              ? c.publicIpConfigSku?.toLowerCase() === 'standard'
              : isStandardSku(c.publicIp),
        });
      for (const k of c.backendPoolKeys) push(nicsByPool, k, nic);
      for (const k of c.natRuleKeys) push(nicsByNat, k, nic);
    }
  }
  for (const lb of graph.ofType('Microsoft.Network/loadBalancers')) {
    const publicFrontends = new Set<string>();
    for (const fe of asArray(lb.properties.frontendIPConfigurations)) {
      const p = propsOf(fe);
      if (p.publicIPAddress !== undefined || p.publicIPPrefix !== undefined) {
        const k = subResourceKey(lb, 'frontendIPConfigurations', asRecord(fe).name);
        if (k) publicFrontends.add(k);
      }
    }
    if (publicFrontends.size === 0) continue;
    const secureByDefault = isStandardSku(lb);
    const isPublic = (ref: unknown) => {
      const k = idKey(idOf(ref));
      return k === undefined || publicFrontends.has(k); // unreadable frontend: assume the public one
    };
    asArray(lb.properties.loadBalancingRules).forEach((rule, i) => {
      const p = propsOf(rule);
      if (!isPublic(p.frontendIPConfiguration)) return;
      const pools = [p.backendAddressPool, ...asArray(p.backendAddressPools)].map((x) => idKey(idOf(x)));
      const ports =
        p.backendPort === 0 || p.protocol === 'All' ? undefined : portOf(p.backendPort ?? p.frontendPort);
      for (const pool of pools)
        for (const nic of pool ? (nicsByPool.get(pool) ?? []) : [])
          paths.push({
            kind: 'load-balancer-rule',
            via: lb,
            path: ['properties', 'loadBalancingRules', i],
            nic,
            subnet: nic.ipConfigs[0]?.subnet,
            protocols: lbProtocol(p.protocol),
            ports,
            description: `load balancer ${lb.name} rule ${String(asRecord(rule).name)}`,
            secureByDefault,
          });
    });
    asArray(lb.properties.inboundNatRules).forEach((rule, i) => {
      const p = propsOf(rule);
      if (!isPublic(p.frontendIPConfiguration)) return;
      const key = subResourceKey(lb, 'inboundNatRules', asRecord(rule).name);
      const pool = idKey(idOf(p.backendAddressPool));
      const targets = [
        ...(key ? (nicsByNat.get(key) ?? []) : []),
        ...(pool ? (nicsByPool.get(pool) ?? []) : []),
      ];
      for (const nic of targets)
        paths.push({
          kind: 'inbound-nat-rule',
          via: lb,
          path: ['properties', 'inboundNatRules', i],
          nic,
          subnet: nic.ipConfigs[0]?.subnet,
          protocols: lbProtocol(p.protocol),
          ports: portOf(p.backendPort),
          description: `load balancer ${lb.name} NAT rule ${String(asRecord(rule).name)}`,
          secureByDefault,
        });
    });
  }
  for (const agw of graph.ofType('Microsoft.Network/applicationGateways')) {
    const hasPublic = asArray(agw.properties.frontendIPConfigurations).some(
      (f) => propsOf(f).publicIPAddress !== undefined,
    );
    if (!hasPublic) continue;
    let ports = IntervalSet.EMPTY;
    for (const fp of asArray(agw.properties.frontendPorts))
      ports = ports.union(portOf(propsOf(fp).port) ?? IntervalSet.EMPTY);
    for (const c of asArray(agw.properties.gatewayIPConfigurations)) {
      const s = graph.resolve(propsOf(c).subnet);
      const subnet = s ? topology.subnetOf(s) : undefined;
      if (subnet)
        paths.push({
          kind: 'application-gateway',
          via: agw,
          path: [],
          subnet,
          protocols: Protocol.Tcp,
          ports: ports.isEmpty ? undefined : ports,
          description: `application gateway ${agw.name}`,
        });
    }
  }
  for (const bastion of graph.ofType('Microsoft.Network/bastionHosts'))
    for (const c of asArray(bastion.properties.ipConfigurations)) {
      const s = graph.resolve(propsOf(c).subnet);
      const subnet = s ? topology.subnetOf(s) : undefined;
      if (subnet)
        paths.push({
          kind: 'bastion',
          via: bastion,
          path: [],
          subnet,
          protocols: Protocol.Tcp,
          ports: IntervalSet.range(443n, 443n),
          description: `Bastion ${bastion.name}`,
        });
    }
  paths.push(...firewallDnatPaths(graph, topology));
  return paths;
}

/** DNAT rules of Azure Firewall (classic collections and firewall policies) towards private addresses. */
function firewallDnatPaths(graph: ResourceGraph, topology: Topology): PublicPath[] {
  const out: PublicPath[] = [];
  const add = (via: Resource, path: (string | number)[], rule: Record<string, unknown>, name: string) => {
    const translated = stringList(rule.translatedAddress);
    const port = portOf(rule.translatedPort);
    const protocols = stringList(rule.protocols ?? rule.ipProtocols).reduce(
      (m, p) =>
        m |
        (p.toLowerCase() === 'udp' ? Protocol.Udp : p.toLowerCase() === 'tcp' ? Protocol.Tcp : ALL_PROTOCOLS),
      0,
    );
    const addresses = AddressSet.ofPrefixes(translated);
    for (const subnet of topology.subnetsOverlapping(addresses))
      out.push({
        addresses,
        kind: 'firewall-dnat',
        via,
        path,
        subnet,
        protocols: protocols || ALL_PROTOCOLS,
        ports: port,
        description: `firewall DNAT rule ${name} of ${via.name}`,
      });
  };
  for (const fw of graph.ofType('Microsoft.Network/azureFirewalls'))
    asArray(fw.properties.natRuleCollections).forEach((col, i) => {
      asArray(propsOf(col).rules).forEach((rule, j) => {
        add(
          fw,
          ['properties', 'natRuleCollections', i, 'properties', 'rules', j],
          asRecord(rule),
          String(asRecord(rule).name),
        );
      });
    });
  for (const group of graph.ofType('Microsoft.Network/firewallPolicies/ruleCollectionGroups'))
    asArray(group.properties.ruleCollections).forEach((col, i) => {
      const c = asRecord(col);
      if (String(c.ruleCollectionType) !== 'FirewallPolicyNatRuleCollection') return;
      asArray(c.rules).forEach((rule, j) => {
        add(
          group,
          ['properties', 'ruleCollections', i, 'rules', j],
          asRecord(rule),
          String(asRecord(rule).name),
        );
      });
    });
  return out;
}
