import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GitHubMock } from './github-mock.js';
import { pullRequestEvent, runAction, workflowCommands } from './harness.js';

const MARKER = '<!-- ztkit:pr-summary -->';

/** A JSON report (contract version 1) with `n` findings named `st<tag><i>`; same tag and index, same fingerprint. */
function report(n: number, tag = 'a', messageLength = 60) {
  const findings = Array.from({ length: n }, (_, i) => ({
    ruleId: 'ZT-E08-01',
    title: 'Storage accounts accept secure transfer only',
    catalog: ['E08'],
    principles: ['verify-explicitly', 'assume-breach'],
    severity: i % 3 === 0 ? 'high' : 'medium',
    message: `Storage account 'st${tag}${i}' accepts unencrypted HTTP. `.padEnd(messageLength, 'x'),
    resource: { type: 'Microsoft.Storage/storageAccounts', name: `st${tag}${i}` },
    location: { file: 'infra/main.json', startLine: 10 + i, startColumn: 9, endLine: 10 + i, endColumn: 42 },
    // Real fingerprints are hex digests of rule + resource + path.
    fingerprint: createHash('sha256').update(`${tag}${i}`).digest('hex').slice(0, 32),
  }));
  const high = findings.filter((f) => f.severity === 'high').length;
  return {
    version: 1,
    files: [{ path: 'infra/main.json', status: 'scanned', language: 'arm', resources: n }],
    findings,
    diagnostics: [],
    summary: {
      files: { total: 1, scanned: 1, skipped: 0, failed: 0 },
      resources: n,
      rules: 4,
      findings: n,
      suppressed: 0,
      bySeverity: { critical: 0, high, medium: n - high, low: 0, info: 0 },
      byPrinciple: { 'verify-explicitly': n, 'least-privilege': 0, 'assume-breach': n },
      ruleErrors: 0,
      durationMs: 3,
    },
  };
}

describe('post-pr-summary against a local GitHub API', () => {
  let github: GitHubMock;
  let apiUrl: string;
  let workspace: string;
  let eventPath: string;

  beforeEach(async () => {
    github = new GitHubMock();
    apiUrl = await github.start();
    workspace = mkdtempSync(join(tmpdir(), 'ztkit-summary-'));
    eventPath = join(workspace, '..', `event-${Date.now()}-${Math.random()}.json`);
    writeFileSync(eventPath, JSON.stringify(pullRequestEvent(7, 'a'.repeat(40), 'b'.repeat(40))));
  });
  afterEach(async () => {
    await github.stop();
  });

  function writeResults(files: Record<string, unknown>): void {
    for (const [name, value] of Object.entries(files))
      writeFileSync(join(workspace, name), JSON.stringify(value));
  }

  const run = (inputs: Record<string, string> = {}, env: Record<string, string> = {}) =>
    runAction('post-pr-summary', {
      workspace,
      eventPath,
      inputs: { results: 'ztkit-*.json', token: 'ghs_test', ...inputs },
      env: { GITHUB_API_URL: apiUrl, ...env },
    });

  it('creates one comment on the first run and updates it in place on the next, never two', async () => {
    writeResults({ 'ztkit-encryption.json': report(4, 'a'), 'ztkit-segmentation.json': report(2, 'b') });
    const first = await run();
    expect(first.code).toBe(0);
    expect(first.outputs).toMatchObject({ 'comment-action': 'created', findings: '6', new: '0', fixed: '0' });
    expect(github.comments).toHaveLength(1);
    const body = github.comments[0]!.body;
    expect(body.startsWith(MARKER)).toBe(true);
    expect(body).toContain('First ztkit run on this pull request.');
    expect(body).toMatch(
      /\[infra\/main\.json:10\]\(https:\/\/github\.com\/contoso\/landing-zone\/blob\/b{40}\/infra\/main\.json#L10\)/,
    );
    // GITHUB_TOKEN cannot read GET /user: the action falls back to github-actions[bot].
    expect(first.stdout).toContain('Comment author: github-actions[bot]');

    writeResults({ 'ztkit-encryption.json': report(3, 'a'), 'ztkit-segmentation.json': report(3, 'b') });
    const second = await run();
    expect(second.code).toBe(0);
    expect(second.outputs).toMatchObject({
      'comment-action': 'updated',
      'comment-id': String(github.comments[0]!.id),
    });
    expect(github.comments).toHaveLength(1);
    expect(second.outputs).toMatchObject({ new: '1', fixed: '1' });
    expect(github.comments[0]!.body).toContain('**1 new**, **1 fixed**, 5 unchanged');
    expect(github.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
    expect(github.requests.filter((r) => r.method === 'PATCH')).toHaveLength(1);
    expect(second.summary).toContain('## ztkit Zero Trust network scan');
    expect(second.summary).toContain('**1 new**');
  });

  it('draws the topology diagram in the comment and the summary', async () => {
    writeResults({ 'ztkit-segmentation.json': report(2) });
    writeFileSync(
      join(workspace, 'topology.mmd'),
      'flowchart LR\n  internet((Internet)) --> v0["vnet-hub"]\n',
    );
    const r = await run({ 'diagram-file': 'topology.mmd' });
    expect(r.code).toBe(0);
    expect(github.comments[0]!.body).toContain('```mermaid\nflowchart LR');
    expect(r.summary).toContain('```mermaid');
  });

  it('never edits a comment with the marker written by someone else', async () => {
    const planted = github.seedComment('mallory', `${MARKER}\nplanted`);
    writeResults({ 'ztkit-encryption.json': report(1) });
    const r = await run();
    expect(r.outputs['comment-action']).toBe('created');
    expect(github.comments).toHaveLength(2);
    expect(planted.body).toBe(`${MARKER}\nplanted`);
  });

  it('uses GET /user when the token can read it', async () => {
    github.tokenUser = 'ztkit-bot';
    github.seedComment('github-actions[bot]', `${MARKER}\nold run by another identity`);
    writeResults({ 'ztkit-encryption.json': report(1) });
    const r = await run();
    expect(r.stdout).toContain('Comment author: ztkit-bot (GET /user)');
    expect(r.outputs['comment-action']).toBe('created');
    expect(github.comments[1]!.user.login).toBe('ztkit-bot');
  });

  it('retries a 502 and succeeds', async () => {
    github.fault({
      method: 'POST',
      path: /\/issues\/7\/comments$/,
      status: 502,
      body: { message: 'Server Error' },
    });
    writeResults({ 'ztkit-encryption.json': report(2) });
    const r = await run();
    expect(r.code).toBe(0);
    expect(r.outputs['comment-action']).toBe('created');
    expect(github.requests.filter((q) => q.method === 'POST')).toHaveLength(2);
    expect(github.comments).toHaveLength(1);
  });

  it('honours retry-after on a 429 secondary rate limit', async () => {
    github.fault({
      method: 'GET',
      path: /\/issues\/7\/comments$/,
      status: 429,
      headers: { 'retry-after': '2' },
      body: {
        message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
      },
    });
    writeResults({ 'ztkit-encryption.json': report(2) });
    const r = await run();
    expect(r.code).toBe(0);
    const lists = github.requests.filter((q) => q.method === 'GET' && q.path.endsWith('/comments'));
    expect(lists).toHaveLength(2);
    expect(lists[1]!.at - lists[0]!.at).toBeGreaterThanOrEqual(1900);
    expect(r.stdout).toContain('Secondary rate limit');
    expect(github.comments).toHaveLength(1);
  });

  it('waits for the primary rate limit reset and retries', async () => {
    github.fault({
      method: 'GET',
      path: /\/issues\/7\/comments$/,
      status: 403,
      headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(Math.ceil(Date.now() / 1000)) },
      body: { message: 'API rate limit exceeded for installation ID 1.' },
    });
    writeResults({ 'ztkit-encryption.json': report(1) });
    const r = await run();
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Rate limit reached');
    expect(github.comments).toHaveLength(1);
  });

  it('on a fork (403 Resource not accessible by integration) writes the summary and succeeds with a notice', async () => {
    github.fault({
      method: 'POST',
      path: /\/issues\/7\/comments$/,
      status: 403,
      body: { message: 'Resource not accessible by integration', status: '403' },
    });
    writeFileSync(
      eventPath,
      JSON.stringify(pullRequestEvent(7, 'a'.repeat(40), 'b'.repeat(40), 'octocat/landing-zone')),
    );
    writeResults({ 'ztkit-encryption.json': report(3) });
    const r = await run();
    expect(r.code).toBe(0);
    expect(r.outputs['comment-action']).toBe('skipped');
    expect(workflowCommands(r.stdout, 'notice')[0]?.message).toMatch(/read-only/);
    expect(r.summary).toContain('## ztkit Zero Trust network scan');
    expect(r.summary).toContain('**3 findings**');
    expect(github.comments).toHaveLength(0);
  });

  it('truncates a comment over 65,536 characters and points at the job summary', async () => {
    writeResults({ 'ztkit-encryption.json': report(900, 'big', 200) });
    const r = await run();
    expect(r.code).toBe(0);
    expect(r.outputs.truncated).toBe('true');
    const body = github.comments[0]!.body;
    expect(body.length).toBeLessThanOrEqual(65536);
    expect(body.startsWith(MARKER)).toBe(true);
    expect(body).toContain("shortened to fit GitHub's 65,536-character limit");
    expect(body).toContain('[job summary](https://github.com/contoso/landing-zone/actions/runs/4242)');
    expect(body).toMatch(/<!-- ztkit:state \{.*\} -->$/);
    // The job summary keeps every row.
    expect(
      r.summary.split('\n').filter((l) => l.startsWith('| 🔴') || l.startsWith('| 🟠')).length,
    ).toBeGreaterThanOrEqual(900);
  });

  it('writes only the summary when there is no pull request', async () => {
    writeFileSync(eventPath, JSON.stringify({ ref: 'refs/heads/main', after: 'c'.repeat(40) }));
    writeResults({ 'ztkit-encryption.json': report(1) });
    const r = await run({}, { GITHUB_EVENT_NAME: 'push', GITHUB_SHA: 'c'.repeat(40) });
    expect(r.code).toBe(0);
    expect(r.outputs['comment-action']).toBe('skipped');
    expect(github.requests).toHaveLength(0);
    expect(r.summary).toContain('**1 finding**');
  });
});
