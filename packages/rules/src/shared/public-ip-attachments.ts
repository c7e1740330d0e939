/**
 * Where public IPs land: for each public IP of the scan, the resource holding it (NIC, Application
 * Gateway, firewall, Bastion, gateway, load balancer, scale set) and the subnets and VNets that the
 * holder puts on the Internet. A load balancer's exposure reaches the subnets of its backends.
 *
 * A small local view for per-resource rules (DDoS protection, DDoS alerts); the full exposure
 * analysis (which ports, after NSGs) lives in @ztkit/analysis.
 */
import type { Resource, ResourceGraph } from '@ztkit/core';

const SUBNET = 'microsoft.network/virtualnetworks/subnets';
const PUBLIC_IP = 'Microsoft.Network/publicIPAddresses';
const LOAD_BALANCER = 'microsoft.network/loadbalancers';

export interface PublicIpAttachment {
  readonly publicIp: Resource;
  readonly holder: Resource;
  /** Subnets made public-facing by this IP (may be empty when the holder's subnet is not in the scan). */
  readonly subnets: readonly Resource[];
}

export function publicIpAttachments(graph: ResourceGraph): PublicIpAttachment[] {
  const out: PublicIpAttachment[] = [];
  for (const publicIp of graph.ofType(PUBLIC_IP)) {
    const holders = new Set(graph.referencesTo(publicIp).map((e) => e.from));
    for (const holder of holders) {
      const subnets =
        holder.type.toLowerCase() === LOAD_BALANCER
          ? backendSubnets(graph, holder)
          : subnetsOf(graph, holder);
      out.push({ publicIp, holder, subnets });
    }
  }
  return out;
}

/** Subnets a resource references (its IP configurations). */
function subnetsOf(graph: ResourceGraph, r: Resource): Resource[] {
  const found = graph
    .referencesFrom(r)
    .filter((e) => e.to.type.toLowerCase() === SUBNET)
    .map((e) => e.to);
  return [...new Set(found)];
}

/** Subnets of resources that put themselves in one of the load balancer's backend pools. */
function backendSubnets(graph: ResourceGraph, lb: Resource): Resource[] {
  const marker = `/providers/microsoft.network/loadbalancers/${lb.name.toLowerCase()}/backendaddresspools/`;
  const out = new Set<Resource>();
  for (const r of graph.resources) {
    if (r === lb || !mentions(r.properties, marker, 0)) continue;
    for (const s of subnetsOf(graph, r)) out.add(s);
  }
  return [...out];
}

function mentions(value: unknown, marker: string, depth: number): boolean {
  if (depth > 32) return false;
  if (typeof value === 'string') return value.toLowerCase().includes(marker);
  if (typeof value !== 'object' || value === null) return false;
  for (const v of Array.isArray(value) ? value : Object.values(value))
    if (mentions(v, marker, depth + 1)) return true;
  return false;
}

/** The VNet of a subnet, when in the scan. */
export function vnetOf(graph: ResourceGraph, subnet: Resource): Resource | undefined {
  return graph.parentOf(subnet);
}
