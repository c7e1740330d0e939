// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the strings are Bicep source, whose interpolation is ${...}
/**
 * Bad input never throws: random and mutated Bicep text goes through the lexer, parser and the
 * whole loader, which must answer with outcomes (scanned or failed), not exceptions.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseBicep } from './syntax/parser.js';
import { loadMemory } from './testing/memory.js';

const SEED = `targetScope = 'resourceGroup'
@allowed(['a', 'b'])
param p string = 'a'
var xs = [for (x, i) in range(0, 3): { n: '\${p}-\${x}', i: i }]
type t = { a: string?, b: ('x' | 'y')[] }
func f(a int) int => a * 2
resource nsg 'Microsoft.Network/networkSecurityGroups@2023-04-01' = if (p == 'a') {
  name: 'n\${f(2)}'
  properties: {
    securityRules: [for r in xs: { name: r.n, properties: { access: r.i > 1 ? 'Allow' : 'Deny' } }]
  }
  resource rule 'securityRules' = {
    name: 'x'
  }
}
module m 'm.bicep' = {
  params: { v: nsg.id, w: nsg::rule.name, z: xs[?0].?n ?? 'd' }
}
output o string = filter(xs, x => x.i != 1)[0].n
`;

const TOKENS = [
  'param',
  'var',
  'resource',
  'module',
  'for',
  'in',
  'if',
  'existing',
  '=',
  '==',
  '?',
  ':',
  '??',
  '.?',
  '[?',
  '::',
  '...',
  '=>',
  '(',
  ')',
  '[',
  ']',
  '{',
  '}',
  ',',
  '.',
  '!',
  '@',
  "'",
  "'''",
  '${',
  '\n',
  ' ',
  'x',
  '1',
  "'s'",
  '//c\n',
  '/*',
  '*/',
];

describe('fuzz: bad input never throws', () => {
  it('random token soup', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...TOKENS), { maxLength: 200 }), (parts) => {
        const text = parts.join(' ');
        expect(() => parseBicep(text, '/mem/f.bicep')).not.toThrow();
        const r = loadMemory({ 'f.bicep': text });
        expect(r.outcomes).toHaveLength(1);
      }),
      { numRuns: 400 },
    );
  });

  it('mutations of a valid file (cuts, duplications, swaps)', () => {
    fc.assert(
      fc.property(
        fc.nat(SEED.length),
        fc.nat(SEED.length),
        fc.constantFrom('cut', 'dup', 'insert'),
        fc.constantFrom(...TOKENS),
        (a, b, op, token) => {
          const [from, to] = a < b ? [a, b] : [b, a];
          const text =
            op === 'cut'
              ? SEED.slice(0, from) + SEED.slice(to)
              : op === 'dup'
                ? SEED.slice(0, to) + SEED.slice(from, to) + SEED.slice(to)
                : SEED.slice(0, from) + token + SEED.slice(from);
          const r = loadMemory(
            { 'main.bicep': text, 'm.bicep': 'param v string\nparam w string\nparam z string\n' },
            { only: ['main.bicep'] },
          );
          expect(r.outcomes.find((o) => o.path === '/mem/main.bicep')).toBeDefined();
          for (const o of r.outcomes)
            if (o.status === 'failed') expect(o.reason).toMatch(/^syntax error at line \d+, column \d+: /);
          expect(r.diagnostics.some((d) => d.code === 'internal-error')).toBe(false);
        },
      ),
      { numRuns: 600 },
    );
  });

  it('the seed itself loads', () => {
    const r = loadMemory(
      { 'main.bicep': SEED, 'm.bicep': 'param v string\nparam w string\nparam z string\n' },
      { only: ['main.bicep'] },
    );
    expect(r.outcomes[0]).toMatchObject({ status: 'scanned', resources: 2 });
    expect(r.resources.map((x) => x.name)).toEqual(['n4', 'n4/x']);
  });
});
