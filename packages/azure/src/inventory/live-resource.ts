import { parseResourceId, portalUrl, type Resource } from '@ztkit/core';

export interface LiveResourceContext {
  /** Canonical spelling of a type (ARG lower-cases types; rules compare them as written). */
  canonical(type: string): string | undefined;
  readonly portal: string;
}

/**
 * One Resource Graph (or ARM GET) row as a model resource. The row is already ARM-shaped, so the
 * model code that ARM templates go through does the rest: the graph derives inline children
 * (subnets, security rules, routes, peerings) and resolves ID references between resources.
 * Type and full name come from the ID, which keeps ARM's casing and the parent names of children.
 */
export function liveResource(row: unknown, ctx: LiveResourceContext): Resource | undefined {
  if (typeof row !== 'object' || row === null) return undefined;
  const r = row as Record<string, unknown>;
  if (typeof r.id !== 'string') return undefined;
  const parsed = parseResourceId(r.id);
  if (!parsed) return undefined;
  const properties =
    typeof r.properties === 'object' && r.properties !== null && !Array.isArray(r.properties)
      ? (r.properties as Record<string, unknown>)
      : {};
  return {
    type: ctx.canonical(parsed.type) ?? parsed.type,
    name: parsed.name,
    id: r.id,
    ...(r.location !== undefined && { location: r.location }),
    ...(r.kind !== undefined && r.kind !== '' && { kind: r.kind }),
    ...(r.sku !== undefined && r.sku !== null && { sku: r.sku }),
    ...(r.identity !== undefined && r.identity !== null && { identity: r.identity }),
    ...(r.tags !== undefined && r.tags !== null && { tags: r.tags }),
    ...(r.zones !== undefined && r.zones !== null && { zones: r.zones }),
    properties,
    language: 'azure',
    portalUrl: portalUrl(r.id, ctx.portal),
    extra: {
      ...(typeof r.subscriptionId === 'string' && { subscriptionId: r.subscriptionId }),
      ...(typeof r.resourceGroup === 'string' && { resourceGroup: r.resourceGroup }),
    },
  };
}

/** The subscription a live resource belongs to (from the row, else its ID). */
export function subscriptionOf(resource: Resource): string | undefined {
  const fromRow = resource.extra?.subscriptionId;
  if (typeof fromRow === 'string') return fromRow.toLowerCase();
  return parseResourceId(resource.id)?.subscriptionId?.toLowerCase();
}
