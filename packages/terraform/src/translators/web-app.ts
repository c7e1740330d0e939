/**
 * App Service sites: azurerm_linux_web_app, azurerm_windows_web_app, azurerm_linux_function_app,
 * azurerm_windows_function_app (azurerm v3/v4) and the legacy azurerm_app_service and
 * azurerm_function_app; and their deployment slots (`*_slot`, ARM `Microsoft.Web/sites/slots`),
 * which are endpoints of their own with the same settings and defaults; also
 * azurerm_logic_app_standard and azurerm_function_app_flex_consumption, which are sites too. The new
 * resources default `minimum_tls_version` and `scm_minimum_tls_version` to "1.2" and `ftps_state`
 * to "Disabled" (provider schema defaults), so those values are written explicitly; the legacy
 * resources leave them to the API.
 */
import { isUnknown } from '@ztkit/core';
import { ArmObject, type Attrs, nameSegment, resourceIdOf } from '../translate/arm.js';
import type { TfNode } from '../translate/node.js';
import type { Translator } from '../translate/types.js';
import { emitResource, enabled, nameOf, resourceGroupOf } from './common.js';

const SITE = 'Microsoft.Web/sites';
const SLOT = 'Microsoft.Web/sites/slots';

const KIND: Readonly<Record<string, string>> = {
  azurerm_linux_web_app: 'app,linux',
  azurerm_windows_web_app: 'app',
  azurerm_linux_function_app: 'functionapp,linux',
  azurerm_windows_function_app: 'functionapp',
  azurerm_app_service: 'app',
  azurerm_function_app: 'functionapp',
  azurerm_linux_web_app_slot: 'app,linux',
  azurerm_windows_web_app_slot: 'app',
  azurerm_linux_function_app_slot: 'functionapp,linux',
  azurerm_windows_function_app_slot: 'functionapp',
  azurerm_app_service_slot: 'app',
  azurerm_function_app_slot: 'functionapp',
  // The kind the provider sends (a container logic app is `functionapp,linux,container,workflowapp`).
  azurerm_logic_app_standard: 'functionapp,workflowapp',
  azurerm_function_app_flex_consumption: 'functionapp,linux',
};

/**
 * Resources whose site_config settings have no provider schema default, so the API's apply.
 * azurerm_logic_app_standard (azurerm 3.x/4.x) is one: `min_tls_version`, `scm_min_tls_version`
 * and `ftps_state` are optional and computed (the service gives 1.2, 1.2 and AllAllowed), and it
 * has no `ip_restriction_default_action`.
 */
const LEGACY = new Set([
  'azurerm_app_service',
  'azurerm_function_app',
  'azurerm_app_service_slot',
  'azurerm_function_app_slot',
  'azurerm_logic_app_standard',
]);

/** How a slot names its site: the site's id (v3/v4) or, for the legacy slots, its name. */
const SLOT_PARENT: Readonly<Record<string, { readonly id?: string; readonly name?: string }>> = {
  azurerm_linux_web_app_slot: { id: 'app_service_id' },
  azurerm_windows_web_app_slot: { id: 'app_service_id' },
  azurerm_linux_function_app_slot: { id: 'function_app_id' },
  azurerm_windows_function_app_slot: { id: 'function_app_id' },
  azurerm_app_service_slot: { name: 'app_service_name' },
  azurerm_function_app_slot: { name: 'function_app_name' },
};

/** ARM type, name segments and resource group of a site or slot, from its attributes. */
function siteIdentity(type: string, a: Attrs): { type: string; names: unknown[]; rg: unknown } {
  const slot = SLOT_PARENT[type];
  if (!slot) return { type: SITE, names: [a('name')], rg: a('resource_group_name') };
  const parentId = slot.id ? a(slot.id) : undefined;
  const parent =
    typeof parentId === 'string'
      ? (parentId.split('/').filter(Boolean).at(-1) ?? '<unknown>')
      : slot.id
        ? parentId
        : a(slot.name!);
  const rg = a('resource_group_name') ?? resourceGroupOf(parentId);
  return { type: SLOT, names: [parent, a('name')], rg };
}

function id(type: string, a: Attrs): string {
  const { type: armType, names, rg } = siteIdentity(type, a);
  return resourceIdOf(armType, names, isUnknown(rg) ? undefined : rg);
}

function ipRestrictions(blocks: readonly TfNode[]): unknown[] | undefined {
  if (!blocks.length) return undefined;
  return blocks.map((b) =>
    new ArmObject(b.span)
      .from(b, 'name', 'name')
      .from(b, 'ipAddress', 'ip_address')
      .from(b, 'tag', 'service_tag', () => 'ServiceTag')
      .from(b, 'ipAddress', 'service_tag')
      .from(b, 'vnetSubnetResourceId', ['virtual_network_subnet_id', 'subnet_id'])
      .from(b, 'action', 'action', undefined, 'Allow')
      .from(b, 'priority', 'priority')
      .done(),
  );
}

function siteConfig(type: string, node: TfNode): ArmObject | undefined {
  const sc = node.blocks('site_config')[0];
  const legacy = LEGACY.has(type);
  if (!sc && legacy) return undefined;
  const span = sc?.span ?? node.span;
  const o = new ArmObject(span);
  if (sc) {
    o.from(
      sc,
      'minTlsVersion',
      ['minimum_tls_version', 'min_tls_version'],
      undefined,
      legacy ? undefined : '1.2',
    )
      .from(
        sc,
        'scmMinTlsVersion',
        ['scm_minimum_tls_version', 'scm_min_tls_version'],
        undefined,
        legacy ? undefined : '1.2',
      )
      .from(sc, 'ftpsState', 'ftps_state', undefined, legacy ? undefined : 'Disabled')
      // azurerm_function_app_flex_consumption (4.x) shares the v3/v4 site defaults but has no
      // ftps_state, and needs none: Flex Consumption runs on Linux only and the Functions
      // deployment-technology table offers FTPS on Windows only, so it has no FTP endpoint.
      .from(sc, 'http20Enabled', 'http2_enabled')
      .from(sc, 'alwaysOn', 'always_on')
      .from(sc, 'vnetRouteAllEnabled', 'vnet_route_all_enabled')
      .from(sc, 'remoteDebuggingEnabled', ['remote_debugging_enabled', 'remote_debugging'])
      // azurerm (3.95+) defaults both to Allow and always sends them: rules then only add exceptions,
      // unlike ARM, where leaving the property out keeps the implicit deny after the rules.
      .from(
        sc,
        'ipSecurityRestrictionsDefaultAction',
        'ip_restriction_default_action',
        undefined,
        legacy ? undefined : 'Allow',
      )
      .from(
        sc,
        'scmIpSecurityRestrictionsDefaultAction',
        'scm_ip_restriction_default_action',
        undefined,
        legacy ? undefined : 'Allow',
      )
      .from(sc, 'scmIpSecurityRestrictionsUseMain', 'scm_use_main_ip_restriction');
    o.set('ipSecurityRestrictions', ipRestrictions(sc.blocks('ip_restriction')), sc.spanOf('ip_restriction'));
    o.set(
      'scmIpSecurityRestrictions',
      ipRestrictions(sc.blocks('scm_ip_restriction')),
      sc.spanOf('scm_ip_restriction'),
    );
  } else {
    // No site_config block: the provider still sends its schema defaults.
    o.set('minTlsVersion', '1.2')
      .set('scmMinTlsVersion', '1.2')
      .set('ftpsState', 'Disabled')
      .set('ipSecurityRestrictionsDefaultAction', 'Allow')
      .set('scmIpSecurityRestrictionsDefaultAction', 'Allow');
  }
  return o;
}

function kindOf(type: string, node: TfNode): string | undefined {
  if (type !== 'azurerm_logic_app_standard') return KIND[type];
  const fx = node.blocks('site_config')[0]?.get('linux_fx_version');
  return typeof fx === 'string' && fx.length > 0 ? 'functionapp,linux,container,workflowapp' : KIND[type];
}

export const webAppTranslator: Translator = {
  types: Object.keys(KIND),
  id,
  translate(type, node, out) {
    const p = new ArmObject(node.span)
      .from(node, 'httpsOnly', 'https_only', undefined, false)
      // azurerm_logic_app_standard spells it `public_network_access = "Enabled" | "Disabled"`.
      .from(node, 'publicNetworkAccess', ['public_network_access_enabled', 'public_network_access'], enabled)
      .from(node, 'clientCertEnabled', ['client_certificate_enabled', 'client_cert_enabled'])
      .from(node, 'clientCertMode', 'client_certificate_mode')
      .from(node, 'serverFarmId', ['service_plan_id', 'app_service_plan_id'])
      .from(node, 'virtualNetworkSubnetId', 'virtual_network_subnet_id')
      .from(node, 'enabled', 'enabled');
    // azurerm_logic_app_standard has no client certificate switch: it sends clientCertEnabled when a mode is set.
    if (type === 'azurerm_logic_app_standard' && typeof node.get('client_certificate_mode') === 'string')
      p.set('clientCertEnabled', true, node.spanOf('client_certificate_mode'));
    p.object('siteConfig', siteConfig(type, node));
    const kvRef = node.get('key_vault_reference_identity_id');
    if (kvRef !== undefined)
      p.set('keyVaultReferenceIdentity', kvRef, node.spanOf('key_vault_reference_identity_id'));
    const attrs: Attrs = (n) => node.get(n);
    const identity = siteIdentity(type, attrs);
    emitResource(out, {
      type: identity.type,
      name: identity.type === SLOT ? `${nameSegment(identity.names[0])}/${nameOf(node)}` : nameOf(node),
      id: id(type, attrs),
      node,
      properties: p,
      kind: kindOf(type, node),
    });
  },
};
