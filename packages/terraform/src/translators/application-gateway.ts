/**
 * azurerm_application_gateway. azurerm names sub-resources (listeners, ports, pools, settings,
 * redirects) by name; ARM references them by id (`<gateway id>/httpListeners/<name>`), so names are
 * turned into those ids and the rules can follow listener -> rule -> redirect as in ARM.
 */
import { ArmObject, armArray, idRef } from '../translate/arm.js';
import type { TfNode } from '../translate/node.js';
import type { Translator } from '../translate/types.js';
import { emitResource, namedItem, nameOf, present, simpleId } from './common.js';

const AGW = 'Microsoft.Network/applicationGateways';
const id = simpleId(AGW);

/** An `ssl_policy` block (the gateway's or an SSL profile's: azurerm gives both the same attributes). */
function sslPolicy(parent: TfNode): ArmObject | undefined {
  const ssl = parent.blocks('ssl_policy')[0];
  if (!ssl) return undefined;
  return new ArmObject(ssl.span)
    .from(ssl, 'policyType', 'policy_type')
    .from(ssl, 'policyName', 'policy_name')
    .from(ssl, 'minProtocolVersion', 'min_protocol_version')
    .from(ssl, 'cipherSuites', 'cipher_suites', present)
    .from(ssl, 'disabledSslProtocols', 'disabled_protocols', present);
}

type Build = (b: TfNode, p: ArmObject, child: (kind: string, attr: string, b?: TfNode) => ArmObject) => void;

/** azurerm block -> ARM collection property, with how to fill each item's properties. */
const COLLECTIONS: readonly [string, string, Build][] = [
  [
    'gateway_ip_configuration',
    'gatewayIPConfigurations',
    (b, p) => p.set('subnet', idRef(b.get('subnet_id'), b.spanOf('subnet_id')), b.spanOf('subnet_id')),
  ],
  [
    'frontend_ip_configuration',
    'frontendIPConfigurations',
    (b, p) =>
      p
        .set(
          'publicIPAddress',
          idRef(b.get('public_ip_address_id'), b.spanOf('public_ip_address_id')),
          b.spanOf('public_ip_address_id'),
        )
        .set('subnet', idRef(b.get('subnet_id'), b.spanOf('subnet_id')), b.spanOf('subnet_id'))
        .from(b, 'privateIPAddress', 'private_ip_address')
        .from(b, 'privateIPAllocationMethod', 'private_ip_address_allocation'),
  ],
  ['frontend_port', 'frontendPorts', (b, p) => p.from(b, 'port', 'port')],
  [
    'backend_address_pool',
    'backendAddressPools',
    (b, p) => {
      const fqdns = (b.get('fqdns') as unknown[] | undefined) ?? [];
      const ips = (b.get('ip_addresses') as unknown[] | undefined) ?? [];
      const addresses = [
        ...(Array.isArray(fqdns) ? fqdns.map((fqdn) => ({ fqdn })) : []),
        ...(Array.isArray(ips) ? ips.map((ipAddress) => ({ ipAddress })) : []),
      ];
      if (addresses.length)
        p.set('backendAddresses', addresses, b.spanOf('fqdns') ?? b.spanOf('ip_addresses'));
    },
  ],
  [
    'backend_http_settings',
    'backendHttpSettingsCollection',
    (b, p) =>
      p
        .from(b, 'port', 'port')
        .from(b, 'protocol', 'protocol')
        .from(b, 'cookieBasedAffinity', 'cookie_based_affinity')
        .from(b, 'requestTimeout', 'request_timeout')
        .from(b, 'hostName', 'host_name')
        .from(b, 'pickHostNameFromBackendAddress', 'pick_host_name_from_backend_address'),
  ],
  [
    'http_listener',
    'httpListeners',
    (b, p, child) => {
      p.from(b, 'protocol', 'protocol')
        .from(b, 'hostName', 'host_name')
        .from(b, 'hostNames', 'host_names', present)
        .from(b, 'requireServerNameIndication', 'require_sni');
      p.object(
        'frontendIPConfiguration',
        child('frontendIPConfigurations', 'frontend_ip_configuration_name', b),
      );
      p.object('frontendPort', child('frontendPorts', 'frontend_port_name', b));
      p.object('sslCertificate', child('sslCertificates', 'ssl_certificate_name', b));
      p.object('sslProfile', child('sslProfiles', 'ssl_profile_name', b));
      p.set(
        'firewallPolicy',
        idRef(b.get('firewall_policy_id'), b.spanOf('firewall_policy_id')),
        b.spanOf('firewall_policy_id'),
      );
    },
  ],
  [
    'request_routing_rule',
    'requestRoutingRules',
    (b, p, child) => {
      p.from(b, 'ruleType', 'rule_type').from(b, 'priority', 'priority');
      p.object('httpListener', child('httpListeners', 'http_listener_name', b));
      p.object('backendAddressPool', child('backendAddressPools', 'backend_address_pool_name', b));
      p.object(
        'backendHttpSettings',
        child('backendHttpSettingsCollection', 'backend_http_settings_name', b),
      );
      p.object('redirectConfiguration', child('redirectConfigurations', 'redirect_configuration_name', b));
      p.object('urlPathMap', child('urlPathMaps', 'url_path_map_name', b));
    },
  ],
  [
    'redirect_configuration',
    'redirectConfigurations',
    (b, p, child) => {
      p.from(b, 'redirectType', 'redirect_type')
        .from(b, 'targetUrl', 'target_url')
        .from(b, 'includePath', 'include_path')
        .from(b, 'includeQueryString', 'include_query_string');
      p.object('targetListener', child('httpListeners', 'target_listener_name', b));
    },
  ],
  [
    'url_path_map',
    'urlPathMaps',
    (b, p, child) => {
      p.object(
        'defaultBackendAddressPool',
        child('backendAddressPools', 'default_backend_address_pool_name', b),
      );
      p.object(
        'defaultBackendHttpSettings',
        child('backendHttpSettingsCollection', 'default_backend_http_settings_name', b),
      );
      p.object(
        'defaultRedirectConfiguration',
        child('redirectConfigurations', 'default_redirect_configuration_name', b),
      );
      const rules = b.blocks('path_rule');
      if (rules.length)
        p.set(
          'pathRules',
          rules.map((r) => {
            const rp = new ArmObject(r.span).from(r, 'paths', 'paths');
            rp.object('backendAddressPool', child('backendAddressPools', 'backend_address_pool_name', r));
            rp.object(
              'backendHttpSettings',
              child('backendHttpSettingsCollection', 'backend_http_settings_name', r),
            );
            rp.object(
              'redirectConfiguration',
              child('redirectConfigurations', 'redirect_configuration_name', r),
            );
            return namedItem(r, rp);
          }),
          rules[0]!.span,
        );
    },
  ],
  ['ssl_certificate', 'sslCertificates', (b, p) => p.from(b, 'keyVaultSecretId', 'key_vault_secret_id')],
  // ssl_profile { name, ssl_policy { ... } } (azurerm 3.x/4.x): the TLS policy of the listeners that name it.
  [
    'ssl_profile',
    'sslProfiles',
    (b, p) => {
      const policy = sslPolicy(b);
      if (policy) p.set('sslPolicy', policy.done(), policy.span);
    },
  ],
];

export const applicationGatewayTranslator: Translator = {
  types: ['azurerm_application_gateway'],
  id,
  translate(type, node, out) {
    const gatewayId = id(type, (n) => node.get(n));
    const child = (kind: string, attr: string, b?: TfNode): ArmObject => {
      const o = new ArmObject(b?.spanOf(attr) ?? node.span);
      const name = b?.get(attr);
      if (typeof name === 'string') o.set('id', `${gatewayId}/${kind}/${name}`, b?.spanOf(attr));
      return o;
    };
    const p = new ArmObject(node.span)
      .from(node, 'enableHttp2', ['enable_http2', 'http2_enabled'])
      .set(
        'firewallPolicy',
        idRef(node.get('firewall_policy_id'), node.spanOf('firewall_policy_id')),
        node.spanOf('firewall_policy_id'),
      );
    const sku = node.blocks('sku')[0];
    if (sku)
      p.set(
        'sku',
        new ArmObject(sku.span)
          .from(sku, 'name', 'name')
          .from(sku, 'tier', 'tier')
          .from(sku, 'capacity', 'capacity')
          .done(),
        sku.span,
      );
    const ssl = sslPolicy(node);
    if (ssl) p.set('sslPolicy', ssl.done(), ssl.span);
    const waf = node.blocks('waf_configuration')[0];
    if (waf)
      p.set(
        'webApplicationFirewallConfiguration',
        new ArmObject(waf.span)
          .from(waf, 'enabled', 'enabled')
          .from(waf, 'firewallMode', 'firewall_mode')
          .from(waf, 'ruleSetType', 'rule_set_type', undefined, 'OWASP')
          .from(waf, 'ruleSetVersion', 'rule_set_version')
          .from(waf, 'requestBodyCheck', 'request_body_check')
          .done(),
        waf.span,
      );
    for (const [block, property, build] of COLLECTIONS) {
      const blocks = node.blocks(block);
      if (!blocks.length) continue;
      const items = blocks.map((b) => {
        const bp = new ArmObject(b.span);
        build(b, bp, child);
        const name = b.get('name');
        return {
          value: namedItem(
            b,
            bp,
            typeof name === 'string' ? { id: `${gatewayId}/${property}/${name}` } : undefined,
          ),
          span: b.span,
        };
      });
      p.set(property, armArray(blocks[0]!.span, items), blocks[0]!.span);
    }
    emitResource(out, {
      type: AGW,
      name: nameOf(node),
      id: gatewayId,
      node,
      properties: p,
      zones: node.get('zones'),
    });
  },
};
