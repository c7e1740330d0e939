import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  type ActionName,
  insecureStorageTemplate,
  type PullRequestRepo,
  pullRequestRepo,
  runAction,
} from './harness.js';

// The npm package resolves to the self-contained .NET build of the Multitool for this platform.
// Its bin.js wrapper runs through a shell, which would split `Gh;Sarif`; the binary is called directly.
const multitool: string = createRequire(import.meta.url)('@microsoft/sarif-multitool');
const run = promisify(execFile);

interface ValidationResult {
  readonly ruleId: string;
  readonly level?: string;
  readonly message: { readonly id?: string; readonly arguments?: string[] };
}

/** SARIF Multitool with the SARIF rules and GitHub's ingestion rules (GH1xxx, GH2xxx). */
async function validate(file: string): Promise<ValidationResult[]> {
  const out = `${file}.validation.sarif`;
  await run(
    multitool,
    ['validate', '--rule-kind', 'Gh;Sarif', file, '--output', out, '--log', 'ForceOverwrite'],
    {
      timeout: 120_000,
    },
  );
  const log = JSON.parse(readFileSync(out, 'utf8')) as { runs: { results?: ValidationResult[] }[] };
  return log.runs.flatMap((r) => r.results ?? []);
}

describe("SARIF of each action passes the SARIF Multitool with GitHub's rules", () => {
  let repo: PullRequestRepo;
  beforeAll(() => {
    repo = pullRequestRepo(
      { 'infra/base.json': insecureStorageTemplate(2, 'base') },
      {
        'infra/pr.json': insecureStorageTemplate(3, 'pr'),
        'infra/broken.json':
          '{\n  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",\n  "resources": [ ,\n}\n',
      },
    );
  });

  it('the validator does report GitHub errors (control: a result without rule or location)', async () => {
    const file = join(repo.workspace, 'control.sarif');
    writeFileSync(
      file,
      JSON.stringify({
        version: '2.1.0',
        runs: [{ tool: { driver: { name: 'x' } }, results: [{ message: { text: 'm' } }] }],
      }),
    );
    const ids = (await validate(file)).filter((p) => p.level === 'error').map((p) => p.ruleId);
    expect(ids).toContain('GH1018'); // driver without rules
    expect(ids).toContain('SARIF1010'); // result without ruleId
  });

  const cases: [ActionName, string][] = [
    ['check-encryption', 'encryption.sarif'],
    ['check-segmentation', 'segmentation.sarif'],
    ['validate-iac', 'validate.sarif'],
  ];
  it.each(cases)('%s', async (action, name) => {
    const r = await runAction(action, {
      workspace: repo.workspace,
      eventPath: repo.eventPath,
      inputs: {
        paths: 'infra',
        mode: 'all',
        'fail-on': 'none',
        'fail-on-error': 'false',
        'sarif-file': `sarif/${name}`,
      },
    });
    expect(r.code).toBe(0);
    const file = join(repo.workspace, 'sarif', name);
    const sarif = JSON.parse(readFileSync(file, 'utf8'));
    if (action === 'check-encryption') expect(sarif.runs[0].results).toHaveLength(10);
    const problems = await validate(file);
    const errors = problems.filter((p) => (p.level ?? 'warning') === 'error');
    expect(errors.map((e) => `${e.ruleId} ${e.message.id} ${e.message.arguments?.join(' ')}`)).toEqual([]);
  });
});
