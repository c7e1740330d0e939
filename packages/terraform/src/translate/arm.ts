/**
 * Building ARM-shaped objects from azurerm attributes while keeping, for every key, the span of
 * the attribute it came from, so a finding on `properties.minimumTlsVersion` lands on the
 * `min_tls_version` line.
 */
import {
  buildResourceId,
  isUnknown,
  type SourceSpan,
  SpanOrigin,
  SYMBOLIC_RESOURCE_GROUP,
  setOrigin,
  type Unknown,
} from '@ztkit/core';
import type { TfNode } from './node.js';

export type Convert = (value: unknown) => unknown;

export class ArmObject {
  readonly value: Record<string, unknown> = {};
  private readonly spans = new Map<string | number, SourceSpan>();
  /** Keys read from an attribute: lets the emitter bind a key to the variable the attribute used. */
  readonly sources = new Map<string, { readonly node: TfNode; readonly attr: string }>();

  constructor(readonly span: SourceSpan) {}

  /** Set a key (skipped when the value is undefined); `span` is where the value was written. */
  set(key: string, value: unknown, span?: SourceSpan): this {
    if (value === undefined) return this;
    this.value[key] = value;
    if (span) this.spans.set(key, span);
    return this;
  }

  /**
   * Copy the first present attribute among `names` (azurerm v4 name first, then the v3 name) to
   * `key`, converted; or `fallback` (the azurerm default) when none is set and the key is not
   * already set, spanned on the block.
   */
  from(
    node: TfNode,
    key: string,
    names: string | readonly string[],
    convert?: Convert,
    fallback?: unknown,
  ): this {
    for (const name of typeof names === 'string' ? [names] : names) {
      const v = node.get(name);
      if (v === undefined) continue;
      this.sources.set(key, { node, attr: name });
      return this.set(key, convert && !isUnknown(v) ? convert(v) : v, node.spanOf(name));
    }
    if (fallback !== undefined && !Object.hasOwn(this.value, key)) this.set(key, fallback);
    return this;
  }

  /** Set a nested object built from a block (or the node itself). */
  object(key: string, build: ArmObject | undefined, span?: SourceSpan): this {
    if (!build || Object.keys(build.value).length === 0) return this;
    return this.set(key, build.done(), span ?? build.span);
  }

  done(): Record<string, unknown> {
    if (this.sources.size) sourcesOf.set(this.value, this.sources);
    return setOrigin(this.value, new SpanOrigin(this.span, this.spans));
  }
}

type Sources = ReadonlyMap<string, { readonly node: TfNode; readonly attr: string }>;
const sourcesOf = new WeakMap<object, Sources>();

/** Which attribute each key of a built object was read from (for variable bindings), if any. */
export function attributeSources(value: object): Sources | undefined {
  return sourcesOf.get(value);
}

/** An array whose items keep their own spans. */
export function armArray(
  span: SourceSpan,
  items: readonly { value: unknown; span: SourceSpan }[],
): unknown[] {
  const out = items.map((i) => i.value);
  return setOrigin(out, new SpanOrigin(span, new Map(items.map((i, n) => [n, i.span]))));
}

/** `{ id }` reference object, spanned where the reference was written. */
export function idRef(id: unknown, span: SourceSpan | undefined): Record<string, unknown> | undefined {
  // null (an optional attribute left unset) and "" (how state and plans write an empty reference) mean "no reference".
  if (id === undefined || id === null || id === '') return undefined;
  const ref = { id };
  if (span) setOrigin(ref, new SpanOrigin(span));
  return ref;
}

/** An unknown as a name segment: `/` would split the id, so it is written `:`. */
export function renderUnknown(v: unknown): string {
  return String(v).replace(/\//g, ':');
}

/** A name segment of an ARM id: unknown names are rendered, never guessed. */
export function nameSegment(v: unknown): string {
  if (typeof v === 'string') return v;
  if (isUnknown(v)) return renderUnknown(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return '<unknown>';
}

/**
 * The ARM id Terraform's `.id` stands for: `/subscriptions/{subscriptionId}/resourceGroups/<rg>/providers/...`.
 * The same function gives the id a reference evaluates to and the id of the translated resource,
 * so graph edges resolve.
 */
export function resourceIdOf(armType: string, names: readonly unknown[], resourceGroup: unknown): string {
  const rg = typeof resourceGroup === 'string' ? resourceGroup : SYMBOLIC_RESOURCE_GROUP;
  return buildResourceId(armType, names.map(nameSegment), undefined, rg);
}

/** Attribute getter shared by evaluated references (plain values) and translator nodes. */
export type Attrs = (name: string) => unknown;

export const attrsOfValue =
  (v: Record<string, unknown>): Attrs =>
  (n) =>
    v[n] ?? undefined;

export const attrsOfNode =
  (node: TfNode): Attrs =>
  (n) =>
    node.get(n);

// --- value conversions (Unknown passes through untouched: ArmObject.from never converts it) ---

export const enabledDisabled: Convert = (v) => (v === true ? 'Enabled' : v === false ? 'Disabled' : v);

/** azurerm spells TLS versions `TLS1_2`, `1.2`, `TLSv1_2`...; ARM types differ, so each translator picks. */
export const asString: Convert = (v) => (typeof v === 'number' ? String(v) : v);

export function isKnownString(v: unknown): v is string {
  return typeof v === 'string';
}

export type MaybeUnknown<T> = T | Unknown;
