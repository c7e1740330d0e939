/**
 * Quick fuzz of every parser (the long run is `npm run fuzz`): random and mutated inputs, seeded
 * from the rule fixtures and the shared corpus, must each get a result or a located error, in time,
 * without a throw. Saved crash inputs from earlier runs replay first, as regression cases.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inputsFor } from '../../scripts/fuzz/mutations.mjs';
import { loadSeeds } from '../../scripts/fuzz/seeds.mjs';
import { createTargets, runCheck } from '../../scripts/fuzz/targets.mjs';
import { kit } from './kit.js';

/** Slower than this on one small input is a hang in the making (the long run kills at 5 s). */
const BUDGET_MS = 3_000;
// biome-ignore lint/suspicious/noUndeclaredEnvVars: vitest runs outside turbo; the variable only widens a local run.
const NUM_RUNS = Number(process.env.ZTKIT_FUZZ_RUNS ?? 150);
// biome-ignore lint/suspicious/noUndeclaredEnvVars: as above; a fixed default keeps CI reproducible.
const SEED = Number(process.env.ZTKIT_FUZZ_SEED ?? 20261124);
const REGRESSIONS = join(import.meta.dirname, 'fixtures/regressions');

const targets = createTargets(kit, loadSeeds(60));

interface Regression {
  readonly target: string;
  readonly input: string;
  readonly problem: string;
}

function regressions(): Regression[] {
  let names: string[];
  try {
    names = readdirSync(REGRESSIONS).filter((n) => n.endsWith('.json'));
  } catch {
    return [];
  }
  return names.sort().map((n) => JSON.parse(readFileSync(join(REGRESSIONS, n), 'utf8')) as Regression);
}

describe('fuzz: every parser answers with a result or a located error, in time', () => {
  it('has a target for every parser', () => {
    expect(targets.map((t) => t.name)).toEqual([
      'jsonc',
      'arm-expression',
      'arm-template',
      'bicep',
      'hcl',
      'terraform-plan',
      'config',
    ]);
  });

  for (const target of targets) {
    it(`${target.name}: saved crash inputs stay fixed`, () => {
      for (const r of regressions().filter((x) => x.target === target.name)) {
        const { problem, ms } = runCheck(target, r.input);
        expect(problem, `regression (was: ${r.problem})`).toBeUndefined();
        expect(ms).toBeLessThan(BUDGET_MS);
      }
    });

    it(`${target.name}: random and mutated inputs`, () => {
      fc.assert(
        fc.property(inputsFor(target.language), (text) => {
          const { problem, ms } = runCheck(target, text);
          expect(problem).toBeUndefined();
          expect(ms).toBeLessThan(BUDGET_MS);
        }),
        { numRuns: NUM_RUNS, seed: SEED },
      );
    });
  }
});
