/**
 * Logical, comparison and numeric functions. `and`/`or` answer when a known argument decides the
 * result even if others are unknown; `if` answers from a known condition (the ARM evaluator also
 * evaluates only the chosen branch, as ARM does); `coalesce` answers when a known non-null value
 * comes before any unknown. `less`/`greater` compare integers numerically and strings ordinally.
 */
import { isUnknown, type Unknown } from '../model/unknown.js';
import { type FunctionDefinition, FunctionError } from './types.js';
import { deepEquals, int, typeName } from './values.js';

function andOr(fn: 'and' | 'or', args: readonly unknown[]): boolean | Unknown {
  const decisive = fn === 'or';
  let pending: Unknown | undefined;
  for (const [i, v] of args.entries()) {
    if (isUnknown(v)) {
      pending ??= v;
      continue;
    }
    if (typeof v !== 'boolean')
      throw new FunctionError(`${fn}() expects bool arguments, argument ${i + 1} is ${typeName(v)}`);
    if (v === decisive) return decisive;
  }
  return pending ?? !decisive;
}

function compare(fn: string, a: unknown, b: unknown): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  throw new FunctionError(
    `${fn}() compares two integers or two strings, got ${typeName(a)} and ${typeName(b)}`,
  );
}

function toInt(v: unknown): number {
  if (typeof v === 'number') return Math.trunc(v);
  if (typeof v === 'string' && /^\s*[+-]?\d+\s*$/.test(v)) return Number.parseInt(v, 10);
  throw new FunctionError(`int() cannot convert ${typeName(v)} ${JSON.stringify(v)} to an integer`);
}

function toFloat(v: unknown): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/.test(v)) return Number(v);
  throw new FunctionError(`float() cannot convert ${typeName(v)} to a number`);
}

function toBool(v: unknown): boolean {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0;
  if (typeof v === 'string') {
    const t = v.trim().toLowerCase();
    if (t === 'true') return true;
    if (t === 'false') return false;
  }
  throw new FunctionError(`bool() cannot convert ${typeName(v)} ${JSON.stringify(v)} to a bool`);
}

function arithmetic(fn: string, op: (a: number, b: number) => number): FunctionDefinition {
  return {
    name: fn,
    minArgs: 2,
    maxArgs: 2,
    evaluate: (args) => op(int(fn, args, 0), int(fn, args, 1)),
  };
}

export const LOGIC_FUNCTIONS: readonly FunctionDefinition[] = [
  {
    name: 'and',
    minArgs: 2,
    maxArgs: Number.POSITIVE_INFINITY,
    acceptsUnknown: true,
    evaluate: (a) => andOr('and', a),
  },
  {
    name: 'or',
    minArgs: 2,
    maxArgs: Number.POSITIVE_INFINITY,
    acceptsUnknown: true,
    evaluate: (a) => andOr('or', a),
  },
  {
    name: 'not',
    minArgs: 1,
    maxArgs: 1,
    evaluate: ([v]) => {
      if (typeof v !== 'boolean') throw new FunctionError(`not() expects a bool, got ${typeName(v)}`);
      return !v;
    },
  },
  {
    name: 'if',
    minArgs: 3,
    maxArgs: 3,
    acceptsUnknown: true,
    evaluate: ([c, t, f]) => {
      if (isUnknown(c)) return c;
      if (typeof c !== 'boolean')
        throw new FunctionError(`if() expects a bool condition, got ${typeName(c)}`);
      return c ? t : f;
    },
  },
  { name: 'true', minArgs: 0, maxArgs: 0, evaluate: () => true },
  { name: 'false', minArgs: 0, maxArgs: 0, evaluate: () => false },
  { name: 'bool', minArgs: 1, maxArgs: 1, evaluate: ([v]) => toBool(v) },
  {
    name: 'coalesce',
    minArgs: 1,
    maxArgs: Number.POSITIVE_INFINITY,
    acceptsUnknown: true,
    evaluate: (args) => {
      for (const v of args) {
        if (isUnknown(v)) return v;
        if (v !== null && v !== undefined) return v;
      }
      return null;
    },
  },
  { name: 'equals', minArgs: 2, maxArgs: 2, acceptsUnknown: true, evaluate: ([a, b]) => deepEquals(a, b) },
  { name: 'less', minArgs: 2, maxArgs: 2, evaluate: ([a, b]) => compare('less', a, b) < 0 },
  { name: 'lessorequals', minArgs: 2, maxArgs: 2, evaluate: ([a, b]) => compare('lessOrEquals', a, b) <= 0 },
  { name: 'greater', minArgs: 2, maxArgs: 2, evaluate: ([a, b]) => compare('greater', a, b) > 0 },
  {
    name: 'greaterorequals',
    minArgs: 2,
    maxArgs: 2,
    evaluate: ([a, b]) => compare('greaterOrEquals', a, b) >= 0,
  },
  arithmetic('add', (a, b) => a + b),
  arithmetic('sub', (a, b) => a - b),
  arithmetic('mul', (a, b) => a * b),
  arithmetic('div', (a, b) => {
    if (b === 0) throw new FunctionError('div() by zero');
    return Math.trunc(a / b);
  }),
  arithmetic('mod', (a, b) => {
    if (b === 0) throw new FunctionError('mod() by zero');
    return a % b;
  }),
  { name: 'int', minArgs: 1, maxArgs: 1, evaluate: ([v]) => toInt(v) },
  { name: 'float', minArgs: 1, maxArgs: 1, evaluate: ([v]) => toFloat(v) },
];
