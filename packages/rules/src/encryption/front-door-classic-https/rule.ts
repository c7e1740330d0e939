import { defineRule, type FindingDraft, isUnknown } from '@ztkit/core';

const FRONT_DOORS = 'Microsoft.Network/frontDoors';
const lower = (v: unknown) => (typeof v === 'string' ? v.toLowerCase() : undefined);

export default defineRule({
  meta: {
    id: 'ZT-E03-02',
    title: 'Front Door (classic) routing rules redirect HTTP to HTTPS and forward over HTTPS',
    severity: 'high',
    catalog: ['E03'],
    principles: ['verify-explicitly', 'assume-breach'],
    pack: 'encryption',
    source: [{ document: '002', step: '§4 Encryption: user-to-app internal traffic is encrypted' }],
    benchmark: ['DP-3', 'NS-6'],
    peers: {},
    resourceTypes: [FRONT_DOORS],
    rationale:
      'In Front Door (classic) each routing rule either forwards or redirects. A forwarding rule that accepts HTTP serves the application in clear; HttpOnly forwarding sends requests to the backend unencrypted; a redirect that keeps HTTP (HttpOnly or MatchRequest on an HTTP rule) never upgrades the client.',
    remediation: {
      summary:
        'Accept Http only on a redirect rule with redirectProtocol HttpsOnly; forwarding rules accept Https only and use forwardingProtocol HttpsOnly.',
      arm: '"routeConfiguration": { "@odata.type": "#Microsoft.Azure.FrontDoor.Models.FrontdoorRedirectConfiguration", "redirectProtocol": "HttpsOnly", "redirectType": "Moved" }',
      bicep:
        "routeConfiguration: {\n  '@odata.type': '#Microsoft.Azure.FrontDoor.Models.FrontdoorRedirectConfiguration'\n  redirectProtocol: 'HttpsOnly'\n  redirectType: 'Moved'\n}",
      terraform:
        'routing_rule {\n  accepted_protocols = ["Http"]\n  redirect_configuration {\n    redirect_protocol = "HttpsOnly"\n    redirect_type     = "Moved"\n  }\n}',
    },
    links: ['https://learn.microsoft.com/azure/frontdoor/front-door-how-to-redirect-https'],
    notes: [
      'A routing rule without acceptedProtocols is not judged on the client side (the outcome is unknown).',
      'A routing rule with enabledState Disabled routes nothing and is not judged.',
    ],
  },
  *check({ graph }): Iterable<FindingDraft> {
    for (const frontDoor of graph.ofType(FRONT_DOORS)) {
      const rules = frontDoor.properties.routingRules;
      if (!Array.isArray(rules)) continue;
      for (const [index, raw] of rules.entries()) {
        const rule = (raw ?? {}) as { name?: unknown; properties?: Record<string, unknown> };
        const props = rule.properties ?? {};
        const config = props.routeConfiguration as Record<string, unknown> | undefined;
        if (!config || isUnknown(config) || isUnknown(props.acceptedProtocols)) continue;
        // A disabled rule routes nothing.
        if (lower(props.enabledState) === 'disabled') continue;
        const at = ['properties', 'routingRules', index, 'properties'];
        const name = `routing rule '${String(rule.name)}' of '${frontDoor.name}'`;
        const acceptsHttp = Array.isArray(props.acceptedProtocols)
          ? props.acceptedProtocols.some((p) => lower(p) === 'http')
          : undefined;
        const kind = lower(config['@odata.type']) ?? '';
        if (kind.endsWith('redirectconfiguration')) {
          const protocol = lower(config.redirectProtocol);
          if (protocol === 'httponly' || (protocol === 'matchrequest' && acceptsHttp))
            yield {
              resource: frontDoor,
              path: [...at, 'routeConfiguration', 'redirectProtocol'],
              message: `Front Door ${name} redirects without upgrading to HTTPS (redirectProtocol ${String(config.redirectProtocol)}).`,
            };
        } else if (kind.endsWith('forwardingconfiguration')) {
          if (acceptsHttp)
            yield {
              resource: frontDoor,
              path: [...at, 'acceptedProtocols'],
              message: `Front Door ${name} accepts HTTP and forwards it instead of redirecting to HTTPS.`,
              discriminator: `${index}:client`,
            };
          if (lower(config.forwardingProtocol) === 'httponly')
            yield {
              resource: frontDoor,
              path: [...at, 'routeConfiguration', 'forwardingProtocol'],
              message: `Front Door ${name} forwards to its backends over plain HTTP (forwardingProtocol HttpOnly).`,
              discriminator: `${index}:backend`,
            };
        }
      }
    }
  },
});
