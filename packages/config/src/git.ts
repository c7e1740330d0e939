import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** Largest blob materialised from git; bigger files would be refused by the scan's own cap anyway. */
const MAX_BLOB_BYTES = 64 * 1024 * 1024;

/**
 * Write the files of `ref` (restricted to `paths`, relative to the repository root) into a fresh
 * temporary directory, straight from the object database: the working tree is never touched and
 * nothing is checked out. git is run without a shell; the ref is passed as one argument after
 * verification.
 */
export function materializeRef(repoRoot: string, ref: string, paths: readonly string[] = ['.']): string {
  const git = (args: string[], input?: string): Buffer =>
    execFileSync('git', args, {
      cwd: repoRoot,
      input,
      maxBuffer: 1024 * 1024 * 1024,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
  let commit: string;
  try {
    commit = git(['rev-parse', '--verify', '--end-of-options', `${ref}^{commit}`])
      .toString()
      .trim();
  } catch {
    throw new Error(
      `git: '${ref}' is not a commit in ${repoRoot} (is the base fetched? use fetch-depth: 0 or fetch the base ref)`,
    );
  }
  const listing = git(['ls-tree', '-r', '-z', '--full-tree', commit, '--', ...paths]).toString();
  const dir = mkdtempSync(join(tmpdir(), 'ztkit-base-'));
  const blobs: { path: string; oid: string }[] = [];
  for (const entry of listing.split('\0')) {
    const m = /^(\d+) blob ([0-9a-f]+)\t(.+)$/s.exec(entry);
    if (!m || m[1] === '120000') continue; // symlinks are not followed, as in a normal scan
    blobs.push({ oid: m[2]!, path: m[3]! });
  }
  for (const blob of blobs) {
    const size = Number(git(['cat-file', '-s', blob.oid]).toString().trim());
    if (size > MAX_BLOB_BYTES || blob.path.split('/').includes('..')) continue;
    const target = join(dir, blob.path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, git(['cat-file', 'blob', blob.oid]));
  }
  return dir;
}

/** The repository root containing `cwd`. */
export function repositoryRoot(cwd: string): string {
  return execFileSync('git', ['rev-parse', '--show-toplevel'], { cwd, stdio: ['ignore', 'pipe', 'pipe'] })
    .toString()
    .trim();
}
