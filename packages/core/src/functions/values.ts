/**
 * Value helpers shared by the function families: ARM's type names, argument checks that raise
 * FunctionError with a sentence a person understands, deep equality that knows about Unknown, and
 * the string conversion ARM applies in `string()`, `concat()` and `format()`.
 */
import { isUnknown, Unknown, unknown } from '../model/unknown.js';
import { FunctionError, LambdaValue, SYMBOLIC_SCOPE } from './types.js';

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    !(value instanceof Unknown) &&
    !(value instanceof LambdaValue)
  );
}

/** ARM's name for a value's type, for error messages. */
export function typeName(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'int' : 'float';
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'string') return 'string';
  if (value instanceof LambdaValue) return 'lambda';
  if (value instanceof Unknown) return 'unknown';
  return 'object';
}

function bad(fn: string, index: number, want: string, got: unknown): FunctionError {
  return new FunctionError(
    `${fn}() expects argument ${index + 1} to be ${want}, got ${typeName(got)}`,
    'bad-arguments',
  );
}

export function str(fn: string, args: readonly unknown[], index: number): string {
  const v = args[index];
  if (typeof v !== 'string') throw bad(fn, index, 'a string', v);
  return v;
}

export function int(fn: string, args: readonly unknown[], index: number): number {
  const v = args[index];
  if (typeof v === 'number' && Number.isInteger(v)) return v;
  throw bad(fn, index, 'an integer', v);
}

export function arr(fn: string, args: readonly unknown[], index: number): readonly unknown[] {
  const v = args[index];
  if (!Array.isArray(v)) throw bad(fn, index, 'an array', v);
  return v;
}

export function obj(fn: string, args: readonly unknown[], index: number): JsonObject {
  const v = args[index];
  if (!isObject(v)) throw bad(fn, index, 'an object', v);
  return v;
}

export function lambda(fn: string, args: readonly unknown[], index: number): LambdaValue {
  const v = args[index];
  if (!(v instanceof LambdaValue)) throw bad(fn, index, 'a lambda', v);
  return v;
}

export function bool(fn: string, args: readonly unknown[], index: number): boolean {
  const v = args[index];
  if (typeof v !== 'boolean') throw bad(fn, index, 'a bool', v);
  return v;
}

/** The first Unknown found in `value`, searching nested arrays and objects (bounded depth). */
export function findUnknown(value: unknown, depth = 0): Unknown | undefined {
  if (value instanceof Unknown) return value;
  if (depth > 64 || typeof value !== 'object' || value === null || value instanceof LambdaValue)
    return undefined;
  if (Array.isArray(value)) {
    for (const v of value) {
      const u = findUnknown(v, depth + 1);
      if (u) return u;
    }
    return undefined;
  }
  for (const k in value) {
    const u = findUnknown((value as JsonObject)[k], depth + 1);
    if (u) return u;
  }
  return undefined;
}

/**
 * Deep equality as ARM's `equals`: strings compare ordinally (case-sensitive), arrays by position,
 * objects by key set and values. Returns Unknown when the answer depends on an unknown part.
 */
/**
 * The deployment placeholders of the symbolic scope (`{resourceGroupName}`...). They keep IDs
 * comparable across files, but as text they are not the real values: a comparison that hinges on
 * one is unknown, not false.
 */
const PLACEHOLDER = new RegExp(
  Object.values(SYMBOLIC_SCOPE)
    .filter((v): v is string => typeof v === 'string' && v.startsWith('{'))
    .map((v) => v.replace(/[{}]/g, '\\$&'))
    .join('|'),
);

export function holdsPlaceholder(v: unknown): boolean {
  return typeof v === 'string' && PLACEHOLDER.test(v);
}

/** The literal text around the placeholders: what a comparison can rely on. */
export function knownSegments(v: string): string[] {
  return v.split(new RegExp(PLACEHOLDER.source, 'g'));
}

/** The Unknown of a comparison that depends on where the template is deployed. */
export function dependsOnDeployment(expression: string): Unknown {
  return unknown(`${expression} depends on the resource group or subscription deployed to`, expression);
}

export function deepEquals(a: unknown, b: unknown, depth = 0): boolean | Unknown {
  if (isUnknown(a)) return a;
  if (isUnknown(b)) return b;
  if (a !== b && (holdsPlaceholder(a) || holdsPlaceholder(b))) return dependsOnDeployment('equals()');
  if (depth > 64) throw new FunctionError('values nested too deeply to compare', 'cap-depth');
  if (a === b) return true;
  if (a === null || b === null || a === undefined || b === undefined) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    let pending: Unknown | undefined;
    for (let i = 0; i < a.length; i++) {
      const r = deepEquals(a[i], b[i], depth + 1);
      if (r === false) return false;
      if (r !== true) pending ??= r;
    }
    return pending ?? true;
  }
  if (isObject(a)) {
    if (!isObject(b)) return false;
    const ka = Object.keys(a);
    if (ka.length !== Object.keys(b).length) return false;
    let pending: Unknown | undefined;
    for (const k of ka) {
      if (!Object.hasOwn(b, k)) return false;
      const r = deepEquals(a[k], b[k], depth + 1);
      if (r === false) return false;
      if (r !== true) pending ??= r;
    }
    return pending ?? true;
  }
  return false;
}

/**
 * ARM's conversion to string: strings as they are, booleans as `True`/`False` (ARM runs on .NET),
 * numbers in invariant form, null as empty, arrays and objects as compact JSON.
 */
export function toArmString(value: unknown): string | Unknown {
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'number') return String(value);
  if (value === null || value === undefined) return '';
  const u = findUnknown(value);
  if (u) return u;
  if (value instanceof LambdaValue) throw new FunctionError('a lambda cannot be converted to a string');
  return JSON.stringify(value);
}

/** Case-insensitive own-key lookup, the way ARM resolves property access and object keys. */
export function getKeyInsensitive(o: JsonObject, key: string): unknown {
  if (Object.hasOwn(o, key)) return o[key];
  const lower = key.toLowerCase();
  for (const k of Object.keys(o)) if (k.toLowerCase() === lower) return o[k];
  return undefined;
}

export function hasKeyInsensitive(o: JsonObject, key: string): boolean {
  if (Object.hasOwn(o, key)) return true;
  const lower = key.toLowerCase();
  return Object.keys(o).some((k) => k.toLowerCase() === lower);
}

/** Set a key as data even when it is `__proto__` (template keys are data, never prototypes). */
export function setKey(o: JsonObject, key: string, value: unknown): void {
  if (key === '__proto__')
    Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true });
  else o[key] = value;
}
