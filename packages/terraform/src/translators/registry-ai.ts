/**
 * Container registries and Azure AI services (Cognitive Services) accounts: the public switch and
 * the network ACL the Private Link rule reads. azurerm (v3.x and v4.x) defaults
 * `public_network_access_enabled` to true on both and sends it, so an omitted attribute is written
 * as 'Enabled'. The registry's firewall is `network_rule_set { default_action, ip_rule { action,
 * ip_range } }` (v3 also `virtual_network { action, subnet_id }`), ARM `networkRuleSet`; the
 * account's is `network_acls { default_action, ip_rules = [..], virtual_network_rules { subnet_id,
 * ignore_missing_vnet_service_endpoint } }`, ARM `networkAcls`.
 */
import { ArmObject, armArray } from '../translate/arm.js';
import type { TfNode } from '../translate/node.js';
import type { Translator } from '../translate/types.js';
import { emitResource, enabled, nameOf, simpleId } from './common.js';

const REGISTRY = 'Microsoft.ContainerRegistry/registries';
const ACCOUNT = 'Microsoft.CognitiveServices/accounts';
const TYPES: Readonly<Record<string, string>> = {
  azurerm_container_registry: REGISTRY,
  azurerm_cognitive_account: ACCOUNT,
};

function registryRuleSet(block: TfNode): ArmObject {
  // azurerm's default_action default is "Allow", the API's too: absent stays absent.
  const o = new ArmObject(block.span).from(block, 'defaultAction', 'default_action');
  const ips = block.blocks('ip_rule');
  if (ips.length)
    o.set(
      'ipRules',
      armArray(
        ips[0]!.span,
        ips.map((r) => ({
          value: new ArmObject(r.span)
            .from(r, 'action', 'action', undefined, 'Allow')
            .from(r, 'value', 'ip_range')
            .done(),
          span: r.span,
        })),
      ),
      block.spanOf('ip_rule') ?? ips[0]!.span,
    );
  const vnets = block.blocks('virtual_network');
  if (vnets.length)
    o.set(
      'virtualNetworkRules',
      vnets.map((r) => new ArmObject(r.span).from(r, 'action', 'action').from(r, 'id', 'subnet_id').done()),
      vnets[0]!.span,
    );
  return o;
}

function accountAcls(block: TfNode): ArmObject {
  const o = new ArmObject(block.span)
    .from(block, 'defaultAction', 'default_action')
    .from(block, 'bypass', 'bypass');
  const ips = block.get('ip_rules');
  if (Array.isArray(ips))
    o.set(
      'ipRules',
      ips.map((value) => ({ value })),
      block.spanOf('ip_rules'),
    );
  const vnets = block.blocks('virtual_network_rules');
  if (vnets.length)
    o.set(
      'virtualNetworkRules',
      vnets.map((r) =>
        new ArmObject(r.span)
          .from(r, 'id', 'subnet_id')
          .from(r, 'ignoreMissingVnetServiceEndpoint', 'ignore_missing_vnet_service_endpoint')
          .done(),
      ),
      vnets[0]!.span,
    );
  return o;
}

export const registryAiTranslator: Translator = {
  types: Object.keys(TYPES),
  id(type, a) {
    return simpleId(TYPES[type]!)(type, a);
  },
  translate(type, node, out) {
    const armType = TYPES[type]!;
    const p = new ArmObject(node.span).from(
      node,
      'publicNetworkAccess',
      'public_network_access_enabled',
      enabled,
      'Enabled',
    );
    let skuName: unknown;
    let skuSpan = node.spanOf('sku');
    if (type === 'azurerm_container_registry') {
      p.from(node, 'adminUserEnabled', 'admin_enabled')
        .from(node, 'anonymousPullEnabled', 'anonymous_pull_enabled')
        .from(node, 'networkRuleBypassOptions', 'network_rule_bypass_option');
      const rules = node.blocks('network_rule_set')[0];
      if (rules) p.set('networkRuleSet', registryRuleSet(rules).done(), rules.span);
      skuName = node.get('sku');
    } else {
      p.from(node, 'customSubDomainName', 'custom_subdomain_name').from(
        node,
        'disableLocalAuth',
        'local_auth_enabled',
        (v) => !v,
      );
      const acls = node.blocks('network_acls')[0];
      if (acls) p.set('networkAcls', accountAcls(acls).done(), acls.span);
      skuName = node.get('sku_name');
      skuSpan = node.spanOf('sku_name');
    }
    emitResource(out, {
      type: armType,
      name: nameOf(node),
      id: simpleId(armType)(type, (n) => node.get(n)),
      node,
      properties: p,
      kind: type === 'azurerm_cognitive_account' ? node.get('kind') : undefined,
      sku:
        skuName === undefined ? undefined : new ArmObject(skuSpan ?? node.span).set('name', skuName, skuSpan),
    });
  },
};
