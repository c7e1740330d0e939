/**
 * Hybrid connectivity: VPN/ExpressRoute gateways (azurerm_virtual_network_gateway), their
 * connections with custom IPsec policies, ExpressRoute Direct ports (MACsec) and circuits, and
 * Bastion hosts.
 */
import { ArmObject, type Attrs, armArray, idRef, resourceIdOf } from '../translate/arm.js';
import type { TfNode } from '../translate/node.js';
import type { Translator } from '../translate/types.js';
import { emitResource, enabled, identityOf, namedItem, nameOf, simpleId } from './common.js';

const TYPES: Readonly<Record<string, string>> = {
  azurerm_virtual_network_gateway: 'Microsoft.Network/virtualNetworkGateways',
  azurerm_virtual_network_gateway_connection: 'Microsoft.Network/connections',
  azurerm_express_route_port: 'Microsoft.Network/expressRoutePorts',
  azurerm_express_route_circuit: 'Microsoft.Network/expressRouteCircuits',
  azurerm_bastion_host: 'Microsoft.Network/bastionHosts',
};

function ipConfigurations(node: TfNode): unknown[] | undefined {
  const configs = node.blocks('ip_configuration');
  if (!configs.length) return undefined;
  return armArray(
    configs[0]!.span,
    configs.map((c) => ({
      value: namedItem(
        c,
        new ArmObject(c.span)
          .set('subnet', idRef(c.get('subnet_id'), c.spanOf('subnet_id')), c.spanOf('subnet_id'))
          .set(
            'publicIPAddress',
            idRef(c.get('public_ip_address_id'), c.spanOf('public_ip_address_id')),
            c.spanOf('public_ip_address_id'),
          )
          .from(c, 'privateIPAllocationMethod', 'private_ip_address_allocation'),
      ),
      span: c.span,
    })),
  );
}

function gatewayProperties(node: TfNode): ArmObject {
  const p = new ArmObject(node.span)
    .from(node, 'gatewayType', 'type')
    .from(node, 'vpnType', 'vpn_type', undefined, 'RouteBased')
    .from(node, 'enableBgp', 'enable_bgp')
    .from(node, 'activeActive', 'active_active')
    .from(node, 'vpnGatewayGeneration', 'generation');
  const sku = node.get('sku');
  if (sku !== undefined) p.set('sku', { name: sku, tier: sku }, node.spanOf('sku'));
  p.set('ipConfigurations', ipConfigurations(node), node.spanOf('ip_configuration'));
  const client = node.blocks('vpn_client_configuration')[0];
  if (client) {
    const c = new ArmObject(client.span)
      .from(client, 'vpnClientProtocols', 'vpn_client_protocols')
      .from(client, 'vpnAuthenticationTypes', 'vpn_auth_types')
      .from(client, 'aadTenant', 'aad_tenant')
      .from(client, 'aadAudience', 'aad_audience')
      .from(client, 'aadIssuer', 'aad_issuer')
      .from(client, 'radiusServerAddress', 'radius_server_address');
    const pool = client.get('address_space');
    if (pool !== undefined)
      c.set('vpnClientAddressPool', { addressPrefixes: pool }, client.spanOf('address_space'));
    // azurerm 3.x/4.x also take several `radius_server { address, secret, score }` blocks
    // (ARM radiusServers). The secret is left out: no rule reads it and findings must not carry it.
    const radius = client.blocks('radius_server');
    if (radius.length)
      c.set(
        'radiusServers',
        armArray(
          radius[0]!.span,
          radius.map((r) => ({
            value: new ArmObject(r.span)
              .from(r, 'radiusServerAddress', 'address')
              .from(r, 'radiusServerScore', 'score')
              .done(),
            span: r.span,
          })),
        ),
        radius[0]!.span,
      );
    const roots = client.blocks('root_certificate');
    if (roots.length)
      c.set(
        'vpnClientRootCertificates',
        roots.map((r) => ({ name: r.get('name') })),
        roots[0]!.span,
      );
    p.set('vpnClientConfiguration', c.done(), client.span);
  }
  return p;
}

function ipsecPolicies(node: TfNode): unknown[] | undefined {
  const policies = node.blocks('ipsec_policy');
  if (!policies.length) return undefined;
  return armArray(
    policies[0]!.span,
    policies.map((ip) => ({
      value: new ArmObject(ip.span)
        .from(ip, 'dhGroup', 'dh_group')
        .from(ip, 'ikeEncryption', 'ike_encryption')
        .from(ip, 'ikeIntegrity', 'ike_integrity')
        .from(ip, 'ipsecEncryption', 'ipsec_encryption')
        .from(ip, 'ipsecIntegrity', 'ipsec_integrity')
        .from(ip, 'pfsGroup', 'pfs_group')
        .from(ip, 'saLifeTimeSeconds', 'sa_lifetime')
        .from(ip, 'saDataSizeKilobytes', 'sa_datasize')
        .done(),
      span: ip.span,
    })),
  );
}

function connectionProperties(node: TfNode): ArmObject {
  const ref = (attr: string): Record<string, unknown> | undefined => idRef(node.get(attr), node.spanOf(attr));
  return new ArmObject(node.span)
    .from(node, 'connectionType', 'type')
    .from(node, 'connectionProtocol', 'connection_protocol')
    .from(node, 'enableBgp', 'enable_bgp')
    .from(node, 'usePolicyBasedTrafficSelectors', 'use_policy_based_traffic_selectors')
    .from(node, 'useLocalAzureIpAddress', 'private_ip_address_enabled')
    .from(node, 'routingWeight', 'routing_weight')
    .set(
      'virtualNetworkGateway1',
      ref('virtual_network_gateway_id'),
      node.spanOf('virtual_network_gateway_id'),
    )
    .set(
      'virtualNetworkGateway2',
      ref('peer_virtual_network_gateway_id'),
      node.spanOf('peer_virtual_network_gateway_id'),
    )
    .set('localNetworkGateway2', ref('local_network_gateway_id'), node.spanOf('local_network_gateway_id'))
    .set('peer', ref('express_route_circuit_id'), node.spanOf('express_route_circuit_id'))
    .set(
      'ipsecPolicies',
      ipsecPolicies(node),
      node.spanOf('ipsec_policy') ?? node.blocks('ipsec_policy')[0]?.span,
    );
}

function portProperties(node: TfNode): ArmObject {
  const p = new ArmObject(node.span)
    .from(node, 'peeringLocation', 'peering_location')
    .from(node, 'bandwidthInGbps', 'bandwidth_in_gbps')
    .from(node, 'encapsulation', 'encapsulation');
  const links = ['link1', 'link2'].flatMap((name) => node.blocks(name).map((l) => ({ name, l })));
  if (links.length)
    p.set(
      'links',
      links.map(({ name, l }) => {
        const mac = new ArmObject(l.span)
          .from(l, 'cipher', 'macsec_cipher')
          .from(l, 'cknSecretIdentifier', 'macsec_ckn_keyvault_secret_id')
          .from(l, 'cakSecretIdentifier', 'macsec_cak_keyvault_secret_id')
          .from(l, 'sciState', 'macsec_sci_enabled', enabled);
        return {
          name,
          properties: new ArmObject(l.span)
            .from(l, 'adminState', 'admin_enabled', enabled)
            .object('macSecConfig', mac)
            .done(),
        };
      }),
      links[0]!.l.span,
    );
  return p;
}

function circuitProperties(node: TfNode): ArmObject {
  const p = new ArmObject(node.span)
    .from(node, 'allowClassicOperations', 'allow_classic_operations')
    .from(node, 'bandwidthInGbps', 'bandwidth_in_gbps')
    .set(
      'expressRoutePort',
      idRef(node.get('express_route_port_id'), node.spanOf('express_route_port_id')),
      node.spanOf('express_route_port_id'),
    );
  const provider = node.get('service_provider_name');
  if (provider !== undefined)
    p.set(
      'serviceProviderProperties',
      {
        serviceProviderName: provider,
        peeringLocation: node.get('peering_location'),
        bandwidthInMbps: node.get('bandwidth_in_mbps'),
      },
      node.spanOf('service_provider_name'),
    );
  return p;
}

function bastionProperties(node: TfNode): ArmObject {
  return new ArmObject(node.span)
    .from(node, 'enableTunneling', 'tunneling_enabled')
    .from(node, 'enableShareableLink', 'shareable_link_enabled')
    .from(node, 'enableIpConnect', 'ip_connect_enabled')
    .from(node, 'enableFileCopy', 'file_copy_enabled')
    .from(node, 'disableCopyPaste', 'copy_paste_enabled', (v) => !v)
    .set(
      'virtualNetwork',
      idRef(node.get('virtual_network_id'), node.spanOf('virtual_network_id')),
      node.spanOf('virtual_network_id'),
    )
    .set('ipConfigurations', ipConfigurations(node), node.blocks('ip_configuration')[0]?.span);
}

function skuOf(type: string, node: TfNode): ArmObject | undefined {
  if (type === 'azurerm_bastion_host') {
    // azurerm's default Bastion SKU is Basic.
    return new ArmObject(node.spanOf('sku') ?? node.span).from(node, 'name', 'sku', undefined, 'Basic');
  }
  if (type === 'azurerm_express_route_circuit') {
    const sku = node.blocks('sku')[0];
    return sku ? new ArmObject(sku.span).from(sku, 'tier', 'tier').from(sku, 'family', 'family') : undefined;
  }
  return undefined;
}

export const gatewayTranslator: Translator = {
  types: Object.keys(TYPES),
  id(type, a) {
    return simpleId(TYPES[type]!)(type, a);
  },
  translate(type, node, out) {
    const armType = TYPES[type]!;
    const properties =
      type === 'azurerm_virtual_network_gateway'
        ? gatewayProperties(node)
        : type === 'azurerm_virtual_network_gateway_connection'
          ? connectionProperties(node)
          : type === 'azurerm_express_route_port'
            ? portProperties(node)
            : type === 'azurerm_express_route_circuit'
              ? circuitProperties(node)
              : bastionProperties(node);
    emitResource(out, {
      type: armType,
      name: nameOf(node),
      id: simpleId(armType)(type, (n) => node.get(n)),
      node,
      properties,
      sku: skuOf(type, node),
      identity: identityOf(node),
    });
  },
};

const PEERING = 'Microsoft.Network/expressRouteCircuits/peerings';

function peeringId(a: Attrs): string {
  return resourceIdOf(
    PEERING,
    [a('express_route_circuit_name'), a('peering_type')],
    a('resource_group_name'),
  );
}

/**
 * azurerm_express_route_circuit_peering: the circuit's `peerings` child, which the graph attaches to
 * the circuit named by `express_route_circuit_name`. azurerm has no name argument: the peering is
 * named by its type (ARM names it `AzurePrivatePeering`, ...). `shared_key` is a secret no rule
 * reads, so it stays out of the model.
 */
export const expressRouteCircuitPeeringTranslator: Translator = {
  types: ['azurerm_express_route_circuit_peering'],
  id: (_type, a) => peeringId(a),
  translate(_type, node, out) {
    const circuit = nameOf(node, 'express_route_circuit_name');
    emitResource(out, {
      type: PEERING,
      name: `${circuit}/${nameOf(node, 'peering_type')}`,
      id: peeringId((n) => node.get(n)),
      node,
      properties: new ArmObject(node.span)
        .from(node, 'peeringType', 'peering_type')
        .from(node, 'peerASN', 'peer_asn')
        .from(node, 'vlanId', 'vlan_id')
        .from(node, 'primaryPeerAddressPrefix', 'primary_peer_address_prefix')
        .from(node, 'secondaryPeerAddressPrefix', 'secondary_peer_address_prefix'),
      location: undefined,
      tags: undefined,
    });
  },
};
