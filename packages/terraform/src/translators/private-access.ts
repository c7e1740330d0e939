/**
 * Private Link and the services it fronts: private endpoints (with their private DNS zone group as
 * the `privateDnsZoneGroups` child ARM has), key vaults (network ACLs, public access) and NAT
 * gateways.
 */
import { ArmObject, armArray, idRef, resourceIdOf } from '../translate/arm.js';
import type { TfNode } from '../translate/node.js';
import type { Translator } from '../translate/types.js';
import { emitResource, enabled, nameOf, present, simpleId } from './common.js';

const ENDPOINT = 'Microsoft.Network/privateEndpoints';
const ZONE_GROUP = 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups';
const VAULT = 'Microsoft.KeyVault/vaults';
const NAT = 'Microsoft.Network/natGateways';

function connection(c: TfNode): Record<string, unknown> {
  const props = new ArmObject(c.span)
    .from(c, 'privateLinkServiceId', ['private_connection_resource_id', 'private_connection_resource_alias'])
    .from(c, 'groupIds', 'subresource_names', present)
    .from(c, 'requestMessage', 'request_message');
  return new ArmObject(c.span).from(c, 'name', 'name').set('properties', props.done(), c.span).done();
}

function vaultAcls(acl: TfNode): ArmObject {
  const o = new ArmObject(acl.span)
    .from(acl, 'defaultAction', 'default_action')
    .from(acl, 'bypass', 'bypass');
  const ips = acl.get('ip_rules');
  if (Array.isArray(ips))
    o.set(
      'ipRules',
      ips.map((value) => ({ value })),
      acl.spanOf('ip_rules'),
    );
  const subnets = acl.get('virtual_network_subnet_ids');
  if (Array.isArray(subnets))
    o.set(
      'virtualNetworkRules',
      subnets.map((id) => ({ id })),
      acl.spanOf('virtual_network_subnet_ids'),
    );
  return o;
}

export const privateAccessTranslator: Translator = {
  types: ['azurerm_private_endpoint', 'azurerm_key_vault', 'azurerm_nat_gateway'],
  id(type, a) {
    return simpleId(
      type === 'azurerm_private_endpoint' ? ENDPOINT : type === 'azurerm_key_vault' ? VAULT : NAT,
    )(type, a);
  },
  translate(type, node, out) {
    const rg = node.get('resource_group_name');
    if (type === 'azurerm_key_vault') {
      const p = new ArmObject(node.span)
        .from(node, 'publicNetworkAccess', 'public_network_access_enabled', enabled)
        .from(node, 'enableRbacAuthorization', ['rbac_authorization_enabled', 'enable_rbac_authorization'])
        .from(node, 'enablePurgeProtection', 'purge_protection_enabled')
        .from(node, 'tenantId', 'tenant_id');
      const acl = node.blocks('network_acls')[0];
      if (acl) p.set('networkAcls', vaultAcls(acl).done(), acl.span);
      const skuName = node.get('sku_name');
      if (skuName !== undefined) p.set('sku', { family: 'A', name: skuName }, node.spanOf('sku_name'));
      emitResource(out, {
        type: VAULT,
        name: nameOf(node),
        id: simpleId(VAULT)(type, (n) => node.get(n)),
        node,
        properties: p,
      });
      return;
    }
    if (type === 'azurerm_nat_gateway') {
      const skuName = node.get('sku_name');
      emitResource(out, {
        type: NAT,
        name: nameOf(node),
        id: simpleId(NAT)(type, (n) => node.get(n)),
        node,
        properties: new ArmObject(node.span).from(node, 'idleTimeoutInMinutes', 'idle_timeout_in_minutes'),
        sku:
          skuName === undefined
            ? undefined
            : new ArmObject(node.spanOf('sku_name')!).set('name', skuName, node.spanOf('sku_name')),
        zones: node.get('zones'),
      });
      return;
    }
    const connections = node.blocks('private_service_connection');
    const auto = connections.filter((c) => c.get('is_manual_connection') !== true);
    const manual = connections.filter((c) => c.get('is_manual_connection') === true);
    const p = new ArmObject(node.span)
      .set('subnet', idRef(node.get('subnet_id'), node.spanOf('subnet_id')), node.spanOf('subnet_id'))
      .from(node, 'customNetworkInterfaceName', 'custom_network_interface_name');
    if (auto.length)
      p.set(
        'privateLinkServiceConnections',
        armArray(
          auto[0]!.span,
          auto.map((c) => ({ value: connection(c), span: c.span })),
        ),
        auto[0]!.span,
      );
    if (manual.length)
      p.set(
        'manualPrivateLinkServiceConnections',
        armArray(
          manual[0]!.span,
          manual.map((c) => ({ value: connection(c), span: c.span })),
        ),
        manual[0]!.span,
      );
    const name = nameOf(node);
    emitResource(out, {
      type: ENDPOINT,
      name,
      id: simpleId(ENDPOINT)(type, (n) => node.get(n)),
      node,
      properties: p,
    });
    for (const group of node.blocks('private_dns_zone_group')) {
      const zones = group.get('private_dns_zone_ids');
      const gp = new ArmObject(group.span);
      if (Array.isArray(zones))
        gp.set(
          'privateDnsZoneConfigs',
          zones.map((id) => ({ name: String(id).split('/').pop(), properties: { privateDnsZoneId: id } })),
          group.spanOf('private_dns_zone_ids'),
        );
      emitResource(out, {
        type: ZONE_GROUP,
        name: `${name}/${nameOf(group)}`,
        id: resourceIdOf(ZONE_GROUP, [node.get('name'), group.get('name')], rg),
        node: group,
        properties: gp,
        location: undefined,
        tags: undefined,
      });
    }
  },
};
