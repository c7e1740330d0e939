import { defineRule, type FindingDraft, isUnknown, type Resource } from '@ztkit/core';

const PORTS = 'Microsoft.Network/expressRoutePorts';
/** A Key Vault secret identifier: https://<vault>.vault.<cloud suffix>/secrets/<name>[/<version>]. */
const KEY_VAULT_SECRET = /^https:\/\/[^/]+\.vault\.[^/]+\/secrets\/[^/]+/i;
const KEYS = [
  { key: 'cknSecretIdentifier', what: 'CKN' },
  { key: 'cakSecretIdentifier', what: 'CAK' },
] as const;

export default defineRule({
  meta: {
    id: 'ZT-E14-01',
    title: 'ExpressRoute Direct ports use MACsec with keys in Key Vault and a managed identity',
    severity: 'high',
    catalog: ['E14'],
    principles: ['least-privilege', 'assume-breach'],
    pack: 'encryption',
    source: [
      {
        document: '000',
        step: 'Zero Trust principles table: static CAK for ExpressRoute Direct, managed identity',
      },
    ],
    benchmark: ['DP-3', 'DP-6'],
    peers: {},
    resourceTypes: [PORTS],
    rationale:
      'Without MACsec the physical links between your edge routers and the Microsoft Enterprise Edge carry frames in clear. The CKN/CAK pair must live in Key Vault, read by a user-assigned managed identity, so no one handles the keys and access to them is least privilege.',
    remediation: {
      summary:
        'Give the port a user-assigned identity with get access to the vault, and set macSecConfig on every link with cknSecretIdentifier and cakSecretIdentifier pointing at Key Vault secrets (a 256-bit cipher such as GcmAes256 or GcmAesXpn256 is preferred; the check does not fail 128-bit GCM, which is not broken).',
      arm: '"identity": { "type": "UserAssigned", "userAssignedIdentities": { "[parameters(\'identityId\')]": {} } },\n"properties": { "links": [{ "name": "link1", "properties": { "macSecConfig": { "cknSecretIdentifier": "[parameters(\'cknSecretUri\')]", "cakSecretIdentifier": "[parameters(\'cakSecretUri\')]", "cipher": "GcmAes256" } } }] }',
      bicep:
        // biome-ignore lint/suspicious/noTemplateCurlyInString: Bicep/Terraform interpolation in a remediation snippet
        "identity: {\n  type: 'UserAssigned'\n  userAssignedIdentities: { '${identity.id}': {} }\n}\nproperties: {\n  links: [\n    {\n      name: 'link1'\n      properties: {\n        macSecConfig: {\n          cknSecretIdentifier: cknSecret.properties.secretUri\n          cakSecretIdentifier: cakSecret.properties.secretUri\n          cipher: 'GcmAes256'\n        }\n      }\n    }\n  ]\n}",
      terraform:
        'identity {\n  type         = "UserAssigned"\n  identity_ids = [azurerm_user_assigned_identity.er.id]\n}\nlink1 {\n  macsec_cipher                 = "GcmAes256"\n  macsec_ckn_keyvault_secret_id = azurerm_key_vault_secret.ckn.id\n  macsec_cak_keyvault_secret_id = azurerm_key_vault_secret.cak.id\n}',
    },
    links: ['https://learn.microsoft.com/azure/expressroute/expressroute-howto-macsec'],
    notes: [
      'A port whose links are not declared in the template has no MACsec configuration to check and is reported as without MACsec.',
      'Secret identifiers computed at deployment (unknown to the scanner) are not judged.',
    ],
  },
  *check({ graph }): Iterable<FindingDraft> {
    for (const port of graph.ofType(PORTS)) {
      yield* identityFindings(port);
      const links = port.properties.links;
      if (isUnknown(links)) continue;
      if (!Array.isArray(links) || links.length === 0) {
        yield {
          resource: port,
          message: `ExpressRoute Direct port '${port.name}' declares no links with macSecConfig: its physical links are not encrypted.`,
          discriminator: 'links',
        };
        continue;
      }
      for (const [index, link] of links.entries()) yield* linkFindings(port, link, index);
    }
  },
});

function* identityFindings(port: Resource): Iterable<FindingDraft> {
  const identity = port.identity;
  if (isUnknown(identity)) return;
  const type = (identity as { type?: unknown } | undefined)?.type;
  if (isUnknown(type)) return;
  if (typeof type === 'string' && type.toLowerCase().includes('userassigned')) return;
  yield {
    resource: port,
    path: identity == null ? [] : ['identity'],
    message: `ExpressRoute Direct port '${port.name}' has no user-assigned managed identity, so it cannot read MACsec keys from Key Vault.`,
    discriminator: 'identity',
  };
}

function* linkFindings(port: Resource, link: unknown, index: number): Iterable<FindingDraft> {
  if (typeof link !== 'object' || link === null || isUnknown(link)) return;
  const name = String((link as { name?: unknown }).name ?? `links[${index}]`);
  const at = ['properties', 'links', index];
  const macsec = (link as { properties?: { macSecConfig?: unknown } }).properties?.macSecConfig;
  if (isUnknown(macsec)) return;
  if (typeof macsec !== 'object' || macsec === null) {
    yield {
      resource: port,
      // macSecConfig belongs in the link's properties: point there (also where translators span the link).
      path: [...at, 'properties'],
      message: `Link '${name}' of ExpressRoute Direct port '${port.name}' has no macSecConfig: frames cross the link in clear.`,
      discriminator: `${index}`,
    };
    return;
  }
  for (const { key, what } of KEYS) {
    const value = (macsec as Record<string, unknown>)[key];
    if (isUnknown(value)) continue;
    const valid = typeof value === 'string' && KEY_VAULT_SECRET.test(value);
    if (!valid)
      yield {
        resource: port,
        path:
          value == null ? [...at, 'properties', 'macSecConfig'] : [...at, 'properties', 'macSecConfig', key],
        message:
          value == null
            ? `Link '${name}' of '${port.name}' sets no ${key}: MACsec needs the ${what} from a Key Vault secret.`
            : `Link '${name}' of '${port.name}' takes the MACsec ${what} from '${String(value)}', which is not a Key Vault secret identifier.`,
        discriminator: `${index}:${key}`,
      };
  }
}
