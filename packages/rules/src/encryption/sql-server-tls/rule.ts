import { defineRule, type FindingDraft, isUnknown } from '@ztkit/core';
import { minimumTlsFindings } from '../../shared/minimum-tls-property.js';
import { insecureParameterFinding } from '../../shared/parameter-bindings.js';
import { isTlsBelow } from '../../shared/tls.js';

const MINIMAL_TLS = ['properties', 'minimalTlsVersion'] as const;
const isNone = (v: unknown) => typeof v === 'string' && ['none', 'disabled'].includes(v.toLowerCase());

export default defineRule({
  meta: {
    id: 'ZT-E09-01',
    title: 'Azure SQL logical servers require TLS 1.2 or later',
    severity: 'high',
    catalog: ['E09'],
    principles: ['verify-explicitly', 'assume-breach'],
    pack: 'encryption',
    source: [{ document: '002', step: '§7 Encryption: all traffic is encrypted' }],
    benchmark: ['DP-3'],
    peers: { checkov: ['CKV_AZURE_52'], trivy: ['AVD-AZU-0026'], psrule: ['Azure.SQL.MinTLS'] },
    resourceTypes: ['Microsoft.Sql/servers'],
    rationale:
      'The minimal TLS version of a logical server applies to every database on it. Accepting TLS 1.0/1.1 (or no minimum at all) lets a client negotiate protocols with known downgrade and cipher weaknesses for logins and query traffic.',
    remediation: {
      summary: 'Set minimalTlsVersion to 1.2 (or 1.3) on every logical server.',
      arm: '"properties": { "minimalTlsVersion": "1.2" }',
      bicep: "properties: {\n  minimalTlsVersion: '1.2'\n}",
      terraform: 'minimum_tls_version = "1.2"  # azurerm_mssql_server',
    },
    links: ['https://learn.microsoft.com/azure/azure-sql/database/connectivity-settings#minimal-tls-version'],
    notes: [
      "A missing minimalTlsVersion is treated as no minimum (TLS 1.0 accepted), the documented default for servers that never set it; 'None' means the same.",
    ],
  },
  *check({ graph }): Iterable<FindingDraft> {
    for (const server of graph.ofType('Microsoft.Sql/servers')) {
      const label = `SQL server '${server.name}'`;
      // 'None' (azurerm: "Disabled") is no minimum at all; a parameter that permits it is reported too.
      const viaParameter = insecureParameterFinding(
        server,
        MINIMAL_TLS,
        (v) => isNone(v) || isTlsBelow(v) === true,
        `minimalTlsVersion of ${label}`,
      );
      if (viaParameter) {
        yield viaParameter;
        continue;
      }
      const value = server.properties.minimalTlsVersion;
      if (!isUnknown(value) && isNone(value)) {
        yield {
          resource: server,
          path: [...MINIMAL_TLS],
          message: `${label} enforces no minimum TLS version (minimalTlsVersion '${value}'); set it to 1.2.`,
        };
        continue;
      }
      yield* minimumTlsFindings({ resource: server, path: MINIMAL_TLS, label, defaultVersion: '1.0' });
    }
  },
});
