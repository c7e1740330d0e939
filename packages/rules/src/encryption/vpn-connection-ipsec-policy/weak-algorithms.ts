/**
 * IPsec/IKE parameters of a custom policy (`ipsecPolicies[]` on Microsoft.Network/connections) that
 * no longer give confidentiality or integrity: single/triple DES, MD5/SHA1, MODP groups 1 and 2
 * (768/1024-bit), and no perfect forward secrecy. Values are the API's enum spellings.
 */
export const WEAK_IPSEC_PARAMETERS: Readonly<Record<string, ReadonlySet<string>>> = {
  ikeEncryption: new Set(['des', 'des3']),
  ikeIntegrity: new Set(['md5', 'sha1']),
  ipsecEncryption: new Set(['none', 'des', 'des3']),
  ipsecIntegrity: new Set(['md5', 'sha1']),
  dhGroup: new Set(['none', 'dhgroup1', 'dhgroup2']),
  pfsGroup: new Set(['none', 'pfs1', 'pfs2']),
};

export function isWeakIpsecValue(parameter: string, value: unknown): boolean {
  return typeof value === 'string' && (WEAK_IPSEC_PARAMETERS[parameter]?.has(value.toLowerCase()) ?? false);
}
