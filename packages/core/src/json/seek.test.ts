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

  it('resumes from remembered siblings and ancestors in any order, as a fresh seek would', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ name: fc.string(), v: fc.array(fc.jsonValue(), { maxLength: 4 }) }), {
          minLength: 1,
          maxLength: 30,
        }),
        fc.array(fc.nat(), { minLength: 1, maxLength: 40 }),
        (items, order) => {
          const text = JSON.stringify({ resources: items, after: [items] }, null, 1);
          const parsed = parseJsonc(text, 'f.json');
          if (!parsed.ok) return;
          // Positions the memo holds must agree with a fresh document's for every pointer asked.
          for (const n of order) {
            const i = n % items.length;
            for (const p of [
              ['resources', i],
              ['resources', i, 'v'],
              ['after', 0, i, 'name'],
            ]) {
              const fresh = parseJsonc(text, 'f.json');
              const want = fresh.ok ? fresh.document.locate(p) : undefined;
              expect(parsed.document.locate(p), JSON.stringify(p)).toEqual(want);
            }
          }
          expect(parsed.document.locate(['resources', items.length])).toBeUndefined();
        },
      ),
      { numRuns: 150 },
    );
  });

  it('resolves duplicate keys at any depth to the last occurrence, as JSON.parse does', () => {
    // Objects over a three-letter key alphabet repeat keys often, at every level.
    const { node } = fc.letrec<{ node: string }>((tie) => ({
      node: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        fc.constantFrom('1', 'true', 'null', '"s"', '"}]"'),
        fc
          .array(fc.tuple(fc.constantFrom('a', 'b', 'c'), tie('node')), { maxLength: 5 })
          .map((pairs) => `{${pairs.map(([k, v]) => `"${k}": ${v}`).join(', ')}}`),
        fc.array(tie('node'), { maxLength: 4 }).map((items) => `[${items.join(', ')}]`),
      ),
    }));
    fc.assert(
      fc.property(node, (text) => {
        const value: unknown = JSON.parse(text);
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
        const parsed = parseJsonc(text, 'f.json');
        expect(parsed.ok).toBe(true);
        for (const p of pointers) {
          const want = p.reduce<unknown>((v, k) => (v as Record<string, unknown>)[k], value);
          const sought = seekPointer(text, p);
          expect(sought, `${text} at ${JSON.stringify(p)}`).toBeDefined();
          expect(JSON.parse(text.slice(sought!.start, sought!.end))).toEqual(want);
          // The document's memo of earlier seeks must agree too.
          const span = parsed.ok ? parsed.document.locate(p) : undefined;
          expect(span?.startLine).toBe(1);
          expect(span?.startColumn).toBe(sought!.start + 1);
          expect(seekPointer(text, [...p, 'zz'])).toBeUndefined();
        }
        // Backwards, later seeks start from members and elements remembered before the target.
        const backwards = parseJsonc(text, 'f.json');
        for (const p of [...pointers].reverse()) {
          const sought = seekPointer(text, p);
          expect(backwards.ok ? backwards.document.locate(p)?.startColumn : undefined).toBe(
            sought!.start + 1,
          );
        }
      }),
      { numRuns: 500 },
    );
  });
});
