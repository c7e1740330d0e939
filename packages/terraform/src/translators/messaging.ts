/**
 * Event Hubs and Service Bus namespaces (minimum TLS, public access) and API Management (protocol
 * and cipher switches as ARM `customProperties`). azurerm defaults both namespaces'
 * `minimum_tls_version` to "1.2" and sends every API Management security switch as "false" when
 * the `security` block omits it; both are written explicitly.
 */
import { ArmObject } from '../translate/arm.js';
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
