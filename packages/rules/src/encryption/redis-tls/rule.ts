import { defineRule, type FindingDraft, isUnknown } from '@ztkit/core';
import { minimumTlsFindings } from '../../shared/minimum-tls-property.js';
import { insecureParameterFinding } from '../../shared/parameter-bindings.js';

const NON_SSL_PORT = ['properties', 'enableNonSslPort'] as const;
const CLIENT_PROTOCOL = ['properties', 'clientProtocol'] as const;
const isTrue = (v: unknown) => v === true;
const isPlaintext = (v: unknown) => typeof v === 'string' && v.toLowerCase() === 'plaintext';

export default defineRule({
  meta: {
    id: 'ZT-E09-04',
    title: 'Azure Cache for Redis accepts TLS 1.2 or later only, with the non-TLS port closed',
    severity: 'high',
    catalog: ['E09'],
    principles: ['verify-explicitly', 'assume-breach'],
    pack: 'encryption',
    source: [{ document: '002', step: '§7 Encryption: all traffic is encrypted' }],
    benchmark: ['DP-3'],
    peers: {
      checkov: ['CKV_AZURE_91', 'CKV_AZURE_148'],
      psrule: ['Azure.Redis.NonSslPort', 'Azure.Redis.MinTLS'],
    },
    resourceTypes: [
      'Microsoft.Cache/redis',
      'Microsoft.Cache/redisEnterprise',
      'Microsoft.Cache/redisEnterprise/databases',
    ],
    rationale:
      'Redis clients send the access key and cached data on every connection. The non-TLS port (6379) carries both in clear, and TLS 1.0/1.1 leave the encrypted port open to downgrade.',
    remediation: {
      summary:
        'Keep enableNonSslPort false and set minimumTlsVersion to 1.2; for Redis Enterprise keep clientProtocol Encrypted.',
      arm: '"properties": { "enableNonSslPort": false, "minimumTlsVersion": "1.2" }',
      bicep: "properties: {\n  enableNonSslPort: false\n  minimumTlsVersion: '1.2'\n}",
      terraform:
        'non_ssl_port_enabled = false   # enable_non_ssl_port in azurerm v3\nminimum_tls_version  = "1.2"',
    },
    links: ['https://learn.microsoft.com/azure/azure-cache-for-redis/cache-remove-tls-10-11'],
    notes: [
      'A missing minimumTlsVersion on Microsoft.Cache/redis is treated as TLS 1.0, the default for caches that never set it; a missing enableNonSslPort is false (port closed).',
      'Redis Enterprise defaults (TLS 1.2, clientProtocol Encrypted) pass; only explicit weaker values are reported.',
    ],
  },
  *check({ graph }): Iterable<FindingDraft> {
    for (const cache of graph.ofType('Microsoft.Cache/redis')) {
      const label = `Redis cache '${cache.name}'`;
      const viaParameter = insecureParameterFinding(
        cache,
        NON_SSL_PORT,
        isTrue,
        `enableNonSslPort of ${label}`,
      );
      if (viaParameter) yield viaParameter;
      else if (cache.properties.enableNonSslPort === true)
        yield {
          resource: cache,
          path: [...NON_SSL_PORT],
          message: `${label} opens the non-TLS port 6379 (enableNonSslPort true): keys and data travel in clear.`,
          discriminator: 'non-ssl-port',
        };
      yield* minimumTlsFindings({
        resource: cache,
        path: ['properties', 'minimumTlsVersion'],
        label,
        defaultVersion: '1.0',
        discriminator: 'tls',
      });
    }
    for (const cluster of graph.ofType('Microsoft.Cache/redisEnterprise'))
      yield* minimumTlsFindings({
        resource: cluster,
        path: ['properties', 'minimumTlsVersion'],
        label: `Redis Enterprise cluster '${cluster.name}'`,
      });
    for (const database of graph.ofType('Microsoft.Cache/redisEnterprise/databases')) {
      const what = `clientProtocol of Redis Enterprise database '${database.name}'`;
      const viaParameter = insecureParameterFinding(database, CLIENT_PROTOCOL, isPlaintext, what);
      if (viaParameter) yield viaParameter;
      else if (
        !isUnknown(database.properties.clientProtocol) &&
        isPlaintext(database.properties.clientProtocol)
      )
        yield {
          resource: database,
          path: [...CLIENT_PROTOCOL],
          message: `Redis Enterprise database '${database.name}' accepts plaintext clients (clientProtocol Plaintext).`,
        };
    }
  },
});
