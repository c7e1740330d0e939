import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Every rule is tested, passing and failing, in every format it claims: ARM JSON, Bicep, Terraform
 * and Terraform plan JSON. Plan cases are derived by the rule tester from each `.tf` case with a
 * `plan/<name>.plan.json` beside it, so a `.tf` case counts for the plan only when that file exists.
 * Fixtures may be the rule's own (`fixtures/`) or a scenario several rules share
 * (`../../testing/scenarios/<name>/`).
 */
const FORMATS = ['arm', 'bicep', 'terraform', 'plan'] as const;
type Format = (typeof FORMATS)[number];

function formatOf(file: string): Format | undefined {
  if (file.endsWith('.plan.json')) return 'plan';
  if (file.endsWith('.json')) return 'arm';
  if (file.endsWith('.bicep')) return 'bicep';
  if (file.endsWith('.tf')) return 'terraform';
  return undefined;
}

/** The fixture files named in the `valid: [...]` and `invalid: [...]` halves of a rule test. */
function casesOf(ruleDir: string): Record<'valid' | 'invalid', Set<Format>> {
  const text = readFileSync(join(ruleDir, 'rule.test.ts'), 'utf8');
  const split = text.indexOf('invalid:');
  const out = { valid: new Set<Format>(), invalid: new Set<Format>() };
  for (const m of text.matchAll(/file:\s*'([^']+)'/g)) {
    const half = split >= 0 && m.index > split ? 'invalid' : 'valid';
    const file = m[1]!;
    const format = formatOf(file);
    if (format) out[half].add(format);
    if (
      format === 'terraform' &&
      existsSync(join(ruleDir, dirname(file), 'plan', `${basename(file, '.tf')}.plan.json`))
    )
      out[half].add('plan');
  }
  return out;
}

const root = resolve(import.meta.dirname, '..');
const ruleDirs = ['encryption', 'segmentation', 'analysis'].flatMap((pack) =>
  readdirSync(join(root, pack))
    .map((name) => join(root, pack, name))
    .filter((d) => existsSync(join(d, 'rule.ts'))),
);

describe('fixture coverage', () => {
  it('finds the rules', () => {
    expect(ruleDirs.length).toBeGreaterThanOrEqual(50);
  });
  for (const dir of ruleDirs) {
    it(`${basename(dir)} passes and fails in every format`, () => {
      const cases = casesOf(dir);
      expect([...cases.valid].sort(), 'formats with a passing fixture').toEqual([...FORMATS].sort());
      expect([...cases.invalid].sort(), 'formats with a failing fixture').toEqual([...FORMATS].sort());
    });
  }
});
