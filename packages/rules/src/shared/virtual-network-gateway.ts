/**
 * Virtual network gateways are one ARM type for two products: VPN gateways (`gatewayType: 'Vpn'`)
 * and ExpressRoute gateways (`'ExpressRoute'`). Unlike most resources, their SKU sits inside
 * `properties.sku`.
 */
import { isUnknown, type Resource, type ResourceGraph } from '@ztkit/core';

export const VIRTUAL_NETWORK_GATEWAYS = 'Microsoft.Network/virtualNetworkGateways';

export type GatewayKind = 'vpn' | 'expressroute' | 'unknown';

export function gatewayKind(gateway: Resource): GatewayKind {
  const type = gateway.properties.gatewayType;
  if (typeof type !== 'string') return 'unknown';
  const t = type.toLowerCase();
  return t === 'vpn' ? 'vpn' : t === 'expressroute' ? 'expressroute' : 'unknown';
}

export function gatewaysOfKind(graph: ResourceGraph, kind: GatewayKind): Resource[] {
  return graph.ofType(VIRTUAL_NETWORK_GATEWAYS).filter((g) => gatewayKind(g) === kind);
}

/** `properties.sku.name`, or undefined when absent or unknown. */
export function gatewaySku(gateway: Resource): string | undefined {
  const sku = gateway.properties.sku;
  if (typeof sku !== 'object' || sku === null || isUnknown(sku)) return undefined;
  const name = (sku as { name?: unknown }).name;
  return typeof name === 'string' ? name : undefined;
}

/** The virtual network a gateway (or Bastion host) is placed in, via its ipConfigurations' subnet. */
export function virtualNetworkOf(graph: ResourceGraph, resource: Resource): Resource | undefined {
  const configs = resource.properties.ipConfigurations;
  if (!Array.isArray(configs)) return undefined;
  for (const config of configs) {
    const subnetRef = (config as { properties?: { subnet?: unknown } })?.properties?.subnet;
    const subnet = graph.resolve(subnetRef);
    const vnet = subnet ? graph.parentOf(subnet) : undefined;
    if (vnet) return vnet;
  }
  return undefined;
}
