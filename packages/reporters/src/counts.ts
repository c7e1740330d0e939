import { type Finding, PRINCIPLE_TITLES, type Principle, SEVERITIES, type Severity } from '@ztkit/core';

/** Findings that count: suppressed ones are reported but never totalled or gated on. */
export function activeFindings(findings: readonly Finding[]): Finding[] {
  return findings.filter((f) => !f.suppressed);
}

export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const counts = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  for (const f of activeFindings(findings)) counts[f.severity]++;
  return counts;
}

export const PRINCIPLES = Object.keys(PRINCIPLE_TITLES) as Principle[];

/** A finding under several principles counts once under each. */
export function countByPrinciple(findings: readonly Finding[]): Record<Principle, number> {
  const counts = Object.fromEntries(PRINCIPLES.map((p) => [p, 0])) as Record<Principle, number>;
  for (const f of activeFindings(findings)) for (const p of f.principles) counts[p]++;
  return counts;
}

/** `1 critical, 3 high` — only the non-zero severities, most severe first. */
export function severityPhrase(counts: Readonly<Record<Severity, number>>): string {
  const parts = SEVERITIES.filter((s) => counts[s] > 0).map((s) => `${counts[s]} ${s}`);
  return parts.length ? parts.join(', ') : 'none';
}
