/**
 * Lambda functions: filter, map, reduce, sort, groupBy, mapValues, toObject. Lambdas are
 * LambdaValue instances built by the evaluator (ARM `lambda('x', ...)`, Bicep `x => ...`); an
 * optional second lambda parameter receives the index where ARM allows it. A predicate, key or
 * comparator that comes back Unknown makes the whole result Unknown: we cannot tell which items
 * it keeps or where they go.
 */
import { isUnknown, type Unknown } from '../model/unknown.js';
import { type FunctionContext, type FunctionDefinition, FunctionError, type LambdaValue } from './types.js';
import { arr, type JsonObject, lambda, obj, setKey, toArmString, typeName } from './values.js';

function call(fn: LambdaValue, args: readonly unknown[], ctx: FunctionContext): unknown {
  ctx.step();
  return fn.invoke(args.slice(0, Math.max(1, fn.parameters.length)));
}

function filter(args: readonly unknown[], ctx: FunctionContext): unknown {
  const list = arr('filter', args, 0);
  const pred = lambda('filter', args, 1);
  const out: unknown[] = [];
  for (let i = 0; i < list.length; i++) {
    const keep = call(pred, [list[i], i], ctx);
    if (isUnknown(keep)) return keep;
    if (typeof keep !== 'boolean')
      throw new FunctionError(`filter() lambda must return a bool, got ${typeName(keep)}`);
    if (keep) out.push(list[i]);
  }
  return out;
}

function map(args: readonly unknown[], ctx: FunctionContext): unknown {
  const list = arr('map', args, 0);
  const fn = lambda('map', args, 1);
  return list.map((v, i) => call(fn, [v, i], ctx));
}

function reduce(args: readonly unknown[], ctx: FunctionContext): unknown {
  const list = arr('reduce', args, 0);
  const fn = lambda('reduce', args, 2);
  let acc = args[1];
  for (let i = 0; i < list.length; i++) acc = call(fn, [acc, list[i], i], ctx);
  return acc;
}

function sort(args: readonly unknown[], ctx: FunctionContext): unknown {
  const list = [...arr('sort', args, 0)];
  const less = lambda('sort', args, 1);
  let failed: Unknown | FunctionError | undefined;
  // The lambda answers "a before b"; a stable merge sort asks it O(n log n) times.
  list.sort((a, b) => {
    if (failed) return 0;
    const r = call(less, [a, b], ctx);
    if (isUnknown(r)) {
      failed = r;
      return 0;
    }
    if (typeof r !== 'boolean') {
      failed = new FunctionError(`sort() lambda must return a bool, got ${typeName(r)}`);
      return 0;
    }
    if (r) return -1;
    const back = call(less, [b, a], ctx);
    return back === true ? 1 : 0;
  });
  if (failed instanceof FunctionError) throw failed;
  return failed ?? list;
}

function groupBy(args: readonly unknown[], ctx: FunctionContext): unknown {
  const list = arr('groupBy', args, 0);
  const keyOf = lambda('groupBy', args, 1);
  const out: JsonObject = {};
  for (const v of list) {
    const k = call(keyOf, [v], ctx);
    if (isUnknown(k)) return k;
    const key = toArmString(k);
    if (typeof key !== 'string') return key;
    const group = out[key];
    if (Array.isArray(group)) group.push(v);
    else setKey(out, key, [v]);
  }
  return out;
}

function mapValues(args: readonly unknown[], ctx: FunctionContext): unknown {
  const o = obj('mapValues', args, 0);
  const fn = lambda('mapValues', args, 1);
  const out: JsonObject = {};
  for (const k of Object.keys(o)) setKey(out, k, call(fn, [o[k]], ctx));
  return out;
}

function toObject(args: readonly unknown[], ctx: FunctionContext): unknown {
  const list = arr('toObject', args, 0);
  const keyOf = lambda('toObject', args, 1);
  const valueFor = args.length > 2 ? lambda('toObject', args, 2) : undefined;
  const out: JsonObject = {};
  for (const v of list) {
    const k = call(keyOf, [v], ctx);
    if (isUnknown(k)) return k;
    if (typeof k !== 'string')
      throw new FunctionError(`toObject() key lambda must return a string, got ${typeName(k)}`);
    setKey(out, k, valueFor ? call(valueFor, [v], ctx) : v);
  }
  return out;
}

export const LAMBDA_FUNCTIONS: readonly FunctionDefinition[] = [
  { name: 'filter', minArgs: 2, maxArgs: 2, evaluate: filter },
  { name: 'map', minArgs: 2, maxArgs: 2, evaluate: map },
  { name: 'reduce', minArgs: 3, maxArgs: 3, evaluate: reduce },
  { name: 'sort', minArgs: 2, maxArgs: 2, evaluate: sort },
  { name: 'groupby', minArgs: 2, maxArgs: 2, evaluate: groupBy },
  { name: 'mapvalues', minArgs: 2, maxArgs: 2, evaluate: mapValues },
  { name: 'toobject', minArgs: 2, maxArgs: 3, evaluate: toObject },
];
