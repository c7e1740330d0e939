/**
 * Supply chain of the workflows we ship and recommend (.github/workflows, examples/workflows):
 * third-party actions pinned by full commit SHA, least-privilege permissions, no privileged
 * trigger that runs pull-request code, and secrets that never reach a shell script as text.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const REPO = resolve(import.meta.dirname, '../..');
const DIRS = ['.github/workflows', 'examples/workflows'];

interface Step {
  readonly uses?: string;
  readonly run?: string;
  readonly with?: Record<string, unknown>;
}
interface Job {
  readonly uses?: string;
  readonly permissions?: unknown;
  readonly steps?: Step[];
}
interface Workflow {
  readonly file: string;
  readonly on: unknown;
  readonly permissions?: unknown;
  readonly jobs: Record<string, Job>;
}

function workflows(): Workflow[] {
  const out: Workflow[] = [];
  for (const dir of DIRS) {
    let names: string[];
    try {
      names = readdirSync(join(REPO, dir)).filter((n) => /\.ya?ml$/.test(n));
    } catch {
      continue;
    }
    for (const name of names.sort()) {
      const doc = parse(readFileSync(join(REPO, dir, name), 'utf8')) as Record<string, unknown>;
      // YAML 1.1 readers turn the key `on` into true; the yaml package (1.2) keeps it, but be safe.
      out.push({ ...(doc as object), file: `${dir}/${name}`, on: doc.on ?? doc.true } as Workflow);
    }
  }
  return out;
}

function triggers(w: Workflow): string[] {
  if (typeof w.on === 'string') return [w.on];
  if (Array.isArray(w.on)) return w.on.map(String);
  return Object.keys((w.on as object) ?? {});
}

const FULL_SHA = /^[^@\s]+@[0-9a-f]{40}$/;
/** The kit's own actions and workflows, which examples may take by major tag (see zero-trust-pr.yml). */
const KIT_OWN = /^ztkit\/ztkit\/[^@]+@(v\d+|[0-9a-f]{40})$/;

/** Why a `uses:` reference is not pinned, or undefined when it is. */
function pinningProblem(uses: string, file: string): string | undefined {
  if (uses.startsWith('./') || uses.startsWith('$/')) return undefined;
  if (uses.startsWith('docker://')) return /@sha256:[0-9a-f]{64}$/.test(uses) ? undefined : 'unpinned image';
  if (file.startsWith('examples/') && KIT_OWN.test(uses)) return undefined;
  return FULL_SHA.test(uses) ? undefined : 'not pinned to a full 40-hex commit SHA';
}

const all = workflows();

describe('workflow supply chain', () => {
  it('finds the workflows', () => {
    expect(all.map((w) => w.file)).toEqual(
      expect.arrayContaining(['.github/workflows/ci.yml', 'examples/workflows/zero-trust-pr.yml']),
    );
  });

  it('pins every third-party action and reusable workflow by full commit SHA', () => {
    const unpinned: string[] = [];
    for (const w of all)
      for (const [id, job] of Object.entries(w.jobs)) {
        const refs = [job.uses, ...(job.steps ?? []).map((s) => s.uses)].filter((u): u is string => !!u);
        for (const uses of refs) {
          const problem = pinningProblem(uses, w.file);
          if (problem) unpinned.push(`${w.file} (${id}): ${uses}: ${problem}`);
        }
      }
    expect(unpinned).toEqual([]);
  });

  it('the pinning check refuses tags and branches', () => {
    const ci = '.github/workflows/ci.yml';
    expect(pinningProblem('actions/checkout@v4', ci)).toBeDefined();
    expect(pinningProblem('actions/checkout@main', ci)).toBeDefined();
    expect(pinningProblem('actions/checkout@08eba0b', ci)).toBeDefined();
    expect(pinningProblem('ztkit/ztkit/actions/validate-iac@v0', ci)).toBeDefined();
    expect(pinningProblem('actions/checkout@08eba0b27e820071cde6df949e0beb9ba4906955', ci)).toBeUndefined();
    expect(pinningProblem('$/actions/validate-iac', ci)).toBeUndefined();
    expect(pinningProblem('./.github/workflows/zero-trust-pr-gate.yml', ci)).toBeUndefined();
  });

  it('declares top-level permissions on every workflow, never write-all, and per job', () => {
    const problems: string[] = [];
    for (const w of all) {
      if (w.permissions === undefined) problems.push(`${w.file}: no top-level permissions`);
      const top = w.permissions;
      if (typeof top === 'string') problems.push(`${w.file}: top-level permissions: ${top}`);
      else if (top && Object.values(top).some((v) => v === 'write'))
        problems.push(`${w.file}: write scopes at the top level (grant them per job)`);
      for (const [id, job] of Object.entries(w.jobs)) {
        if (job.permissions === undefined) problems.push(`${w.file} (${id}): no job permissions`);
        if (typeof job.permissions === 'string')
          problems.push(`${w.file} (${id}): permissions: ${job.permissions}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('has no privileged trigger that checks out pull-request code', () => {
    const problems: string[] = [];
    for (const w of all) {
      const on = triggers(w);
      const privileged = on.includes('pull_request_target') || on.includes('workflow_run');
      if (!privileged) continue;
      for (const [id, job] of Object.entries(w.jobs))
        for (const step of job.steps ?? []) {
          if (on.includes('pull_request_target') && step.uses?.startsWith('actions/checkout@'))
            problems.push(`${w.file} (${id}): pull_request_target with actions/checkout`);
          const ref = JSON.stringify(step.with ?? {});
          if (
            /head_sha|head_ref|head\.sha|head_branch|pull_request\.head/.test(ref) &&
            step.uses?.includes('checkout')
          )
            problems.push(`${w.file} (${id}): checks out the pull request head in a privileged run`);
        }
    }
    expect(problems).toEqual([]);
  });

  it('never pastes a secret, a token or attacker-controlled text into a shell script', () => {
    const problems: string[] = [];
    const unsafe =
      /\$\{\{\s*(secrets\.|github\.token|env\.\w*TOKEN|github\.event\.(pull_request|issue|comment|review|head_commit|workflow_run\.head)|github\.head_ref)/;
    for (const w of all)
      for (const [id, job] of Object.entries(w.jobs))
        for (const step of job.steps ?? [])
          if (step.run && unsafe.test(step.run))
            problems.push(
              `${w.file} (${id}): ${step.run
                .split('\n')
                .find((l) => unsafe.test(l))
                ?.trim()}`,
            );
    expect(problems).toEqual([]);
  });

  it('does not leave the checkout token in .git/config unless the job pushes', () => {
    const problems: string[] = [];
    for (const w of all)
      for (const [id, job] of Object.entries(w.jobs)) {
        const pushes = JSON.stringify(job.permissions ?? {}).includes('"contents":"write"');
        for (const step of job.steps ?? [])
          if (
            step.uses?.startsWith('actions/checkout@') &&
            !pushes &&
            step.with?.['persist-credentials'] !== false
          )
            problems.push(`${w.file} (${id}): actions/checkout without persist-credentials: false`);
      }
    expect(problems).toEqual([]);
  });
});
