/**
 * The NSGs whose rules are judged on their own: every NSG of the scan, plus a stand-in for each
 * security rule declared separately for an NSG the scan does not hold (a team adding a rule to a
 * platform-owned NSG through `azurerm_network_security_rule` or an ARM child resource). The stand-in
 * is a one-rule NSG, so the rule is normalised and evaluated exactly as inside its real NSG; findings
 * land on the rule resource, since the NSG itself has no source to point at.
 */
import type { Resource, ResourceGraph } from '@ztkit/core';

export interface StandingNsg {
  readonly nsg: Resource;
  /** The separately declared rule whose unseen NSG `nsg` stands in for. */
  readonly orphan?: Resource;
}

export function nsgsToJudge(graph: ResourceGraph): StandingNsg[] {
  const out: StandingNsg[] = graph.ofType('Microsoft.Network/networkSecurityGroups').map((nsg) => ({ nsg }));
  for (const orphan of graph.ofType('Microsoft.Network/networkSecurityGroups/securityRules'))
    if (!graph.parentOf(orphan)) out.push({ nsg: standInNsg(orphan), orphan });
  return out;
}

/** Where a finding about rule `index` of the NSG lands. */
export function ruleLocation(
  standing: StandingNsg,
  index: number,
): { resource: Resource; path: (string | number)[] } {
  return standing.orphan
    ? { resource: standing.orphan, path: [] }
    : { resource: standing.nsg, path: ['properties', 'securityRules', index] };
}

function standInNsg(rule: Resource): Resource {
  const segments = rule.name.split('/');
  const parentName = segments.length > 1 ? segments.slice(0, -1).join('/') : '<unknown NSG>';
  const marker = '/securityrules/';
  const at = rule.id.toLowerCase().lastIndexOf(marker);
  return {
    ...rule,
    type: 'Microsoft.Network/networkSecurityGroups',
    name: parentName,
    id: at > 0 ? rule.id.slice(0, at) : `${rule.id}/<parent>`,
    properties: { securityRules: [{ name: segments.at(-1), properties: rule.properties }] },
  };
}
