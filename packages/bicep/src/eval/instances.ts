/**
 * Expansion of a resource or module body into instances: `{...}` is one instance, `if (c) {...}`
 * one instance with a condition, `[for ...: ...]` one per item (capped). A loop over a value not
 * known statically becomes a single representative instance whose item and index are Unknown and
 * whose condition is Unknown (there may be none), so that its static properties are still checked.
 */
import { isUnknown, unknown } from '@ztkit/core';
import type { Expr } from '../syntax/ast.js';
import { loopItems } from './expressions.js';
import { bind, type Env, type Template } from './template.js';

export interface InstanceSpec {
  readonly env: Env | undefined;
  /** The object node of the body. */
  readonly body: Expr;
  /** `if (...)` conditions that apply to this instance. */
  readonly conditions: readonly Expr[];
  /** True for the stand-in of a loop whose length is not known. */
  readonly representative: boolean;
}

/** Instances of a declaration body; `looped` says whether the symbol is an array. */
export function expandBody(
  t: Template,
  body: Expr,
  env: Env | undefined,
): { looped: boolean; specs: InstanceSpec[] } {
  if (body.kind === 'if')
    return {
      looped: false,
      specs: [{ env, body: body.body, conditions: [body.condition], representative: false }],
    };
  if (body.kind !== 'for')
    return { looped: false, specs: [{ env, body, conditions: [], representative: false }] };
  const inner = body.body.kind === 'if' ? body.body.body : body.body;
  const conditions = body.body.kind === 'if' ? [body.body.condition] : [];
  const items = loopItems(t, t.evaluate(body.iterable, env), body);
  if (isUnknown(items)) {
    const stand = unknown(items.reason, t.file.source(body.iterable));
    const loopEnv = bind(bind(env, body.item, stand), body.index, unknown('loop index', body.index));
    return { looped: true, specs: [{ env: loopEnv, body: inner, conditions, representative: true }] };
  }
  return {
    looped: true,
    specs: items.map((item, i) => ({
      env: bind(bind(env, body.item, item), body.index, i),
      body: inner,
      conditions,
      representative: false,
    })),
  };
}

/** Combine conditions: false wins, then Unknown, then true. */
export function evaluateConditions(
  t: Template,
  spec: InstanceSpec,
  inherited: boolean | ReturnType<typeof unknown> = true,
): boolean | ReturnType<typeof unknown> {
  let result: boolean | ReturnType<typeof unknown> = inherited;
  if (result === false) return false;
  for (const c of spec.conditions) {
    const v = t.evaluate(c, spec.env);
    if (v === false) return false;
    if (v !== true) result = isUnknown(v) ? v : unknown('condition is not a boolean', t.file.source(c));
  }
  if (spec.representative && result === true) result = unknown('the loop length is not known statically');
  return result;
}

/** The value of one top-level property of a body object, without evaluating the others. */
export function bodyProperty(t: Template, spec: InstanceSpec, key: string): unknown {
  let node = spec.body;
  while (node.kind === 'paren') node = node.inner;
  if (node.kind !== 'object') return undefined;
  let found: Expr | undefined;
  for (const p of node.properties) if (p.kind === 'property' && p.key === key) found = p.value;
  return found ? t.evaluate(found, spec.env) : undefined;
}
