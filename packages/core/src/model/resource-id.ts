/**
 * ARM resource IDs. Static IDs have symbolic subscription and resource-group segments; matching
 * therefore compares the provider part (`/providers/<type>/<name>...`) case-insensitively and the
 * scope only where both sides know it.
 */

export const SYMBOLIC_SUBSCRIPTION = '{subscriptionId}';
export const SYMBOLIC_RESOURCE_GROUP = '{resourceGroupName}';

/**
 * Build `/subscriptions/s/resourceGroups/rg/providers/Ns/t1/n1/t2/n2` from a full type
 * (`Ns/t1/t2`) and name segments (`n1`, `n2`), the way ARM's `resourceId()` does. Pass
 * `resourceGroup: null` for a subscription-level resource (`undefined` means the symbolic group).
 */
export function buildResourceId(
  type: string,
  names: readonly string[],
  subscriptionId: string = SYMBOLIC_SUBSCRIPTION,
  resourceGroup: string | null = SYMBOLIC_RESOURCE_GROUP,
): string {
  const [namespace, ...types] = type.split('/');
  let path = `/providers/${namespace}`;
  for (let i = 0; i < types.length; i++) path += `/${types[i]}/${names[i] ?? ''}`;
  const scope =
    resourceGroup === null
      ? `/subscriptions/${subscriptionId}`
      : `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}`;
  return scope + path;
}

export interface ParsedResourceId {
  subscriptionId?: string;
  resourceGroup?: string;
  /** Full type: `Microsoft.Network/virtualNetworks/subnets`. */
  type: string;
  /** Full name: `vnet/subnet`. */
  name: string;
  /** Lowercased `/providers/...` tail used for matching. */
  key: string;
}

/** Parse an ARM resource ID (the last `/providers/` segment wins, as for extension resources). */
export function parseResourceId(id: string): ParsedResourceId | undefined {
  if (typeof id !== 'string' || id.length > 4096) return undefined;
  const lower = id.toLowerCase();
  const at = lower.lastIndexOf('/providers/');
  if (at < 0) return undefined;
  const parts = id
    .slice(at + '/providers/'.length)
    .split('/')
    .filter((p) => p !== '');
  if (parts.length < 3 || parts.length % 2 === 0) return undefined;
  const types = [parts[0]!];
  const names: string[] = [];
  for (let i = 1; i < parts.length; i += 2) {
    types.push(parts[i]!);
    names.push(parts[i + 1]!);
  }
  const scope = id.slice(0, at);
  const sub = /\/subscriptions\/([^/]+)/i.exec(scope)?.[1];
  const rg = /\/resourceGroups\/([^/]+)/i.exec(scope)?.[1];
  return {
    subscriptionId: sub,
    resourceGroup: rg,
    type: types.join('/'),
    name: names.join('/'),
    key: `${types.join('/')}|${names.join('/')}`.toLowerCase(),
  };
}

export function resourceKey(type: string, name: string): string {
  return `${type}|${name}`.toLowerCase();
}

export function isSymbolic(segment: string | undefined): boolean {
  return segment === undefined || segment.startsWith('{') || segment.includes('<unknown');
}

/**
 * The ID of a child's parent: everything before the last `/<segment>/` (`subnets`,
 * `securityRules`...), compared case-insensitively; undefined when the ID has no such segment.
 */
export function parentIdOf(id: string, segment: string): string | undefined {
  const at = id.toLowerCase().lastIndexOf(`/${segment.toLowerCase()}/`);
  return at > 0 ? id.slice(0, at) : undefined;
}

/** Azure portal link for a live resource ID. */
export function portalUrl(id: string, portal = 'https://portal.azure.com'): string {
  return `${portal}/#@/resource${id}`;
}
