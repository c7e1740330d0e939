/**
 * Child resources that ARM lets you write two ways: inline in the parent's properties, or as
 * separate resources. The graph normalises both ways so a rule sees the same thing either way.
 */
export interface InlineChildKind {
  /** Parent ARM type (lower case). */
  readonly parentType: string;
  /** Property of the parent's `properties` holding the inline array. */
  readonly property: string;
  /** Child ARM type. */
  readonly childType: string;
}

export const INLINE_CHILD_KINDS: readonly InlineChildKind[] = [
  {
    parentType: 'microsoft.network/virtualnetworks',
    property: 'subnets',
    childType: 'Microsoft.Network/virtualNetworks/subnets',
  },
  {
    parentType: 'microsoft.network/virtualnetworks',
    property: 'virtualNetworkPeerings',
    childType: 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings',
  },
  {
    parentType: 'microsoft.network/networksecuritygroups',
    property: 'securityRules',
    childType: 'Microsoft.Network/networkSecurityGroups/securityRules',
  },
  {
    parentType: 'microsoft.network/routetables',
    property: 'routes',
    childType: 'Microsoft.Network/routeTables/routes',
  },
];

export function inlineKindsOf(parentType: string): readonly InlineChildKind[] {
  const t = parentType.toLowerCase();
  return INLINE_CHILD_KINDS.filter((k) => k.parentType === t);
}

export function inlineKindForChild(childType: string): InlineChildKind | undefined {
  const t = childType.toLowerCase();
  return INLINE_CHILD_KINDS.find((k) => k.childType.toLowerCase() === t);
}
