import type { CandidateFile, LoadContext, Loader, LoadResult } from '@ztkit/core';

/**
 * Run one loader so that file accounting stays exact whatever it does: a loader that throws (a
 * bug) fails its files with the reason instead of aborting the scan, and a claimed file the loader
 * forgot to report ends failed rather than vanishing from the totals.
 */
export async function loadAccounted(
  loader: Loader,
  files: readonly CandidateFile[],
  ctx: LoadContext,
): Promise<LoadResult> {
  let result: LoadResult;
  try {
    result = await loader.load(files, ctx);
  } catch (e) {
    const reason = `internal error in the ${loader.language} loader (a ztkit bug): ${(e as Error)?.message ?? String(e)}`;
    return {
      resources: [],
      outcomes: files.map((f) => ({ path: f.path, status: 'failed', reason })),
      diagnostics: [{ severity: 'error', code: 'loader-crashed', message: reason }],
    };
  }
  const reported = new Set(result.outcomes.map((o) => o.path));
  const missing = files.filter((f) => !reported.has(f.path));
  if (!missing.length) return result;
  return {
    ...result,
    outcomes: [
      ...result.outcomes,
      ...missing.map((f) => ({
        path: f.path,
        status: 'failed' as const,
        reason: `the ${loader.language} loader claimed this file but did not report it (a ztkit bug)`,
      })),
    ],
  };
}
