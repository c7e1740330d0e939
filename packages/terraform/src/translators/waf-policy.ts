/**
 * WAF policies: azurerm_web_application_firewall_policy (Application Gateway),
 * azurerm_frontdoor_firewall_policy (classic Front Door) and azurerm_cdn_frontdoor_firewall_policy
 * (Front Door Standard/Premium). azurerm defaults the Application Gateway policy to enabled in
 * Prevention mode, and Front Door policies to enabled in Prevention mode: written explicitly.
 */
import { ArmObject, armArray } from '../translate/arm.js';
import type { TfNode } from '../translate/node.js';
import type { Translator } from '../translate/types.js';
import { emitResource, enabled, nameOf, simpleId } from './common.js';

const AGW_WAF = 'Microsoft.Network/ApplicationGatewayWebApplicationFirewallPolicies';
const AFD_WAF = 'Microsoft.Network/FrontDoorWebApplicationFirewallPolicies';

function customRules(node: TfNode): ArmObject | undefined {
  const rules = node.blocks('custom_rule').concat(node.blocks('custom_rules'));
  if (!rules.length) return undefined;
  const list = rules.map((r) => ({
    value: new ArmObject(r.span)
      .from(r, 'name', 'name')
      .from(r, 'priority', 'priority')
      .from(r, 'ruleType', ['rule_type', 'type'])
      .from(r, 'action', 'action')
      .from(r, 'state', 'enabled', enabled)
      .set(
        'matchConditions',
        r
          .blocks('match_conditions')
          .concat(r.blocks('match_condition'))
          .map((m) => ({
            operator: m.get('operator'),
            matchValues: m.get('match_values'),
            negationConditon: m.get('negation_condition'),
          })),
        r.span,
      )
      .done(),
    span: r.span,
  }));
  return new ArmObject(rules[0]!.span).set('rules', armArray(rules[0]!.span, list), rules[0]!.span);
}

function managedRuleSets(blocks: readonly TfNode[], typeAttr: string, defaultType?: string): unknown[] {
  return armArray(
    blocks[0]?.span ?? { file: '', startLine: 0, startColumn: 0, endLine: 0, endColumn: 0 },
    blocks.map((s) => ({
      value: new ArmObject(s.span)
        .from(s, 'ruleSetType', typeAttr, undefined, defaultType)
        .from(s, 'ruleSetVersion', 'version')
        .from(s, 'ruleSetAction', 'action')
        .done(),
      span: s.span,
    })),
  );
}

export const wafPolicyTranslator: Translator = {
  types: [
    'azurerm_web_application_firewall_policy',
    'azurerm_frontdoor_firewall_policy',
    'azurerm_cdn_frontdoor_firewall_policy',
  ],
  id(type, a) {
    return simpleId(type === 'azurerm_web_application_firewall_policy' ? AGW_WAF : AFD_WAF)(type, a);
  },
  translate(type, node, out) {
    const p = new ArmObject(node.span);
    if (type === 'azurerm_web_application_firewall_policy') {
      const settings = node.blocks('policy_settings')[0];
      if (settings)
        p.set(
          'policySettings',
          new ArmObject(settings.span)
            .from(settings, 'state', 'enabled', enabled, 'Enabled')
            .from(settings, 'mode', 'mode', undefined, 'Prevention')
            .from(settings, 'requestBodyCheck', 'request_body_check')
            .done(),
          settings.span,
        );
      const managed = node.blocks('managed_rules')[0];
      if (managed) {
        const sets = managed.blocks('managed_rule_set');
        // azurerm 3.x/4.x: managed_rule_set.type is optional and defaults to OWASP (Front Door's
        // managed_rule.type is required, so it gets no default).
        p.set('managedRules', { managedRuleSets: managedRuleSets(sets, 'type', 'OWASP') }, managed.span);
      }
      const custom = customRules(node);
      if (custom) p.set('customRules', custom.value.rules, custom.span);
      emitResource(out, {
        type: AGW_WAF,
        name: nameOf(node),
        id: simpleId(AGW_WAF)(type, (n) => node.get(n)),
        node,
        properties: p,
      });
      return;
    }
    // Front Door policies: settings are top-level attributes (cdn) or inside policy_settings-less blocks (classic).
    p.set(
      'policySettings',
      new ArmObject(node.span)
        .from(node, 'enabledState', 'enabled', enabled, 'Enabled')
        .from(node, 'mode', 'mode', undefined, 'Prevention')
        .from(node, 'redirectUrl', 'redirect_url')
        .done(),
    );
    const sets = node.blocks('managed_rule');
    if (sets.length) p.set('managedRules', { managedRuleSets: managedRuleSets(sets, 'type') }, sets[0]!.span);
    const custom = customRules(node);
    if (custom) p.set('customRules', custom.done(), custom.span);
    const skuName = node.get('sku_name');
    emitResource(out, {
      type: AFD_WAF,
      name: nameOf(node),
      id: simpleId(AFD_WAF)(type, (n) => node.get(n)),
      node,
      properties: p,
      location: 'Global',
      sku:
        skuName === undefined
          ? undefined
          : new ArmObject(node.spanOf('sku_name')!).set('name', skuName, node.spanOf('sku_name')),
    });
  },
};
