import type { Finding, Principle, Rule } from '@ztkit/core';

/** The objectives of "Secure networks with Zero Trust" (document 002), by number. */
export const OBJECTIVES_002: Readonly<Record<string, string>> = {
  '§1': 'Macro segmentation strategy',
  '§2': 'Network segmentation: many ingress/egress cloud micro-perimeters',
  '§3': 'Threat protection: cloud native filtering for known threats',
  '§4': 'Encryption: user-to-app internal traffic is encrypted',
  '§5': 'Network segmentation: fully distributed micro-perimeters',
  '§6': 'Threat protection: machine learning-based protection',
  '§7': 'Encryption: all traffic is encrypted',
  '§8': 'Automation and orchestration',
  '§9': 'Monitoring and visibility',
  '§10': 'Discontinue legacy network security technology',
};

export interface ScorePart {
  readonly passed: number;
  readonly failed: number;
  readonly total: number;
  /** passed / total, 0-100, rounded; 100 when there is nothing to check. */
  readonly percent: number;
}

export interface ControlStatus {
  readonly ruleId: string;
  readonly catalog: readonly string[];
  readonly passed: boolean;
  /** Unsuppressed findings above `info`. */
  readonly findings: number;
}

export interface ZeroTrustScore {
  readonly overall: ScorePart;
  readonly principles: Readonly<Record<Principle, ScorePart>>;
  /** Objectives of document 002 that at least one rule covers, in document order. */
  readonly objectives: readonly ({ readonly id: string; readonly title: string } & ScorePart)[];
  readonly controls: readonly ControlStatus[];
}

function part(statuses: readonly ControlStatus[]): ScorePart {
  const passed = statuses.filter((s) => s.passed).length;
  const total = statuses.length;
  return { passed, failed: total - passed, total, percent: total ? Math.round((passed / total) * 100) : 100 };
}

/** `§5 Network segmentation` -> `§5`. */
function objectiveOf(step: string): string | undefined {
  return /§\s*(\d+)/.exec(step)?.[1] ? `§${/§\s*(\d+)/.exec(step)![1]}` : undefined;
}

/**
 * Zero Trust score from one scan: a control is a rule; it passes when it has no unsuppressed
 * finding above `info` (informational findings, such as the topology summary, never fail a
 * control). Controls are counted per principle and per 002 objective their metadata names. Pure:
 * the same findings and rules give the same score, so scheduled runs can be trended.
 */
export function zeroTrustScore(findings: readonly Finding[], rules: readonly Rule[]): ZeroTrustScore {
  const failing = new Map<string, number>();
  for (const f of findings) {
    if (f.suppressed || f.severity === 'info') continue;
    failing.set(f.ruleId, (failing.get(f.ruleId) ?? 0) + 1);
  }
  const controls: ControlStatus[] = rules.map((r) => ({
    ruleId: r.meta.id,
    catalog: r.meta.catalog,
    passed: !failing.has(r.meta.id),
    findings: failing.get(r.meta.id) ?? 0,
  }));
  const byId = new Map(controls.map((c) => [c.ruleId, c]));
  const principleNames: Principle[] = ['verify-explicitly', 'least-privilege', 'assume-breach'];
  const principles = Object.fromEntries(
    principleNames.map((p) => [
      p,
      part(rules.filter((r) => r.meta.principles.includes(p)).map((r) => byId.get(r.meta.id)!)),
    ]),
  ) as Record<Principle, ScorePart>;
  const objectives = Object.entries(OBJECTIVES_002)
    .map(([id, title]) => {
      const covered = rules.filter((r) =>
        r.meta.source.some((s) => s.document === '002' && objectiveOf(s.step) === id),
      );
      return { id, title, ...part(covered.map((r) => byId.get(r.meta.id)!)) };
    })
    .filter((o) => o.total > 0);
  return { overall: part(controls), principles, objectives, controls };
}
