import { globSync, statSync } from 'node:fs';
import { matchesGlob, relative, resolve, sep } from 'node:path';

const GLOB_CHARS = /[*?[\]{}]/;
const NEVER_WALKED = ['**/node_modules/**', '**/.git/**', '**/.terraform/**'];

export interface Targets {
  /** What to hand to `scan({ paths })`, relative to the workspace. Empty: nothing matched. */
  readonly paths: string[];
  /** Files dropped by an `ignore` pattern. */
  readonly ignored: number;
}

/**
 * Turns the `paths` and `ignore` inputs into scan targets. Plain directories pass through untouched
 * (the engine walks them and accounts for every file) unless there is something to ignore; globs
 * and ignores are expanded to files here so that an ignored file is never parsed.
 */
export function resolveTargets(paths: readonly string[], ignore: readonly string[], cwd: string): Targets {
  const entries = paths.length ? paths : ['.'];
  if (!ignore.length && !entries.some((p) => GLOB_CHARS.test(p))) return { paths: [...entries], ignored: 0 };
  const files = new Set<string>();
  for (const entry of entries) {
    const pattern = GLOB_CHARS.test(entry)
      ? entry
      : isDirectory(resolve(cwd, entry))
        ? `${entry}/**/*`
        : entry;
    for (const match of globSync(pattern, { cwd, exclude: NEVER_WALKED }))
      if (!isDirectory(resolve(cwd, match))) files.add(toPosix(relative(cwd, resolve(cwd, match))));
  }
  const kept = [...files].filter((f) => !ignore.some((g) => matchesGlob(f, g))).sort();
  return { paths: kept, ignored: files.size - kept.length };
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

export function toPosix(path: string): string {
  return path.split(sep).join('/');
}
