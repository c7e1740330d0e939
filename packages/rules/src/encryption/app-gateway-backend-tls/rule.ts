import { defineRule, type FindingDraft, isUnknown } from '@ztkit/core';
import { APPLICATION_GATEWAY, gatewayItems } from '../../shared/application-gateway.js';
import { insecureParameterFinding } from '../../shared/parameter-bindings.js';

const isPlainHttp = (v: unknown) => typeof v === 'string' && v.toLowerCase() === 'http';

export default defineRule({
  meta: {
    id: 'ZT-E07-01',
    title: 'Application Gateway re-encrypts traffic to its backends (end-to-end TLS)',
    severity: 'medium',
    catalog: ['E07'],
    principles: ['assume-breach'],
    pack: 'encryption',
    source: [
      { document: '002', step: '§7 Encryption: all traffic is encrypted' },
      { document: '000', step: 'step 4 Implement encryption at the application layer' },
    ],
    benchmark: ['DP-3'],
    peers: {},
    resourceTypes: [APPLICATION_GATEWAY],
    rationale:
      'When the gateway terminates TLS and talks plain HTTP to the backend pool, every request and response crosses the virtual network in clear. Assume breach means a foothold anywhere on that path must not be able to read or alter application traffic.',
    remediation: {
      summary:
        'Set protocol to Https (port 443) on every backend HTTP setting, with a trusted root or well-known CA certificate on the backend.',
      arm: '"backendHttpSettingsCollection": [{ "name": "settings-https", "properties": { "port": 443, "protocol": "Https", "pickHostNameFromBackendAddress": true } }]',
      bicep:
        "backendHttpSettingsCollection: [\n  {\n    name: 'settings-https'\n    properties: {\n      port: 443\n      protocol: 'Https'\n      pickHostNameFromBackendAddress: true\n    }\n  }\n]",
      terraform:
        'backend_http_settings {\n  name                                = "settings-https"\n  port                                = 443\n  protocol                            = "Https"\n  cookie_based_affinity               = "Disabled"\n  pick_host_name_from_backend_address = true\n}',
    },
    links: ['https://learn.microsoft.com/azure/application-gateway/ssl-overview#end-to-end-tls-encryption'],
    notes: ['Every backend HTTP setting is checked, whether or not a routing rule uses it yet.'],
  },
  *check({ graph }): Iterable<FindingDraft> {
    for (const gateway of graph.ofType(APPLICATION_GATEWAY))
      for (const settings of gatewayItems(gateway, 'backendHttpSettingsCollection')) {
        const path = [...settings.path, 'properties', 'protocol'];
        const what = `the backend protocol of '${settings.name}' on '${gateway.name}'`;
        const viaParameter = insecureParameterFinding(gateway, path, isPlainHttp, what);
        if (viaParameter) yield viaParameter;
        else if (!isUnknown(settings.properties.protocol) && isPlainHttp(settings.properties.protocol))
          yield {
            resource: gateway,
            path,
            message: `Backend setting '${settings.name}' of '${gateway.name}' sends traffic to the backend over plain HTTP (port ${String(settings.properties.port ?? 80)}).`,
          };
      }
  },
});
