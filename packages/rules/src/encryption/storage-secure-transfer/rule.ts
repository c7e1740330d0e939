import { defineRule, type FindingDraft } from '@ztkit/core';
import { apiVersionBefore } from '../../shared/api-version.js';
import { minimumTlsFindings } from '../../shared/minimum-tls-property.js';
import { insecureParameterFinding } from '../../shared/parameter-bindings.js';

const HTTPS_ONLY = ['properties', 'supportsHttpsTrafficOnly'] as const;
/** API versions from this date default supportsHttpsTrafficOnly to true. */
const HTTPS_DEFAULT_SINCE = '2019-04-01';

/**
 * Storage: secure transfer (HTTPS only) and TLS 1.2+. `supportsHttpsTrafficOnly` defaults to true
 * since API version 2019-04-01 (false before); `minimumTlsVersion` defaults to TLS 1.0 when absent
 * (accounts created before the 2025 retirement; the property is what the service enforces).
 */
export default defineRule({
  meta: {
    id: 'ZT-E08-01',
    title: 'Storage accounts accept secure transfer only, with TLS 1.2 or later',
    severity: 'high',
    catalog: ['E08'],
    principles: ['verify-explicitly', 'assume-breach'],
    pack: 'encryption',
    source: [{ document: '002', step: '§7 Encryption: all traffic is encrypted' }],
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
      terraform:
        'https_traffic_only_enabled = true  # enable_https_traffic_only in azurerm v3\nmin_tls_version            = "TLS1_2"',
    },
    links: [
      'https://learn.microsoft.com/azure/storage/common/transport-layer-security-configure-minimum-version',
    ],
    notes: [
      'A missing minimumTlsVersion is treated as TLS 1.0, as the Storage REST API documents for every API version (Azure retires TLS 1.0/1.1 on the service side, but the template still declares no minimum).',
      'A missing supportsHttpsTrafficOnly is true from API version 2019-04-01 and false before it.',
    ],
  },
  *check({ graph }): Iterable<FindingDraft> {
    for (const account of graph.ofType('Microsoft.Storage/storageAccounts')) {
      const label = `Storage account '${account.name}'`;
      // null is not given to ARM: the API-version default applies, as when the property is absent.
      const httpsOnly = account.properties.supportsHttpsTrafficOnly ?? undefined;
      const viaParameter = insecureParameterFinding(
        account,
        HTTPS_ONLY,
        (v) => v === false,
        `supportsHttpsTrafficOnly of ${label}`,
      );
      if (viaParameter) yield viaParameter;
      else if (httpsOnly === false)
        yield {
          resource: account,
          path: [...HTTPS_ONLY],
          message: `${label} accepts unencrypted HTTP (supportsHttpsTrafficOnly is false).`,
        };
      else if (httpsOnly === undefined && apiVersionBefore(account, HTTPS_DEFAULT_SINCE))
        yield {
          resource: account,
          message: `${label} does not set supportsHttpsTrafficOnly; with API version ${account.apiVersion} it defaults to false and accepts HTTP.`,
        };
      yield* minimumTlsFindings({
        resource: account,
        path: ['properties', 'minimumTlsVersion'],
        label,
        defaultVersion: '1.0',
        discriminator: 'tls',
      });
    }
  },
});
