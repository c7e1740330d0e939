/**
 * Array and object functions, and the ones ARM defines over strings, arrays and objects alike
 * (`concat`, `contains`, `empty`, `first`, `last`, `length`, `skip`, `take`). `contains` on an
 * object tests keys case-insensitively; on strings and arrays it is case-sensitive (per the docs).
 * `union` merges objects recursively (nested objects merge, other values are replaced by later
 * arguments) and de-duplicates arrays; `items` returns entries sorted by key.
 */
import { parseJsonc } from '../json/jsonc.js';
import { isUnknown, type Unknown } from '../model/unknown.js';
import { sameItem } from './string.js';
import { type FunctionContext, type FunctionDefinition, FunctionError } from './types.js';
import {
  arr,
  deepEquals,
  dependsOnDeployment,
  getKeyInsensitive,
  hasKeyInsensitive,
  holdsPlaceholder,
  int,
  isObject,
  type JsonObject,
  knownSegments,
  obj,
  setKey,
  str,
  toArmString,
  typeName,
} from './values.js';

/** Cap on arrays built by concat/union/flatten: a generous multiple of ARM's own limits. */
const MAX_BUILT_ARRAY = 1_000_000;

function capLength(fn: string, n: number): void {
  if (n > MAX_BUILT_ARRAY) throw new FunctionError(`${fn}() would build ${n} elements`, 'cap-size');
}

function concat(args: readonly unknown[]): unknown {
  if (args.length === 0) return [];
  if (Array.isArray(args[0]) || args[0] === null) {
    const out: unknown[] = [];
    for (const a of args) {
      if (a === null) continue;
      if (!Array.isArray(a)) throw new FunctionError('concat() cannot mix arrays and other values');
      capLength('concat', out.length + a.length);
      for (const v of a) out.push(v);
    }
    return out;
  }
  let s = '';
  for (const a of args) {
    if (Array.isArray(a)) throw new FunctionError('concat() cannot mix strings and arrays');
    const t = toArmString(a);
    if (typeof t !== 'string') return t;
    s += t;
  }
  return s;
}

function contains(container: unknown, item: unknown): boolean | Unknown {
  if (isUnknown(container)) return container;
  if (typeof container === 'string') {
    const t = toArmString(item);
    if (typeof t !== 'string') return t;
    if (!holdsPlaceholder(container) && !holdsPlaceholder(t)) return container.includes(t);
    // Certain only when the text is found within the literal parts around the placeholders.
    if (!holdsPlaceholder(t) && knownSegments(container).some((part) => part.includes(t))) return true;
    return dependsOnDeployment('contains()');
  }
  if (Array.isArray(container)) {
    let pending: Unknown | undefined;
    for (const v of container) {
      const r = deepEquals(v, item);
      if (r === true) return true;
      if (r !== false) pending ??= r;
    }
    return pending ?? false;
  }
  if (isObject(container)) {
    if (isUnknown(item)) return item;
    return hasKeyInsensitive(container, String(item));
  }
  throw new FunctionError(`contains() expects a string, array or object, got ${typeName(container)}`);
}

function mergeObjects(target: JsonObject, source: JsonObject, depth: number): void {
  if (depth > 64) throw new FunctionError('union() objects nested too deeply', 'cap-depth');
  for (const k of Object.keys(source)) {
    const v = source[k];
    const prev = target[k];
    if (isObject(prev) && isObject(v)) {
      const merged: JsonObject = { ...prev };
      mergeObjects(merged, v, depth + 1);
      setKey(target, k, merged);
    } else setKey(target, k, v);
  }
}

function union(args: readonly unknown[]): unknown {
  if (args.every((a) => Array.isArray(a) || a === null)) {
    const out: unknown[] = [];
    for (const a of args as (unknown[] | null)[]) {
      if (!a) continue;
      for (const v of a) if (!out.some((o) => sameItem(o, v))) out.push(v);
      capLength('union', out.length);
    }
    return out;
  }
  if (args.every((a) => isObject(a) || a === null)) {
    const out: JsonObject = {};
    for (const a of args) if (a) mergeObjects(out, a as JsonObject, 0);
    return out;
  }
  throw new FunctionError('union() expects all arrays or all objects');
}

function intersection(args: readonly unknown[]): unknown {
  if (args.every(Array.isArray)) {
    const [first, ...rest] = args as unknown[][];
    const out: unknown[] = [];
    for (const v of first!) {
      if (out.some((o) => sameItem(o, v))) continue;
      if (rest.every((r) => r.some((x) => sameItem(x, v)))) out.push(v);
    }
    return out;
  }
  if (args.every(isObject)) {
    const [first, ...rest] = args as JsonObject[];
    const out: JsonObject = {};
    for (const k of Object.keys(first!)) {
      if (rest.every((r) => Object.hasOwn(r, k) && deepEquals(r[k], first![k]) === true))
        setKey(out, k, first![k]);
    }
    return out;
  }
  throw new FunctionError('intersection() expects all arrays or all objects');
}

function skipOrTake(fn: 'skip' | 'take', args: readonly unknown[]): unknown {
  const v = args[0];
  const n = int(fn, args, 1);
  if (typeof v !== 'string' && !Array.isArray(v))
    throw new FunctionError(`${fn}() expects an array or a string, got ${typeName(v)}`);
  const count = Math.max(0, Math.min(n, v.length));
  return fn === 'skip' ? v.slice(count) : v.slice(0, count);
}

function minMax(fn: 'min' | 'max', args: readonly unknown[]): unknown {
  const values = args.length === 1 && Array.isArray(args[0]) ? args[0] : args;
  if (values.length === 0) throw new FunctionError(`${fn}() needs at least one value`);
  const u = values.find(isUnknown);
  if (u) return u;
  if (!values.every((v): v is number => typeof v === 'number'))
    throw new FunctionError(`${fn}() expects integers`);
  return fn === 'min' ? Math.min(...values) : Math.max(...values);
}

function tryGet(args: readonly unknown[]): unknown {
  let current: unknown = args[0];
  for (let i = 1; i < args.length; i++) {
    const key = args[i];
    if (isUnknown(key)) return key;
    if (Array.isArray(current) && typeof key === 'number') current = current[key];
    else if (isObject(current) && typeof key === 'string') current = getKeyInsensitive(current, key);
    else if (isUnknown(current)) return current;
    else return null;
    if (current === undefined) return null;
  }
  return current;
}

function range(args: readonly unknown[], ctx: FunctionContext): unknown {
  const start = int('range', args, 0);
  const count = int('range', args, 1);
  if (count < 0) throw new FunctionError('range() count must not be negative');
  if (count > ctx.limits.maxCopyCount)
    throw new FunctionError(
      `range() count ${count} is over the cap of ${ctx.limits.maxCopyCount} (limits.maxCopyCount)`,
      'cap-copy-count',
    );
  return Array.from({ length: count }, (_, i) => start + i);
}

export const COLLECTION_FUNCTIONS: readonly FunctionDefinition[] = [
  { name: 'concat', minArgs: 0, maxArgs: Number.POSITIVE_INFINITY, evaluate: concat },
  { name: 'contains', minArgs: 2, maxArgs: 2, acceptsUnknown: true, evaluate: ([c, i]) => contains(c, i) },
  {
    name: 'empty',
    minArgs: 1,
    maxArgs: 1,
    evaluate: ([v]) => {
      if (v === null || v === undefined) return true;
      if (typeof v === 'string' || Array.isArray(v)) return v.length === 0;
      if (isObject(v)) return Object.keys(v).length === 0;
      throw new FunctionError(`empty() expects a string, array or object, got ${typeName(v)}`);
    },
  },
  {
    name: 'first',
    minArgs: 1,
    maxArgs: 1,
    evaluate: ([v]) => {
      if (typeof v === 'string') return v.slice(0, 1);
      if (Array.isArray(v)) return v.length ? v[0] : null;
      throw new FunctionError(`first() expects an array or a string, got ${typeName(v)}`);
    },
  },
  {
    name: 'last',
    minArgs: 1,
    maxArgs: 1,
    evaluate: ([v]) => {
      if (typeof v === 'string') return v.slice(-1);
      if (Array.isArray(v)) return v.length ? v[v.length - 1] : null;
      throw new FunctionError(`last() expects an array or a string, got ${typeName(v)}`);
    },
  },
  {
    name: 'length',
    minArgs: 1,
    maxArgs: 1,
    evaluate: ([v]) => {
      if (typeof v === 'string' || Array.isArray(v)) return v.length;
      if (isObject(v)) return Object.keys(v).length;
      throw new FunctionError(`length() expects a string, array or object, got ${typeName(v)}`);
    },
  },
  { name: 'skip', minArgs: 2, maxArgs: 2, evaluate: (args) => skipOrTake('skip', args) },
  { name: 'take', minArgs: 2, maxArgs: 2, evaluate: (args) => skipOrTake('take', args) },
  { name: 'union', minArgs: 1, maxArgs: Number.POSITIVE_INFINITY, evaluate: union },
  { name: 'intersection', minArgs: 1, maxArgs: Number.POSITIVE_INFINITY, evaluate: intersection },
  { name: 'range', minArgs: 2, maxArgs: 2, evaluate: range },
  { name: 'min', minArgs: 1, maxArgs: Number.POSITIVE_INFINITY, evaluate: (a) => minMax('min', a) },
  { name: 'max', minArgs: 1, maxArgs: Number.POSITIVE_INFINITY, evaluate: (a) => minMax('max', a) },
  {
    name: 'array',
    minArgs: 1,
    maxArgs: 1,
    evaluate: ([v]) => (Array.isArray(v) ? v : [v]),
  },
  { name: 'createarray', minArgs: 0, maxArgs: Number.POSITIVE_INFINITY, evaluate: (args) => [...args] },
  {
    name: 'createobject',
    minArgs: 0,
    maxArgs: Number.POSITIVE_INFINITY,
    acceptsUnknown: true,
    evaluate: (args) => {
      if (args.length % 2 !== 0) throw new FunctionError('createObject() expects key/value pairs');
      const out: JsonObject = {};
      for (let i = 0; i < args.length; i += 2) {
        const k = args[i];
        if (isUnknown(k)) return k;
        if (typeof k !== 'string') throw new FunctionError('createObject() keys must be strings');
        setKey(out, k, args[i + 1]);
      }
      return out;
    },
  },
  {
    name: 'flatten',
    minArgs: 1,
    maxArgs: 1,
    evaluate: (args) => {
      const out: unknown[] = [];
      for (const v of arr('flatten', args, 0)) {
        if (isUnknown(v)) return v;
        if (!Array.isArray(v)) throw new FunctionError('flatten() expects an array of arrays');
        capLength('flatten', out.length + v.length);
        for (const x of v) out.push(x);
      }
      return out;
    },
  },
  {
    name: 'items',
    minArgs: 1,
    maxArgs: 1,
    evaluate: (args) => {
      const o = obj('items', args, 0);
      return Object.keys(o)
        .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
        .map((key) => ({ key, value: o[key] }));
    },
  },
  { name: 'objectkeys', minArgs: 1, maxArgs: 1, evaluate: (args) => Object.keys(obj('objectKeys', args, 0)) },
  {
    name: 'shallowmerge',
    minArgs: 1,
    maxArgs: 1,
    evaluate: (args) => {
      const out: JsonObject = {};
      for (const v of arr('shallowMerge', args, 0)) {
        if (isUnknown(v)) return v;
        if (v === null) continue;
        if (!isObject(v)) throw new FunctionError('shallowMerge() expects an array of objects');
        for (const k of Object.keys(v)) setKey(out, k, v[k]);
      }
      return out;
    },
  },
  { name: 'tryget', minArgs: 2, maxArgs: Number.POSITIVE_INFINITY, acceptsUnknown: true, evaluate: tryGet },
  {
    name: 'json',
    minArgs: 1,
    maxArgs: 1,
    evaluate: (args, ctx) => {
      const text = str('json', args, 0);
      try {
        return JSON.parse(text);
      } catch {
        // ARM's parser tolerates comments and trailing commas (Bicep's loadJsonContent text has them).
        const tolerant = parseJsonc(text, '<json()>', { maxDepth: ctx.limits.maxDepth });
        if (tolerant.ok) return tolerant.value;
        throw new FunctionError(`json() was given text that is not valid JSON: ${tolerant.error.message}`);
      }
    },
  },
  { name: 'null', minArgs: 0, maxArgs: 0, evaluate: () => null },
  {
    name: 'join',
    minArgs: 2,
    maxArgs: 2,
    evaluate: (args) => {
      const list = arr('join', args, 0);
      const sep = str('join', args, 1);
      const parts: string[] = [];
      for (const v of list) {
        const t = toArmString(v);
        if (typeof t !== 'string') return t;
        parts.push(t);
      }
      return parts.join(sep);
    },
  },
];
