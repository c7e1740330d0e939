import { defineRule, type FindingDraft, isUnknown, type Resource } from '@ztkit/core';
import { privateLinkIndex } from '../../shared/private-link.js';
import { arrayOf, lowerString, recordOf, subProperties } from '../../shared/property-values.js';
import { isFrontDoorProfile, unprotectedEndpoints } from './front-door.js';
import { forwardedHostNames, isFronted, siteExposure } from './web-apps.js';

export default defineRule({
  meta: {
    id: 'ZT-S12-01',
    title: 'Every public HTTP(S) endpoint sits behind a web application firewall',
    severity: 'high',
    catalog: ['S12'],
    principles: ['assume-breach'],
    pack: 'segmentation',
    source: [
      {
        document: '002',
        step: '§3 Threat protection: cloud native filtering and protection for known threats',
      },
      { document: '002', step: '§5 Segment and enforce the external boundaries (Internet boundary)' },
    ],
    benchmark: ['NS-6'],
    peers: {
      checkov: ['CKV_AZURE_120', 'CKV_AZURE_121'],
      psrule: ['Azure.AppGw.UseWAF', 'Azure.FrontDoor.UseWAF'],
    },
    resourceTypes: [
      'Microsoft.Network/applicationGateways',
      'Microsoft.Cdn/profiles',
      'Microsoft.Cdn/profiles/afdEndpoints',
      'Microsoft.Cdn/profiles/securityPolicies',
      'Microsoft.Network/frontDoors',
      'Microsoft.Web/sites',
    ],
    rationale:
      'HTTP endpoints reachable from the Internet receive injection, cross-site scripting and protocol attacks all day. A WAF on Application Gateway or Front Door inspects every request against known attack signatures before it reaches the application; an endpoint without one relies on the application never having a bug.',
    remediation: {
      summary:
        'Publish web workloads through Application Gateway WAF_v2 with a WAF policy, or Front Door with a security policy that links a WAF policy to every domain; close direct public access to web apps (access restrictions to the gateway or Front Door, or publicNetworkAccess Disabled with Private Link).',
      arm: '"properties": {\n  "sku": { "name": "WAF_v2", "tier": "WAF_v2" },\n  "firewallPolicy": { "id": "[resourceId(\'Microsoft.Network/ApplicationGatewayWebApplicationFirewallPolicies\', \'wafp-web\')]" }\n}',
      bicep:
        "resource securityPolicy 'Microsoft.Cdn/profiles/securityPolicies@2023-05-01' = {\n  parent: profile\n  name: 'waf'\n  properties: {\n    parameters: {\n      type: 'WebApplicationFirewall'\n      wafPolicy: { id: wafPolicy.id }\n      associations: [ { domains: [ { id: endpoint.id } ], patternsToMatch: [ '/*' ] } ]\n    }\n  }\n}",
      terraform:
        'resource "azurerm_application_gateway" "web" {\n  sku {\n    name = "WAF_v2"\n    tier = "WAF_v2"\n  }\n  firewall_policy_id = azurerm_web_application_firewall_policy.web.id\n  # ...\n}',
    },
    links: [
      'https://learn.microsoft.com/azure/web-application-firewall/overview',
      'https://learn.microsoft.com/azure/frontdoor/front-door-waf',
    ],
    notes: [
      'An Application Gateway is public when a listener is bound to a frontend IP configuration with a public IP; internal-only gateways, and v2 gateways whose mandatory public frontend serves no listener, are not judged.',
      'A WAF-tier Application Gateway is protected by a gateway-level firewallPolicy, a firewallPolicy on every HTTP listener, or an enabled inline webApplicationFirewallConfiguration.',
      'A web app is reported (medium) when public network access is not disabled, no access restriction narrows its callers (azurerm sends ip_restriction_default_action = Allow unless told otherwise; a default of Deny with no rules closes the site), and no Application Gateway or Front Door in the scan forwards to it (by resource ID or <name>.azurewebsites.net). Gateways outside the scan cannot be seen: suppress with a justification.',
      'A web app with a private endpoint and no explicit publicNetworkAccess is not judged, nor are web apps when a gateway or Front Door of the scan forwards to a host name not known statically (it could be any of them).',
    ],
  },
  *check({ graph }): Iterable<FindingDraft> {
    for (const gateway of graph.ofType('Microsoft.Network/applicationGateways')) {
      const finding = gatewayWithoutWaf(gateway);
      if (finding) yield finding;
    }
    for (const profile of graph.ofType('Microsoft.Cdn/profiles')) {
      if (!isFrontDoorProfile(profile)) continue;
      for (const open of unprotectedEndpoints(graph, profile) ?? []) {
        yield {
          resource: open.endpoint,
          message: `Front Door endpoint '${open.endpoint.name}' serves ${open.domains.map((d) => `'${d}'`).join(', ')} without a WAF security policy.`,
        };
      }
    }
    for (const frontDoor of graph.ofType('Microsoft.Network/frontDoors')) {
      const endpoints = arrayOf(frontDoor.properties.frontendEndpoints);
      for (let i = 0; i < endpoints.length; i++) {
        const props = subProperties(endpoints[i]);
        if (!props || props.webApplicationFirewallPolicyLink != null) continue;
        const name = recordOf(endpoints[i])?.name;
        yield {
          resource: frontDoor,
          path: ['properties', 'frontendEndpoints', i],
          message: `Front Door (classic) '${frontDoor.name}' frontend endpoint '${String(name ?? i)}' has no WAF policy link.`,
          discriminator: String(name ?? i),
        };
      }
    }
    const privateLinks = privateLinkIndex(graph);
    const forwarded = forwardedHostNames(graph);
    for (const site of graph.ofType('Microsoft.Web/sites')) {
      if (siteExposure(site, privateLinks) !== 'public' || isFronted(graph, site, forwarded.names)) continue;
      if (!forwarded.complete) continue;
      yield {
        resource: site,
        severity: 'medium',
        path: site.properties.publicNetworkAccess === undefined ? [] : ['properties', 'publicNetworkAccess'],
        message: `Web app '${site.name}' is reachable from the Internet directly, with no Application Gateway WAF or Front Door in front of it in this scan.`,
      };
    }
  },
});

function gatewayWithoutWaf(gateway: Resource): FindingDraft | undefined {
  const p = gateway.properties;
  const frontends = p.frontendIPConfigurations;
  const listeners = p.httpListeners;
  if (isUnknown(frontends) || isUnknown(listeners)) return undefined;
  const publicFrontends = new Set(
    arrayOf(frontends)
      .filter((f) => subProperties(f)?.publicIPAddress != null)
      .map((f) => lowerString(recordOf(f)?.name)),
  );
  if (publicFrontends.size === 0) return undefined;
  // v2 gateways must have a public frontend even when they serve only private listeners; only the
  // listeners bound to a public frontend take Internet traffic. A listener whose frontend cannot be
  // told is counted as public.
  const served = arrayOf(listeners).filter((l) => {
    const ref = recordOf(subProperties(l)?.frontendIPConfiguration)?.id;
    if (typeof ref !== 'string' || isUnknown(ref)) return true;
    return publicFrontends.has(lowerString(ref.split('/').pop()));
  });
  if (arrayOf(listeners).length > 0 && served.length === 0) return undefined;
  const tier = recordOf(p.sku)?.tier;
  if (isUnknown(tier) || typeof tier !== 'string') return undefined;
  if (!lowerString(tier)?.startsWith('waf')) {
    return {
      resource: gateway,
      path: ['properties', 'sku', 'tier'],
      message: `Application Gateway '${gateway.name}' has a public frontend on the ${tier} tier, which has no WAF: web attacks reach the backends uninspected.`,
    };
  }
  const config = recordOf(p.webApplicationFirewallConfiguration);
  if (p.firewallPolicy != null || isUnknown(config?.enabled) || config?.enabled === true) return undefined;
  const bare = served.filter((l) => subProperties(l)?.firewallPolicy == null);
  if (served.length > 0 && bare.length === 0) return undefined;
  const names = bare.map((l) => recordOf(l)?.name).filter((n): n is string => typeof n === 'string');
  const which =
    names.length > 0 && names.length < served.length
      ? `; public listener${names.length > 1 ? 's' : ''} '${names.join("', '")}' ha${names.length > 1 ? 've' : 's'} no per-listener WAF policy either`
      : '';
  return {
    resource: gateway,
    path: config
      ? ['properties', 'webApplicationFirewallConfiguration', 'enabled']
      : ['properties', 'sku', 'tier'],
    message: `Application Gateway '${gateway.name}' is ${tier} tier with a public frontend but no WAF policy (firewallPolicy) or enabled WAF configuration${which}.`,
  };
}
