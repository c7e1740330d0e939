import { mkdirSync, mkdtempSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_LIMITS } from '@ztkit/core';
import { describe, expect, it } from 'vitest';
import { guardedReader } from './guard.js';

describe('guardedReader', () => {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'ztkit-guard-')));
  const root = join(dir, 'root');
  mkdirSync(root);
  writeFileSync(join(root, 'main.json'), '{}');
  writeFileSync(join(dir, 'secret.json'), '{"s":1}');
  symlinkSync(join(dir, 'secret.json'), join(root, 'link.json'));
  const read = guardedReader([root], DEFAULT_LIMITS);

  it('reads files under the root', () => {
    expect(read(join(root, 'main.json'))).toEqual({ ok: true, text: '{}' });
  });

  it('refuses a symlink that leads out of the root', () => {
    expect(read(join(root, 'link.json'))).toMatchObject({
      ok: false,
      status: 'failed',
      reason: expect.stringMatching(/outside the scanned root/),
    });
  });

  it('reads a file named explicitly (--var-file) outside the root, and nothing else there', () => {
    const withNamed = guardedReader([root], DEFAULT_LIMITS, [join(dir, 'secret.json')]);
    expect(withNamed(join(dir, 'secret.json'))).toEqual({ ok: true, text: '{"s":1}' });
    writeFileSync(join(dir, 'other.json'), '{}');
    expect(withNamed(join(dir, 'other.json'))).toMatchObject({ ok: false, status: 'failed' });
  });

  it('reports a missing file as failed', () => {
    expect(read(join(root, 'nope.json'))).toMatchObject({ ok: false, reason: 'file not found' });
  });
});
