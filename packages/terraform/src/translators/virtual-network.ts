/**
 * azurerm_virtual_network (inline `subnet` blocks, DDoS plan, encryption), azurerm_subnet and
 * azurerm_virtual_network_peering. Inline and separate subnets get the same ARM id
 * (`.../virtualNetworks/<vnet>/subnets/<name>`), so associations and references resolve either way.
 */
import { isUnknown } from '@ztkit/core';
import { isObject } from '../eval/values.js';
import { ArmObject, armArray, idRef, resourceIdOf } from '../translate/arm.js';
import type { TfNode } from '../translate/node.js';
import type { Translator } from '../translate/types.js';
import { emitResource, enabled, nameOf, present } from './common.js';

const VNET = 'Microsoft.Network/virtualNetworks';
const SUBNET = 'Microsoft.Network/virtualNetworks/subnets';
const PEERING = 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings';

/** Subnet properties shared by inline `subnet` blocks (v3 and v4) and azurerm_subnet. */
export function subnetProperties(node: TfNode): ArmObject {
  const p = new ArmObject(node.span).from(node, 'addressPrefix', 'address_prefix');
  const prefixes = node.get('address_prefixes');
  if (Array.isArray(prefixes) && prefixes.length === 1)
    p.set('addressPrefix', prefixes[0], node.spanOf('address_prefixes'));
  else p.from(node, 'addressPrefixes', 'address_prefixes', present);
  p.set(
    'networkSecurityGroup',
    idRef(node.get('security_group'), node.spanOf('security_group')),
    node.spanOf('security_group'),
  );
  p.set(
    'routeTable',
    idRef(node.get('route_table_id'), node.spanOf('route_table_id')),
    node.spanOf('route_table_id'),
  );
  p.from(node, 'defaultOutboundAccess', 'default_outbound_access_enabled');
  const endpoints = node.get('service_endpoints');
  if (Array.isArray(endpoints) && endpoints.length)
    p.set(
      'serviceEndpoints',
      endpoints.map((service) => ({ service })),
      node.spanOf('service_endpoints'),
    );
  // v4: private_endpoint_network_policies = "Enabled" | "Disabled" | ...; v3: *_enabled booleans.
  p.from(node, 'privateEndpointNetworkPolicies', 'private_endpoint_network_policies');
  p.from(node, 'privateEndpointNetworkPolicies', 'private_endpoint_network_policies_enabled', enabled);
  p.from(node, 'privateLinkServiceNetworkPolicies', 'private_link_service_network_policies_enabled', enabled);
  const delegations = node.blocks('delegation');
  if (delegations.length)
    p.set(
      'delegations',
      delegations.map((d) => ({
        name: d.get('name'),
        properties: { serviceName: d.blocks('service_delegation')[0]?.get('name') },
      })),
      delegations[0]!.span,
    );
  return p;
}

function vnetId(a: (n: string) => unknown): string {
  return resourceIdOf(VNET, [a('name')], a('resource_group_name'));
}

export const virtualNetworkTranslator: Translator = {
  types: ['azurerm_virtual_network', 'azurerm_subnet', 'azurerm_virtual_network_peering'],
  id(type, a) {
    if (type === 'azurerm_virtual_network') return vnetId(a);
    const child = type === 'azurerm_subnet' ? SUBNET : PEERING;
    return resourceIdOf(child, [a('virtual_network_name'), a('name')], a('resource_group_name'));
  },
  enrich(type, value) {
    if (type !== 'azurerm_virtual_network' || !Array.isArray(value.subnet) || typeof value.id !== 'string')
      return;
    for (const s of value.subnet)
      if (isObject(s) && typeof s.name === 'string') s.id = `${value.id}/subnets/${s.name}`;
  },
  translate(type, node, out) {
    const rg = node.get('resource_group_name');
    if (type === 'azurerm_subnet') {
      const vnet = nameOf(node, 'virtual_network_name');
      emitResource(out, {
        type: SUBNET,
        name: `${vnet}/${nameOf(node)}`,
        id: resourceIdOf(SUBNET, [vnet, node.get('name')], rg),
        node,
        properties: subnetProperties(node),
        location: undefined,
        tags: undefined,
      });
      return;
    }
    if (type === 'azurerm_virtual_network_peering') {
      const vnet = nameOf(node, 'virtual_network_name');
      const p = new ArmObject(node.span)
        .set(
          'remoteVirtualNetwork',
          idRef(node.get('remote_virtual_network_id'), node.spanOf('remote_virtual_network_id')),
          node.spanOf('remote_virtual_network_id'),
        )
        .from(node, 'allowVirtualNetworkAccess', 'allow_virtual_network_access', undefined, true)
        .from(node, 'allowForwardedTraffic', 'allow_forwarded_traffic', undefined, false)
        .from(node, 'allowGatewayTransit', 'allow_gateway_transit', undefined, false)
        .from(node, 'useRemoteGateways', 'use_remote_gateways', undefined, false);
      emitResource(out, {
        type: PEERING,
        name: `${vnet}/${nameOf(node)}`,
        id: resourceIdOf(PEERING, [vnet, node.get('name')], rg),
        node,
        properties: p,
        location: undefined,
        tags: undefined,
      });
      return;
    }
    const id = vnetId((n) => node.get(n));
    const p = new ArmObject(node.span);
    const space = node.get('address_space');
    if (space !== undefined)
      p.set(
        'addressSpace',
        new ArmObject(node.spanOf('address_space')!)
          .set('addressPrefixes', space, node.spanOf('address_space'))
          .done(),
        node.spanOf('address_space'),
      );
    const dns = node.get('dns_servers');
    if (Array.isArray(dns) && dns.length)
      p.set('dhcpOptions', { dnsServers: dns }, node.spanOf('dns_servers'));
    const subnets = node.blocks('subnet');
    if (subnets.length)
      p.set(
        'subnets',
        armArray(
          subnets[0]!.span,
          subnets.map((s) => {
            const item = new ArmObject(s.span)
              .from(s, 'name', 'name')
              .set('id', `${id}/subnets/${nameOf(s)}`)
              .set('properties', subnetProperties(s).done(), s.span);
            return { value: item.done(), span: s.span };
          }),
        ),
        subnets[0]!.span,
      );
    const ddos = node.blocks('ddos_protection_plan')[0];
    if (ddos) {
      p.from(ddos, 'enableDdosProtection', 'enable');
      p.set('ddosProtectionPlan', idRef(ddos.get('id'), ddos.spanOf('id')), ddos.spanOf('id'));
    }
    const encryption = node.blocks('encryption')[0];
    if (encryption) {
      const e = new ArmObject(encryption.span)
        .set('enabled', true, encryption.span)
        .from(encryption, 'enforcement', 'enforcement');
      p.set('encryption', e.done(), encryption.span);
    }
    const flowTimeout = node.get('flow_timeout_in_minutes');
    if (flowTimeout !== undefined && !isUnknown(flowTimeout))
      p.set('flowTimeoutInMinutes', flowTimeout, node.spanOf('flow_timeout_in_minutes'));
    emitResource(out, { type: VNET, name: nameOf(node), id, node, properties: p });
  },
};
