/** Terraform collection and type-conversion functions. */
import { isUnknown, unknown } from '@ztkit/core';
import {
  distinctValues,
  entriesOf,
  isObject,
  TfEvalError,
  type TfObject,
  toBool,
  toList,
  toMap,
  toNum,
  toStr,
  typeName,
  valuesEqual,
} from '../values.js';
import { type FunctionTable, fn, VARIADIC } from './types.js';

function flatten(v: unknown, out: unknown[], depth: number): void {
  if (depth > 64) throw new TfEvalError('flatten: nesting too deep');
  for (const x of v as unknown[]) {
    if (Array.isArray(x)) flatten(x, out, depth + 1);
    else out.push(x);
  }
}

function lengthOf(v: unknown): number {
  if (typeof v === 'string') return [...v].length;
  if (Array.isArray(v)) return v.length;
  if (isObject(v)) return Object.keys(v).length;
  throw new TfEvalError(`length: a ${typeName(v)} has no length`);
}

function guardSize(n: number, max: number, what: string): void {
  if (n > max)
    throw new TfEvalError(`${what} would produce ${n} items, over the cap of ${max}`, 'cap-copy-count');
}

export const COLLECTION_FUNCTIONS: FunctionTable = {
  length: fn(1, 1, ([v]) => lengthOf(v)),
  concat: fn(0, VARIADIC, (lists) => lists.flatMap((l) => toList(l, 'concat argument'))),
  merge: fn(0, VARIADIC, (maps) => {
    const out: TfObject = {};
    for (const m of maps) {
      if (m === null) continue;
      Object.assign(out, toMap(m, 'merge argument'));
    }
    return out;
  }),
  lookup: fn(
    2,
    3,
    ([m, k, d]) => {
      if (isUnknown(m) || isUnknown(k)) return unknown('lookup on a value known after apply');
      const map = toMap(m, 'lookup map');
      const key = toStr(k);
      if (Object.hasOwn(map, key)) return map[key];
      if (d === undefined) throw new TfEvalError(`lookup: key ${JSON.stringify(key)} not found`);
      return d;
    },
    true,
  ),
  keys: fn(1, 1, ([m]) => Object.keys(toMap(m)).sort()),
  values: fn(1, 1, ([m]) => {
    const map = toMap(m);
    return Object.keys(map)
      .sort()
      .map((k) => map[k]);
  }),
  element: fn(2, 2, ([l, i]) => {
    const list = toList(l);
    if (list.length === 0) throw new TfEvalError('element: the list is empty');
    const n = Math.trunc(toNum(i));
    return list[((n % list.length) + list.length) % list.length];
  }),
  index: fn(2, 2, ([l, v]) => {
    const i = toList(l).findIndex((x) => valuesEqual(x, v));
    if (i < 0) throw new TfEvalError('index: value not found');
    return i;
  }),
  flatten: fn(1, 1, ([l]) => {
    const out: unknown[] = [];
    flatten(toList(l), out, 0);
    return out;
  }),
  distinct: fn(1, 1, ([l]) => distinctValues(toList(l))),
  contains: fn(2, 2, ([l, v]) => toList(l).some((x) => valuesEqual(x, v))),
  compact: fn(1, 1, ([l]) => toList(l).filter((x) => x !== null && x !== '')),
  reverse: fn(1, 1, ([l]) => [...toList(l)].reverse()),
  sort: fn(1, 1, ([l]) =>
    toList(l)
      .map((x) => toStr(x))
      .sort(),
  ),
  slice: fn(3, 3, ([l, a, b]) => toList(l).slice(toNum(a), toNum(b))),
  chunklist: fn(2, 2, ([l, n]) => {
    const list = toList(l);
    const size = toNum(n);
    if (size <= 0) return [list];
    const out: unknown[][] = [];
    for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
    return out;
  }),
  coalesce: fn(
    1,
    VARIADIC,
    (args) => {
      for (const a of args) {
        if (isUnknown(a)) return a;
        if (a !== null && a !== '') return a;
      }
      throw new TfEvalError('coalesce: no non-null, non-empty argument');
    },
    true,
  ),
  coalescelist: fn(
    1,
    VARIADIC,
    (args) => {
      for (const a of args) {
        if (isUnknown(a)) return a;
        if (Array.isArray(a) && a.length > 0) return a;
      }
      return [];
    },
    true,
  ),
  zipmap: fn(2, 2, ([k, v]) => {
    const ks = toList(k);
    const vs = toList(v);
    if (ks.length !== vs.length) throw new TfEvalError('zipmap: lists must have the same length');
    const out: TfObject = {};
    ks.forEach((key, i) => {
      out[toStr(key)] = vs[i];
    });
    return out;
  }),
  range: fn(1, 3, (args, env) => {
    const nums = args.map((a) => toNum(a));
    const [start, end, step] =
      nums.length === 1 ? [0, nums[0]!, 1] : [nums[0]!, nums[1]!, nums[2] ?? (nums[1]! >= nums[0]! ? 1 : -1)];
    if (step === 0) throw new TfEvalError('range: step must not be zero');
    const n = Math.max(0, Math.ceil((end - start) / step));
    guardSize(n, env.maxItems, 'range');
    return Array.from({ length: n }, (_x, i) => start + i * step);
  }),
  one: fn(1, 1, ([l]) => {
    const list = toList(l);
    if (list.length > 1) throw new TfEvalError('one: the list has more than one element');
    return list.length ? list[0] : null;
  }),
  sum: fn(1, 1, ([l]) => toList(l).reduce((a: number, b) => a + toNum(b), 0)),
  setunion: fn(1, VARIADIC, (lists) => distinctValues(lists.flatMap((l) => toList(l)))),
  setintersection: fn(1, VARIADIC, ([first, ...rest]) =>
    distinctValues(toList(first)).filter((x) => rest.every((l) => toList(l).some((y) => valuesEqual(x, y)))),
  ),
  setsubtract: fn(2, 2, ([a, b]) =>
    distinctValues(toList(a)).filter((x) => !toList(b).some((y) => valuesEqual(x, y))),
  ),
  setproduct: fn(1, VARIADIC, (lists, env) => {
    let out: unknown[][] = [[]];
    for (const l of lists) {
      out = out.flatMap((prefix) => toList(l).map((x) => [...prefix, x]));
      guardSize(out.length, env.maxItems * 10, 'setproduct');
    }
    return out;
  }),
  transpose: fn(1, 1, ([m]) => {
    const out: Record<string, string[]> = {};
    for (const [k, list] of entriesOf(toMap(m)))
      for (const v of toList(list)) {
        const key = toStr(v);
        out[key] = [...(out[key] ?? []), String(k)];
      }
    return out;
  }),
  matchkeys: fn(3, 3, ([vals, ks, search]) =>
    toList(vals).filter((_v, i) => toList(search).some((s) => valuesEqual(s, toList(ks)[i]))),
  ),
  alltrue: fn(1, 1, ([l]) => toList(l).every((x) => toBool(x))),
  anytrue: fn(1, 1, ([l]) => toList(l).some((x) => toBool(x))),
  tolist: fn(1, 1, ([l]) => toList(l)),
  toset: fn(1, 1, ([l]) => distinctValues(toList(l))),
  tomap: fn(1, 1, ([m]) => toMap(m)),
  tostring: fn(1, 1, ([v]) => (v === null ? null : toStr(v))),
  tonumber: fn(1, 1, ([v]) => (v === null ? null : toNum(v))),
  tobool: fn(1, 1, ([v]) => (v === null ? null : toBool(v))),
  type: fn(1, 1, ([v]) => typeName(v)),
  nonsensitive: fn(1, 1, ([v]) => v, true),
  sensitive: fn(1, 1, ([v]) => v, true),
};
