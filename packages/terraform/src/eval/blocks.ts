/**
 * Evaluates the body of a resource (or data source, or nested block) into attribute values with
 * their spans, expanding `dynamic` blocks. An attribute that fails to evaluate becomes Unknown with
 * a located warning: one bad expression never hides the rest of the resource.
 */
import { type Diagnostic, isUnknown, type LineMap, type SourceSpan, unknown } from '@ztkit/core';
import type { Block, Body, Expr } from '../hcl/ast.js';
import { childScope, type Evaluator, exprText, markComputed, type Scope } from './evaluator.js';
import { entriesOf, TfEvalError } from './values.js';

/** One parsed `.tf` file. */
export interface TfFile {
  readonly path: string;
  readonly text: string;
  readonly body: Body;
  readonly lines: LineMap;
}

export interface EvaluatedAttr {
  readonly value: unknown;
  readonly span: SourceSpan;
  /** The variable the value was read from, when the expression is exactly `var.x`. */
  readonly variable?: string;
}

export interface EvaluatedBlock {
  readonly type: string;
  readonly labels: readonly string[];
  readonly file: string;
  readonly span: SourceSpan;
  readonly attrs: ReadonlyMap<string, EvaluatedAttr>;
  readonly blocks: readonly EvaluatedBlock[];
}

export interface BlockEvalContext {
  readonly evaluator: Evaluator;
  readonly file: TfFile;
  readonly maxItems: number;
  report(d: Diagnostic): void;
}

/** Meta-arguments and blocks that configure Terraform itself, not the resource. */
const META_ATTRS = new Set(['count', 'for_each', 'depends_on', 'provider']);
const META_BLOCKS = new Set(['lifecycle', 'provisioner', 'connection', 'timeouts']);

export function spanOf(file: TfFile, start: number, end: number): SourceSpan {
  return file.lines.span(file.path, start, end);
}

/**
 * Attributes, expressions and nested blocks an override file merged into a block of another file:
 * their offsets are offsets in the override file, so spans and diagnostics must be taken there.
 */
const mergedFrom = new WeakMap<object, TfFile>();

export function markFile(node: object, file: TfFile): void {
  mergedFrom.set(node, file);
}

/** The file a node's offsets belong to: the override file it was merged from, else `file`. */
export function fileOf(node: object, file: TfFile): TfFile {
  return mergedFrom.get(node) ?? file;
}

function ctxFor(ctx: BlockEvalContext, node: object): BlockEvalContext {
  const file = mergedFrom.get(node);
  return file && file !== ctx.file ? { ...ctx, file } : ctx;
}

/** Evaluate one expression with a located diagnostic instead of an exception (caps still propagate). */
export function evaluateAt(expr: Expr, scope: Scope, outer: BlockEvalContext): unknown {
  const ctx = ctxFor(outer, expr);
  try {
    return ctx.evaluator.eval(expr, scope);
  } catch (e) {
    if (!(e instanceof TfEvalError) || e.code.startsWith('cap-')) throw e;
    ctx.report({
      severity: 'warning',
      code: e.code === 'unknown-function' ? 'unknown-function' : 'eval-error',
      message: `${e.message}; the value is treated as unknown`,
      span: spanOf(ctx.file, expr.start, expr.end),
    });
    return unknown(e.message, exprText(expr));
  }
}

export function evaluateBlock(
  block: Block,
  scope: Scope,
  ctx: BlockEvalContext,
  topLevel = true,
): EvaluatedBlock {
  const attrs = new Map<string, EvaluatedAttr>();
  for (const a of block.body.attributes) {
    if (topLevel && META_ATTRS.has(a.name)) continue;
    const actx = ctxFor(ctx, a);
    const value = evaluateAt(a.expr, scope, actx);
    const variable =
      a.expr.kind === 'getattr' && a.expr.object.kind === 'variable' && a.expr.object.name === 'var'
        ? a.expr.name
        : undefined;
    attrs.set(a.name, { value, span: spanOf(actx.file, a.start, a.end), variable });
  }
  const blocks: EvaluatedBlock[] = [];
  for (const b of block.body.blocks) {
    if (topLevel && META_BLOCKS.has(b.type)) continue;
    const bctx = ctxFor(ctx, b);
    if (b.type === 'dynamic') blocks.push(...expandDynamic(b, scope, bctx));
    else blocks.push(evaluateBlock(b, scope, bctx, false));
  }
  return {
    type: block.type,
    labels: block.labels,
    file: ctx.file.path,
    span: spanOf(ctx.file, block.start, block.end),
    attrs,
    blocks,
  };
}

function expandDynamic(b: Block, scope: Scope, ctx: BlockEvalContext): EvaluatedBlock[] {
  const label = b.labels[0];
  const content = b.body.blocks.find((x) => x.type === 'content');
  const forEach = b.body.attributes.find((a) => a.name === 'for_each');
  if (!label || !content || !forEach) {
    ctx.report({
      severity: 'warning',
      code: 'dynamic-block',
      message: 'dynamic block needs a label, for_each and a content block',
      span: spanOf(ctx.file, b.start, b.headerEnd),
    });
    return [];
  }
  const iteratorAttr = b.body.attributes.find((a) => a.name === 'iterator');
  const iterator = iteratorAttr?.expr.kind === 'variable' ? iteratorAttr.expr.name : label;
  const coll = evaluateAt(forEach.expr, scope, ctx);
  const asBlock = (inner: Scope): EvaluatedBlock => {
    const evaluated = evaluateBlock(content, inner, ctx, false);
    return { ...evaluated, type: label, labels: [] };
  };
  if (isUnknown(coll)) {
    // The number of blocks is known only after apply: one block of unknowns, so rules say "cannot tell".
    const u = unknown('dynamic block over a value known after apply', exprText(forEach.expr));
    return [asBlock(childScope(scope, { [iterator]: { key: u, value: u } }))];
  }
  if (coll === null) return [];
  let entries: [string | number, unknown][];
  try {
    entries = entriesOf(coll, 'dynamic for_each');
  } catch (e) {
    ctx.report({
      severity: 'warning',
      code: 'eval-error',
      message: (e as Error).message,
      span: spanOf(ctx.file, forEach.start, forEach.end),
    });
    return [];
  }
  if (entries.length > ctx.maxItems)
    throw new TfEvalError(
      `dynamic "${label}" expands to ${entries.length} blocks, over the cap of ${ctx.maxItems} (limits.maxCopyCount)`,
      'cap-copy-count',
    );
  return entries.map(([key, value]) => asBlock(childScope(scope, { [iterator]: { key, value } })));
}

/**
 * An evaluated block as the object a reference reads (nested blocks become lists of objects).
 * Attributes the configuration does not set are computed by the provider: reading them yields
 * Unknown, in nested blocks too (`identity[0].principal_id`).
 */
export function blockToValue(block: EvaluatedBlock, depth = 0): Record<string, unknown> {
  const out: Record<string, unknown> = markComputed({});
  for (const [k, a] of block.attrs) out[k] = a.value;
  if (depth > 32) return out;
  for (const b of block.blocks) {
    const list = Array.isArray(out[b.type]) ? (out[b.type] as unknown[]) : [];
    list.push(blockToValue(b, depth + 1));
    out[b.type] = list;
  }
  return out;
}
