/**
 * Small readers over ARM-shaped property values. Templates are data written by people: a value a
 * rule expects to be an array may be a string, an object or an Unknown. These readers never throw
 * and never guess: anything that is not the expected shape reads as absent.
 */
import { isUnknown } from '@ztkit/core';

export type Json = Record<string, unknown>;

export function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !isUnknown(value);
}

/** The array at `value`, or an empty one. */
export function arrayOf(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

/** The object at `value`, or undefined. */
export function recordOf(value: unknown): Json | undefined {
  return isRecord(value) ? value : undefined;
}

/** `item.properties` for ARM sub-resources (`{ name, properties: {...} }`), else the item itself. */
export function subProperties(item: unknown): Json | undefined {
  const r = recordOf(item);
  if (!r) return undefined;
  return recordOf(r.properties) ?? r;
}

/** Lower-cased string value, or undefined when absent or not a string (Unknown included). */
export function lowerString(value: unknown): string | undefined {
  return typeof value === 'string' ? value.toLowerCase() : undefined;
}

/** Case-insensitive equality of an ARM enum value with an expected literal. */
export function enumIs(value: unknown, expected: string): boolean {
  return typeof value === 'string' && value.toLowerCase() === expected.toLowerCase();
}

/**
 * Last segment of an ARM name (`vnet/snet-web` -> `snet-web`). A slash inside an unknown part
 * (`<unknown: format('{0}/{1}', ...)>`) does not separate segments: the leaf is then that unknown.
 */
export function leafName(name: string): string {
  let depth = 0;
  let cut = 0;
  for (let i = 0; i < name.length; i++) {
    const c = name[i];
    if (c === '<') depth++;
    else if (c === '>' && depth > 0) depth--;
    else if (c === '/' && depth === 0) cut = i + 1;
  }
  return name.slice(cut);
}
