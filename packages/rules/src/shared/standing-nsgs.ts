/**
 * The NSGs whose rules are judged on their own: every NSG of the scan, plus a stand-in for each
 * security rule declared separately for an NSG the scan does not hold (a team adding a rule to a
 * platform-owned NSG through `azurerm_network_security_rule` or an ARM child resource). The stand-in
 * is a one-rule NSG, so the rule is normalised and evaluated exactly as inside its real NSG; findings
 * land on the rule resource, since the NSG itself has no source to point at.
 */
import { parentIdOf, type Resource, type ResourceGraph } from '@ztkit/core';

export interface StandingNsg {
  readonly nsg: Resource;
  /**
   * The separately declared rules whose unseen NSG `nsg` stands in for, in the order of its
   * `securityRules` (rules of one parent share a stand-in, so a Deny among them shadows an Allow).
   */
  readonly orphans?: readonly Resource[];
}

export function nsgsToJudge(graph: ResourceGraph): StandingNsg[] {
  const out: StandingNsg[] = graph.ofType('Microsoft.Network/networkSecurityGroups').map((nsg) => ({ nsg }));
  const byParent = new Map<string, Resource[]>();
  for (const orphan of graph.ofType('Microsoft.Network/networkSecurityGroups/securityRules')) {
    if (graph.parentOf(orphan)) continue;
    const key = nsgIdOf(orphan).toLowerCase();
    const group = byParent.get(key);
    if (group) group.push(orphan);
    else byParent.set(key, [orphan]);
  }
  for (const orphans of byParent.values()) out.push({ nsg: standInNsg(orphans), orphans });
  return out;
}

/** Where a finding about rule `index` of the NSG lands. */
export function ruleLocation(
  standing: StandingNsg,
  index: number,
): { resource: Resource; path: (string | number)[] } {
  const orphan = standing.orphans?.[index];
  return orphan
    ? { resource: orphan, path: [] }
    : { resource: standing.nsg, path: ['properties', 'securityRules', index] };
}

function nsgIdOf(rule: Resource): string {
  return parentIdOf(rule.id, 'securityRules') ?? `${rule.id}/<parent>`;
}

function standInNsg(rules: readonly Resource[]): Resource {
  const first = rules[0]!;
  const segments = first.name.split('/');
  return {
    ...first,
    type: 'Microsoft.Network/networkSecurityGroups',
    name: segments.length > 1 ? segments.slice(0, -1).join('/') : '<unknown NSG>',
    id: nsgIdOf(first),
    properties: {
      securityRules: rules.map((r) => ({ name: r.name.split('/').at(-1), properties: r.properties })),
    },
  };
}
