import { defineRule, type FindingDraft, isUnknown } from '@ztkit/core';
import { insecureParameterFinding } from '../../shared/parameter-bindings.js';
import { SITE_TYPES, siteConfigUnits, siteSetting } from '../../shared/web-site-config.js';

const isPlainFtp = (v: unknown) => typeof v === 'string' && v.toLowerCase() === 'allallowed';

export default defineRule({
  meta: {
    id: 'ZT-E02-02',
    title: 'Web apps refuse plain FTP (FTPS only or FTP disabled)',
    severity: 'high',
    catalog: ['E02'],
    principles: ['assume-breach'],
    pack: 'encryption',
    source: [{ document: '002', step: '§4 Encryption: user-to-app internal traffic is encrypted' }],
    benchmark: ['DP-3'],
    peers: {
      checkov: ['CKV_AZURE_78'],
      trivy: ['AVD-AZU-0071'],
    },
    resourceTypes: [...SITE_TYPES, 'Microsoft.Web/sites/config', 'Microsoft.Web/sites/slots/config'],
    rationale:
      'Plain FTP sends the deployment credentials and the code in clear. With ftpsState AllAllowed anyone on the path can capture the publishing profile and replace the application.',
    remediation: {
      summary: 'Set siteConfig.ftpsState to Disabled (or FtpsOnly when FTP deployment is still needed).',
      arm: '"siteConfig": { "ftpsState": "Disabled" }',
      bicep: "siteConfig: {\n  ftpsState: 'Disabled'\n}",
      terraform: 'site_config {\n  ftps_state = "Disabled"\n}',
    },
    links: ['https://learn.microsoft.com/azure/app-service/deploy-ftp#enforce-ftps'],
    notes: [
      'A site that never sets ftpsState (inline or in a config/web resource) is treated as AllAllowed, the value App Service reports for sites created without it.',
    ],
  },
  *check({ graph }): Iterable<FindingDraft> {
    for (const unit of siteConfigUnits(graph)) {
      const setting = siteSetting(unit, 'ftpsState');
      if (!setting) {
        // A standalone config resource may set other things only; the site decides the default.
        if (unit.site)
          yield {
            resource: unit.anchor,
            message: `'${unit.anchor.name}' does not set ftpsState; App Service then accepts plain FTP. Set it to Disabled or FtpsOnly.`,
          };
        continue;
      }
      const viaParameter = insecureParameterFinding(
        setting.resource,
        setting.path,
        isPlainFtp,
        `ftpsState of '${unit.anchor.name}'`,
      );
      if (viaParameter) yield viaParameter;
      else if (!isUnknown(setting.value) && isPlainFtp(setting.value))
        yield {
          resource: setting.resource,
          path: setting.path,
          message: `'${unit.anchor.name}' accepts plain FTP (ftpsState ${String(setting.value)}).`,
        };
    }
  },
});
