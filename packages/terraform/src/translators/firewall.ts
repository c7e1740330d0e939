/**
 * Azure Firewall (classic rule collections as separate resources patched onto the firewall),
 * firewall policies and their rule collection groups. azurerm defaults `threat_intel_mode` and
 * `threat_intelligence_mode` to "Alert", written explicitly.
 */
import { ArmObject, armArray, idRef, resourceIdOf } from '../translate/arm.js';
import type { TfNode } from '../translate/node.js';
import type { Translator } from '../translate/types.js';
import {
  emitResource,
  lastSegment,
  namedItem,
  nameOf,
  present,
  resourceGroupOf,
  simpleId,
} from './common.js';

const FIREWALL = 'Microsoft.Network/azureFirewalls';
const POLICY = 'Microsoft.Network/firewallPolicies';
const GROUP = 'Microsoft.Network/firewallPolicies/ruleCollectionGroups';

const CLASSIC: Readonly<Record<string, string>> = {
  azurerm_firewall_network_rule_collection: 'networkRuleCollections',
  azurerm_firewall_nat_rule_collection: 'natRuleCollections',
  azurerm_firewall_application_rule_collection: 'applicationRuleCollections',
};

function classicRule(kind: string, r: TfNode): Record<string, unknown> {
  const o = new ArmObject(r.span)
    .from(r, 'name', 'name')
    .from(r, 'description', 'description')
    .from(r, 'sourceAddresses', 'source_addresses', present)
    .from(r, 'sourceIpGroups', 'source_ip_groups', present);
  if (kind === 'applicationRuleCollections') {
    o.from(r, 'targetFqdns', 'target_fqdns', present).from(r, 'fqdnTags', 'fqdn_tags', present);
    const protocols = r.blocks('protocol');
    if (protocols.length)
      o.set(
        'protocols',
        protocols.map((p) => ({ protocolType: p.get('type'), port: p.get('port') })),
        protocols[0]!.span,
      );
    return o.done();
  }
  o.from(r, 'protocols', 'protocols', present)
    .from(r, 'destinationAddresses', 'destination_addresses', present)
    .from(r, 'destinationIpGroups', 'destination_ip_groups', present)
    .from(r, 'destinationFqdns', 'destination_fqdns', present)
    .from(r, 'destinationPorts', 'destination_ports', present);
  if (kind === 'natRuleCollections')
    o.from(r, 'translatedAddress', 'translated_address').from(r, 'translatedPort', 'translated_port', String);
  return o.done();
}

function policyRule(kind: 'network' | 'application' | 'nat', r: TfNode): Record<string, unknown> {
  const o = new ArmObject(r.span)
    .set('ruleType', kind === 'network' ? 'NetworkRule' : kind === 'nat' ? 'NatRule' : 'ApplicationRule')
    .from(r, 'name', 'name')
    .from(r, 'description', 'description')
    .from(r, 'sourceAddresses', 'source_addresses', present)
    .from(r, 'sourceIpGroups', 'source_ip_groups', present);
  if (kind === 'application') {
    o.from(r, 'targetFqdns', 'destination_fqdns', present)
      .from(r, 'fqdnTags', 'destination_fqdn_tags', present)
      .from(r, 'targetUrls', 'destination_urls', present)
      .from(r, 'webCategories', 'web_categories', present)
      .from(r, 'destinationAddresses', 'destination_addresses', present)
      .from(r, 'terminateTLS', 'terminate_tls');
    const protocols = r.blocks('protocols');
    if (protocols.length)
      o.set(
        'protocols',
        protocols.map((p) => ({ protocolType: p.get('type'), port: p.get('port') })),
        protocols[0]!.span,
      );
    return o.done();
  }
  o.from(r, 'ipProtocols', 'protocols', present).from(r, 'destinationPorts', 'destination_ports', present);
  if (kind === 'nat') {
    o.from(r, 'destinationAddresses', 'destination_address', (v) => [v])
      .from(r, 'translatedAddress', 'translated_address')
      .from(r, 'translatedFqdn', 'translated_fqdn')
      .from(r, 'translatedPort', 'translated_port', String);
    return o.done();
  }
  return o
    .from(r, 'destinationAddresses', 'destination_addresses', present)
    .from(r, 'destinationIpGroups', 'destination_ip_groups', present)
    .from(r, 'destinationFqdns', 'destination_fqdns', present)
    .done();
}

function ruleCollections(node: TfNode): { value: unknown; span: TfNode['span'] }[] {
  const out: { value: unknown; span: TfNode['span'] }[] = [];
  for (const [block, kind] of [
    ['network_rule_collection', 'network'],
    ['application_rule_collection', 'application'],
    ['nat_rule_collection', 'nat'],
  ] as const)
    for (const c of node.blocks(block)) {
      const rules = c.blocks('rule');
      const o = new ArmObject(c.span)
        .set(
          'ruleCollectionType',
          kind === 'nat' ? 'FirewallPolicyNatRuleCollection' : 'FirewallPolicyFilterRuleCollection',
        )
        .from(c, 'name', 'name')
        .from(c, 'priority', 'priority')
        .set(
          'action',
          new ArmObject(c.spanOf('action') ?? c.span).from(c, 'type', 'action').done(),
          c.spanOf('action'),
        )
        .set(
          'rules',
          armArray(
            rules[0]?.span ?? c.span,
            rules.map((r) => ({ value: policyRule(kind, r), span: r.span })),
          ),
          c.span,
        );
      out.push({ value: o.done(), span: c.span });
    }
  return out;
}

export const firewallTranslator: Translator = {
  types: [
    'azurerm_firewall',
    'azurerm_firewall_policy',
    'azurerm_firewall_policy_rule_collection_group',
    ...Object.keys(CLASSIC),
  ],
  id(type, a) {
    if (type === 'azurerm_firewall') return simpleId(FIREWALL)(type, a);
    if (type === 'azurerm_firewall_policy') return simpleId(POLICY)(type, a);
    if (type === 'azurerm_firewall_policy_rule_collection_group')
      return resourceIdOf(
        GROUP,
        [lastSegment(a('firewall_policy_id')), a('name')],
        resourceGroupOf(a('firewall_policy_id')),
      );
    return undefined;
  },
  translate(type, node, out) {
    const rg = node.get('resource_group_name');
    const classic = CLASSIC[type];
    if (classic) {
      const firewallId = resourceIdOf(FIREWALL, [node.get('azure_firewall_name')], rg);
      const rules = node.blocks('rule');
      const props = new ArmObject(node.span)
        .from(node, 'priority', 'priority')
        .set(
          'action',
          new ArmObject(node.spanOf('action') ?? node.span).from(node, 'type', 'action').done(),
          node.spanOf('action'),
        )
        .set(
          'rules',
          armArray(
            rules[0]?.span ?? node.span,
            rules.map((r) => ({ value: classicRule(classic, r), span: r.span })),
          ),
          node.span,
        );
      const item = namedItem(node, props);
      out.link((index) => {
        const fw = index.properties(firewallId);
        if (!fw) return;
        const existing = Array.isArray(fw[classic]) ? (fw[classic] as unknown[]) : [];
        fw[classic] = [...existing, item];
      });
      return;
    }
    if (type === 'azurerm_firewall') {
      const configs = node.blocks('ip_configuration');
      const p = new ArmObject(node.span)
        .from(node, 'threatIntelMode', 'threat_intel_mode', undefined, 'Alert')
        .set(
          'firewallPolicy',
          idRef(node.get('firewall_policy_id'), node.spanOf('firewall_policy_id')),
          node.spanOf('firewall_policy_id'),
        )
        .set(
          'sku',
          new ArmObject(node.spanOf('sku_tier') ?? node.span)
            .from(node, 'name', 'sku_name')
            .from(node, 'tier', 'sku_tier')
            .done(),
        );
      if (configs.length)
        p.set(
          'ipConfigurations',
          armArray(
            configs[0]!.span,
            configs.map((c) => ({
              value: namedItem(
                c,
                new ArmObject(c.span)
                  .set('subnet', idRef(c.get('subnet_id'), c.spanOf('subnet_id')), c.spanOf('subnet_id'))
                  .set(
                    'publicIPAddress',
                    idRef(c.get('public_ip_address_id'), c.spanOf('public_ip_address_id')),
                    c.spanOf('public_ip_address_id'),
                  ),
              ),
              span: c.span,
            })),
          ),
          configs[0]!.span,
        );
      const hub = node.blocks('virtual_hub')[0];
      if (hub) p.set('virtualHub', idRef(hub.get('virtual_hub_id'), hub.spanOf('virtual_hub_id')), hub.span);
      emitResource(out, {
        type: FIREWALL,
        name: nameOf(node),
        id: simpleId(FIREWALL)(type, (n) => node.get(n)),
        node,
        properties: p,
        zones: node.get('zones'),
      });
      return;
    }
    if (type === 'azurerm_firewall_policy') {
      const p = new ArmObject(node.span)
        .set(
          'sku',
          new ArmObject(node.spanOf('sku') ?? node.span)
            .from(node, 'tier', 'sku', undefined, 'Standard')
            .done(),
          node.spanOf('sku'),
        )
        .from(node, 'threatIntelMode', 'threat_intelligence_mode', undefined, 'Alert')
        .set(
          'basePolicy',
          idRef(node.get('base_policy_id'), node.spanOf('base_policy_id')),
          node.spanOf('base_policy_id'),
        );
      const idps = node.blocks('intrusion_detection')[0];
      if (idps)
        p.set('intrusionDetection', new ArmObject(idps.span).from(idps, 'mode', 'mode').done(), idps.span);
      const tls = node.blocks('tls_certificate')[0];
      if (tls)
        p.set(
          'transportSecurity',
          {
            certificateAuthority: new ArmObject(tls.span)
              .from(tls, 'name', 'name')
              .from(tls, 'keyVaultSecretId', 'key_vault_secret_id')
              .done(),
          },
          tls.span,
        );
      const dns = node.blocks('dns')[0];
      if (dns)
        p.set(
          'dnsSettings',
          new ArmObject(dns.span)
            .from(dns, 'enableProxy', 'proxy_enabled')
            .from(dns, 'servers', 'servers')
            .done(),
          dns.span,
        );
      emitResource(out, {
        type: POLICY,
        name: nameOf(node),
        id: simpleId(POLICY)(type, (n) => node.get(n)),
        node,
        properties: p,
      });
      return;
    }
    const policyId = node.get('firewall_policy_id');
    const policy = lastSegment(policyId);
    const collections = ruleCollections(node);
    const p = new ArmObject(node.span).from(node, 'priority', 'priority');
    if (collections.length)
      p.set('ruleCollections', armArray(collections[0]!.span, collections), collections[0]!.span);
    emitResource(out, {
      type: GROUP,
      name: `${policy}/${nameOf(node)}`,
      id: this.id!(type, (n) => node.get(n))!,
      node,
      properties: p,
      location: undefined,
      tags: undefined,
    });
  },
};
