import { type AddressSet, coversWholeInternet, INTERNET } from '../net/address-set.js';
import { IntervalSet } from '../net/interval-set.js';
import { ALL_PORTS } from '../net/port-set.js';
import type { ProtocolMask } from '../net/protocol.js';
import type { EffectiveNsgs, EffectiveTarget } from '../nsg/effective.js';
import type { Traffic } from '../nsg/evaluate.js';
import type { RuleRef } from '../nsg/security-rule.js';
import type { NicIndex, NicInfo } from '../topology/nics.js';
import type { SubnetInfo, Topology } from '../topology/topology.js';
import type { PublicPath } from './public-paths.js';

/** Traffic from the Internet that the effective NSGs let through to one target. */
export interface ExposedTraffic {
  readonly protocols: ProtocolMask;
  readonly ports: IntervalSet;
  readonly sources: AddressSet;
  /** True when every public IPv4 address is in `sources` (not just some ranges or service tags). */
  readonly wholeInternet: boolean;
  /** The user rules that allowed it, outermost NSG first (empty when no NSG guards the target). */
  readonly allowedBy: readonly RuleRef[];
  /** Public paths that forward this traffic (protocol and port overlap). Empty: NSG-open, unreachable. */
  readonly paths: readonly PublicPath[];
  /** Ports of this traffic that some public path forwards. */
  readonly reachablePorts: IntervalSet;
  /** Protocols of this traffic that some public path forwards. */
  readonly reachableProtocols: ProtocolMask;
  readonly uncertain: boolean;
}

export interface ExposureEntry {
  readonly kind: 'subnet' | 'nic';
  readonly name: string;
  readonly subnet?: SubnetInfo;
  readonly nic?: NicInfo;
  /**
   * For a subnet: true when no NIC of the scan sits in it, so the subnet NSG alone stands for the
   * hosts it guards (PaaS, hosts declared elsewhere). False: its NICs' entries are authoritative,
   * or it is a gateway or firewall subnet, which takes no NSG and holds no workload.
   */
  readonly standsForHosts: boolean;
  readonly paths: readonly PublicPath[];
  readonly exposed: readonly ExposedTraffic[];
  readonly truncated: boolean;
}

/**
 * Public paths by what they lead to, so that each target looks at its own paths instead of all
 * of them (the estate has one path per public IP: scanning them per target is quadratic).
 */
interface PathIndex {
  readonly position: Map<PublicPath, number>;
  readonly bySubnet: Map<SubnetInfo, PublicPath[]>;
  readonly byNic: Map<NicInfo, PublicPath[]>;
  /** DNAT paths to addresses rather than to a NIC: matched against NIC addresses. */
  readonly dnat: PublicPath[];
}

function indexPaths(all: readonly PublicPath[]): PathIndex {
  const index: PathIndex = { position: new Map(), bySubnet: new Map(), byNic: new Map(), dnat: [] };
  const add = <K>(map: Map<K, PublicPath[]>, key: K, p: PublicPath) => {
    const list = map.get(key);
    if (list) list.push(p);
    else map.set(key, [p]);
  };
  all.forEach((p, i) => {
    index.position.set(p, i);
    if (p.nic) add(index.byNic, p.nic, p);
    else {
      if (p.subnet) add(index.bySubnet, p.subnet, p);
      if (p.kind === 'firewall-dnat' && p.addresses) index.dnat.push(p);
    }
  });
  return index;
}

function pathsFor(target: EffectiveTarget, index: PathIndex): PublicPath[] {
  if ('subnet' in target) return [...(index.bySubnet.get(target.subnet) ?? [])];
  const nic = target.nic;
  const own = index.byNic.get(nic) ?? [];
  if (index.dnat.length === 0 || !nic.addresses || nic.addressesApproximate) return [...own];
  const dnat = index.dnat.filter((p) => p.addresses!.overlaps(nic.addresses!));
  if (dnat.length === 0) return [...own];
  // In the order of the full list, as a filter over it would give.
  return [...own, ...dnat].sort((a, b) => index.position.get(a)! - index.position.get(b)!);
}

function toExposed(t: Traffic, paths: readonly PublicPath[]): ExposedTraffic {
  const through = paths.filter(
    (p) => (p.protocols & t.protocols) !== 0 && (!p.ports || p.ports.overlaps(t.ports)),
  );
  let reachable = IntervalSet.EMPTY;
  let reachableProtocols = 0;
  for (const p of through) {
    reachable = reachable.union(t.ports.intersect(p.ports ?? ALL_PORTS));
    reachableProtocols |= p.protocols & t.protocols;
  }
  return {
    protocols: t.protocols,
    ports: t.ports,
    sources: t.remote,
    wholeInternet: coversWholeInternet(t.remote),
    allowedBy: t.decidedBy.filter((r) => !r.isDefault),
    paths: through,
    reachablePorts: reachable,
    reachableProtocols,
    uncertain: t.uncertain,
  };
}

/** Internet exposure of every subnet and NIC, after effective NSG evaluation. */
export function computeExposure(
  topology: Topology,
  nics: NicIndex,
  nsgs: EffectiveNsgs,
  paths: readonly PublicPath[],
): ExposureEntry[] {
  const entries: ExposureEntry[] = [];
  const index = indexPaths(paths);
  const add = (target: EffectiveTarget, kind: 'subnet' | 'nic', name: string, standsForHosts: boolean) => {
    const result = nsgs.evaluate(target, 'Inbound', INTERNET);
    // No NSG at either level (and none unresolved): Standard public IPs and load balancers let
    // nothing in, only paths open by default (Basic SKU, gateways, Bastion, DNAT) forward traffic.
    const unguarded = result.layers.every((l) => !l.nsg) && !result.allowed.some((t) => t.uncertain);
    const reaching = pathsFor(target, index);
    const own = unguarded ? reaching.filter((p) => !p.secureByDefault) : reaching;
    entries.push({
      kind,
      name,
      subnet: 'subnet' in target ? target.subnet : target.nic.ipConfigs.find((c) => c.subnet)?.subnet,
      nic: 'nic' in target ? target.nic : undefined,
      standsForHosts,
      paths: own,
      exposed: result.allowed.map((t) => toExposed(t, own)),
      truncated: result.truncated,
    });
  };
  for (const subnet of topology.subnets)
    add(
      { subnet },
      'subnet',
      `${subnet.vnet.name}/${subnet.name}`,
      nics.nicsOf(subnet).length === 0 && !isGatewayOrFirewallSubnet(subnet),
    );
  for (const nic of nics.nics) {
    const subnet = nic.ipConfigs.find((c) => c.subnet)?.subnet;
    add({ nic }, 'nic', subnet ? `${nic.name} in ${subnet.vnet.name}/${subnet.name}` : nic.name, true);
  }
  return entries;
}

/**
 * GatewaySubnet, AzureFirewallSubnet, AzureFirewallManagementSubnet, RouteServerSubnet: Azure's
 * own appliances live there, an NSG is not supported, and no workload host can be placed in them.
 * AzureBastionSubnet is different: it takes an NSG that limits who reaches Bastion on 443.
 */
function isGatewayOrFirewallSubnet(subnet: SubnetInfo): boolean {
  return subnet.platform && subnet.name.toLowerCase() !== 'azurebastionsubnet';
}
