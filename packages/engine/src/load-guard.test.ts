import { mkdtempSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Loader } from '@ztkit/core';
import { describe, expect, it } from 'vitest';
import { scan } from './scan.js';

function folder(files: Record<string, string>): string {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'ztkit-engine-')));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

const claimsDotX = (load: Loader['load']): Loader => ({
  language: 'arm',
  claims: (f) => f.path.endsWith('.x'),
  load,
});

describe('file accounting survives loader bugs', () => {
  it('fails the files of a loader that throws and scans the rest', async () => {
    const dir = folder({ 'a.x': 'a', 'b.x': 'b', 'notes.txt': 'n' });
    const result = await scan({
      cwd: dir,
      rules: [],
      loaders: [
        claimsDotX(() => {
          throw new Error('boom');
        }),
      ],
    });
    expect(result.files.map((f) => [f.path, f.status])).toEqual([
      ['a.x', 'failed'],
      ['b.x', 'failed'],
      ['notes.txt', 'skipped'],
    ]);
    expect(result.files[0]?.reason).toContain('boom');
    expect(result.summary.files).toEqual({ total: 3, scanned: 0, skipped: 1, failed: 2 });
  });

  it('fails a claimed file the loader did not report', async () => {
    const dir = folder({ 'a.x': 'a', 'b.x': 'b' });
    const result = await scan({
      cwd: dir,
      rules: [],
      loaders: [
        claimsDotX((files) => ({
          resources: [],
          outcomes: [{ path: files[0]!.path, status: 'scanned' }],
          diagnostics: [],
        })),
      ],
    });
    expect(result.files.map((f) => [f.path, f.status])).toEqual([
      ['a.x', 'scanned'],
      ['b.x', 'failed'],
    ]);
    const { total, scanned, skipped, failed } = result.summary.files;
    expect(scanned + skipped + failed).toBe(total);
  });
});
