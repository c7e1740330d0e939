import { defineRule, type FindingDraft, type Resource } from '@ztkit/core';
import {
  APPLICATION_GATEWAY,
  type GatewayItem,
  gatewayItems,
  protocolOf,
  referencedItem,
} from '../../shared/application-gateway.js';

/** What a routing rule does with a request it receives on a plain-HTTP listener. */
type HttpOutcome = 'redirects-to-https' | 'serves-http' | 'unknown';

export default defineRule({
  meta: {
    id: 'ZT-E05-01',
    title: 'Application Gateway HTTP listeners only redirect to HTTPS',
    severity: 'high',
    catalog: ['E05'],
    principles: ['verify-explicitly', 'assume-breach'],
    pack: 'encryption',
    source: [{ document: '002', step: '§4 Encryption: user-to-app internal traffic is encrypted' }],
    benchmark: ['DP-3', 'NS-6'],
    peers: { checkov: ['CKV_AZURE_217'], psrule: ['Azure.AppGw.UseHTTPS'] },
    resourceTypes: [APPLICATION_GATEWAY],
    rationale:
      'A listener on plain HTTP that forwards requests to the backend serves the application unencrypted: credentials, cookies and data cross the Internet in clear. Keeping port 80 is fine only to send the client to the HTTPS listener.',
    remediation: {
      summary:
        'Route every Http listener through a redirect configuration whose target is an Https listener (or an https:// URL).',
      arm: '"redirectConfigurations": [{ "name": "to-https", "properties": { "redirectType": "Permanent", "targetListener": { "id": "[resourceId(\'Microsoft.Network/applicationGateways/httpListeners\', parameters(\'agwName\'), \'listener-https\')]" }, "includePath": true, "includeQueryString": true } }]',
      bicep:
        "redirectConfigurations: [\n  {\n    name: 'to-https'\n    properties: {\n      redirectType: 'Permanent'\n      targetListener: { id: resourceId('Microsoft.Network/applicationGateways/httpListeners', agwName, 'listener-https') }\n      includePath: true\n      includeQueryString: true\n    }\n  }\n]",
      terraform:
        'redirect_configuration {\n  name                 = "to-https"\n  redirect_type        = "Permanent"\n  target_listener_name = "listener-https"\n  include_path         = true\n  include_query_string = true\n}\n# and the Http request_routing_rule uses redirect_configuration_name = "to-https"',
    },
    links: ['https://learn.microsoft.com/azure/application-gateway/redirect-http-to-https-portal'],
    notes: [
      'A listener no routing rule uses serves nothing and is not reported.',
      'References the loader cannot evaluate (unknown IDs) make the outcome unknown; nothing is reported for that listener.',
    ],
  },
  *check({ graph }): Iterable<FindingDraft> {
    for (const gateway of graph.ofType(APPLICATION_GATEWAY)) {
      const rules = gatewayItems(gateway, 'requestRoutingRules');
      for (const listener of gatewayItems(gateway, 'httpListeners')) {
        if (protocolOf(listener) !== 'http') continue;
        const serving = rules.filter((rule) => outcomeOn(gateway, rule, listener) === 'serves-http');
        if (serving.length) {
          // A rule with a redirect that still lands on HTTP is worded as such: "serves it" would
          // send the reader looking for a missing redirect.
          const redirecting = serving.filter((r) => r.properties.redirectConfiguration !== undefined);
          const verb =
            redirecting.length === serving.length
              ? 'redirects it to plain HTTP'
              : redirecting.length
                ? 'serves it or redirects it to plain HTTP'
                : 'serves it';
          yield {
            resource: gateway,
            path: listener.path,
            message: `Listener '${listener.name}' of '${gateway.name}' accepts plain HTTP and routing rule ${serving.map((r) => `'${r.name}'`).join(', ')} ${verb} instead of redirecting to an HTTPS listener.`,
          };
        }
      }
    }
  },
});

/** The rule's effect on `listener`: undefined-listener rules and other listeners do not count. */
function outcomeOn(gateway: Resource, rule: GatewayItem, listener: GatewayItem): HttpOutcome | undefined {
  const target = referencedItem(gateway, rule.properties.httpListener, 'httpListeners');
  if (target === 'unknown') return 'unknown';
  if (target?.name !== listener.name) return undefined;
  const redirect = rule.properties.redirectConfiguration;
  if (redirect !== undefined) return redirectOutcome(gateway, redirect);
  const pathMap = referencedItem(gateway, rule.properties.urlPathMap, 'urlPathMaps');
  if (pathMap === 'unknown') return 'unknown';
  if (pathMap) return pathMapOutcome(gateway, pathMap);
  return 'serves-http';
}

function redirectOutcome(gateway: Resource, reference: unknown): HttpOutcome {
  const redirect = referencedItem(gateway, reference, 'redirectConfigurations');
  if (redirect === 'unknown' || redirect === undefined) return 'unknown';
  const { targetListener, targetUrl } = redirect.properties;
  if (targetListener !== undefined) {
    const target = referencedItem(gateway, targetListener, 'httpListeners');
    if (target === 'unknown' || target === undefined) return 'unknown';
    return protocolOf(target) === 'https' ? 'redirects-to-https' : 'serves-http';
  }
  if (typeof targetUrl === 'string')
    return targetUrl.toLowerCase().startsWith('https://') ? 'redirects-to-https' : 'serves-http';
  return 'unknown';
}

/** Path-based rules redirect only when the default and every path rule redirect to HTTPS. */
function pathMapOutcome(gateway: Resource, pathMap: GatewayItem): HttpOutcome {
  const branches: { redirect?: unknown; backend?: unknown }[] = [
    {
      redirect: pathMap.properties.defaultRedirectConfiguration,
      backend: pathMap.properties.defaultBackendAddressPool,
    },
    ...(Array.isArray(pathMap.properties.pathRules) ? pathMap.properties.pathRules : []).map((raw) => {
      const props = (raw as { properties?: Record<string, unknown> })?.properties ?? {};
      return { redirect: props.redirectConfiguration, backend: props.backendAddressPool };
    }),
  ];
  let outcome: HttpOutcome = 'redirects-to-https';
  for (const branch of branches) {
    const result =
      branch.redirect !== undefined
        ? redirectOutcome(gateway, branch.redirect)
        : branch.backend !== undefined
          ? 'serves-http'
          : 'redirects-to-https';
    if (result === 'serves-http') return result;
    if (result === 'unknown') outcome = 'unknown';
  }
  return outcome;
}
