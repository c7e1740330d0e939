import { defineRule, type FindingDraft, isUnknown, type Resource } from '@ztkit/core';
import { insecureParameterFinding } from '../../shared/parameter-bindings.js';

const ROUTES = 'Microsoft.Cdn/profiles/afdEndpoints/routes';
const lower = (v: unknown) => (typeof v === 'string' ? v.toLowerCase() : undefined);

export default defineRule({
  meta: {
    id: 'ZT-E03-01',
    title: 'Front Door routes redirect HTTP to HTTPS and reach origins over HTTPS',
    severity: 'high',
    catalog: ['E03'],
    principles: ['verify-explicitly', 'assume-breach'],
    pack: 'encryption',
    source: [{ document: '002', step: '§4 Encryption: user-to-app internal traffic is encrypted' }],
    benchmark: ['DP-3', 'NS-6'],
    peers: {},
    resourceTypes: [ROUTES],
    rationale:
      'A route that accepts HTTP without redirecting serves the application in clear to the client; a route that forwards with HttpOnly sends every request from the Front Door edge to the origin across the Internet unencrypted.',
    remediation: {
      summary:
        'Set httpsRedirect to Enabled on routes that accept Http, and forwardingProtocol to HttpsOnly.',
      arm: '"properties": { "supportedProtocols": ["Http", "Https"], "httpsRedirect": "Enabled", "forwardingProtocol": "HttpsOnly" }',
      bicep:
        "properties: {\n  supportedProtocols: ['Http', 'Https']\n  httpsRedirect: 'Enabled'\n  forwardingProtocol: 'HttpsOnly'\n}",
      terraform:
        'resource "azurerm_cdn_frontdoor_route" "app" {\n  supported_protocols    = ["Http", "Https"]\n  https_redirect_enabled = true\n  forwarding_protocol    = "HttpsOnly"\n}',
    },
    links: ['https://learn.microsoft.com/azure/frontdoor/front-door-how-to-redirect-https'],
    notes: [
      'Route defaults assumed from the Microsoft.Cdn API: supportedProtocols [Http, Https], httpsRedirect Disabled, forwardingProtocol MatchRequest. So a route that sets none of them serves HTTP.',
      'MatchRequest forwarding is accepted when HTTP is redirected (or not accepted), because every forwarded request is then HTTPS.',
    ],
  },
  *check({ graph }): Iterable<FindingDraft> {
    for (const route of graph.ofType(ROUTES)) {
      yield* redirectFindings(route);
      yield* forwardingFindings(route);
    }
  },
});

function* redirectFindings(route: Resource): Iterable<FindingDraft> {
  const props = route.properties;
  // null is not given (`cond ? x : null`): the API defaults apply, as when the property is absent.
  const protocols = props.supportedProtocols ?? undefined;
  const redirect = props.httpsRedirect ?? undefined;
  if (isUnknown(protocols) || isUnknown(redirect)) return;
  const acceptsHttp =
    protocols === undefined || (Array.isArray(protocols) && protocols.some((p) => lower(p) === 'http'));
  if (!acceptsHttp) return;
  const viaParameter = insecureParameterFinding(
    route,
    ['properties', 'httpsRedirect'],
    (v) => lower(v) === 'disabled',
    `httpsRedirect of route '${route.name}'`,
  );
  if (viaParameter) {
    yield viaParameter;
    return;
  }
  if (lower(redirect) === 'enabled') return;
  yield {
    resource: route,
    path:
      redirect !== undefined
        ? ['properties', 'httpsRedirect']
        : protocols !== undefined
          ? ['properties', 'supportedProtocols']
          : [],
    message: `Front Door route '${route.name}' accepts HTTP and serves it${redirect === undefined ? ' (httpsRedirect defaults to Disabled)' : ''}; set httpsRedirect to Enabled.`,
    discriminator: 'redirect',
  };
}

function* forwardingFindings(route: Resource): Iterable<FindingDraft> {
  const path = ['properties', 'forwardingProtocol'];
  const isHttpOnly = (v: unknown) => lower(v) === 'httponly';
  const viaParameter = insecureParameterFinding(
    route,
    path,
    isHttpOnly,
    `forwardingProtocol of route '${route.name}'`,
  );
  if (viaParameter) yield viaParameter;
  else if (isHttpOnly(route.properties.forwardingProtocol))
    yield {
      resource: route,
      path,
      message: `Front Door route '${route.name}' forwards to its origins over plain HTTP (forwardingProtocol HttpOnly).`,
      discriminator: 'forwarding',
    };
}
