import type { Diagnostic, Finding, Severity } from '@ztkit/core';
import { severityRank } from '@ztkit/core';
import type { Runner } from './runner.js';

export type AnnotationLevel = 'error' | 'warning' | 'notice';

export interface Annotation {
  readonly level: AnnotationLevel;
  /** Higher first when the budget runs out. */
  readonly rank: number;
  readonly title: string;
  readonly message: string;
  readonly file?: string;
  readonly line?: number;
  readonly endLine?: number;
  readonly col?: number;
  readonly endColumn?: number;
}

/**
 * GitHub keeps at most 10 annotations of each level per step and 50 per job; the rest are dropped
 * silently. We choose which ones survive (most severe first) and say what was left out.
 */
export const ANNOTATION_LIMITS = { perLevelPerStep: 10, perJob: 50 } as const;

export function levelOf(severity: Severity): AnnotationLevel {
  if (severity === 'critical' || severity === 'high') return 'error';
  return severity === 'medium' ? 'warning' : 'notice';
}

export function findingAnnotation(f: Finding): Annotation {
  const loc = f.location;
  // A column range only means something on a single line; GitHub ignores it otherwise.
  const oneLine = loc && loc.startLine === loc.endLine;
  return {
    level: levelOf(f.severity),
    rank: severityRank(f.severity),
    title: `${f.ruleId} ${f.title} (${f.severity})`,
    message: `${f.message} [${f.resource.type} '${f.resource.name}']`,
    ...(loc
      ? {
          file: loc.file,
          line: loc.startLine,
          endLine: loc.endLine,
          ...(oneLine ? { col: loc.startColumn, endColumn: loc.endColumn } : {}),
        }
      : {}),
  };
}

export function diagnosticAnnotation(d: Diagnostic): Annotation {
  const level: AnnotationLevel = d.severity === 'info' ? 'notice' : d.severity;
  const span = d.span;
  return {
    level,
    rank: d.severity === 'error' ? 4 : d.severity === 'warning' ? 2 : 0,
    title: `ztkit ${d.code}`,
    message: d.message,
    ...(span
      ? {
          file: span.file,
          line: span.startLine,
          endLine: span.endLine,
          ...(span.startLine === span.endLine ? { col: span.startColumn, endColumn: span.endColumn } : {}),
        }
      : {}),
  };
}

export interface AnnotationPlan {
  readonly shown: Annotation[];
  readonly hidden: Annotation[];
}

/** Most severe first; stable within a rank so the order follows the report. */
export function planAnnotations(
  all: readonly Annotation[],
  budget: number = ANNOTATION_LIMITS.perJob,
): AnnotationPlan {
  const ordered = all.map((a, i) => ({ a, i })).sort((x, y) => y.a.rank - x.a.rank || x.i - y.i);
  const perLevel: Record<AnnotationLevel, number> = { error: 0, warning: 0, notice: 0 };
  const shown: Annotation[] = [];
  const hidden: Annotation[] = [];
  for (const { a } of ordered) {
    if (shown.length < budget && perLevel[a.level] < ANNOTATION_LIMITS.perLevelPerStep) {
      perLevel[a.level]++;
      shown.push(a);
    } else hidden.push(a);
  }
  return { shown, hidden };
}

/** Prints the plan: shown ones as workflow commands, the rest as plain log lines in a group. */
export function emitAnnotations(runner: Runner, all: readonly Annotation[], budget?: number): AnnotationPlan {
  const plan = planAnnotations(all, budget);
  for (const a of plan.shown)
    runner.command(a.level, a.message, {
      title: a.title,
      file: a.file,
      line: a.line,
      endLine: a.endLine,
      col: a.col,
      endColumn: a.endColumn,
    });
  if (plan.hidden.length)
    runner.group(`${plan.hidden.length} more not annotated (GitHub keeps 10 per level per step)`, () => {
      for (const a of plan.hidden)
        runner.log(`${a.file ?? '-'}:${a.line ?? 0} ${a.level} ${a.title}: ${a.message}`);
    });
  return plan;
}
