import { parseResourceId, type Resource } from '@ztkit/core';

/** Small readers over ARM-shaped property bags (values may be Unknown or missing). */
export const asRecord = (v: unknown): Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};

export const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

export const propsOf = (item: unknown): Record<string, unknown> => asRecord(asRecord(item).properties);

export function idOf(v: unknown): unknown {
  return typeof v === 'object' && v !== null && 'id' in v ? (v as { id: unknown }).id : v;
}

/**
 * Key of a resource or sub-resource ID (`.../loadBalancers/lb/backendAddressPools/pool`) that
 * matches however it was written (symbolic or real scope, any case).
 */
export function idKey(id: unknown): string | undefined {
  return typeof id === 'string' ? parseResourceId(id)?.key : undefined;
}

/** Key of an inline sub-resource (`<parent id>/<collection>/<name>`). */
export function subResourceKey(parent: Resource, collection: string, name: unknown): string | undefined {
  return typeof name === 'string' ? idKey(`${parent.id}/${collection}/${name}`) : undefined;
}

export function shortName(r: Resource): string {
  return r.name.slice(r.name.lastIndexOf('/') + 1);
}

export function stringList(v: unknown): string[] {
  if (typeof v === 'string') return [v];
  return asArray(v).filter((x): x is string => typeof x === 'string');
}
