import { defineRule, type FindingDraft, isUnknown } from '@ztkit/core';
import { compareTls, parseTlsVersion } from '../../shared/tls.js';

/**
 * Storage: secure transfer (HTTPS only) and TLS 1.2+. `supportsHttpsTrafficOnly` defaults to true
 * since API version 2019-04-01; `minimumTlsVersion` defaults to TLS 1.0 when absent (accounts
 * created before the 2025 retirement; the property is what the service enforces).
 */
export default defineRule({
  meta: {
    id: 'ZT-E08-01',
    title: 'Storage accounts accept secure transfer only, with TLS 1.2 or later',
    severity: 'high',
    catalog: ['E08'],
    principles: ['verify-explicitly', 'assume-breach'],
    pack: 'encryption',
    source: [{ document: '002', step: '§7 Encrypt all network traffic' }],
    benchmark: ['DP-3'],
    peers: {
      checkov: ['CKV_AZURE_3', 'CKV_AZURE_44'],
      kics: ['Storage Account Not Forcing HTTPS'],
      trivy: ['AVD-AZU-0008', 'AVD-AZU-0011'],
      psrule: ['Azure.Storage.SecureTransfer', 'Azure.Storage.MinTLS'],
    },
    resourceTypes: ['Microsoft.Storage/storageAccounts'],
    rationale:
      'Clients that connect over HTTP or legacy TLS send keys, SAS tokens and data in clear or over broken ciphers. Requiring secure transfer and TLS 1.2 makes the service refuse them.',
    remediation: {
      summary: 'Set supportsHttpsTrafficOnly to true and minimumTlsVersion to TLS1_2.',
      arm: '"properties": { "supportsHttpsTrafficOnly": true, "minimumTlsVersion": "TLS1_2" }',
      bicep: "properties: {\n  supportsHttpsTrafficOnly: true\n  minimumTlsVersion: 'TLS1_2'\n}",
      terraform: 'https_traffic_only_enabled = true\nmin_tls_version            = "TLS1_2"',
    },
    notes: [
      'A missing minimumTlsVersion is treated as TLS 1.0, the service default for API versions before 2025.',
    ],
  },
  *check({ graph }): Iterable<FindingDraft> {
    for (const account of graph.ofType('Microsoft.Storage/storageAccounts')) {
      const props = account.properties;
      if (props.supportsHttpsTrafficOnly === false)
        yield {
          resource: account,
          path: ['properties', 'supportsHttpsTrafficOnly'],
          message: `Storage account '${account.name}' accepts unencrypted HTTP (supportsHttpsTrafficOnly is false).`,
        };
      const raw = props.minimumTlsVersion;
      if (isUnknown(raw)) continue;
      const tls = raw === undefined ? parseTlsVersion('TLS1_0') : parseTlsVersion(raw);
      if (tls && compareTls(tls, '1.2') < 0)
        yield {
          resource: account,
          path: raw === undefined ? [] : ['properties', 'minimumTlsVersion'],
          message:
            raw === undefined
              ? `Storage account '${account.name}' does not set minimumTlsVersion; the default allows TLS 1.0.`
              : `Storage account '${account.name}' allows TLS ${tls} (minimumTlsVersion ${String(raw)}).`,
          discriminator: 'tls',
        };
    }
  },
});
