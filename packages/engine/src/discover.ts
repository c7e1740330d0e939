import {
  closeSync,
  type Dirent,
  lstatSync,
  openSync,
  readdirSync,
  readSync,
  realpathSync,
  statSync,
} from 'node:fs';
import { basename, extname, join, resolve, sep } from 'node:path';
import type { CandidateFile, FileOutcome } from '@ztkit/core';

/** Folders never walked: dependencies, VCS metadata, Terraform's provider cache. */
const SKIPPED_DIRS = new Set(['node_modules', '.git', '.terraform', '.turbo', '.hg', '.svn']);
const HEAD_BYTES = 4096;

export interface Discovery {
  readonly candidates: CandidateFile[];
  /** Files found but not handed to loaders (symlinks out of the root, unreadable, ...). */
  readonly outcomes: FileOutcome[];
  /** Real paths of the scan roots. */
  readonly roots: string[];
  readonly errors: string[];
}

/**
 * Walk the given paths. Directories are walked without following symlinks that leave the scan root;
 * every regular file found becomes a candidate (loaders decide what is IaC; the rest is skipped
 * with a reason by the pipeline).
 */
export function discover(paths: readonly string[], cwd = process.cwd()): Discovery {
  const candidates: CandidateFile[] = [];
  const outcomes: FileOutcome[] = [];
  const errors: string[] = [];
  const roots: string[] = [];
  const seen = new Set<string>();
  for (const p of paths.length ? paths : ['.']) {
    const abs = resolve(cwd, p);
    let real: string;
    try {
      real = realpathSync.native(abs);
    } catch {
      errors.push(`${p}: no such file or directory`);
      continue;
    }
    const st = statSync(real);
    const root = st.isDirectory() ? real : resolve(real, '..');
    roots.push(root);
    if (st.isDirectory()) walk(abs, real, 0);
    else addFile(abs, real);
  }
  return { candidates, outcomes, roots, errors };

  function walk(dir: string, rootReal: string, depth: number): void {
    if (depth > 64) {
      outcomes.push({ path: dir, status: 'skipped', reason: 'directory nesting deeper than 64 levels' });
      return;
    }
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (e) {
      outcomes.push({
        path: dir,
        status: 'failed',
        reason: `cannot read directory: ${(e as Error).message}`,
      });
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRS.has(entry.name)) walk(full, rootReal, depth + 1);
      } else if (entry.isSymbolicLink()) {
        let target: string;
        try {
          target = realpathSync.native(full);
        } catch {
          outcomes.push({ path: full, status: 'skipped', reason: 'broken symbolic link' });
          continue;
        }
        if (target !== rootReal && !target.startsWith(rootReal + sep)) {
          outcomes.push({
            path: full,
            status: 'skipped',
            reason: 'symbolic link that leaves the scanned root (not followed)',
          });
          continue;
        }
        const st = statSync(target);
        if (st.isDirectory())
          outcomes.push({
            path: full,
            status: 'skipped',
            reason: 'symbolic link to a directory (not followed)',
          });
        else addFile(full, target);
      } else if (entry.isFile()) addFile(full, full);
    }
  }

  function addFile(path: string, real: string): void {
    if (seen.has(real)) return;
    seen.add(real);
    let size: number;
    try {
      size = lstatSync(real).size;
    } catch (e) {
      outcomes.push({ path, status: 'failed', reason: `cannot stat: ${(e as Error).message}` });
      return;
    }
    candidates.push({ path, size, head: headOf(real, size) });
  }
}

/**
 * JSON object keys have no order, so a template may put `$schema` after a long `metadata` block.
 * When a JSON file's first 4 KiB do not name a schema, the head is the file (up to 1 MiB), so the
 * loaders decide on the whole text rather than skip a template for where its key sits.
 */
const JSON_HEAD_BYTES = 1024 * 1024;

function headOf(path: string, size: number): string {
  const head = readHead(path, HEAD_BYTES);
  const lower = path.toLowerCase();
  if (
    size <= HEAD_BYTES ||
    !(lower.endsWith('.json') || lower.endsWith('.jsonc')) ||
    head.includes('"$schema"')
  )
    return head;
  return readHead(path, Math.min(size, JSON_HEAD_BYTES));
}

function readHead(path: string, bytes: number): string {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const buf = Buffer.alloc(bytes);
    const n = readSync(fd, buf, 0, bytes, 0);
    return buf.subarray(0, n).toString('utf8');
  } catch {
    return '';
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** A human reason for a file no loader claimed. */
export function notIacReason(path: string): string {
  const ext = extname(path).toLowerCase();
  if (path.toLowerCase().endsWith('.tf.json'))
    return 'Terraform JSON syntax (.tf.json) is not read yet: its resources are not in this scan';
  if (ext === '.json') return 'JSON file that is not an ARM template, parameter file or Terraform plan';
  if (!ext) return `not an IaC file (${basename(path)})`;
  return `not an IaC file (${ext})`;
}
