import { dirname, resolve } from 'node:path';

const indexes = new WeakMap<readonly string[], ReadonlySet<string>>();

/**
 * The outermost scan root that holds `path` (absolute), or undefined when none does. Costs the depth
 * of the path, not the number of roots: a scan of a long file list (CI passing the changed files)
 * has a root per file, and every read, module lookup and display path used to test them all.
 * Outermost, so that a file named both by its folder and by itself displays with the most context.
 */
export function rootHolding(roots: readonly string[], path: string): string | undefined {
  let set = indexes.get(roots);
  if (!set) {
    set = new Set(roots.map((r) => resolve(r)));
    indexes.set(roots, set);
  }
  let found: string | undefined;
  for (let dir = resolve(path); ; ) {
    if (set.has(dir)) found = dir;
    const up = dirname(dir);
    if (up === dir) return found;
    dir = up;
  }
}

export function isInsideRoots(path: string, roots: readonly string[]): boolean {
  return rootHolding(roots, path) !== undefined;
}
