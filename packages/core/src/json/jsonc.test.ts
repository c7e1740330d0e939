import { describe, expect, it } from 'vitest';
import { parseJsonc } from './jsonc.js';

describe('parseJsonc', () => {
  it('reads plain JSON through the native parser', () => {
    const r = parseJsonc('{"a": [1, true, null, "x"]}', 'f.json');
    expect(r.ok && r.value).toEqual({ a: [1, true, null, 'x'] });
  });

  it('accepts comments, trailing commas and a BOM, as ARM does', () => {
    const r = parseJsonc('\uFEFF{\n  // line\n  "a": 1, /* block */\n  "b": [2,],\n}', 'f.json');
    expect(r.ok && r.value).toEqual({ a: 1, b: [2] });
    if (r.ok) expect(r.document.locate(['b', 0])).toMatchObject({ startLine: 4, startColumn: 9 });
  });

  it('keeps a "__proto__" key as data', () => {
    const r = parseJsonc('{ /* c */ "__proto__": { "polluted": true } }', 'f.json');
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(Object.keys(r.value as object)).toEqual(['__proto__']);
      expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
    }
  });

  it('names line and column of a syntax error', () => {
    const r = parseJsonc('{\n  "a": 1\n  "b": 2\n}', 'f.json');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.message).toBe("Expected ',' or '}' after a property value at line 3, column 3");
      expect(r.error.span).toMatchObject({ file: 'f.json', startLine: 3, startColumn: 3 });
    }
  });

  it('refuses nesting beyond the cap without overflowing the stack', () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    const r = parseJsonc(deep, 'deep.json', { maxDepth: 64 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/^Nesting deeper than 64 levels at line 1/);
  });

  it('reports unterminated strings and comments', () => {
    for (const text of ['{"a": "x', '{ /* never closed']) {
      const r = parseJsonc(text, 'f.json');
      expect(r.ok).toBe(false);
    }
  });
});
