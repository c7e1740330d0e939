import * as fs from 'node:fs';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { repo } from './fixtures.js';

/**
 * The report job's script of .github/workflows/zero-trust-posture.yml, run against a fake Octokit:
 * the tracking issue is created on findings, updated in place (trend kept in its body), reopened
 * on new findings and closed when clean.
 */
const workflow = parse(readFileSync(join(repo, '.github/workflows/zero-trust-posture.yml'), 'utf8'));
const script: string = workflow.jobs.report.steps.find((s: { uses?: string }) =>
  s.uses?.startsWith('actions/github-script'),
).with.script;
// Runs our own workflow's script the way actions/github-script does: as an async function body.
const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor;

interface Issue {
  number: number;
  state: 'open' | 'closed';
  body: string;
  title: string;
  user: { login: string };
}

function fakeGitHub(issues: Issue[]) {
  const calls: string[] = [];
  return {
    calls,
    github: {
      paginate: async () => issues,
      rest: {
        issues: {
          listForRepo: () => undefined,
          create: async (p: { title: string; body: string }) => {
            calls.push('create');
            issues.push({
              number: issues.length + 1,
              state: 'open',
              body: p.body,
              title: p.title,
              user: { login: 'github-actions[bot]' },
            });
          },
          update: async (p: { issue_number: number; body?: string; state?: 'open' | 'closed' }) => {
            calls.push(`update${p.state ? `:${p.state}` : ''}`);
            const i = issues.find((x) => x.number === p.issue_number)!;
            if (p.body) i.body = p.body;
            if (p.state) i.state = p.state;
          },
          createComment: async () => calls.push('comment'),
        },
      },
    },
  };
}

describe('zero-trust-posture.yml report job', () => {
  let cwd: string;
  afterEach(() => rmSync(cwd, { recursive: true, force: true }));
  /** The runner's working directory is the workspace; here, relative paths resolve in a temp dir. */
  const requireIn = (dir: string) => {
    const real = createRequire(import.meta.url);
    const at = (p: string) => resolve(dir, p);
    const fsIn = {
      existsSync: (p: string) => fs.existsSync(at(p)),
      readdirSync: (p: string) => fs.readdirSync(at(p)),
      readFileSync: (p: string, enc: BufferEncoding) => fs.readFileSync(at(p), enc),
    };
    return (id: string) => (id === 'node:fs' || id === 'fs' ? fsIn : real(id));
  };

  const finding = (fp: string, ruleId = 'ZT-S02-01') => ({
    ruleId,
    severity: 'high',
    message: 'Internet → snet-web tcp/3389',
    fingerprint: fp,
    resource: { name: 'nsg-web' },
    portalUrl: 'https://portal.azure.com/#@/resource/x',
  });

  async function runReport(
    issues: Issue[],
    findings: unknown[],
    shards = [{ id: 's0', subscriptions: 'a', 'management-group': '' }],
  ) {
    cwd = mkdtempSync(join(tmpdir(), 'ztkit-report-'));
    mkdirSync(join(cwd, 'ztkit-results'));
    const base = {
      summary: { rules: 10 },
      posture: { partial: false, subscriptions: [{ subscriptionId: 'a', status: 'read' }] },
    };
    writeFileSync(join(cwd, 'ztkit-results/segmentation-s0.json'), JSON.stringify({ ...base, findings }));
    writeFileSync(join(cwd, 'ztkit-results/encryption-s0.json'), JSON.stringify({ ...base, findings: [] }));
    process.env.ISSUE_LABEL = 'ztkit-posture';
    process.env.SHARDS = JSON.stringify(shards);
    const { github, calls } = fakeGitHub(issues);
    let summary = '';
    const core = { summary: { addRaw: (t: string) => ({ write: async () => (summary += t) }) } };
    const context = { repo: { owner: 'o', repo: 'r' }, serverUrl: 'https://github.com', runId: 1 };
    await new AsyncFunction('github', 'context', 'core', 'require', script)(
      github,
      context,
      core,
      requireIn(cwd),
    );
    return { calls, summary };
  }

  it('opens an issue on findings, updates it in place, closes it when clean, keeps the trend', async () => {
    const issues: Issue[] = [];
    const first = await runReport(issues, [
      finding('aaaaaaaaaaaa1111'),
      finding('bbbbbbbbbbbb2222', 'ZT-S01-01'),
    ]);
    expect(first.calls).toEqual(['create']);
    expect(first.summary).toMatch(/Zero Trust score 90%/); // 2 of 20 controls fail
    expect(first.summary).toMatch(/2 finding\(s\), 2 new/);

    const second = await runReport(issues, [finding('aaaaaaaaaaaa1111')]);
    expect(second.calls).toEqual(['update']);
    expect(second.summary).toMatch(/1 finding\(s\), 0 new, 1 fixed/);
    expect(issues).toHaveLength(1);

    const clean = await runReport(issues, []);
    expect(clean.calls).toEqual(['update', 'comment', 'update:closed']);
    expect(issues[0]?.state).toBe('closed');
    expect(clean.summary).toMatch(/Trend \(last 3 runs\)/);

    const again = await runReport(issues, [finding('cccccccccccc3333')]);
    expect(again.calls).toEqual(['update:open']);
    expect(issues[0]?.state).toBe('open');
  });

  it('marks the result partial when a shard wrote no report, and does not close then', async () => {
    const issues: Issue[] = [];
    await runReport(issues, [finding('aaaaaaaaaaaa1111')]);
    const r = await runReport(
      issues,
      [],
      [
        { id: 's0', subscriptions: 'a', 'management-group': '' },
        { id: 's1', subscriptions: 'b\nc', 'management-group': '' },
      ],
    );
    expect(r.summary).toMatch(/Partial result/);
    expect(r.summary).toMatch(/shard s1 \(2 subscription\(s\)\) wrote no report/);
    expect(issues[0]?.state).toBe('open');
  });
});
