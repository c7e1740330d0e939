import { defineRule, type FindingDraft, isUnknown, type Resource } from '@ztkit/core';
import { insecureParameterFinding } from '../../shared/parameter-bindings.js';
import { isWeakIpsecValue, WEAK_IPSEC_PARAMETERS } from './weak-algorithms.js';

const CONNECTIONS = 'Microsoft.Network/connections';
/** Connection types that carry an IPsec tunnel the template controls. */
const TUNNEL_TYPES = new Set(['ipsec', 'vnet2vnet']);

export default defineRule({
  meta: {
    id: 'ZT-E11-01',
    title: 'Site-to-site and VNet-to-VNet VPN connections use IKEv2 with a strong custom IPsec/IKE policy',
    severity: 'high',
    catalog: ['E11'],
    principles: ['verify-explicitly', 'assume-breach'],
    pack: 'encryption',
    source: [
      { document: '002', step: '§7 Encryption: all traffic is encrypted' },
      {
        document: '000',
        step: 'step 2 Secure and verify communication from an on-premises network to Azure VNets',
      },
    ],
    benchmark: ['DP-3', 'NS-1'],
    peers: {},
    resourceTypes: [CONNECTIONS],
    rationale:
      'The tunnel protects everything between sites. IKEv1, DES/3DES, MD5/SHA1 and Diffie-Hellman groups 1/2 are breakable or deprecated, and without PFS one stolen key decrypts past traffic. Without a custom policy the gateway negotiates from a default proposal list that still contains 3DES, SHA1 and DH group 2, so the peer decides how weak the tunnel is.',
    remediation: {
      summary:
        'Use connectionProtocol IKEv2 and one ipsecPolicies entry with GCMAES256 (or AES256 + SHA256), DH group DHGroup14/ECP384 or stronger, and PFS (PFS2048/ECP384).',
      arm: '"connectionProtocol": "IKEv2",\n"ipsecPolicies": [{ "ikeEncryption": "AES256", "ikeIntegrity": "SHA384", "dhGroup": "ECP384", "ipsecEncryption": "GCMAES256", "ipsecIntegrity": "GCMAES256", "pfsGroup": "ECP384", "saLifeTimeSeconds": 27000, "saDataSizeKilobytes": 102400000 }]',
      bicep:
        "connectionProtocol: 'IKEv2'\nipsecPolicies: [\n  {\n    ikeEncryption: 'AES256'\n    ikeIntegrity: 'SHA384'\n    dhGroup: 'ECP384'\n    ipsecEncryption: 'GCMAES256'\n    ipsecIntegrity: 'GCMAES256'\n    pfsGroup: 'ECP384'\n    saLifeTimeSeconds: 27000\n    saDataSizeKilobytes: 102400000\n  }\n]",
      terraform:
        'connection_protocol = "IKEv2"\nipsec_policy {\n  ike_encryption   = "AES256"\n  ike_integrity    = "SHA384"\n  dh_group         = "ECP384"\n  ipsec_encryption = "GCMAES256"\n  ipsec_integrity  = "GCMAES256"\n  pfs_group        = "ECP384"\n  sa_lifetime      = 27000\n  sa_datasize      = 102400000\n}',
    },
    links: [
      'https://learn.microsoft.com/azure/vpn-gateway/ipsec-ike-policy-howto',
      'https://learn.microsoft.com/azure/vpn-gateway/vpn-gateway-about-compliance-crypto',
    ],
    notes: [
      'A missing connectionProtocol is IKEv2 (the API default). A missing or empty ipsecPolicies is reported at low severity: the gateway then accepts its default proposal set, which includes 3DES, SHA1 and DH group 2.',
    ],
  },
  *check({ graph }): Iterable<FindingDraft> {
    for (const connection of graph.ofType(CONNECTIONS)) {
      const props = connection.properties;
      const type = props.connectionType;
      if (typeof type !== 'string' || !TUNNEL_TYPES.has(type.toLowerCase())) continue;
      yield* protocolFindings(connection);
      yield* policyFindings(connection);
    }
  },
});

function* protocolFindings(connection: Resource): Iterable<FindingDraft> {
  const path = ['properties', 'connectionProtocol'];
  const isIkev1 = (v: unknown) => typeof v === 'string' && v.toLowerCase() === 'ikev1';
  const viaParameter = insecureParameterFinding(
    connection,
    path,
    isIkev1,
    `connectionProtocol of '${connection.name}'`,
  );
  if (viaParameter) yield viaParameter;
  else if (isIkev1(connection.properties.connectionProtocol))
    yield {
      resource: connection,
      path,
      message: `VPN connection '${connection.name}' uses IKEv1; use IKEv2.`,
      discriminator: 'protocol',
    };
}

function* policyFindings(connection: Resource): Iterable<FindingDraft> {
  const policies = connection.properties.ipsecPolicies;
  if (isUnknown(policies)) return;
  if (!Array.isArray(policies) || policies.length === 0) {
    yield {
      resource: connection,
      severity: 'low',
      message: `VPN connection '${connection.name}' has no custom IPsec/IKE policy, so it negotiates from Azure's default proposals (which include 3DES, SHA1 and DH group 2) and ${
        String(connection.properties.connectionType).toLowerCase() === 'vnet2vnet'
          ? 'nothing pins the strength'
          : 'the on-premises device picks the strength'
      }. Pin a custom policy.`,
      discriminator: 'default-policy',
    };
    return;
  }
  for (const [index, policy] of policies.entries()) {
    if (typeof policy !== 'object' || policy === null || isUnknown(policy)) continue;
    for (const parameter of Object.keys(WEAK_IPSEC_PARAMETERS)) {
      const path = ['properties', 'ipsecPolicies', index, parameter];
      const weak = (v: unknown) => isWeakIpsecValue(parameter, v);
      const viaParameter = insecureParameterFinding(
        connection,
        path,
        weak,
        `${parameter} of '${connection.name}'`,
      );
      const value = (policy as Record<string, unknown>)[parameter];
      if (viaParameter) yield viaParameter;
      else if (weak(value))
        yield {
          resource: connection,
          path,
          message: `VPN connection '${connection.name}' IPsec policy uses ${parameter} ${String(value)}, which is broken or deprecated.`,
        };
    }
  }
}
