import { readFileSync, realpathSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Limits, ReadResult } from '@ztkit/core';

const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * The only way loaders read files: refuses anything outside the scan roots (a linked template or
 * module path that escapes them), files over the size cap, binary files and non-UTF-8 text.
 */
export function guardedReader(roots: readonly string[], limits: Limits) {
  const inside = insideRoots(roots);
  return (path: string): ReadResult => {
    let real: string;
    try {
      // The native call is one syscall; the JS fallback lstat()s every path component.
      real = realpathSync.native(path);
    } catch {
      return { ok: false, reason: 'file not found', status: 'failed' };
    }
    if (!inside(real))
      return { ok: false, reason: 'refused: path is outside the scanned root', status: 'failed' };
    const size = statSync(real).size;
    if (size > limits.maxFileBytes)
      return {
        ok: false,
        reason: `file is ${(size / 1048576).toFixed(1)} MB, over the ${(limits.maxFileBytes / 1048576).toFixed(0)} MB cap (limits.maxFileBytes)`,
        status: 'failed',
      };
    const bytes = readFileSync(real);
    // Binary detection as git does it: a NUL byte in the first 8,000 bytes. A NUL further in is
    // caught by the parser (a syntax error naming the line), so nothing slips through.
    if (bytes.subarray(0, 8000).includes(0))
      return { ok: false, reason: 'binary file (contains NUL bytes)', status: 'skipped' };
    try {
      return { ok: true, text: decoder.decode(bytes) };
    } catch {
      return { ok: false, reason: 'not valid UTF-8 text', status: 'skipped' };
    }
  };
}

/**
 * Containment test that costs the depth of the path, not the number of roots: a scan of thousands
 * of listed files has a root per file, and testing each read against all of them was quadratic.
 */
export function insideRoots(roots: readonly string[]): (real: string) => boolean {
  const set = new Set(roots);
  return (real) => {
    for (let dir = real; ; ) {
      if (set.has(dir)) return true;
      const up = dirname(dir);
      if (up === dir) return false;
      dir = up;
    }
  };
}
