import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { materializeRef, repositoryRoot } from './git.js';

describe('materializeRef', () => {
  let repo: string;
  const files: Record<string, Buffer> = {
    'infra/main.json': Buffer.from('{ "resources": [] }\n'),
    'infra/no-newline.bicep': Buffer.from("param x string = 'a'"),
    'infra/deep/a b/ünï.tf': Buffer.from('resource "x" "y" {}\n\n\n'),
    'infra/binary.bin': Buffer.from([0, 10, 255, 10, 0, 13, 10]),
    'infra/empty.json': Buffer.alloc(0),
    'docs/readme.md': Buffer.from('# not asked for\n'),
  };
  const git = (...args: string[]) =>
    execFileSync('git', args, {
      cwd: repo,
      env: {
        ...process.env,
        GIT_AUTHOR_NAME: 't',
        GIT_AUTHOR_EMAIL: 't@e',
        GIT_COMMITTER_NAME: 't',
        GIT_COMMITTER_EMAIL: 't@e',
      },
    });

  beforeAll(() => {
    repo = mkdtempSync(join(tmpdir(), 'ztkit-git-'));
    git('init', '-q', '-b', 'main');
    for (const [path, bytes] of Object.entries(files)) {
      mkdirSync(join(repo, path, '..'), { recursive: true });
      writeFileSync(join(repo, path), bytes);
    }
    symlinkSync('/etc/passwd', join(repo, 'infra', 'link.json'));
    git('add', '-A');
    git('commit', '-q', '-m', 'base');
    // The working tree moves on; the base must come from the commit.
    writeFileSync(join(repo, 'infra/main.json'), 'changed');
  });
  afterAll(() => rmSync(repo, { recursive: true, force: true }));

  it('writes every blob under the paths byte for byte, from the commit, without symlinks', () => {
    const dir = materializeRef(repo, 'main', ['infra']);
    try {
      for (const [path, bytes] of Object.entries(files)) {
        if (!path.startsWith('infra/')) {
          expect(existsSync(join(dir, path))).toBe(false);
          continue;
        }
        expect(readFileSync(join(dir, path)).equals(bytes), path).toBe(true);
      }
      expect(existsSync(join(dir, 'infra', 'link.json'))).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('names a ref that is not a commit, and a folder outside git', () => {
    expect(() => materializeRef(repo, 'no-such-ref')).toThrow(/'no-such-ref' is not a commit/);
    const outside = mkdtempSync(join(tmpdir(), 'ztkit-nogit-'));
    try {
      expect(() => repositoryRoot(outside)).toThrow(/is not inside a git repository/);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });
});
