/**
 * Front Door classic (azurerm_frontdoor) and Front Door Standard/Premium (azurerm_cdn_frontdoor_*).
 * Classic routing rules become ARM `routeConfiguration`s with their `@odata.type`; Standard/Premium
 * children are named by their parent's id in azurerm and by name path in ARM. azurerm route
 * defaults (`https_redirect_enabled` true, `forwarding_protocol` MatchRequest) differ from the
 * API's (httpsRedirect Disabled) and are written explicitly.
 */

import type { Attrs } from '../translate/arm.js';
import { ArmObject, armArray, idRef, resourceIdOf } from '../translate/arm.js';
import type { TfNode } from '../translate/node.js';
import type { Translator } from '../translate/types.js';
import { emitResource, enabled, namedItem, nameOf, present, resourceGroupOf, simpleId } from './common.js';

const CLASSIC = 'Microsoft.Network/frontDoors';
const PROFILE = 'Microsoft.Cdn/profiles';
const ODATA = '#Microsoft.Azure.FrontDoor.Models.Frontdoor';

/** ARM type and parent attribute of each cdn_frontdoor child; the parent's id names the path. */
const CDN: Readonly<Record<string, { type: string; parent?: string }>> = {
  azurerm_cdn_frontdoor_profile: { type: PROFILE },
  azurerm_cdn_frontdoor_endpoint: {
    type: 'Microsoft.Cdn/profiles/afdEndpoints',
    parent: 'cdn_frontdoor_profile_id',
  },
  azurerm_cdn_frontdoor_origin_group: {
    type: 'Microsoft.Cdn/profiles/originGroups',
    parent: 'cdn_frontdoor_profile_id',
  },
  azurerm_cdn_frontdoor_origin: {
    type: 'Microsoft.Cdn/profiles/originGroups/origins',
    parent: 'cdn_frontdoor_origin_group_id',
  },
  azurerm_cdn_frontdoor_route: {
    type: 'Microsoft.Cdn/profiles/afdEndpoints/routes',
    parent: 'cdn_frontdoor_endpoint_id',
  },
  azurerm_cdn_frontdoor_custom_domain: {
    type: 'Microsoft.Cdn/profiles/customDomains',
    parent: 'cdn_frontdoor_profile_id',
  },
  azurerm_cdn_frontdoor_security_policy: {
    type: 'Microsoft.Cdn/profiles/securityPolicies',
    parent: 'cdn_frontdoor_profile_id',
  },
};

/** Name segments of a parent id below `/providers/Microsoft.Cdn/`: `[profile, endpoint]`. */
function parentNames(id: unknown): string[] {
  if (typeof id !== 'string') return [String(id ?? '<unknown>')];
  const at = id.toLowerCase().lastIndexOf('/providers/');
  const parts = at < 0 ? [] : id.slice(at + '/providers/'.length).split('/');
  return parts.filter((_p, i) => i >= 2 && i % 2 === 0);
}

function rgOf(a: Attrs, parent?: string): unknown {
  return a('resource_group_name') ?? (parent ? resourceGroupOf(a(parent)) : undefined);
}

function cdnId(type: string, a: Attrs): string {
  const spec = CDN[type]!;
  const names = spec.parent ? [...parentNames(a(spec.parent)), a('name')] : [a('name')];
  return resourceIdOf(spec.type, names, rgOf(a, spec.parent));
}

function cdnProperties(type: string, node: TfNode): ArmObject {
  const p = new ArmObject(node.span);
  switch (type) {
    case 'azurerm_cdn_frontdoor_endpoint':
      return p.from(node, 'enabledState', 'enabled', enabled);
    case 'azurerm_cdn_frontdoor_origin':
      return p
        .from(node, 'hostName', 'host_name')
        .from(node, 'httpPort', 'http_port')
        .from(node, 'httpsPort', 'https_port')
        .from(node, 'originHostHeader', 'origin_host_header')
        .from(node, 'enabledState', 'enabled', enabled)
        .from(node, 'enforceCertificateNameCheck', 'certificate_name_check_enabled');
    case 'azurerm_cdn_frontdoor_route': {
      p.from(node, 'supportedProtocols', 'supported_protocols')
        .from(node, 'httpsRedirect', 'https_redirect_enabled', enabled, 'Enabled')
        .from(node, 'forwardingProtocol', 'forwarding_protocol', undefined, 'MatchRequest')
        .from(node, 'patternsToMatch', 'patterns_to_match')
        .from(
          node,
          'linkToDefaultDomain',
          ['link_to_default_domain_enabled', 'link_to_default_domain'],
          enabled,
        )
        .from(node, 'enabledState', 'enabled', enabled);
      p.set(
        'originGroup',
        idRef(node.get('cdn_frontdoor_origin_group_id'), node.spanOf('cdn_frontdoor_origin_group_id')),
        node.spanOf('cdn_frontdoor_origin_group_id'),
      );
      const domains = node.get('cdn_frontdoor_custom_domain_ids');
      if (Array.isArray(domains) && domains.length)
        p.set(
          'customDomains',
          domains.map((id) => ({ id })),
          node.spanOf('cdn_frontdoor_custom_domain_ids'),
        );
      return p;
    }
    case 'azurerm_cdn_frontdoor_custom_domain': {
      p.from(node, 'hostName', 'host_name');
      const tls = node.blocks('tls')[0];
      if (tls)
        p.set(
          'tlsSettings',
          new ArmObject(tls.span)
            .from(tls, 'certificateType', 'certificate_type')
            .from(tls, 'minimumTlsVersion', 'minimum_tls_version', undefined, 'TLS12')
            .done(),
          tls.span,
        );
      return p;
    }
    case 'azurerm_cdn_frontdoor_security_policy': {
      const waf = node.blocks('security_policies')[0]?.blocks('firewall')[0];
      if (!waf) return p;
      const associations = waf.blocks('association').map((a) => ({
        domains: a.blocks('domain').map((d) => ({ id: d.get('cdn_frontdoor_domain_id') })),
        patternsToMatch: a.get('patterns_to_match'),
      }));
      return p.set(
        'parameters',
        new ArmObject(waf.span)
          .set('type', 'WebApplicationFirewall')
          .set(
            'wafPolicy',
            idRef(
              waf.get('cdn_frontdoor_firewall_policy_id'),
              waf.spanOf('cdn_frontdoor_firewall_policy_id'),
            ),
            waf.spanOf('cdn_frontdoor_firewall_policy_id'),
          )
          .set('associations', associations, waf.span)
          .done(),
        waf.span,
      );
    }
    default:
      return p;
  }
}

function classicProperties(node: TfNode, frontDoorId: string): ArmObject {
  const p = new ArmObject(node.span);
  const endpoints = node.blocks('frontend_endpoint');
  if (endpoints.length)
    p.set(
      'frontendEndpoints',
      armArray(
        endpoints[0]!.span,
        endpoints.map((e) => ({
          value: namedItem(
            e,
            new ArmObject(e.span)
              .from(e, 'hostName', 'host_name')
              .set(
                'webApplicationFirewallPolicyLink',
                idRef(
                  e.get('web_application_firewall_policy_link_id'),
                  e.spanOf('web_application_firewall_policy_link_id'),
                ),
                e.spanOf('web_application_firewall_policy_link_id'),
              ),
            { id: `${frontDoorId}/frontendEndpoints/${nameOf(e)}` },
          ),
          span: e.span,
        })),
      ),
      endpoints[0]!.span,
    );
  const rules = node.blocks('routing_rule');
  if (rules.length)
    p.set(
      'routingRules',
      armArray(
        rules[0]!.span,
        rules.map((r) => {
          const rp = new ArmObject(r.span)
            .from(r, 'acceptedProtocols', 'accepted_protocols')
            .from(r, 'patternsToMatch', 'patterns_to_match')
            .from(r, 'enabledState', 'enabled', enabled);
          const fe = r.get('frontend_endpoints');
          if (Array.isArray(fe))
            rp.set(
              'frontendEndpoints',
              fe.map((n) => ({ id: `${frontDoorId}/frontendEndpoints/${String(n)}` })),
              r.spanOf('frontend_endpoints'),
            );
          const fwd = r.blocks('forwarding_configuration')[0];
          const redirect = r.blocks('redirect_configuration')[0];
          if (fwd) {
            const c = new ArmObject(fwd.span)
              .set('@odata.type', `${ODATA}ForwardingConfiguration`)
              .from(fwd, 'forwardingProtocol', 'forwarding_protocol', undefined, 'HttpsOnly');
            const pool = fwd.get('backend_pool_name');
            if (typeof pool === 'string')
              c.set(
                'backendPool',
                { id: `${frontDoorId}/backendPools/${pool}` },
                fwd.spanOf('backend_pool_name'),
              );
            rp.set('routeConfiguration', c.done(), fwd.span);
          } else if (redirect) {
            rp.set(
              'routeConfiguration',
              new ArmObject(redirect.span)
                .set('@odata.type', `${ODATA}RedirectConfiguration`)
                .from(redirect, 'redirectProtocol', 'redirect_protocol')
                .from(redirect, 'redirectType', 'redirect_type')
                .from(redirect, 'customHost', 'custom_host', present)
                .done(),
              redirect.span,
            );
          }
          return { value: namedItem(r, rp), span: r.span };
        }),
      ),
      rules[0]!.span,
    );
  const pools = node.blocks('backend_pool');
  if (pools.length)
    p.set(
      'backendPools',
      pools.map((bp) =>
        namedItem(
          bp,
          new ArmObject(bp.span).set(
            'backends',
            bp.blocks('backend').map((b) => ({
              address: b.get('address'),
              httpPort: b.get('http_port'),
              httpsPort: b.get('https_port'),
            })),
            bp.span,
          ),
        ),
      ),
      pools[0]!.span,
    );
  return p;
}

export const frontDoorTranslator: Translator = {
  types: ['azurerm_frontdoor', ...Object.keys(CDN)],
  id(type, a) {
    return type === 'azurerm_frontdoor' ? simpleId(CLASSIC)(type, a) : cdnId(type, a);
  },
  translate(type, node, out) {
    const a: Attrs = (n) => node.get(n);
    if (type === 'azurerm_frontdoor') {
      const id = simpleId(CLASSIC)(type, a);
      emitResource(out, {
        type: CLASSIC,
        name: nameOf(node),
        id,
        node,
        properties: classicProperties(node, id),
        location: 'Global',
      });
      return;
    }
    const spec = CDN[type]!;
    const names = spec.parent ? [...parentNames(node.get(spec.parent)), nameOf(node)] : [nameOf(node)];
    const skuName = node.get('sku_name');
    emitResource(out, {
      type: spec.type,
      name: names.join('/'),
      id: cdnId(type, a),
      node,
      properties: cdnProperties(type, node),
      location: type === 'azurerm_cdn_frontdoor_profile' ? 'Global' : undefined,
      sku:
        skuName === undefined
          ? undefined
          : new ArmObject(node.spanOf('sku_name')!).set('name', skuName, node.spanOf('sku_name')),
    });
  },
};
