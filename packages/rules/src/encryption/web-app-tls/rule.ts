import { defineRule, type FindingDraft } from '@ztkit/core';
import { minimumTlsFindings } from '../../shared/minimum-tls-property.js';
import { SITE_TYPES, siteConfigUnits, siteSetting } from '../../shared/web-site-config.js';

/** Both endpoints of a site: the app itself and the SCM (Kudu / deployment) site. */
const SETTINGS = [
  { name: 'minTlsVersion', what: 'site' },
  { name: 'scmMinTlsVersion', what: 'SCM (deployment) site' },
] as const;

export default defineRule({
  meta: {
    id: 'ZT-E02-01',
    title: 'Web apps require TLS 1.2 or later on the site and the SCM endpoint',
    severity: 'high',
    catalog: ['E02'],
    principles: ['verify-explicitly', 'assume-breach'],
    pack: 'encryption',
    source: [{ document: '002', step: '§4 Encryption: user-to-app internal traffic is encrypted' }],
    benchmark: ['DP-3'],
    peers: {
      checkov: ['CKV_AZURE_15', 'CKV_AZURE_145', 'CKV_AZURE_154'],
      trivy: ['AVD-AZU-0006'],
      psrule: ['Azure.AppService.MinTLS'],
    },
    resourceTypes: [...SITE_TYPES, 'Microsoft.Web/sites/config', 'Microsoft.Web/sites/slots/config'],
    rationale:
      'TLS 1.0 and 1.1 allow downgrade and padding-oracle attacks on the traffic to the app and to its SCM endpoint, which carries deployment credentials and code. Requiring TLS 1.2 makes App Service refuse those handshakes.',
    remediation: {
      summary: 'Set siteConfig.minTlsVersion and siteConfig.scmMinTlsVersion to 1.2 (or 1.3).',
      arm: '"siteConfig": { "minTlsVersion": "1.2", "scmMinTlsVersion": "1.2" }',
      bicep: "siteConfig: {\n  minTlsVersion: '1.2'\n  scmMinTlsVersion: '1.2'\n}",
      terraform: 'site_config {\n  minimum_tls_version     = "1.2"\n  scm_minimum_tls_version = "1.2"\n}',
    },
    links: ['https://learn.microsoft.com/azure/app-service/overview-tls'],
    notes: [
      'A missing minTlsVersion or scmMinTlsVersion is treated as 1.2, the App Service default for sites created through ARM; only explicit older values (or parameters that permit them) are reported.',
      'A Microsoft.Web/sites/config resource named "web" overrides the inline siteConfig, as ARM applies it after the site.',
    ],
  },
  *check({ graph }): Iterable<FindingDraft> {
    for (const unit of siteConfigUnits(graph))
      for (const { name, what } of SETTINGS) {
        const setting = siteSetting(unit, name);
        if (!setting) continue;
        yield* minimumTlsFindings({
          resource: setting.resource,
          path: setting.path,
          label: `the ${what} of '${unit.anchor.name}'`,
          discriminator: name,
        });
      }
  },
});
