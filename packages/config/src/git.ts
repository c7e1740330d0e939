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
  // `-l` lists each blob's size, so oversized blobs are never read.
  const listing = git(['ls-tree', '-r', '-l', '-z', '--full-tree', commit, '--', ...paths]).toString();
  const dir = mkdtempSync(join(tmpdir(), 'ztkit-base-'));
  const blobs: { path: string; oid: string; size: number }[] = [];
  for (const entry of listing.split('\0')) {
    const m = /^(\d+) blob ([0-9a-f]+) +(\d+)\t(.+)$/s.exec(entry);
    if (!m || m[1] === '120000') continue; // symlinks are not followed, as in a normal scan
    const blob = { oid: m[2]!, size: Number(m[3]), path: m[4]! };
    if (blob.size > MAX_BLOB_BYTES || blob.path.split('/').includes('..')) continue;
    blobs.push(blob);
  }
  // One `git cat-file --batch` for every blob: a process per file costs seconds on large repositories.
  const batch = blobs.length
    ? git(['cat-file', '--batch'], blobs.map((b) => b.oid).join('\n') + '\n')
    : Buffer.alloc(0);
  let at = 0;
  for (const blob of blobs) {
    const eol = batch.indexOf(10, at);
    const header = batch.subarray(at, eol).toString();
    const [oid, type, size] = header.split(' ');
    if (oid !== blob.oid || type !== 'blob' || Number(size) !== blob.size)
      throw new Error(`git cat-file --batch: unexpected answer '${header}' for ${blob.path}`);
    const start = eol + 1;
    const target = join(dir, blob.path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, batch.subarray(start, start + blob.size));
    at = start + blob.size + 1; // each blob's content is followed by a newline
  }
  return dir;
}

/** The repository root containing `cwd`. */
export function repositoryRoot(cwd: string): string {
  try {
    return execFileSync('git', ['rev-parse', '--show-toplevel'], { cwd, stdio: ['ignore', 'pipe', 'pipe'] })
      .toString()
      .trim();
  } catch (e) {
    const stderr = String((e as { stderr?: unknown }).stderr ?? '');
    if ((e as { code?: unknown }).code === 'ENOENT')
      throw new Error('git is not installed (diff mode reads the base from git)');
    throw new Error(
      /not a git repository/i.test(stderr)
        ? `${cwd} is not inside a git repository (diff mode reads the base from git)`
        : `git rev-parse failed in ${cwd}: ${stderr.trim().split('\n')[0] ?? 'unknown error'}`,
    );
  }
}
