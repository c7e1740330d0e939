/**
 * Origins over the Bicep syntax tree: an object or array built from a Bicep literal can locate any of
 * its keys back to the `key: value` line, so findings land on the .bicep line of the property.
 */
import { type Origin, originOf, type Pointer, type SourceSpan } from '@ztkit/core';
import type { BicepFile, Expr, PropertyNode } from '../syntax/ast.js';

/** The value node an expression stands for, looking through parentheses and `!`. */
function unwrap(node: Expr): Expr {
  let n = node;
  for (let i = 0; i < 16; i++) {
    if (n.kind === 'paren') n = n.inner;
    else if (n.kind === 'nonNull') n = n.operand;
    else return n;
  }
  return n;
}

/**
 * The node reached from `node` by one key, and the span that explains that key (the whole
 * `key: value` property for objects, the item for arrays), or undefined when the source has no such node.
 */
function step(
  node: Expr,
  key: string | number,
): { node: Expr; span: Expr | { start: number; end: number } } | undefined {
  const n = unwrap(node);
  if (n.kind === 'object' && typeof key === 'string') {
    let found: PropertyNode | undefined;
    for (const p of n.properties) if (p.kind === 'property' && p.key === key) found = p;
    if (!found) {
      const lower = key.toLowerCase();
      for (const p of n.properties) if (p.kind === 'property' && p.key?.toLowerCase() === lower) found = p;
    }
    if (!found) return undefined;
    return { node: found.value, span: found };
  }
  if (n.kind === 'array' && typeof key === 'number') {
    // Indices only match the source while no spread shifts them.
    for (let i = 0; i <= key && i < n.items.length; i++) if (n.items[i]!.kind === 'spread') return undefined;
    const item = n.items[key];
    if (!item || item.kind === 'spread') return undefined;
    return { node: item, span: item };
  }
  if (n.kind === 'for' && typeof key === 'number') {
    const body = n.body.kind === 'if' ? n.body.body : n.body;
    return { node: body, span: body };
  }
  return undefined;
}

export class AstOrigin implements Origin {
  constructor(
    readonly bicep: BicepFile,
    readonly node: Expr,
    /** Span for `locate([])` when it should differ from the node (a resource's declaration line). */
    private readonly self?: { start: number; end: number },
  ) {}

  get file(): string {
    return this.bicep.path;
  }

  locate(keys: Pointer): SourceSpan | undefined {
    if (keys.length === 0) return this.bicep.spanOf(this.self ?? this.node);
    let node = this.node;
    let span: { start: number; end: number } | undefined;
    for (const key of keys) {
      const next = step(node, key);
      if (!next) return undefined;
      node = next.node;
      span = next.span;
    }
    return span ? this.bicep.spanOf(span) : undefined;
  }
}

/**
 * Origin of an object or array a function built from its arguments (`union(defaults, {...})`,
 * `concat(a, b)`): a key is located in the last argument that has it, an index in the argument it
 * came from; the call itself stands for the whole value.
 */
export class CallOrigin implements Origin {
  constructor(
    readonly bicep: BicepFile,
    readonly call: Expr,
    private readonly args: readonly unknown[],
    /** Length of the array result (for arrays), to recognise a concatenation. */
    private readonly resultLength?: number,
  ) {}

  get file(): string {
    return this.bicep.path;
  }

  locate(keys: Pointer): SourceSpan | undefined {
    if (keys.length === 0) return this.bicep.spanOf(this.call);
    const [first, ...rest] = keys;
    if (typeof first === 'number') {
      // Only a concatenation maps indices back to arguments (not filter, sort, take...).
      const total = this.args.reduce<number>((n, a) => n + (Array.isArray(a) ? a.length : Number.NaN), 0);
      if (total !== this.resultLength) return undefined;
      let offset = 0;
      for (const arg of this.args) {
        if (!Array.isArray(arg)) return undefined;
        if (first < offset + arg.length) return locateIn(arg, [first - offset, ...rest]);
        offset += arg.length;
      }
      return undefined;
    }
    for (let i = this.args.length - 1; i >= 0; i--) {
      const arg = this.args[i];
      if (typeof arg !== 'object' || arg === null || Array.isArray(arg) || !(first! in arg)) continue;
      return locateIn(arg, keys);
    }
    return undefined;
  }
}

/** The deepest span for `keys` inside a value with origins, as `locateValue` does. */
function locateIn(value: unknown, keys: Pointer): SourceSpan | undefined {
  let best: { origin: Origin; depth: number } | undefined;
  let current: unknown = value;
  const root = originOf(value);
  if (root) best = { origin: root, depth: 0 };
  for (let i = 0; i < keys.length; i++) {
    if (typeof current !== 'object' || current === null) break;
    current = (current as Record<string | number, unknown>)[keys[i] as string];
    const o = originOf(current);
    if (o) best = { origin: o, depth: i + 1 };
  }
  if (!best) return undefined;
  const rest = keys.slice(best.depth);
  for (let n = rest.length; n >= 0; n--) {
    const span = best.origin.locate(rest.slice(0, n));
    if (span) return span;
  }
  return undefined;
}
