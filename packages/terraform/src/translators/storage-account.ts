/**
 * azurerm_storage_account and azurerm_storage_account_network_rules. azurerm defaults differ from
 * the ARM API's: azurerm sends `minimumTlsVersion: TLS1_2` and `supportsHttpsTrafficOnly: true` when
 * the attributes are omitted, so the translation sets those explicit values (spanned on the block).
 */
import { ArmObject } from '../translate/arm.js';
import type { TfNode } from '../translate/node.js';
import type { Translator } from '../translate/types.js';
import { emitResource, enabled, nameOf, simpleId } from './common.js';

const STORAGE = 'Microsoft.Storage/storageAccounts';
const id = simpleId(STORAGE);

/** azurerm `network_rules` -> ARM `networkAcls`. */
export function networkAcls(node: TfNode): ArmObject {
  const acl = new ArmObject(node.span).from(node, 'defaultAction', 'default_action');
  const bypass = node.get('bypass');
  if (Array.isArray(bypass))
    acl.set('bypass', bypass.length ? bypass.join(', ') : 'None', node.spanOf('bypass'));
  const ips = node.get('ip_rules');
  if (Array.isArray(ips))
    acl.set(
      'ipRules',
      ips.map((value) => ({ value, action: 'Allow' })),
      node.spanOf('ip_rules'),
    );
  const subnets = node.get('virtual_network_subnet_ids');
  if (Array.isArray(subnets))
    acl.set(
      'virtualNetworkRules',
      subnets.map((s) => ({ id: s, action: 'Allow' })),
      node.spanOf('virtual_network_subnet_ids'),
    );
  return acl;
}

export const storageAccountTranslator: Translator = {
  types: ['azurerm_storage_account', 'azurerm_storage_account_network_rules'],
  id(type, a) {
    return type === 'azurerm_storage_account' ? id(type, a) : undefined;
  },
  translate(type, node, out) {
    if (type === 'azurerm_storage_account_network_rules') {
      const target = node.get('storage_account_id');
      const acl = networkAcls(node).done();
      out.link((index) => {
        const props = index.properties(target);
        if (props) props.networkAcls = acl;
      });
      return;
    }
    const p = new ArmObject(node.span)
      .from(
        node,
        'supportsHttpsTrafficOnly',
        ['https_traffic_only_enabled', 'enable_https_traffic_only'],
        undefined,
        true,
      )
      .from(node, 'minimumTlsVersion', 'min_tls_version', undefined, 'TLS1_2')
      .from(node, 'allowBlobPublicAccess', ['allow_nested_items_to_be_public', 'allow_blob_public_access'])
      .from(node, 'publicNetworkAccess', 'public_network_access_enabled', enabled)
      .from(node, 'allowSharedKeyAccess', 'shared_access_key_enabled')
      .from(node, 'isHnsEnabled', 'is_hns_enabled')
      .from(node, 'accessTier', 'access_tier');
    const rules = node.blocks('network_rules')[0];
    if (rules) p.set('networkAcls', networkAcls(rules).done(), rules.span);
    const infra = node.get('infrastructure_encryption_enabled');
    if (infra !== undefined)
      p.set(
        'encryption',
        { requireInfrastructureEncryption: infra },
        node.spanOf('infrastructure_encryption_enabled'),
      );
    const tier = node.get('account_tier');
    const repl = node.get('account_replication_type');
    const sku =
      typeof tier === 'string' && typeof repl === 'string'
        ? new ArmObject(node.spanOf('account_tier') ?? node.span).set(
            'name',
            `${tier}_${repl}`,
            node.spanOf('account_replication_type'),
          )
        : undefined;
    emitResource(out, {
      type: STORAGE,
      name: nameOf(node),
      id: id(type, (n) => node.get(n)),
      node,
      properties: p,
      kind: node.get('account_kind') ?? 'StorageV2',
      sku,
    });
  },
};
