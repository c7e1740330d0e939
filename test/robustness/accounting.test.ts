/**
 * File accounting: every discovered file ends scanned, skipped (why) or failed (why), the totals add
 * up and every output format carries them. Symbolic links out of the root are not followed, binary
 * and non-UTF-8 files are skipped with a reason, and odd path names work.
 */
import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import type { ScanResult } from '@ztkit/engine';
import { renderMarkdown, renderTable, toJsonReport, toSarif } from '@ztkit/reporters';
import { describe, expect, it } from 'vitest';
import {
  armTemplate,
  expectNothingFromOutside,
  expectScanWentOn,
  fileReport,
  KNOWN_RULE,
  nsg,
  scanRoot,
  WEAK_STORAGE,
  workspace,
} from './workspace.js';

function expectAccounted(result: ScanResult): void {
  const { total, scanned, skipped, failed } = result.summary.files;
  expect(scanned + skipped + failed).toBe(total);
  expect(total).toBe(result.files.length);
  expect(new Set(result.files.map((f) => f.path)).size).toBe(result.files.length);
  for (const f of result.files) {
    expect(['scanned', 'skipped', 'failed']).toContain(f.status);
    if (f.status !== 'scanned') expect(f.reason, `${f.path} is ${f.status} without a reason`).toBeTruthy();
  }
}

/** One file of each fate, so every count is non-zero. */
async function mixedScan(): Promise<ScanResult> {
  const { root } = workspace({
    'broken.json':
      '{ "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", ',
    'README.md': '# not IaC\n',
    'nsg.bicep': "resource n 'Microsoft.Network/networkSecurityGroups@2023-04-01' = {\n  name: 'n'\n}\n",
  });
  return scanRoot(root);
}

describe('every discovered file is accounted for', () => {
  it('scanned, skipped or failed, with a reason, and the totals add up', async () => {
    const result = await mixedScan();
    expectAccounted(result);
    expect(result.summary.files).toEqual({ total: 4, scanned: 2, skipped: 1, failed: 1 });
    expect(fileReport(result, 'broken.json').reason).toMatch(/Malformed JSON in broken\.json: .* at line 1,/);
    expect(fileReport(result, 'README.md').reason).toBe('not an IaC file (.md)');
  });

  it('appears in every output format', async () => {
    const result = await mixedScan();
    const { total, scanned, skipped, failed } = result.summary.files;

    const json = toJsonReport(result);
    expect(json.summary.files).toEqual({ total, scanned, skipped, failed });
    expect(json.files).toHaveLength(total);

    const sarif = toSarif(result, { toolVersion: '0.0.0-test' });
    const run = sarif.runs[0]!;
    expect(run.properties?.files).toEqual({ total, scanned, skipped, failed });
    const notified = run.invocations[0]!.toolExecutionNotifications.filter(
      (n) => n.descriptor?.id === 'ztkit/file-failed',
    );
    expect(notified.map((n) => n.message.text)).toEqual([
      expect.stringMatching(/^broken\.json could not be scanned: Malformed JSON/),
    ]);

    const markdown = renderMarkdown(result);
    expect(markdown).toContain(
      `from ${scanned} scanned files (${total} found: ${skipped} skipped, ${failed} failed;`,
    );
    expect(markdown).toMatch(/### Files that could not be scanned \(1\)\n\n- `broken\.json:1`/);

    const table = renderTable(result, { color: false });
    expect(table).toContain(`Files: ${total} (${scanned} scanned, ${skipped} skipped, ${failed} failed)`);
    expect(table).toContain('Files that could not be scanned (1)');
  });
});

describe('what discovery and the guard refuse', () => {
  it('does not follow a symbolic link that leaves the scanned root', async () => {
    const { root, outer } = workspace({});
    symlinkSync(join(outer, 'outside.json'), join(root, 'linked.json'));
    symlinkSync(outer, join(root, 'linked-dir'));
    const result = await scanRoot(root);
    expect(fileReport(result, 'linked.json')).toMatchObject({
      status: 'skipped',
      reason: 'symbolic link that leaves the scanned root (not followed)',
    });
    expect(fileReport(result, 'linked-dir').status).toBe('skipped');
    expectAccounted(result);
    expectScanWentOn(result);
    expectNothingFromOutside(result);
  });

  it('follows a symbolic link that stays inside the root, once', async () => {
    const { root } = workspace({ 'real/storage-copy.json': WEAK_STORAGE });
    symlinkSync(join(root, 'real/storage-copy.json'), join(root, 'alias.json'));
    const result = await scanRoot(root);
    expectAccounted(result);
    const scanned = result.files.filter(
      (f) => f.path === 'alias.json' || f.path === 'real/storage-copy.json',
    );
    expect(scanned).toHaveLength(1);
    expect(scanned[0]!.status).toBe('scanned');
  });

  it('skips binary files with a reason', async () => {
    const binary = Buffer.concat([Buffer.from("param p string = 'a'\n"), Buffer.from([0, 1, 2, 0xff, 0])]);
    const { root } = workspace({
      'blob.bicep': binary,
      'blob.tf': binary,
      'logo.png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0]),
    });
    const result = await scanRoot(root);
    expect(fileReport(result, 'blob.bicep')).toMatchObject({ status: 'skipped' });
    expect(fileReport(result, 'blob.bicep').reason).toMatch(/binary file \(contains NUL bytes\)/);
    expect(fileReport(result, 'blob.tf').reason).toMatch(/binary file \(contains NUL bytes\)/);
    expect(fileReport(result, 'blob.tf').status).toBe('skipped');
    expect(fileReport(result, 'logo.png')).toMatchObject({
      status: 'skipped',
      reason: 'not an IaC file (.png)',
    });
    expectAccounted(result);
    expectScanWentOn(result);
  });

  it('skips non-UTF-8 text with a reason', async () => {
    const latin1 = Buffer.from('variable "caf\xe9" {\n  default = "r\xe9seau"\n}\n', 'latin1');
    const armHead = Buffer.concat([
      Buffer.from(armTemplate([nsg('n')]).slice(0, -2)),
      Buffer.from([0xc3, 0x28]),
      Buffer.from('\n}'),
    ]);
    const { root } = workspace({ 'latin1.tf': latin1, 'bad-utf8.json': armHead });
    const result = await scanRoot(root);
    for (const path of ['latin1.tf', 'bad-utf8.json']) {
      expect(fileReport(result, path).status, path).toBe('skipped');
      expect(fileReport(result, path).reason, path).toMatch(/not valid UTF-8 text/);
    }
    expectAccounted(result);
    expectScanWentOn(result);
  });

  it('scans paths with spaces and Unicode, and reports them as written', async () => {
    const weird = [
      'with space/stor age.json',
      'réseau/σύνολο/北京.json',
      'rtl/\u05e9\u05dc\u05d5\u05dd.json',
    ];
    const { root } = workspace(Object.fromEntries(weird.map((p) => [p, WEAK_STORAGE])));
    const result = await scanRoot(root);
    expectAccounted(result);
    for (const path of weird) {
      expect(fileReport(result, path).status).toBe('scanned');
      expect(
        result.findings.some((f) => f.ruleId === KNOWN_RULE && f.location?.file === path),
        path,
      ).toBe(true);
    }
    const sarif = JSON.stringify(toSarif(result, { toolVersion: '0.0.0-test' }));
    expect(sarif).toContain('with%20space/stor%20age.json');
    expect(sarif).toContain(`${encodeURIComponent('réseau')}/${encodeURIComponent('σύνολο')}/`);
  });
});
