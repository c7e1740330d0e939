import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseJsonc } from './jsonc.js';
import { seekPointer } from './seek.js';

const TEXT = `{
  // comment with "quotes" and } braces
  "a": [1, "two", { "b": [true, null] }],
  "c\\u0041": { "d": "x}y]z" }, /* block ] */
  "a": { "dup": 1 },
  "e": -1.5e3
}`;

describe('seekPointer', () => {
  it('finds values past comments, strings with brackets and escaped keys', () => {
    const at = (p: (string | number)[]) => {
      const r = seekPointer(TEXT, p);
      return r && TEXT.slice(r.start, r.end);
    };
    expect(at(['cA', 'd'])).toBe('"x}y]z"');
    expect(at(['e'])).toBe('-1.5e3');
    expect(at([])).toBe(TEXT);
  });

  it('resolves duplicate keys to the last, like JSON.parse', () => {
    const r = seekPointer(TEXT, ['a']);
    expect(r && TEXT.slice(r.start, r.end)).toBe('{ "dup": 1 }');
  });

  it('answers undefined for paths that are not there', () => {
    expect(seekPointer(TEXT, ['zz'])).toBeUndefined();
    expect(seekPointer(TEXT, ['e', 0])).toBeUndefined();
    expect(seekPointer('[1,2]', [5])).toBeUndefined();
    expect(seekPointer('{"a": ', ['a'])).toBeUndefined();
  });

  it('agrees with the span tree on random documents', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (value) => {
        const text = JSON.stringify(value, null, 1);
        const parsed = parseJsonc(text, 'f.json');
        if (!parsed.ok) return;
        const pointers: (string | number)[][] = [];
        const walk = (v: unknown, p: (string | number)[]) => {
          pointers.push(p);
          if (Array.isArray(v))
            v.forEach((x, i) => {
              walk(x, [...p, i]);
            });
          else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, [...p, k]);
        };
        walk(value, []);
        for (const p of pointers.slice(0, 40)) {
          const sought = seekPointer(text, p);
          expect(sought, JSON.stringify(p)).toBeDefined();
          expect(JSON.parse(text.slice(sought!.start, sought!.end))).toEqual(
            p.reduce<unknown>((v, k) => (v as Record<string, unknown>)[k], JSON.parse(text)),
          );
        }
      }),
      { numRuns: 200 },
    );
  });
});
