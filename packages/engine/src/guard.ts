import { readFileSync, realpathSync, statSync } from 'node:fs';
import { isInsideRoots, type Limits, type ReadResult } from '@ztkit/core';

const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * The only way loaders read files: refuses anything outside the scan roots (a linked template or
 * module path that escapes them), files over the size cap, binary files and non-UTF-8 text.
 */
export function guardedReader(
  roots: readonly string[],
  limits: Limits,
  explicitFiles: readonly string[] = [],
) {
  // Files the user named (--parameters, --var-file) may live outside the scanned folders
  // (`scan infra/ --var-file envs/prod.tfvars`): they are read, and nothing else out there is.
  const named = new Set<string>();
  for (const f of explicitFiles) {
    try {
      named.add(realpathSync.native(f));
    } catch {
      // A missing file is reported when a loader asks for it.
    }
  }
  return (path: string): ReadResult => {
    let real: string;
    try {
      // The native call is one syscall; the JS fallback lstat()s every path component.
      real = realpathSync.native(path);
    } catch {
      return { ok: false, reason: 'file not found', status: 'failed' };
    }
    if (!named.has(real) && !isInsideRoots(real, roots))
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
