/**
 * Event Hubs and Service Bus namespaces (minimum TLS, public access, network rule set) and API
 * Management (protocol and cipher switches as ARM `customProperties`). azurerm defaults both
 * namespaces' `minimum_tls_version` to "1.2" and sends every API Management security switch as
 * "false" when the `security` block omits it; both are written explicitly.
 *
 * ARM keeps a namespace's firewall in the `networkRuleSets/default` child, not on the namespace;
 * azurerm (v3.x and v4.x) writes it from the namespace's inline block, so the translation emits
 * that child. Event Hubs: `network_rulesets { default_action, public_network_access_enabled,
 * trusted_service_access_enabled, ip_rule { ip_mask, action }, virtual_network_rule { subnet_id,
 * ignore_missing_virtual_network_service_endpoint } }`. Service Bus: `network_rule_set {
 * default_action, public_network_access_enabled, trusted_services_allowed, ip_rules = [..],
 * network_rules { subnet_id, ignore_missing_vnet_service_endpoint } }`.
 */
import { ArmObject, armArray, resourceIdOf } from '../translate/arm.js';
import type { TfNode } from '../translate/node.js';
import type { Translator } from '../translate/types.js';
import { emitResource, enabled, nameOf, simpleId } from './common.js';

const NAMESPACES: Readonly<Record<string, string>> = {
  azurerm_eventhub_namespace: 'Microsoft.EventHub/namespaces',
  azurerm_servicebus_namespace: 'Microsoft.ServiceBus/namespaces',
};
const APIM = 'Microsoft.ApiManagement/service';
const GATEWAY = 'Microsoft.WindowsAzure.ApiManagement.Gateway';

/** azurerm `security` attributes (v4 name, v3 name) -> ARM customProperties key. */
const APIM_SWITCHES: readonly [string, string, string][] = [
  ['backend_ssl30_enabled', 'enable_backend_ssl30', `${GATEWAY}.Security.Backend.Protocols.Ssl30`],
  ['backend_tls10_enabled', 'enable_backend_tls10', `${GATEWAY}.Security.Backend.Protocols.Tls10`],
  ['backend_tls11_enabled', 'enable_backend_tls11', `${GATEWAY}.Security.Backend.Protocols.Tls11`],
  ['frontend_ssl30_enabled', 'enable_frontend_ssl30', `${GATEWAY}.Security.Protocols.Ssl30`],
  ['frontend_tls10_enabled', 'enable_frontend_tls10', `${GATEWAY}.Security.Protocols.Tls10`],
  ['frontend_tls11_enabled', 'enable_frontend_tls11', `${GATEWAY}.Security.Protocols.Tls11`],
  ['triple_des_ciphers_enabled', 'enable_triple_des_ciphers', `${GATEWAY}.Security.Ciphers.TripleDes168`],
];

/** The namespace's inline rule-set block -> ARM `networkRuleSets` properties. */
function ruleSetProperties(type: string, block: TfNode): ArmObject {
  const p = new ArmObject(block.span)
    .from(block, 'defaultAction', 'default_action')
    .from(block, 'publicNetworkAccess', 'public_network_access_enabled', enabled)
    .from(block, 'trustedServiceAccessEnabled', [
      'trusted_service_access_enabled',
      'trusted_services_allowed',
    ]);
  if (type === 'azurerm_eventhub_namespace') {
    const ips = block.blocks('ip_rule');
    if (ips.length)
      p.set(
        'ipRules',
        armArray(
          ips[0]!.span,
          ips.map((r) => ({
            value: new ArmObject(r.span)
              .from(r, 'ipMask', 'ip_mask')
              .from(r, 'action', 'action', undefined, 'Allow')
              .done(),
            span: r.span,
          })),
        ),
        block.spanOf('ip_rule') ?? ips[0]!.span,
      );
  } else {
    const ips = block.get('ip_rules');
    if (Array.isArray(ips))
      p.set(
        'ipRules',
        ips.map((ipMask) => ({ ipMask, action: 'Allow' })),
        block.spanOf('ip_rules'),
      );
  }
  const subnets = block.blocks(
    type === 'azurerm_eventhub_namespace' ? 'virtual_network_rule' : 'network_rules',
  );
  if (subnets.length)
    p.set(
      'virtualNetworkRules',
      subnets.map((r) =>
        new ArmObject(r.span)
          .set('subnet', { id: r.get('subnet_id') }, r.spanOf('subnet_id'))
          .from(r, 'ignoreMissingVnetServiceEndpoint', [
            'ignore_missing_virtual_network_service_endpoint',
            'ignore_missing_vnet_service_endpoint',
          ])
          .done(),
      ),
      subnets[0]!.span,
    );
  return p;
}

function customProperties(node: TfNode): ArmObject {
  const security = node.blocks('security')[0];
  const o = new ArmObject(security?.span ?? node.span);
  for (const [v4, v3, key] of APIM_SWITCHES) {
    if (security) o.from(security, key, [v4, v3], (v) => String(v), 'false');
    else o.set(key, 'false');
  }
  const protocols = node.blocks('protocols')[0];
  if (protocols)
    o.from(protocols, `${GATEWAY}.Protocols.Server.Http2`, ['http2_enabled', 'enable_http2'], (v) =>
      String(v),
    );
  return o;
}

export const messagingTranslator: Translator = {
  types: [...Object.keys(NAMESPACES), 'azurerm_api_management'],
  id(type, a) {
    return simpleId(NAMESPACES[type] ?? APIM)(type, a);
  },
  translate(type, node, out) {
    const armType = NAMESPACES[type];
    if (armType) {
      const p = new ArmObject(node.span)
        .from(node, 'minimumTlsVersion', 'minimum_tls_version', undefined, '1.2')
        .from(node, 'publicNetworkAccess', 'public_network_access_enabled', enabled)
        .from(node, 'disableLocalAuth', 'local_authentication_enabled', (v) => !v);
      const s = node.get('sku');
      emitResource(out, {
        type: armType,
        name: nameOf(node),
        id: simpleId(armType)(type, (n) => node.get(n)),
        node,
        properties: p,
        sku:
          s === undefined ? undefined : new ArmObject(node.spanOf('sku')!).set('name', s, node.spanOf('sku')),
      });
      const block = node.blocks(
        type === 'azurerm_eventhub_namespace' ? 'network_rulesets' : 'network_rule_set',
      )[0];
      if (block) {
        const childType = `${armType}/networkRuleSets`;
        emitResource(out, {
          type: childType,
          name: `${nameOf(node)}/default`,
          id: resourceIdOf(childType, [node.get('name'), 'default'], node.get('resource_group_name')),
          node: block,
          properties: ruleSetProperties(type, block),
          location: undefined,
          tags: undefined,
          identity: undefined,
        });
      }
      return;
    }
    const p = new ArmObject(node.span)
      .from(node, 'publicNetworkAccess', 'public_network_access_enabled', enabled)
      .from(node, 'virtualNetworkType', 'virtual_network_type')
      .from(node, 'publisherEmail', 'publisher_email');
    p.object('customProperties', customProperties(node));
    const skuName = node.get('sku_name');
    emitResource(out, {
      type: APIM,
      name: nameOf(node),
      id: simpleId(APIM)(type, (n) => node.get(n)),
      node,
      properties: p,
      sku:
        typeof skuName === 'string'
          ? new ArmObject(node.spanOf('sku_name')!)
              .set('name', skuName.split('_')[0], node.spanOf('sku_name'))
              .set('capacity', Number(skuName.split('_')[1] ?? 1), node.spanOf('sku_name'))
          : undefined,
    });
  },
};
