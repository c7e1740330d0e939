/**
 * Terraform values as plain JS: strings, numbers, booleans, null, arrays (lists, tuples and sets),
 * plain objects (maps and objects) and `Unknown` for values known only after apply. Conversions
 * follow Terraform's automatic type conversion rules.
 */
import { isUnknown, Unknown } from '@ztkit/core';

/** A failed evaluation; the caller attaches the location. `try()` and `can()` catch it. */
export class TfEvalError extends Error {
  constructor(
    message: string,
    readonly code: string = 'eval-error',
  ) {
    super(message);
  }
}

export type TfObject = Record<string, unknown>;

export function isObject(v: unknown): v is TfObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Unknown);
}

export function typeName(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (isUnknown(v)) return 'unknown';
  if (Array.isArray(v)) return 'list';
  if (typeof v === 'object') return 'object';
  return typeof v;
}

export function toStr(v: unknown, what = 'value'): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return formatNumber(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (v === null || v === undefined) throw new TfEvalError(`${what} is null; a string is required`);
  throw new TfEvalError(`${what} is a ${typeName(v)}; a string is required`);
}

export function formatNumber(n: number): string {
  if (Number.isInteger(n)) return n.toFixed(0).replace(/^-0$/, '0');
  return String(n);
}

export function toNum(v: unknown, what = 'value'): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && v.trim() !== '' && !Number.isNaN(Number(v))) return Number(v);
  throw new TfEvalError(`${what} ${JSON.stringify(v)} is not a number`);
}

export function toBool(v: unknown, what = 'value'): boolean {
  if (typeof v === 'boolean') return v;
  if (v === 'true') return true;
  if (v === 'false') return false;
  throw new TfEvalError(`${what} ${JSON.stringify(v) ?? 'null'} is not a bool`);
}

export function toList(v: unknown, what = 'value'): unknown[] {
  if (Array.isArray(v)) return v;
  throw new TfEvalError(`${what} is a ${typeName(v)}; a list is required`);
}

export function toMap(v: unknown, what = 'value'): TfObject {
  if (isObject(v)) return v;
  throw new TfEvalError(`${what} is a ${typeName(v)}; a map is required`);
}

/** Structural equality, as Terraform's `==` (numbers and strings are distinct types). */
export function valuesEqual(a: unknown, b: unknown, depth = 0): boolean {
  if (a === b) return true;
  if (depth > 64) return false;
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((x, i) => valuesEqual(x, b[i], depth + 1));
  if (isObject(a) && isObject(b)) {
    const ka = Object.keys(a);
    if (ka.length !== Object.keys(b).length) return false;
    return ka.every((k) => k in b && valuesEqual(a[k], b[k], depth + 1));
  }
  return false;
}

/** The first Unknown among the values (shallow), for propagation. */
export function firstUnknown(values: readonly unknown[]): Unknown | undefined {
  for (const v of values) if (isUnknown(v)) return v;
  return undefined;
}

/** Elements of a collection in Terraform's iteration order: lists by index, maps by sorted key. */
export function entriesOf(v: unknown, what = 'value'): [string | number, unknown][] {
  if (Array.isArray(v)) return v.map((x, i) => [i, x]);
  if (isObject(v))
    return Object.keys(v)
      .sort()
      .map((k) => [k, v[k]]);
  throw new TfEvalError(`${what} is a ${typeName(v)}; a collection is required`);
}

/** Dedupe by structural equality, keeping the first occurrence (sets). */
export function distinctValues(list: readonly unknown[]): unknown[] {
  const out: unknown[] = [];
  const seen = new Set<string>();
  for (const v of list) {
    const key = typeof v === 'object' && v !== null ? JSON.stringify(v) : `${typeof v}:${String(v)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(v);
  }
  return out;
}
