import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { type RuleMeta, SEVERITIES } from '@ztkit/core';
import { type ScanResult, withFindings } from '@ztkit/engine';
import { renderMarkdown, toJsonReport } from '@ztkit/reporters';
import { emitAnnotations, findingAnnotation } from './annotations.js';
import { type AzureConnectionOverrides, runAzurePackCheck } from './azure-check.js';
import { diffSection, type JsonDiff } from './diff.js';
import { failingFindings, parseFailOn } from './fail-on.js';
import { InputError, scanForAction } from './iac-scan.js';
import { linkBase } from './links.js';
import { writeReports } from './reports.js';
import { createRunner, type Runner } from './runner.js';

export interface PackCheck {
  /** Heading of the job-summary section. */
  readonly title: string;
  /** Rule packs this check runs. */
  readonly packs: readonly RuleMeta['pack'][];
  /** Code-scanning category, so each check's alerts are tracked apart. */
  readonly category: string;
  /** A Mermaid diagram of what was scanned (the topology), for the summary and `diagram-file`. */
  readonly diagram?: (result: ScanResult) => string | undefined;
}

/** GitHub caps one step's job summary at 1 MiB. */
const SUMMARY_LIMIT = 1_000_000;

/** A rule-pack check (check-encryption, check-segmentation): scan, annotate, report, gate. */
export async function runPackCheck(
  check: PackCheck,
  runner: Runner = createRunner(),
  azure: AzureConnectionOverrides = {},
): Promise<void> {
  try {
    const source = runner.input('source', 'iac');
    if (source === 'azure') return await runAzurePackCheck(check, runner, azure);
    if (source !== 'iac') throw new InputError(`source must be 'iac' or 'azure', not '${source}'`);
    const { result, cwd, context, scope, rules, configFailOn, diff, baseResult } = await scanForAction(
      runner,
      (r) => check.packs.includes(r.meta.pack),
      { diff: 'compare' },
    );
    // The input wins; then the config's `failOn:`; then `high`.
    const failOn = parseFailOn(runner.input('fail-on') || configFailOn || 'high');
    const active = result.findings.filter((f) => !f.suppressed);
    // mode=diff: only what the pull request introduces is annotated and gated; the report keeps all.
    const judged = diff ? diff.new : active;
    const plan = emitAnnotations(runner, judged.map(findingAnnotation));
    const jsonDiff: JsonDiff | undefined =
      diff && baseResult
        ? {
            base: diff.base,
            new: diff.new.map((f) => f.fingerprint),
            fixed: toJsonReport(withFindings(baseResult, [...diff.fixed])).findings,
            unchanged: diff.unchanged.length,
          }
        : undefined;
    writeReports(runner, result, cwd, {
      rules,
      category: check.category,
      ...(jsonDiff ? { jsonExtra: { diff: jsonDiff } } : {}),
    });

    const failing = failingFindings(judged, failOn);
    runner.output('findings', active.length);
    for (const s of SEVERITIES) runner.output(s, result.summary.bySeverity[s]);
    runner.output('failing', failing.length);
    runner.output('files-scanned', result.summary.files.scanned);
    if (diff) {
      runner.output('new', diff.new.length);
      runner.output('fixed', diff.fixed.length);
      runner.output('base', diff.base);
    }

    const notes = [
      scope ? `_Changed mode: findings in ${scope.size} changed or dependent file(s)._` : '',
      diff
        ? `_Diff mode: compared with \`${diff.base.slice(0, 7)}\`; only the ${diff.new.length} new finding(s) are annotated and can fail the step._`
        : '',
      plan.hidden.length
        ? `_${plan.shown.length} findings are annotated on their lines; ${plan.hidden.length} more are listed here and in the step log (GitHub keeps 10 annotations per level per step)._`
        : '',
      failOn === 'none'
        ? ''
        : `_Gate: fails at \`${failOn}\` or above${diff ? ' on new findings' : ''}: ${failing.length} finding(s)._`,
    ].filter(Boolean);
    const diagram = check.diagram?.(result);
    const diagramFile = runner.input('diagram-file');
    if (diagram && diagramFile) {
      mkdirSync(dirname(resolve(cwd, diagramFile)), { recursive: true });
      writeFileSync(resolve(cwd, diagramFile), diagram);
      runner.output('diagram-file', diagramFile);
    }
    const base = linkBase(context);
    const changes = diff
      ? `${diffSection(
          { ...diff, unchanged: diff.unchanged.length },
          {
            ...(base ? { linkBase: base } : {}),
            ...(context.repository
              ? { baseLinkBase: linkBase({ ...context, sha: diff.base, pullRequest: undefined }) }
              : {}),
          },
        )}\n\n`
      : '';
    const report = renderMarkdown(result, {
      title: check.title,
      maxLength: SUMMARY_LIMIT - 2000 - changes.length,
      ...(base ? { linkBase: base } : {}),
      ...(diagram ? { diagram } : {}),
    });
    // New and fixed come first, under the title; the whole report follows.
    const heading = /^(#+ [^\n]*\n\n?)/.exec(report)?.[1] ?? '';
    runner.summary(`${heading}${changes}${report.slice(heading.length)}\n${notes.join('\n\n')}\n`);
    if (failing.length)
      runner.fail(
        `${check.title}: ${failing.length} ${diff ? 'new ' : ''}finding(s) at or above fail-on '${failOn}'.`,
      );
  } catch (e) {
    runner.fail(`${check.title}: ${(e as Error).message}`);
  }
}
