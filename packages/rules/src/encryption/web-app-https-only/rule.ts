import { defineRule, type FindingDraft, isUnknown } from '@ztkit/core';
import { insecureParameterFinding } from '../../shared/parameter-bindings.js';

const SITE_TYPES = ['Microsoft.Web/sites', 'Microsoft.Web/sites/slots'];
const HTTPS_ONLY = ['properties', 'httpsOnly'] as const;

/**
 * App Service: `httpsOnly` defaults to false in every API version, so a site that does not set it
 * answers plain HTTP. Slots are separate endpoints with their own setting.
 */
export default defineRule({
  meta: {
    id: 'ZT-E01-01',
    title: 'Web apps and function apps accept HTTPS only',
    severity: 'high',
    catalog: ['E01'],
    principles: ['verify-explicitly', 'assume-breach'],
    pack: 'encryption',
    source: [{ document: '002', step: '§4 Encryption: user-to-app internal traffic is encrypted' }],
    benchmark: ['DP-3'],
    peers: {
      checkov: ['CKV_AZURE_14', 'CKV_AZURE_70', 'CKV_AZURE_153'],
      trivy: ['AVD-AZU-0004'],
      psrule: ['Azure.AppService.UseHTTPS'],
    },
    resourceTypes: SITE_TYPES,
    rationale:
      'A site that answers plain HTTP lets session cookies, bearer tokens and form posts cross the network in clear, and lets an on-path attacker rewrite responses. httpsOnly makes App Service redirect every HTTP request to HTTPS before the app sees it.',
    remediation: {
      summary: 'Set httpsOnly to true on every site and deployment slot.',
      arm: '"properties": { "httpsOnly": true }',
      bicep: 'properties: {\n  httpsOnly: true\n}',
      terraform:
        'https_only = true  # azurerm_linux_web_app, azurerm_windows_web_app, *_function_app and their slots',
    },
    links: ['https://learn.microsoft.com/azure/app-service/configure-ssl-bindings#enforce-https'],
    notes: ['A missing httpsOnly is treated as false, the App Service default in every API version.'],
  },
  *check({ graph }): Iterable<FindingDraft> {
    for (const type of SITE_TYPES)
      for (const site of graph.ofType(type)) {
        const viaParameter = insecureParameterFinding(
          site,
          HTTPS_ONLY,
          (v) => v === false,
          `httpsOnly of site '${site.name}'`,
        );
        if (viaParameter) {
          yield viaParameter;
          continue;
        }
        // null is not given to ARM: the default (false) applies, as when the property is absent.
        const httpsOnly = site.properties.httpsOnly ?? undefined;
        if (isUnknown(httpsOnly) || httpsOnly === true) continue;
        yield {
          resource: site,
          path: httpsOnly === undefined ? [] : [...HTTPS_ONLY],
          message:
            httpsOnly === undefined
              ? `Site '${site.name}' does not set httpsOnly; App Service then serves plain HTTP. Set httpsOnly to true.`
              : `Site '${site.name}' serves plain HTTP (httpsOnly is ${String(httpsOnly)}).`,
        };
      }
  },
});
