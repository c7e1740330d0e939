import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigInvalidError, diffScan, scanWithPolicy } from './policy.js';

const STORAGE_RULE = 'ZT-E08-01';

function template(accounts: { name: string; https: boolean }[], pretty = true): string {
  const value = {
    $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
    contentVersion: '1.0.0.0',
    resources: accounts.map((a) => ({
      type: 'Microsoft.Storage/storageAccounts',
      apiVersion: '2023-05-01',
      name: a.name,
      location: 'westeurope',
      sku: { name: 'Standard_LRS' },
      kind: 'StorageV2',
      properties: { supportsHttpsTrafficOnly: a.https, minimumTlsVersion: 'TLS1_2' },
    })),
  };
  return pretty ? JSON.stringify(value, null, 2) : JSON.stringify(value);
}

function workspace(): string {
  return mkdtempSync(join(tmpdir(), 'ztkit-policy-'));
}

async function storageFindings(cwd: string, extra: Parameters<typeof scanWithPolicy>[0] = {}) {
  const r = await scanWithPolicy({ cwd, paths: ['.'], today: '2026-11-24', ...extra });
  return r.findings.filter((f) => f.ruleId === STORAGE_RULE || f.ruleId.startsWith('ZT-P00-'));
}

describe('fingerprints', () => {
  it('survive line moves, reformatting and file renames of the same resource', async () => {
    const dir = workspace();
    writeFileSync(join(dir, 'storage.json'), template([{ name: 'stdata', https: false }]));
    const [before] = await storageFindings(dir);
    expect(before?.location?.startLine).toBe(15);

    writeFileSync(
      join(dir, 'storage.json'),
      `\n\n\n${template([
        { name: 'stother', https: true },
        { name: 'stdata', https: false },
      ])}`,
    );
    const moved = await storageFindings(dir);
    expect(moved).toHaveLength(1);
    expect(moved[0]!.location!.startLine).not.toBe(15);
    expect(moved[0]!.fingerprint).toBe(before!.fingerprint);

    writeFileSync(join(dir, 'storage.json'), template([{ name: 'stdata', https: false }], false));
    renameSync(join(dir, 'storage.json'), join(dir, 'renamed.json'));
    const renamed = await storageFindings(dir);
    expect(renamed[0]!.location!.file).toBe('renamed.json');
    expect(renamed[0]!.fingerprint).toBe(before!.fingerprint);
  });
});

describe('scanWithPolicy', () => {
  it('applies config: rule off, severity override, path exclusion', async () => {
    const dir = workspace();
    mkdirSync(join(dir, 'legacy'));
    writeFileSync(join(dir, 'a.json'), template([{ name: 'sta', https: false }]));
    writeFileSync(join(dir, 'legacy', 'b.json'), template([{ name: 'stb', https: false }]));
    writeFileSync(
      join(dir, '.ztkit.yml'),
      `rules:\n  ${STORAGE_RULE}: low\npaths:\n  exclude: ["legacy/**"]\n`,
    );
    const r = await scanWithPolicy({ cwd: dir, today: '2026-11-24' });
    const mine = r.findings.filter((f) => f.ruleId === STORAGE_RULE);
    expect(mine.map((f) => [f.location?.file, f.severity])).toEqual([['a.json', 'low']]);
    expect(r.files.find((f) => f.path === 'legacy/b.json')).toMatchObject({ status: 'skipped' });

    writeFileSync(join(dir, '.ztkit.yml'), 'rules:\n  E08: off\n');
    const off = await scanWithPolicy({ cwd: dir, today: '2026-11-24' });
    expect(off.findings.filter((f) => f.ruleId === STORAGE_RULE)).toEqual([]);
  });

  it('rejects an invalid config with its line', async () => {
    const dir = workspace();
    writeFileSync(join(dir, '.ztkit.yml'), 'failOn: high\nrules:\n  nope: off\n');
    await expect(scanWithPolicy({ cwd: dir })).rejects.toThrow(ConfigInvalidError);
    await expect(scanWithPolicy({ cwd: dir })).rejects.toThrow(/\.ztkit\.yml:3:3: .*'nope'/);
  });

  it('keeps findings sorted most severe first when suppression findings are added', async () => {
    const dir = workspace();
    // An unused suppression (ZT-P00-02, low) and a malformed one (ZT-P00-03, medium) come after the scan.
    const text = template([{ name: 'stdata', https: false }]).replace(
      '"supportsHttpsTrafficOnly": false',
      '// ztkit:ignore S02 -- nothing to suppress here\n        // ztkit:ignore E01\n        "supportsHttpsTrafficOnly": false',
    );
    writeFileSync(join(dir, 'storage.json'), text);
    const r = await scanWithPolicy({ cwd: dir, today: '2026-11-24' });
    expect(r.findings.map((f) => f.ruleId)).toEqual(expect.arrayContaining(['ZT-P00-02', 'ZT-P00-03']));
    const rank = ['critical', 'high', 'medium', 'low', 'info'];
    const ranks = r.findings.map((f) => rank.indexOf(f.severity));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
  });

  it('marks inline-suppressed findings and keeps them', async () => {
    const dir = workspace();
    const text = template([{ name: 'stdata', https: false }]).replace(
      '"supportsHttpsTrafficOnly": false',
      '// ztkit:ignore E08 -- partner SFTP bridge, replaced in Q1\n        "supportsHttpsTrafficOnly": false',
    );
    writeFileSync(join(dir, 'storage.json'), text);
    const r = await scanWithPolicy({ cwd: dir, today: '2026-11-24' });
    const f = r.findings.find((x) => x.ruleId === STORAGE_RULE);
    expect(f?.suppressed).toMatchObject({
      kind: 'inline',
      justification: 'partner SFTP bridge, replaced in Q1',
    });
    expect(r.summary.suppressed).toBeGreaterThanOrEqual(1);
  });
});

describe('diffScan', () => {
  it('classifies new, fixed and unchanged findings against a git base', async () => {
    const dir = workspace();
    const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, stdio: 'pipe' });
    git('init', '-q', '-b', 'main');
    git('config', 'user.email', 't@example.com');
    git('config', 'user.name', 't');
    writeFileSync(
      join(dir, 'a.json'),
      template([
        { name: 'stkeep', https: false },
        { name: 'stfix', https: false },
      ]),
    );
    git('add', '.');
    git('commit', '-qm', 'base');
    writeFileSync(
      join(dir, 'a.json'),
      `\n${template([
        { name: 'stkeep', https: false },
        { name: 'stfix', https: true },
        { name: 'stnew', https: false },
      ])}`,
    );
    const r = await diffScan({ cwd: dir, baseRef: 'HEAD', today: '2026-11-24' });
    const names = (list: typeof r.diff.new) =>
      list.filter((f) => f.ruleId === STORAGE_RULE).map((f) => f.resource.name);
    expect(names(r.diff.new)).toEqual(['stnew']);
    expect(names(r.diff.fixed)).toEqual(['stfix']);
    expect(names(r.diff.unchanged)).toEqual(['stkeep']);
  });

  it('names an unknown base ref clearly', async () => {
    const dir = workspace();
    execFileSync('git', ['init', '-q'], { cwd: dir });
    await expect(diffScan({ cwd: dir, baseRef: 'no-such-ref' })).rejects.toThrow(
      /'no-such-ref' is not a commit/,
    );
  });
});
