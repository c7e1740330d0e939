/**
 * Variable type constraints, applied as Terraform does when a value enters a module: primitive
 * conversion (`"443"` for a number) and the defaults of `optional(type, default)` object
 * attributes, recursively through list/set/map/object/tuple. Values are copied, never mutated.
 */
import { isUnknown } from '@ztkit/core';
import type { Expr } from '../hcl/ast.js';
import type { Evaluator } from './evaluator.js';
import { isObject, toNum, toStr } from './values.js';

const MAX_TYPE_DEPTH = 32;

/** A literal default inside a type expression (`optional(bool, true)`), or undefined. */
function literal(e: Expr | undefined, evaluator: Evaluator): unknown {
  if (!e) return null;
  try {
    return evaluator.eval(e, {
      lookup: (n) => {
        throw new Error(`not a literal: ${n}`);
      },
    });
  } catch {
    return undefined;
  }
}

export function applyTypeConstraint(
  value: unknown,
  type: Expr | undefined,
  evaluator: Evaluator,
  depth = 0,
): unknown {
  if (!type || value === null || value === undefined || isUnknown(value) || depth > MAX_TYPE_DEPTH)
    return value;
  if (type.kind === 'variable') return convertPrimitive(value, type.name);
  if (type.kind !== 'call') return value;
  const [inner] = type.args;
  switch (type.name) {
    case 'optional':
      return applyTypeConstraint(value, inner, evaluator, depth + 1);
    case 'list':
    case 'set':
      return Array.isArray(value)
        ? value.map((v) => applyTypeConstraint(v, inner, evaluator, depth + 1))
        : value;
    case 'map':
      return isObject(value)
        ? Object.fromEntries(
            Object.entries(value).map(([k, v]) => [k, applyTypeConstraint(v, inner, evaluator, depth + 1)]),
          )
        : value;
    case 'tuple':
      return Array.isArray(value) && inner?.kind === 'tuple'
        ? value.map((v, i) => applyTypeConstraint(v, inner.items[i], evaluator, depth + 1))
        : value;
    case 'object':
      return isObject(value) && inner?.kind === 'object'
        ? objectWithDefaults(value, inner, evaluator, depth)
        : value;
    default:
      return value;
  }
}

function objectWithDefaults(
  value: Record<string, unknown>,
  type: Extract<Expr, { kind: 'object' }>,
  evaluator: Evaluator,
  depth: number,
): Record<string, unknown> {
  const out: Record<string, unknown> = { ...value };
  for (const item of type.items) {
    const key =
      item.bareKey ??
      (item.key.kind === 'template' && item.key.parts[0]?.kind === 'literal'
        ? item.key.parts[0].text
        : undefined);
    if (key === undefined) continue;
    const attrType = item.value;
    const isOptional = attrType.kind === 'call' && attrType.name === 'optional';
    const present = out[key] !== undefined && out[key] !== null;
    if (!present && isOptional) {
      const def = literal(attrType.args[1], evaluator);
      out[key] = def === undefined ? null : applyTypeConstraint(def, attrType.args[0], evaluator, depth + 1);
    } else if (present) out[key] = applyTypeConstraint(out[key], attrType, evaluator, depth + 1);
  }
  return out;
}

function convertPrimitive(value: unknown, type: string): unknown {
  try {
    if (type === 'number') return toNum(value);
    if (type === 'string') return typeof value === 'object' ? value : toStr(value);
    if (type === 'bool') return value === 'true' ? true : value === 'false' ? false : value;
  } catch {
    return value;
  }
  return value;
}
