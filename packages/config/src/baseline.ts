import type { Finding } from '@ztkit/core';

/**
 * A baseline: the fingerprints of accepted findings, with enough context (rule, resource, last
 * seen location) for a person reviewing it. Fingerprints do not contain file paths or lines, so
 * entries survive line moves, reformatting and file renames of the same resource.
 */
export interface BaselineEntry {
  readonly fingerprint: string;
  readonly ruleId: string;
  readonly resource: { readonly type: string; readonly name: string };
  readonly file?: string;
  readonly message?: string;
}

export interface Baseline {
  readonly version: 1;
  readonly createdAt: string;
  readonly findings: readonly BaselineEntry[];
}

export function createBaseline(findings: readonly Finding[], now = new Date()): Baseline {
  const seen = new Set<string>();
  const entries: BaselineEntry[] = [];
  for (const f of findings) {
    if (f.ruleId.startsWith('ZT-P00-') || seen.has(f.fingerprint)) continue;
    seen.add(f.fingerprint);
    entries.push({
      fingerprint: f.fingerprint,
      ruleId: f.ruleId,
      resource: { type: f.resource.type, name: f.resource.name },
      ...(f.location ? { file: f.location.file } : {}),
      message: f.message,
    });
  }
  entries.sort((a, b) => a.ruleId.localeCompare(b.ruleId) || a.fingerprint.localeCompare(b.fingerprint));
  return { version: 1, createdAt: now.toISOString(), findings: entries };
}

/** Drop entries whose finding no longer occurs. Returns the pruned baseline and how many went. */
export function pruneBaseline(
  baseline: Baseline,
  current: readonly Finding[],
): { baseline: Baseline; removed: number } {
  const live = new Set(current.map((f) => f.fingerprint));
  const kept = baseline.findings.filter((e) => live.has(e.fingerprint));
  return { baseline: { ...baseline, findings: kept }, removed: baseline.findings.length - kept.length };
}

export function parseBaseline(
  text: string,
  file: string,
): { ok: true; baseline: Baseline } | { ok: false; message: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { ok: false, message: `${file}: not valid JSON (${(e as Error).message})` };
  }
  const b = value as Partial<Baseline>;
  if (
    b?.version !== 1 ||
    !Array.isArray(b.findings) ||
    b.findings.some((e) => typeof e?.fingerprint !== 'string')
  )
    return {
      ok: false,
      message: `${file}: not a ztkit baseline (expected { "version": 1, "findings": [{ "fingerprint", ... }] })`,
    };
  return { ok: true, baseline: b as Baseline };
}
