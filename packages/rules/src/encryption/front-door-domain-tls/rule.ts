import { defineRule, type FindingDraft } from '@ztkit/core';
import { minimumTlsFindings } from '../../shared/minimum-tls-property.js';

const AFD_DOMAINS = 'Microsoft.Cdn/profiles/customDomains';
const CLASSIC = 'Microsoft.Network/frontDoors';
const CLASSIC_HTTPS = 'Microsoft.Network/frontDoors/frontendEndpoints/customHttpsConfiguration';

export default defineRule({
  meta: {
    id: 'ZT-E04-01',
    title: 'Front Door custom domains require TLS 1.2 or later',
    severity: 'high',
    catalog: ['E04'],
    principles: ['verify-explicitly', 'assume-breach'],
    pack: 'encryption',
    source: [{ document: '002', step: '§4 Encryption: user-to-app internal traffic is encrypted' }],
    benchmark: ['DP-3'],
    peers: { psrule: ['Azure.FrontDoor.MinTLS'] },
    resourceTypes: [AFD_DOMAINS, CLASSIC, CLASSIC_HTTPS],
    rationale:
      'The custom domain is where users reach the application. Allowing TLS 1.0 there lets any client, or an attacker forcing a downgrade, use a protocol with known weaknesses for the whole session.',
    remediation: {
      summary:
        'Set tlsSettings.minimumTlsVersion to TLS12 (or TLS13) on Front Door custom domains; 1.2 on classic frontend endpoints.',
      arm: '"tlsSettings": { "certificateType": "ManagedCertificate", "minimumTlsVersion": "TLS12" }',
      bicep: "tlsSettings: {\n  certificateType: 'ManagedCertificate'\n  minimumTlsVersion: 'TLS12'\n}",
      terraform: 'tls {\n  certificate_type    = "ManagedCertificate"\n  minimum_tls_version = "TLS12"\n}',
    },
    links: ['https://learn.microsoft.com/azure/frontdoor/end-to-end-tls'],
    notes: [
      'A missing minimumTlsVersion is treated as TLS 1.2, the Front Door default for custom domains; only explicit older values (or parameters that permit them) are reported.',
    ],
  },
  *check({ graph }): Iterable<FindingDraft> {
    for (const domain of graph.ofType(AFD_DOMAINS))
      yield* minimumTlsFindings({
        resource: domain,
        path: ['properties', 'tlsSettings', 'minimumTlsVersion'],
        label: `Front Door custom domain '${domain.name}'`,
      });
    for (const config of graph.ofType(CLASSIC_HTTPS))
      yield* minimumTlsFindings({
        resource: config,
        path: ['properties', 'minimumTlsVersion'],
        label: `Front Door (classic) endpoint '${config.name}'`,
      });
    for (const frontDoor of graph.ofType(CLASSIC)) {
      const endpoints = frontDoor.properties.frontendEndpoints;
      if (!Array.isArray(endpoints)) continue;
      for (const [index, endpoint] of endpoints.entries())
        yield* minimumTlsFindings({
          resource: frontDoor,
          path: [
            'properties',
            'frontendEndpoints',
            index,
            'properties',
            'customHttpsConfiguration',
            'minimumTlsVersion',
          ],
          label: `Front Door (classic) endpoint '${String((endpoint as { name?: unknown })?.name)}' of '${frontDoor.name}'`,
          discriminator: String(index),
        });
    }
  },
});
