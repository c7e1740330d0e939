/**
 * Web Application Firewall policies of Application Gateway and Front Door read through one view:
 * the two resource types spell the same settings differently (`state` vs `enabledState`,
 * `customRules` vs `customRules.rules`).
 */
import { isUnknown, type Resource, type ResourceGraph } from '@ztkit/core';
import { arrayOf, enumIs, lowerString, recordOf } from './property-values.js';

type Pointer = (string | number)[];

export const APPGW_WAF_POLICY = 'Microsoft.Network/ApplicationGatewayWebApplicationFirewallPolicies';
export const FRONT_DOOR_WAF_POLICY = 'Microsoft.Network/FrontDoorWebApplicationFirewallPolicies';

export interface ManagedRuleSet {
  readonly type: string;
  readonly version: string;
  readonly path: Pointer;
}

export interface WafPolicyView {
  readonly resource: Resource;
  readonly kind: 'application-gateway' | 'front-door';
  /** Readable label for messages. */
  readonly label: string;
  readonly enabled: { readonly value: unknown; readonly path: Pointer };
  readonly mode: { readonly value: unknown; readonly path: Pointer };
  /** Undefined when the list is not known statically. */
  readonly managedRuleSets: readonly ManagedRuleSet[] | undefined;
  readonly managedRuleSetsPath: Pointer;
  /** Undefined when not known statically. */
  readonly customRules: readonly unknown[] | undefined;
  readonly customRulesPath: Pointer;
  /** Front Door only: `Standard_AzureFrontDoor` cannot run managed rule sets. */
  readonly supportsManagedRules: boolean;
}

export function* wafPolicies(graph: ResourceGraph): Iterable<WafPolicyView> {
  for (const resource of graph.ofType(APPGW_WAF_POLICY)) {
    const p = resource.properties;
    const settings = recordOf(p.policySettings);
    yield {
      resource,
      kind: 'application-gateway',
      label: `Application Gateway WAF policy '${resource.name}'`,
      enabled: { value: settings?.state, path: ['properties', 'policySettings', 'state'] },
      mode: { value: settings?.mode, path: ['properties', 'policySettings', 'mode'] },
      managedRuleSets: ruleSets(recordOf(p.managedRules)?.managedRuleSets, p.managedRules),
      managedRuleSetsPath: ['properties', 'managedRules', 'managedRuleSets'],
      customRules: knownList(p.customRules),
      customRulesPath: ['properties', 'customRules'],
      supportsManagedRules: true,
    };
  }
  for (const resource of graph.ofType(FRONT_DOOR_WAF_POLICY)) {
    const p = resource.properties;
    const settings = recordOf(p.policySettings);
    const custom = p.customRules;
    yield {
      resource,
      kind: 'front-door',
      label: `Front Door WAF policy '${resource.name}'`,
      enabled: { value: settings?.enabledState, path: ['properties', 'policySettings', 'enabledState'] },
      mode: { value: settings?.mode, path: ['properties', 'policySettings', 'mode'] },
      managedRuleSets: ruleSets(recordOf(p.managedRules)?.managedRuleSets, p.managedRules),
      managedRuleSetsPath: ['properties', 'managedRules', 'managedRuleSets'],
      customRules: isUnknown(custom) ? undefined : knownList(recordOf(custom)?.rules),
      customRulesPath: ['properties', 'customRules'],
      supportsManagedRules: !enumIs(recordOf(resource.sku)?.name, 'Standard_AzureFrontDoor'),
    };
  }
}

function knownList(value: unknown): readonly unknown[] | undefined {
  if (isUnknown(value)) return undefined;
  return arrayOf(value);
}

function ruleSets(list: unknown, container: unknown): readonly ManagedRuleSet[] | undefined {
  if (isUnknown(list) || isUnknown(container)) return undefined;
  const out: ManagedRuleSet[] = [];
  const items = arrayOf(list);
  for (let i = 0; i < items.length; i++) {
    const item = recordOf(items[i]);
    if (isUnknown(item?.ruleSetType) || isUnknown(item?.ruleSetVersion)) return undefined;
    const type = item?.ruleSetType;
    const version = item?.ruleSetVersion;
    if (typeof type !== 'string') continue;
    out.push({
      type,
      version: typeof version === 'string' ? version : String(version ?? ''),
      path: ['properties', 'managedRules', 'managedRuleSets', i],
    });
  }
  return out;
}

/** Numeric `major.minor` of a rule set version; `preview-0.1` and other labels compare as 0. */
export function ruleSetVersionNumber(version: string): number {
  const m = /^(\d+)(?:\.(\d+))?/.exec(version.trim());
  if (!m) return 0;
  return Number(m[1]) + Number(m[2] ?? 0) / 100;
}

export function isRuleSetType(set: ManagedRuleSet, type: string): boolean {
  return lowerString(set.type) === type.toLowerCase();
}

export const BOT_MANAGER_RULE_SET = 'Microsoft_BotManagerRuleSet';
