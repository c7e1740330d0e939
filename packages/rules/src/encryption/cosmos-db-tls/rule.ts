import { defineRule, type FindingDraft, isUnknown } from '@ztkit/core';
import { insecureParameterFinding } from '../../shared/parameter-bindings.js';
import { compareTls, MINIMUM_TLS, parseTlsVersion, type TlsVersion } from '../../shared/tls.js';

const MINIMAL_TLS = ['properties', 'minimalTlsVersion'] as const;

/** Cosmos DB spells TLS 1.0 as plain 'Tls' ('Tls', 'Tls11', 'Tls12'). */
function cosmosTls(value: unknown): TlsVersion | undefined {
  if (typeof value === 'string' && value.toLowerCase() === 'tls') return '1.0';
  return parseTlsVersion(value);
}
const weak = (v: unknown) => {
  const version = cosmosTls(v);
  return version !== undefined && compareTls(version, MINIMUM_TLS) < 0;
};

export default defineRule({
  meta: {
    id: 'ZT-E09-05',
    title: 'Cosmos DB accounts require TLS 1.2 or later',
    severity: 'high',
    catalog: ['E09'],
    principles: ['verify-explicitly', 'assume-breach'],
    pack: 'encryption',
    source: [{ document: '002', step: '§7 Encryption: all traffic is encrypted' }],
    benchmark: ['DP-3'],
    peers: { psrule: ['Azure.Cosmos.MinTLS'] },
    resourceTypes: ['Microsoft.DocumentDB/databaseAccounts'],
    rationale:
      'Cosmos DB keys and resource tokens travel on every request. An account that still accepts TLS 1.0/1.1 lets clients, or an attacker forcing a downgrade, use protocols with known weaknesses.',
    remediation: {
      summary: 'Set minimalTlsVersion to Tls12 on every Cosmos DB account.',
      arm: '"properties": { "minimalTlsVersion": "Tls12" }',
      bicep: "properties: {\n  minimalTlsVersion: 'Tls12'\n}",
      terraform: 'minimal_tls_version = "Tls12"  # azurerm_cosmosdb_account',
    },
    links: ['https://learn.microsoft.com/azure/cosmos-db/self-serve-minimum-tls-enforcement'],
    notes: [
      "A missing minimalTlsVersion is treated as Tls12: the REST API documents 'The default value is Tls 1.2' and Cosmos DB retired TLS 1.0/1.1 on 31 August 2025. Only explicit 'Tls' or 'Tls11' (or parameters that permit them) are reported.",
    ],
  },
  *check({ graph }): Iterable<FindingDraft> {
    for (const account of graph.ofType('Microsoft.DocumentDB/databaseAccounts')) {
      const viaParameter = insecureParameterFinding(
        account,
        MINIMAL_TLS,
        weak,
        `minimalTlsVersion of Cosmos DB account '${account.name}'`,
      );
      if (viaParameter) {
        yield viaParameter;
        continue;
      }
      // Absent (or null) is Tls12: the API's documented default for new accounts.
      const value = account.properties.minimalTlsVersion;
      if (isUnknown(value)) continue;
      if (weak(value))
        yield {
          resource: account,
          path: [...MINIMAL_TLS],
          message: `Cosmos DB account '${account.name}' accepts TLS ${cosmosTls(value)} (minimalTlsVersion '${String(value)}'); set it to Tls12.`,
        };
    }
  },
});
