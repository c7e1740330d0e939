/** Helpers shared by the azurerm translators. */
import { isUnknown, SpanOrigin, setOrigin } from '@ztkit/core';
import { ArmObject, type Attrs, nameSegment, renderUnknown, resourceIdOf } from '../translate/arm.js';
import type { TfNode } from '../translate/node.js';
import type { ResourceSpec, TranslateOutput } from '../translate/types.js';

/** The usual id: `<armType>/<name>` in the resource's resource group. */
export function simpleId(armType: string): (type: string, a: Attrs) => string {
  return (_t, a) => resourceIdOf(armType, [a('name')], a('resource_group_name'));
}

/** Name of a resource as ARM shows it (unknown names rendered, never guessed). */
export function nameOf(node: TfNode, attr = 'name'): string {
  const v = node.get(attr);
  return typeof v === 'string' ? v : isUnknown(v) ? renderUnknown(v) : '<unknown>';
}

/** Emit a top-level resource with the common envelope (location, tags, identity) read from the node. */
export function emitResource(
  out: TranslateOutput,
  spec: Omit<ResourceSpec, 'location' | 'tags' | 'identity'> & Partial<ResourceSpec>,
): void {
  const { node } = spec;
  out.emit({
    location: node.get('location'),
    tags: node.get('tags'),
    identity: identityOf(node),
    ...spec,
  });
}

/** azurerm `identity { type, identity_ids }` -> ARM `{ type, userAssignedIdentities }`. */
export function identityOf(node: TfNode): Record<string, unknown> | undefined {
  const block = node.blocks('identity')[0];
  if (!block) return undefined;
  const o = new ArmObject(block.span).from(block, 'type', 'type');
  const ids = block.get('identity_ids');
  if (Array.isArray(ids) && ids.length)
    o.set(
      'userAssignedIdentities',
      Object.fromEntries(ids.map((id) => [String(id), {}])),
      block.spanOf('identity_ids'),
    );
  return o.done();
}

/** `true`/`false` -> `Enabled`/`Disabled` (ARM's publicNetworkAccess and similar). */
export function enabled(v: unknown): unknown {
  return v === true ? 'Enabled' : v === false ? 'Disabled' : v;
}

/** Drop empty strings and empty lists that attribute-as-block syntax forces users to write. */
export function present(v: unknown): unknown {
  if (v === '' || (Array.isArray(v) && v.length === 0)) return undefined;
  return v;
}

/** A list of `{ id }` references (e.g. application security group ids). */
export function idList(v: unknown): unknown {
  if (!Array.isArray(v) || v.length === 0) return undefined;
  return v.map((id) => ({ id }));
}

/** A plain object with one span for all its keys (values computed from several attributes). */
export function spanned<T extends object>(value: T, node: TfNode): T {
  return setOrigin(value, new SpanOrigin(node.span));
}

/** ARM `{ name, properties }` item (inline child) with the name's span. */
export function namedItem(
  node: TfNode,
  properties: ArmObject,
  extra?: Record<string, unknown>,
): Record<string, unknown> {
  const item = new ArmObject(node.span).from(node, 'name', 'name');
  if (extra) for (const [k, v] of Object.entries(extra)) item.set(k, v);
  item.set('properties', properties.done(), node.span);
  return item.done();
}

/** The last name segment of an ARM id (a parent named by `server_id`), unknown when not a string. */
export function lastSegment(id: unknown): string {
  if (typeof id !== 'string') return nameSegment(id);
  const parts = id.split('/').filter(Boolean);
  return parts[parts.length - 1] ?? '<unknown>';
}

/** The resource group an ARM id names, when it is a string that names one. */
export function resourceGroupOf(id: unknown): string | undefined {
  return typeof id === 'string' ? /\/resourceGroups\/([^/]+)/i.exec(id)?.[1] : undefined;
}
