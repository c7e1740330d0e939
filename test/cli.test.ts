/**
 * End to end: the built CLI (packages/cli/dist/bin.js, as users run it) on temporary folders.
 * `npm test` builds first; run `npm run build` before running this file alone.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(repo, 'packages', 'cli', 'dist', 'bin.js');

function ztkit(args: string[], cwd: string, env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ZTKIT_DEBUG: '', ...env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const SCHEMA = 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#';

function storageTemplate(name: string, httpsOnly: boolean): string {
  const template = {
    $schema: SCHEMA,
    contentVersion: '1.0.0.0',
    resources: [
      {
        type: 'Microsoft.Storage/storageAccounts',
        apiVersion: '2023-05-01',
        name,
        location: 'westeurope',
        sku: { name: 'Standard_LRS' },
        kind: 'StorageV2',
        properties: { supportsHttpsTrafficOnly: httpsOnly, minimumTlsVersion: 'TLS1_2' },
      },
    ],
  };
  return `${JSON.stringify(template, null, 2)}\n`;
}

const IDENTITY = `${JSON.stringify(
  {
    $schema: SCHEMA,
    contentVersion: '1.0.0.0',
    resources: [
      {
        type: 'Microsoft.ManagedIdentity/userAssignedIdentities',
        apiVersion: '2023-01-31',
        name: 'id-app',
        location: 'westeurope',
      },
    ],
  },
  null,
  2,
)}\n`;

/** A template whose line 6 is broken: the failure must name that line. */
const MALFORMED = `{
  "$schema": "${SCHEMA}",
  "contentVersion": "1.0.0.0",
  "resources": [
    {
      "type": "Microsoft.Storage/storageAccounts" "name": "oops"
    }
  ]
}
`;

let dir: string;
beforeAll(() => {
  if (!existsSync(bin)) throw new Error(`${bin} is missing: run 'npm run build' first`);
  dir = mkdtempSync(join(tmpdir(), 'ztkit-cli-'));
  mkdirSync(join(dir, 'insecure'));
  mkdirSync(join(dir, 'secure'));
  mkdirSync(join(dir, 'mixed'));
  writeFileSync(join(dir, 'insecure', 'storage.json'), storageTemplate('stinsecure', false));
  // Nothing here for any rule to object to, whatever rules are added later.
  writeFileSync(join(dir, 'secure', 'identity.json'), IDENTITY);
  writeFileSync(join(dir, 'mixed', 'storage.json'), storageTemplate('stmixed', false));
  writeFileSync(join(dir, 'mixed', 'broken.json'), MALFORMED);
  writeFileSync(join(dir, 'mixed', 'notes.txt'), 'not infrastructure\n');
  // Bad inputs for the exit-code tests, outside the folders the tests scan.
  mkdirSync(join(dir, 'inputs'));
  writeFileSync(join(dir, 'inputs', 'invalid.yml'), 'failOn: [unclosed\n');
  writeFileSync(join(dir, 'inputs', 'not-a-baseline.json'), '{ not json');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('exit codes', () => {
  it('is 1 when a finding is at or above --fail-on (default high)', () => {
    const r = ztkit(['scan', 'insecure'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('ZT-E08-01');
    expect(r.stdout).toContain('insecure/storage.json');
  });

  it('is 0 with --fail-on none, and 0 on a clean folder', () => {
    expect(ztkit(['scan', 'insecure', '--fail-on', 'none'], dir).code).toBe(0);
    expect(ztkit(['scan', 'insecure', '--fail-on', 'critical'], dir).code).toBe(0);
    const clean = ztkit(['scan', 'secure'], dir);
    expect(clean.code).toBe(0);
    expect(clean.stdout).toContain('Findings: none');
  });

  it('is 2 with one clear line for usage and I/O errors', () => {
    for (const args of [
      ['scan', 'does-not-exist'],
      ['scan', 'insecure', '--fromat', 'json'],
      ['scan', 'insecure', '--format', 'xml'],
      ['scan', 'insecure', '--fail-on', 'severe'],
      ['scan', 'insecure', '--output', join(dir, 'no', 'such', 'dir', 'out.json')],
      ['scan', 'insecure', '--parameters', 'missing.parameters.json'],
      ['posture'],
      ['frobnicate'],
      ['scan', 'insecure', '--baseline', 'no-such-baseline.json'],
      ['scan', 'insecure', '--baseline', 'inputs/not-a-baseline.json'],
      ['scan', 'insecure', '--config', 'inputs/invalid.yml'],
      ['graph', 'insecure', '--config', 'inputs/invalid.yml'],
      ['baseline', 'create', 'insecure', '--config', 'inputs/invalid.yml'],
    ]) {
      const r = ztkit(args, dir);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/^ztkit: /);
      expect(r.stderr, args.join(' ')).not.toMatch(/internal error/);
      expect(r.stderr).not.toMatch(/^\s+at /m);
      expect(r.stdout).toBe('');
    }
  });
});

describe('formats and --output', () => {
  it('writes the JSON contract', () => {
    const r = ztkit(['scan', 'insecure', '--format', 'json'], dir);
    const report = JSON.parse(r.stdout);
    expect(report.version).toBe(1);
    const e08 = report.findings.find((f: { ruleId: string }) => f.ruleId === 'ZT-E08-01');
    expect(e08).toMatchObject({
      ruleId: 'ZT-E08-01',
      catalog: ['E08'],
      resource: { type: 'Microsoft.Storage/storageAccounts', name: 'stinsecure' },
      location: { file: 'insecure/storage.json' },
    });
    for (const f of report.findings) expect(f.fingerprint).toMatch(/^[0-9a-f]{32}$/);
  });

  it('writes SARIF 2.1.0 with relative URIs', () => {
    const log = JSON.parse(ztkit(['scan', 'insecure', '--format', 'sarif', '--category', 'iac'], dir).stdout);
    expect(log.version).toBe('2.1.0');
    const run = log.runs[0];
    expect(run.tool.driver.name).toBe('ztkit');
    expect(run.automationDetails.id).toBe('iac/');
    expect(run.results[0].locations[0].physicalLocation.artifactLocation).toEqual({
      uri: 'insecure/storage.json',
      uriBaseId: '%SRCROOT%',
    });
  });

  it('writes Markdown with line links', () => {
    const r = ztkit(
      ['scan', 'insecure', '--format', 'markdown', '--link-base', 'https://github.com/o/r/blob/abc'],
      dir,
    );
    expect(r.stdout).toMatch(/^## /);
    expect(r.stdout).toContain('](https://github.com/o/r/blob/abc/insecure/storage.json#L');
  });

  it('writes to --output instead of stdout, keeping the exit code', () => {
    const out = join(dir, 'report.sarif');
    const r = ztkit(['scan', 'insecure', '--format', 'sarif', '--output', out], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(JSON.parse(readFileSync(out, 'utf8')).version).toBe('2.1.0');
  });
});

describe('file accounting', () => {
  it('skips a non-IaC file, fails a malformed template with its line, and still scans the rest', () => {
    const r = ztkit(['scan', 'mixed', '--format', 'json'], dir);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    const byPath = Object.fromEntries(report.files.map((f: { path: string }) => [f.path, f]));
    expect(byPath['mixed/notes.txt']).toMatchObject({ status: 'skipped', reason: expect.any(String) });
    expect(byPath['mixed/broken.json']).toMatchObject({ status: 'failed', reason: expect.any(String) });
    expect(byPath['mixed/storage.json']).toMatchObject({ status: 'scanned' });
    const { total, scanned, skipped, failed } = report.summary.files;
    expect([total, scanned, skipped, failed]).toEqual([3, 1, 1, 1]);
    const diagnostic = report.diagnostics.find(
      (d: { location?: { file: string } }) => d.location?.file === 'mixed/broken.json',
    );
    expect(diagnostic.location.startLine).toBe(6);
    // The broken file contributes nothing; the good one still reports, E08 among its findings.
    const names = new Set(report.findings.map((f: { resource: { name: string } }) => f.resource.name));
    expect([...names]).toEqual(['stmixed']);
    expect(report.findings.some((f: { ruleId: string }) => f.ruleId === 'ZT-E08-01')).toBe(true);
  });

  it('shows the failed file and its line in the table', () => {
    const r = ztkit(['scan', 'mixed'], dir);
    expect(r.stdout).toMatch(/mixed\/broken\.json:6:\d+: /);
    expect(r.stdout).toContain('Files: 3 (1 scanned, 1 skipped, 1 failed)');
  });
});

describe('baselines and diffs', () => {
  it("baseline create accepts today's findings, so the next scan passes; prune drops fixed ones", () => {
    const work = mkdtempSync(join(tmpdir(), 'ztkit-baseline-'));
    try {
      writeFileSync(join(work, 'storage.json'), storageTemplate('stold', false));
      const created = ztkit(['baseline', 'create', '.'], work);
      expect(created.code).toBe(0);
      expect(created.stderr).toMatch(/wrote \.ztkit-baseline\.json: \d+ findings accepted/);
      const baseline = JSON.parse(readFileSync(join(work, '.ztkit-baseline.json'), 'utf8'));
      expect(baseline.findings.some((e: { ruleId: string }) => e.ruleId === 'ZT-E08-01')).toBe(true);
      // The baseline file is JSON but not IaC: it is skipped, and the accepted findings no longer fail.
      expect(ztkit(['scan', '.', '--baseline', '.ztkit-baseline.json'], work).code).toBe(0);
      expect(ztkit(['scan', '.'], work).code).toBe(1);
      writeFileSync(join(work, 'storage.json'), storageTemplate('stold', true));
      const pruned = ztkit(['baseline', 'prune', '.'], work);
      expect(pruned.code).toBe(0);
      const after = JSON.parse(readFileSync(join(work, '.ztkit-baseline.json'), 'utf8'));
      expect(after.findings.some((e: { ruleId: string }) => e.ruleId === 'ZT-E08-01')).toBe(false);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });

  it('diff fails only on what the change introduces', () => {
    const work = mkdtempSync(join(tmpdir(), 'ztkit-diff-'));
    const git = (...args: string[]) =>
      spawnSync('git', args, {
        cwd: work,
        encoding: 'utf8',
        env: {
          ...process.env,
          GIT_AUTHOR_NAME: 't',
          GIT_AUTHOR_EMAIL: 't@example.com',
          GIT_COMMITTER_NAME: 't',
          GIT_COMMITTER_EMAIL: 't@example.com',
        },
      });
    try {
      git('init', '-q', '-b', 'main');
      writeFileSync(join(work, 'old.json'), storageTemplate('stold', false));
      git('add', '.');
      git('commit', '-q', '-m', 'base');
      // Unchanged flaw in old.json; the change adds a new insecure account.
      writeFileSync(join(work, 'new.json'), storageTemplate('stnew', false));
      const r = ztkit(['diff', '--base', 'main', '--format', 'json'], work);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(1);
      const report = JSON.parse(r.stdout);
      expect(new Set(report.new.map((f: { resource: { name: string } }) => f.resource.name))).toEqual(
        new Set(['stnew']),
      );
      expect(report.unchanged).toBeGreaterThan(0);
      expect(report.fixed).toEqual([]);
      rmSync(join(work, 'new.json'));
      expect(ztkit(['diff', '--base', 'main'], work).code).toBe(0);
      expect(ztkit(['diff', '--base', 'no-such-ref'], work).code).toBe(2);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
});

describe('other commands', () => {
  it('lists rules as a table and as JSON', () => {
    const table = ztkit(['rules'], dir);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/^ID\s+SEVERITY\s+KEYS\s+PRINCIPLES\s+TITLE/);
    const rules = JSON.parse(ztkit(['rules', '--format', 'json'], dir).stdout);
    expect(rules.find((r: { id: string }) => r.id === 'ZT-E08-01')).toMatchObject({
      catalog: ['E08'],
      severity: 'high',
      principles: expect.arrayContaining(['verify-explicitly']),
    });
  });

  it('draws the topology of the example landing zone, with its exposure', () => {
    const mermaid = ztkit(['graph', 'examples/landing-zone/arm'], repo);
    expect(mermaid.code).toBe(0);
    expect(mermaid.stdout).toMatch(/^flowchart LR/);
    expect(mermaid.stdout).toContain('vnet-hub');
    expect(mermaid.stdout).toContain('%% Internet exposure');
    const [network] = JSON.parse(
      ztkit(['graph', 'examples/landing-zone/arm', '--format', 'json'], repo).stdout,
    );
    const roles = Object.fromEntries(
      network.vnets.map((v: { name: string; role: string }) => [v.name, v.role]),
    );
    expect(roles).toEqual({ 'vnet-hub': 'hub', 'vnet-spoke-web': 'spoke', 'vnet-spoke-data': 'spoke' });
    expect(network.exposure.some((r: { target: string }) => r.target.startsWith('nic-vm-web'))).toBe(true);
  });

  it('adds the topology diagram and the network section to the reports', () => {
    const md = ztkit(
      ['scan', 'examples/landing-zone/arm', '--format', 'markdown', '--fail-on', 'none'],
      repo,
    );
    expect(md.stdout).toContain('```mermaid\nflowchart LR');
    const table = ztkit(['scan', 'examples/landing-zone/arm', '--fail-on', 'none'], repo);
    expect(table.stdout).toContain('Network topology (3 virtual networks)');
    expect(table.stdout).toContain('Internet exposure');
  });

  it('prints the version and per-command help', () => {
    const pkg = JSON.parse(readFileSync(join(repo, 'packages', 'cli', 'package.json'), 'utf8'));
    expect(ztkit(['--version'], dir).stdout.trim()).toBe(pkg.version);
    for (const command of ['scan', 'rules', 'graph', 'diff', 'baseline', 'posture', 'drift']) {
      const r = ztkit([command, '--help'], dir);
      expect(r.code, command).toBe(0);
      expect(r.stdout).toContain(`Usage: ztkit ${command}`);
    }
    expect(ztkit(['--help'], dir).stdout).toContain('Exit codes');
  });
});
