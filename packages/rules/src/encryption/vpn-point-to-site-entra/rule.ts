import { defineRule, type FindingDraft, isUnknown, type Resource } from '@ztkit/core';
import { gatewaysOfKind, VIRTUAL_NETWORK_GATEWAYS } from '../../shared/virtual-network-gateway.js';

const lower = (v: unknown) => (typeof v === 'string' ? v.toLowerCase() : undefined);

export default defineRule({
  meta: {
    id: 'ZT-E13-01',
    title: 'Point-to-site VPN authenticates users with Entra ID over OpenVPN',
    severity: 'high',
    catalog: ['E13'],
    principles: ['verify-explicitly'],
    pack: 'encryption',
    source: [
      {
        document: '000',
        step: 'Zero Trust principles table: Conditional Access for VPN Gateway connections',
      },
      { document: '002', step: '§4 Encryption: user-to-app internal traffic is encrypted' },
    ],
    benchmark: ['IM-7', 'NS-1'],
    peers: {},
    resourceTypes: [VIRTUAL_NETWORK_GATEWAYS],
    rationale:
      'Certificate and RADIUS authentication prove a device holds a credential, not who the user is or whether the sign-in is risky. Entra ID authentication puts every VPN session behind Conditional Access and MFA, and it is only available with the OpenVPN protocol.',
    remediation: {
      summary:
        "Add 'AAD' to vpnAuthenticationTypes with aadTenant, aadAudience and aadIssuer set, and include 'OpenVPN' in vpnClientProtocols.",
      arm: '"vpnClientConfiguration": { "vpnClientAddressPool": { "addressPrefixes": ["172.16.200.0/24"] }, "vpnClientProtocols": ["OpenVPN"], "vpnAuthenticationTypes": ["AAD"], "aadTenant": "[concat(environment().authentication.loginEndpoint, subscription().tenantId)]", "aadAudience": "c632b3df-fb67-4d84-bdcf-b95ad541b5c8", "aadIssuer": "[concat(\'https://sts.windows.net/\', subscription().tenantId, \'/\')]" }',
      bicep:
        // biome-ignore lint/suspicious/noTemplateCurlyInString: Bicep/Terraform interpolation in a remediation snippet
        "vpnClientConfiguration: {\n  vpnClientAddressPool: { addressPrefixes: ['172.16.200.0/24'] }\n  vpnClientProtocols: ['OpenVPN']\n  vpnAuthenticationTypes: ['AAD']\n  aadTenant: '${environment().authentication.loginEndpoint}${tenant().tenantId}'\n  aadAudience: 'c632b3df-fb67-4d84-bdcf-b95ad541b5c8'\n  aadIssuer: 'https://sts.windows.net/${tenant().tenantId}/'\n}",
      terraform:
        // biome-ignore lint/suspicious/noTemplateCurlyInString: Bicep/Terraform interpolation in a remediation snippet
        'vpn_client_configuration {\n  address_space        = ["172.16.200.0/24"]\n  vpn_client_protocols = ["OpenVPN"]\n  vpn_auth_types       = ["AAD"]\n  aad_tenant           = "https://login.microsoftonline.com/${var.tenant_id}"\n  aad_audience         = "c632b3df-fb67-4d84-bdcf-b95ad541b5c8"\n  aad_issuer           = "https://sts.windows.net/${var.tenant_id}/"\n}',
    },
    links: ['https://learn.microsoft.com/azure/vpn-gateway/openvpn-azure-ad-tenant'],
    notes: [
      'When vpnAuthenticationTypes is absent (older API versions), the authentication types are inferred from the configuration: aadTenant means Entra ID, radiusServerAddress/radiusServers RADIUS, vpnClientRootCertificates certificates.',
      'SSTP and IKEv2 are encrypted protocols and are not reported on their own; they only matter here because Entra ID authentication needs OpenVPN.',
    ],
  },
  *check({ graph }): Iterable<FindingDraft> {
    for (const gateway of gatewaysOfKind(graph, 'vpn')) {
      const config = gateway.properties.vpnClientConfiguration;
      if (typeof config !== 'object' || config === null || isUnknown(config)) continue;
      const c = config as Record<string, unknown>;
      if (c.vpnClientAddressPool == null) continue; // no point-to-site configured
      const auth = authenticationTypes(c);
      if (auth === 'unknown') continue;
      const at = ['properties', 'vpnClientConfiguration'];
      if (!auth.includes('aad')) {
        yield {
          resource: gateway,
          path: c.vpnAuthenticationTypes != null ? [...at, 'vpnAuthenticationTypes'] : at,
          message: `Point-to-site on VPN gateway '${gateway.name}' authenticates with ${auth.length ? auth.join(' and ') : 'no declared method'}, not Entra ID, so Conditional Access and MFA cannot apply to VPN users.`,
          discriminator: 'auth',
        };
        continue;
      }
      yield* openVpnFinding(gateway, c, at);
    }
  },
});

function authenticationTypes(config: Record<string, unknown>): string[] | 'unknown' {
  const declared = config.vpnAuthenticationTypes;
  if (isUnknown(declared)) return 'unknown';
  if (Array.isArray(declared))
    return declared.map((t) => (isUnknown(t) ? 'unknown' : (lower(t) ?? 'unknown')));
  // Not declared: inferred from what is configured. A null (`cond ? x : null`) is not configured.
  const inferred: string[] = [];
  if (config.aadTenant != null) inferred.push('aad');
  if (config.radiusServerAddress != null || config.radiusServers != null) inferred.push('radius');
  if (Array.isArray(config.vpnClientRootCertificates) && config.vpnClientRootCertificates.length)
    inferred.push('certificate');
  return inferred;
}

function* openVpnFinding(
  gateway: Resource,
  config: Record<string, unknown>,
  at: string[],
): Iterable<FindingDraft> {
  const protocols = config.vpnClientProtocols;
  if (!Array.isArray(protocols) || protocols.some(isUnknown)) return;
  if (protocols.some((p) => lower(p) === 'openvpn')) return;
  yield {
    resource: gateway,
    path: [...at, 'vpnClientProtocols'],
    severity: 'medium',
    message: `VPN gateway '${gateway.name}' enables Entra ID authentication but not the OpenVPN protocol (${protocols.map(String).join(', ')}), so no client can use it.`,
    discriminator: 'protocols',
  };
}
