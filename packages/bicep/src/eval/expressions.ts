/**
 * Expression evaluation. Values are plain JSON-like data, `Unknown` for what is not known before
 * deployment, `LambdaValue` for lambdas, and `ResourceInstance` / `ModuleInstance` for symbolic
 * references (so that `nsg.id`, `vnet::subnet.id` and `mod.outputs.x` resolve).
 */
import { isUnknown, LambdaValue, setOrigin, unknown } from '@ztkit/core';
import type { Expr, ForExpr } from '../syntax/ast.js';
import { callFunction } from './calls.js';
import { ModuleInstance } from './modules.js';
import { binary, unary } from './operators.js';
import { AstOrigin } from './origin.js';
import { ResourceInstance } from './resources.js';
import { EvaluationError } from './session.js';
import { lookupSymbol, NamespaceValue } from './symbols.js';
import { bind, type Env, type Template } from './template.js';

export function evaluateExpression(t: Template, expr: Expr, env: Env | undefined): unknown {
  t.session.step(() => t.spanOf(expr));
  switch (expr.kind) {
    case 'literal':
      return expr.value;
    case 'interpolation':
      return interpolate(t, expr.parts, expr.holes, env, expr);
    case 'ident':
      return lookupSymbol(t, expr.name, env, expr);
    case 'paren':
      return t.evaluate(expr.inner, env);
    case 'nonNull':
      return t.evaluate(expr.operand, env);
    case 'array':
      return evaluateArray(t, expr, env);
    case 'object':
      return evaluateObject(t, expr, env);
    case 'member':
      return member(t.evaluate(expr.object, env), expr.name, expr.safe, t.file.source(expr));
    case 'index': {
      const target = t.evaluate(expr.object, env);
      const index = t.evaluate(expr.index, env);
      return indexValue(target, index, expr.safe, t.file.source(expr));
    }
    case 'childAccess': {
      const target = t.evaluate(expr.object, env);
      if (target instanceof ResourceInstance) return target.child(expr.name);
      return unknown(`'${expr.name}' is not a child resource here`, t.file.source(expr));
    }
    case 'call':
      return callFunction(t, expr, env);
    case 'unary':
      return unary(expr.op, t.evaluate(expr.operand, env), t.file.source(expr));
    case 'binary':
      return binary(
        expr.op,
        t.evaluate(expr.left, env),
        () => t.evaluate(expr.right, env),
        t.file.source(expr),
      );
    case 'ternary': {
      const condition = t.evaluate(expr.condition, env);
      if (condition === true) return t.evaluate(expr.whenTrue, env);
      if (condition === false) return t.evaluate(expr.whenFalse, env);
      return unknown(
        isUnknown(condition) ? condition.reason : 'condition is not a boolean',
        t.file.source(expr),
      );
    }
    case 'lambda':
      return new LambdaValue(expr.params, (args) => {
        let inner = env;
        expr.params.forEach((p, i) => {
          inner = bind(inner, p, args[i]);
        });
        return t.evaluate(expr.body, inner);
      });
    case 'for':
      return evaluateFor(t, expr, env);
    case 'if':
      // Only valid as a declaration or loop body, where the caller handles it.
      return t.evaluate(expr.body, env);
  }
}

function interpolate(
  t: Template,
  parts: readonly string[],
  holes: readonly Expr[],
  env: Env | undefined,
  node: Expr,
): unknown {
  let out = parts[0]!;
  for (let i = 0; i < holes.length; i++) {
    const v = t.evaluate(holes[i]!, env);
    if (isUnknown(v) || v instanceof ResourceInstance || v instanceof ModuleInstance)
      return unknown(isUnknown(v) ? v.reason : 'a resource is not a string', t.file.source(node));
    out += formatValue(v) + parts[i + 1]!;
  }
  return out;
}

/** How ARM's `format('{0}', v)` (what interpolation compiles to) prints a value. */
export function formatValue(v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return String(v);
  return JSON.stringify(v);
}

function evaluateArray(t: Template, expr: Extract<Expr, { kind: 'array' }>, env: Env | undefined): unknown {
  const out: unknown[] = [];
  for (const item of expr.items) {
    if (item.kind === 'spread') {
      const v = t.evaluate(item.value, env);
      if (!Array.isArray(v))
        return unknown('spread of a value that is not a known array', t.file.source(expr));
      out.push(...v);
    } else {
      out.push(t.evaluate(item, env));
    }
  }
  return setOrigin(out, new AstOrigin(t.file, expr));
}

function evaluateObject(t: Template, expr: Extract<Expr, { kind: 'object' }>, env: Env | undefined): unknown {
  const out: Record<string, unknown> = {};
  for (const p of expr.properties) {
    if (p.kind === 'spread') {
      const v = t.evaluate(p.value, env);
      if (v === null) continue;
      if (typeof v !== 'object' || Array.isArray(v) || isUnknown(v) || v instanceof ResourceInstance)
        return unknown('spread of a value that is not a known object', t.file.source(expr));
      Object.assign(out, v);
      continue;
    }
    let key = p.key;
    if (key === undefined) {
      const k = t.evaluate(p.keyExpr, env);
      if (typeof k !== 'string') return unknown('property name is not known statically', t.file.source(expr));
      key = k;
    }
    out[key] = t.evaluate(p.value, env);
  }
  return setOrigin(out, new AstOrigin(t.file, expr));
}

function evaluateFor(t: Template, expr: ForExpr, env: Env | undefined): unknown {
  const items = loopItems(t, t.evaluate(expr.iterable, env), expr);
  if (isUnknown(items)) return items;
  const out: unknown[] = [];
  items.forEach((item, i) => {
    const inner = bind(bind(env, expr.item, item), expr.index, i);
    if (expr.body.kind === 'if') {
      const c = t.evaluate(expr.body.condition, inner);
      if (c === false) return;
      out.push(t.evaluate(expr.body.body, inner));
      return;
    }
    out.push(t.evaluate(expr.body, inner));
  });
  return setOrigin(out, new AstOrigin(t.file, expr));
}

/** The items a `for` iterates over, capped by limits.maxCopyCount. */
export function loopItems(
  t: Template,
  iterable: unknown,
  node: ForExpr,
): readonly unknown[] | ReturnType<typeof unknown> {
  if (isUnknown(iterable)) return iterable;
  if (!Array.isArray(iterable)) return unknown('loop source is not an array', t.file.source(node.iterable));
  const cap = t.session.limits.maxCopyCount;
  if (iterable.length > cap)
    throw new EvaluationError(
      `loop over ${iterable.length} items exceeds the limit of ${cap} (limits.maxCopyCount)`,
      'cap-copy-count',
      t.spanOf(node),
    );
  return iterable;
}

/** `a.b` / `a.?b`: property names are case-insensitive, as in ARM. */
export function member(target: unknown, name: string, safe: boolean, source: string): unknown {
  if (target instanceof ResourceInstance) return target.member(name, source);
  if (target instanceof ModuleInstance) return target.member(name, source);
  if (target instanceof NamespaceValue) return target.member(name, source);
  if (isUnknown(target)) return unknown(target.reason, source);
  if (target === null || target === undefined)
    return safe ? null : unknown(`'${name}' of a null value`, source);
  if (typeof target !== 'object' || Array.isArray(target))
    return safe ? null : unknown(`no property '${name}'`, source);
  const obj = target as Record<string, unknown>;
  let found: unknown;
  if (Object.hasOwn(obj, name)) found = obj[name];
  else {
    const lower = name.toLowerCase();
    for (const k of Object.keys(obj)) if (k.toLowerCase() === lower) found = obj[k];
  }
  if (found !== undefined) return found;
  if (Object.hasOwn(obj, name)) return unknown(`'${name}' is not known statically`, source);
  return safe ? null : unknown(`property '${name}' is not set (it may be a runtime property)`, source);
}

function indexValue(target: unknown, index: unknown, safe: boolean, source: string): unknown {
  if (isUnknown(index)) return unknown(index.reason, source);
  if (typeof index === 'string') return member(target, index, safe, source);
  if (isUnknown(target)) return unknown(target.reason, source);
  if (target === null) return safe ? null : unknown('index of a null value', source);
  if (Array.isArray(target) && typeof index === 'number') {
    if (index >= 0 && index < target.length) return target[index];
    return safe ? null : unknown(`index ${index} is out of range`, source);
  }
  return safe ? null : unknown('index does not apply to this value', source);
}
