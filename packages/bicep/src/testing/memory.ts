/**
 * In-memory load context for tests: files keyed by absolute path under one root; reads outside the
 * root are refused the way the engine's guard refuses them.
 */
import { DEFAULT_LIMITS, type Limits, type LoadContext, type LoadResult } from '@ztkit/core';
import { loadBicep } from '../loader.js';

export const MEMORY_ROOT = '/mem';

export function memoryContext(
  files: Readonly<Record<string, string>>,
  options: { limits?: Partial<Limits>; parameterFiles?: readonly string[] } = {},
): LoadContext {
  return {
    roots: [MEMORY_ROOT],
    limits: { ...DEFAULT_LIMITS, ...options.limits },
    parameterFiles: (options.parameterFiles ?? []).map((p) => `${MEMORY_ROOT}/${p}`),
    readFile(path) {
      if (!path.startsWith(`${MEMORY_ROOT}/`))
        return { ok: false, reason: `${path} is outside the scanned root`, status: 'failed' };
      const text = files[path.slice(MEMORY_ROOT.length + 1)];
      return text === undefined
        ? { ok: false, reason: `${path} does not exist`, status: 'failed' }
        : { ok: true, text };
    },
  };
}

/** Load the given files (relative names) as if discovery had found them all. */
export function loadMemory(
  files: Readonly<Record<string, string>>,
  options: { limits?: Partial<Limits>; parameterFiles?: readonly string[]; only?: readonly string[] } = {},
): LoadResult {
  const names = options.only ?? Object.keys(files).filter((f) => /\.bicep(param)?$/i.test(f));
  return loadBicep(
    names.map((n) => `${MEMORY_ROOT}/${n}`),
    memoryContext(files, options),
  );
}
