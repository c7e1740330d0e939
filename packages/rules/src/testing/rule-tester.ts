/**
 * RuleTester for ztkit rules, after ESLint's: a table of valid and invalid fixtures per format, each
 * invalid case naming the expected lines. Fixtures are loaded through the real loaders (ARM, Bicep,
 * Terraform, plan JSON) and the real graph, so a rule test also proves the source spans.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { bicepLoader } from '@ztkit/bicep';
import {
  armLoader,
  type CandidateFile,
  DEFAULT_LIMITS,
  type Finding,
  type Loader,
  ResourceGraph,
  type Rule,
  type RuleOptions,
  runRules,
} from '@ztkit/core';
import { terraformLoader } from '@ztkit/terraform';
import { describe, expect, it } from 'vitest';

export interface FixtureCase {
  /** Fixture path relative to the rule's folder. */
  readonly file: string;
  /** Rule options (as from `.ztkit.yml`). */
  readonly options?: RuleOptions;
  /** Parameter / var files relative to the rule's folder. */
  readonly parameters?: readonly string[];
  /** What the case shows, for the test name. */
  readonly name?: string;
  /** Other rules to run alongside (for summary rules, which judge other rules' findings). */
  readonly withRules?: readonly Rule[];
}

export interface ExpectedFinding {
  readonly line: number;
  /** Catalogue key the finding must carry (defaults to the rule's first key). */
  readonly key?: string;
  readonly message?: string | RegExp;
  readonly severity?: Finding['severity'];
}

export interface InvalidCase extends FixtureCase {
  /** Expected findings, in line order. Exactly these and no others. */
  readonly errors: readonly ExpectedFinding[];
}

const LOADERS: readonly Loader[] = [armLoader, bicepLoader, terraformLoader];

/** Load one fixture through the loader that claims it and run one rule over the graph. */
export async function runFixture(rule: Rule, dir: string, fixture: FixtureCase): Promise<Finding[]> {
  const path = resolve(dir, fixture.file);
  const candidate: CandidateFile = {
    path,
    size: statSync(path).size,
    head: readFileSync(path, 'utf8').slice(0, 4096),
  };
  const loader = LOADERS.find((l) => l.claims(candidate));
  if (!loader) throw new Error(`No loader claims fixture ${fixture.file}`);
  const result = await loader.load([candidate], {
    roots: [dirname(path), dir],
    limits: DEFAULT_LIMITS,
    parameterFiles: (fixture.parameters ?? []).map((p) => resolve(dir, p)),
    readFile: (p) => {
      // The LoadContext contract: a reason, never a throw (loaders probe for optional files).
      try {
        return { ok: true, text: readFileSync(p, 'utf8') };
      } catch (e) {
        return { ok: false, status: 'failed', reason: e instanceof Error ? e.message : String(e) };
      }
    },
  });
  const failed = result.outcomes.find((o) => o.status === 'failed');
  if (failed) throw new Error(`Fixture ${fixture.file} failed to load: ${failed.reason}`);
  const graph = new ResourceGraph(result.resources);
  const { findings, errors } = runRules(graph, [...(fixture.withRules ?? []), rule], {
    cwd: dir,
    global: fixture.options,
  });
  if (errors.length) throw new Error(`Rule threw: ${errors[0]!.message}`);
  return findings
    .filter((f) => f.ruleId === rule.meta.id)
    .sort((a, b) => (a.location?.startLine ?? 0) - (b.location?.startLine ?? 0));
}

/**
 * Declare the vitest suite for a rule. `dir` is the rule's folder (use `import.meta.dirname`).
 */
export function ruleTester(
  rule: Rule,
  dir: string,
  cases: { readonly valid: readonly FixtureCase[]; readonly invalid: readonly InvalidCase[] },
): void {
  describe(`${rule.meta.id} ${rule.meta.title}`, () => {
    it('has complete metadata', () => {
      const m = rule.meta;
      expect(m.id).toMatch(/^ZT-[ESA]\d{2}-\d{2}$/);
      expect(m.catalog.length).toBeGreaterThan(0);
      for (const k of m.catalog) expect(k).toMatch(/^[ESA]\d{2}$/);
      expect(m.principles.length).toBeGreaterThan(0);
      expect(m.source.length).toBeGreaterThan(0);
      expect(m.rationale.length).toBeGreaterThan(20);
      expect(m.remediation.summary.length).toBeGreaterThan(10);
    });
    expect(cases.invalid.length).toBeGreaterThan(0);
    for (const c of cases.valid) {
      it(`passes ${c.file}${c.name ? ` (${c.name})` : ''}`, async () => {
        const findings = await runFixture(rule, dir, c);
        expect(findings.map(describeFinding)).toEqual([]);
      });
    }
    for (const c of cases.invalid) {
      it(`fails ${c.file}${c.name ? ` (${c.name})` : ''}`, async () => {
        const findings = await runFixture(rule, dir, c);
        expect(findings.map(describeFinding), 'findings').toHaveLength(c.errors.length);
        c.errors.forEach((want, i) => {
          const got = findings[i]!;
          expect(got.ruleId).toBe(rule.meta.id);
          expect(got.catalog).toContain(want.key ?? rule.meta.catalog[0]);
          expect(got.location?.startLine, describeFinding(got)).toBe(want.line);
          if (want.severity) expect(got.severity).toBe(want.severity);
          if (typeof want.message === 'string') expect(got.message).toContain(want.message);
          else if (want.message) expect(got.message).toMatch(want.message);
        });
      });
    }
    derivePlanCases(rule, dir, cases);
  });
}

/**
 * Terraform plan JSON is the fourth format every rule claims. Each `.tf` case with a plan of it in
 * `fixtures/plan/<name>.plan.json` (written by `scripts/fixtures/tf-to-plan.mjs`) is run again
 * through the plan loader: a passing `.tf` must pass as a plan, and a failing one must fail with as
 * many findings of the same catalogue keys, each on a line of the plan file. Lines and wording may
 * differ: a plan has resolved values where HCL has a variable's default.
 */
function derivePlanCases(
  rule: Rule,
  dir: string,
  cases: { readonly valid: readonly FixtureCase[]; readonly invalid: readonly InvalidCase[] },
): void {
  const declared = new Set([...cases.valid, ...cases.invalid].map((c) => c.file));
  const planOf = (c: FixtureCase): string | undefined => {
    if (!c.file.endsWith('.tf')) return undefined;
    const plan = join(dirname(c.file), 'plan', `${basename(c.file, '.tf')}.plan.json`);
    return !declared.has(plan) && existsSync(resolve(dir, plan)) ? plan : undefined;
  };
  for (const c of cases.valid) {
    const plan = planOf(c);
    if (!plan) continue;
    it(`passes ${plan} (plan of ${c.file})`, async () => {
      const findings = await runFixture(rule, dir, { ...c, file: plan, parameters: undefined });
      expect(findings.map(describeFinding)).toEqual([]);
    });
  }
  for (const c of cases.invalid) {
    const plan = planOf(c);
    if (!plan) continue;
    it(`fails ${plan} (plan of ${c.file})`, async () => {
      const findings = await runFixture(rule, dir, { ...c, file: plan, parameters: undefined });
      expect(findings.map(describeFinding), 'findings').toHaveLength(c.errors.length);
      const keys = (list: readonly (string | undefined)[]) =>
        list.map((k) => k ?? rule.meta.catalog[0]).sort();
      expect(keys(findings.map((f) => f.catalog.find((k) => rule.meta.catalog.includes(k))))).toEqual(
        keys(c.errors.map((e) => e.key)),
      );
      const lines = readFileSync(resolve(dir, plan), 'utf8').split('\n').length;
      for (const f of findings) {
        expect(f.location?.file, describeFinding(f)).toMatch(/\.plan\.json$/);
        expect(f.location?.startLine ?? 0, describeFinding(f)).toBeGreaterThan(0);
        expect(f.location?.startLine ?? 0, describeFinding(f)).toBeLessThanOrEqual(lines);
      }
    });
  }
}

function describeFinding(f: Finding): string {
  return `${f.location?.file}:${f.location?.startLine} ${f.ruleId} ${f.message}`;
}
