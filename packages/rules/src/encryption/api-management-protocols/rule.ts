import { defineRule, type FindingDraft, isUnknown } from '@ztkit/core';
import { insecureParameterFinding } from '../../shared/parameter-bindings.js';

const PREFIX = 'Microsoft.WindowsAzure.ApiManagement.Gateway.Security.';
/** Settings that, when true, re-enable a legacy protocol or cipher on the gateway. */
const LEGACY_SETTINGS: readonly { readonly key: string; readonly what: string }[] = [
  { key: 'Protocols.Ssl30', what: 'SSL 3.0 from clients' },
  { key: 'Protocols.Tls10', what: 'TLS 1.0 from clients' },
  { key: 'Protocols.Tls11', what: 'TLS 1.1 from clients' },
  { key: 'Backend.Protocols.Ssl30', what: 'SSL 3.0 to backends' },
  { key: 'Backend.Protocols.Tls10', what: 'TLS 1.0 to backends' },
  { key: 'Backend.Protocols.Tls11', what: 'TLS 1.1 to backends' },
  { key: 'Ciphers.TripleDes168', what: 'the 3DES cipher (TLS_RSA_WITH_3DES_EDE_CBC_SHA)' },
];

/** customProperties values are strings ('True'/'False'), though templates sometimes use booleans. */
const enabled = (v: unknown) => v === true || (typeof v === 'string' && v.trim().toLowerCase() === 'true');

export default defineRule({
  meta: {
    id: 'ZT-E10-03',
    title: 'API Management gateways refuse SSL 3.0, TLS 1.0/1.1 and 3DES on both client and backend side',
    severity: 'high',
    catalog: ['E10'],
    principles: ['verify-explicitly', 'assume-breach'],
    pack: 'encryption',
    source: [{ document: '002', step: '§7 Encryption: all traffic is encrypted' }],
    benchmark: ['DP-3'],
    peers: { checkov: ['CKV_AZURE_173'], psrule: ['Azure.APIM.Protocols', 'Azure.APIM.Ciphers'] },
    resourceTypes: ['Microsoft.ApiManagement/service'],
    rationale:
      'API Management terminates client TLS and opens its own TLS to backends, carrying subscription keys and tokens both ways. Each legacy protocol or cipher switched on in customProperties lets one side of that path negotiate down to it.',
    remediation: {
      summary:
        'Set every legacy protocol and the TripleDes168 cipher to "False" in customProperties (or leave them out).',
      arm: '"customProperties": {\n  "Microsoft.WindowsAzure.ApiManagement.Gateway.Security.Protocols.Tls10": "False",\n  "Microsoft.WindowsAzure.ApiManagement.Gateway.Security.Protocols.Tls11": "False",\n  "Microsoft.WindowsAzure.ApiManagement.Gateway.Security.Backend.Protocols.Tls10": "False",\n  "Microsoft.WindowsAzure.ApiManagement.Gateway.Security.Backend.Protocols.Tls11": "False",\n  "Microsoft.WindowsAzure.ApiManagement.Gateway.Security.Ciphers.TripleDes168": "False"\n}',
      bicep:
        "customProperties: {\n  'Microsoft.WindowsAzure.ApiManagement.Gateway.Security.Protocols.Tls10': 'False'\n  'Microsoft.WindowsAzure.ApiManagement.Gateway.Security.Protocols.Tls11': 'False'\n  'Microsoft.WindowsAzure.ApiManagement.Gateway.Security.Backend.Protocols.Tls10': 'False'\n  'Microsoft.WindowsAzure.ApiManagement.Gateway.Security.Backend.Protocols.Tls11': 'False'\n  'Microsoft.WindowsAzure.ApiManagement.Gateway.Security.Ciphers.TripleDes168': 'False'\n}",
      terraform:
        'security {\n  frontend_tls10_enabled     = false  # enable_frontend_tls10 in azurerm v3\n  frontend_tls11_enabled     = false\n  backend_tls10_enabled      = false\n  backend_tls11_enabled      = false\n  triple_des_ciphers_enabled = false\n}',
    },
    links: ['https://learn.microsoft.com/azure/api-management/api-management-howto-manage-protocols-ciphers'],
    notes: [
      'A setting left out of customProperties is treated as False: the API documents that default for services created after 1 April 2018.',
    ],
  },
  *check({ graph }): Iterable<FindingDraft> {
    for (const service of graph.ofType('Microsoft.ApiManagement/service')) {
      const custom = service.properties.customProperties;
      if (typeof custom !== 'object' || custom === null || isUnknown(custom)) continue;
      for (const { key, what } of LEGACY_SETTINGS) {
        const fullKey = Object.keys(custom).find((k) => k.toLowerCase() === (PREFIX + key).toLowerCase());
        if (!fullKey) continue;
        const path = ['properties', 'customProperties', fullKey];
        const label = `${key} of API Management service '${service.name}'`;
        const viaParameter = insecureParameterFinding(service, path, enabled, label);
        if (viaParameter) yield viaParameter;
        else if (enabled((custom as Record<string, unknown>)[fullKey]))
          yield {
            resource: service,
            path,
            message: `API Management service '${service.name}' enables ${what} (${key} is True).`,
          };
      }
    }
  },
});
