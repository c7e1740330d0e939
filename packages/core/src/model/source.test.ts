import { describe, expect, it } from 'vitest';
import { parseJsonc } from '../json/jsonc.js';
import { PointerOrigin } from '../json/pointer-origin.js';
import { formatPath, LineMap, locateValue, parsePath, setOrigin } from './source.js';

describe('locateValue', () => {
  const text = '{\n  "a": {\n    "b": [\n      { "c": 1 },\n      { "c": 2 }\n    ]\n  }\n}';
  const parsed = parseJsonc(text, 'f.json');
  if (!parsed.ok) throw new Error('fixture');
  const value = parsed.value as { a: { b: { c: number }[] } };
  setOrigin(value, new PointerOrigin(parsed.document, []));

  it('finds the span of a written scalar', () => {
    expect(locateValue(value, ['a', 'b', 1, 'c'])).toMatchObject({
      file: 'f.json',
      startLine: 5,
      startColumn: 14,
    });
  });

  it('falls back to the deepest written ancestor for computed keys', () => {
    expect(locateValue(value, ['a', 'b', 0, 'missing'])).toMatchObject({ startLine: 4, startColumn: 7 });
  });

  it('uses an inner origin when a value came from elsewhere', () => {
    const inner = { x: 1 };
    const other = parseJsonc('{\n\n "x": 1 }', 'g.json');
    if (!other.ok) throw new Error('fixture');
    setOrigin(inner, new PointerOrigin(other.document, []));
    const holder = setOrigin({ inner }, new PointerOrigin(parsed.document, []));
    expect(locateValue(holder, ['inner', 'x'])).toMatchObject({ file: 'g.json', startLine: 3 });
  });
});

describe('paths and lines', () => {
  it('round-trips dotted paths', () => {
    expect(parsePath('properties.securityRules[2].properties.access')).toEqual([
      'properties',
      'securityRules',
      2,
      'properties',
      'access',
    ]);
    expect(formatPath(['properties', 'securityRules', 2, 'name'])).toBe('properties.securityRules[2].name');
  });
  it('maps offsets to 1-based lines and columns', () => {
    const lines = new LineMap('ab\ncd\n\nef');
    expect(lines.position(0)).toEqual({ line: 1, column: 1 });
    expect(lines.position(4)).toEqual({ line: 2, column: 2 });
    expect(lines.position(7)).toEqual({ line: 4, column: 1 });
  });
});
