import { type Finding, ResourceGraph, type Rule, SEVERITIES, type Severity } from '@ztkit/core';
import {
  ConfigInvalidError,
  defaultRules,
  diffScan,
  type PolicyScanResult,
  type ScanResult,
  scanWithPolicy,
  withFindings,
} from '@ztkit/engine';
import { diffBase, type PullRequestDiff } from './diff.js';
import { type RunContext, readRunContext } from './event.js';
import type { Runner } from './runner.js';
import { changedFiles, changeScope } from './scope.js';
import { resolveTargets } from './targets.js';

export type Mode = 'all' | 'changed' | 'diff';

export interface ScanForActionOptions {
  /**
   * What `mode: diff` means for this action. `compare` (the rule-pack checks): scan the base too and
   * classify findings; `changed`: the action has nothing to compare (validate-iac), so `diff` reports
   * like `changed`.
   */
  readonly diff?: 'compare' | 'changed';
}

export interface IacScan {
  /** What this run reports: the whole scan, or in `changed` mode the part inside the change scope. */
  readonly result: ScanResult;
  readonly cwd: string;
  readonly context: RunContext;
  /** The rules that ran for this action (after the config's `rules:`), for SARIF descriptors. */
  readonly rules: readonly Rule[];
  /** `failOn` from the config file, used when the `fail-on` input is empty. */
  readonly configFailOn?: string;
  /** Files of the change scope, or undefined when everything is reported. */
  readonly scope?: ReadonlySet<string>;
  /** `mode: diff` in a pull request: the findings of `result` classified against the base. */
  readonly diff?: PullRequestDiff;
  /** The base scan behind `diff` (for the fixed findings' JSON). */
  readonly baseResult?: ScanResult;
  readonly ignored: number;
}

/**
 * The part every IaC action shares: inputs `paths`, `ignore`, `mode` -> targets -> one scan. The
 * model is always built from every target, so that cross-file reasoning (an NSG in one file guarding
 * a subnet in another) stays right; `changed` mode narrows what is reported and annotated.
 */
export async function scanForAction(
  runner: Runner,
  select: (rule: Rule) => boolean,
  options: ScanForActionOptions = {},
): Promise<IacScan> {
  const cwd = process.env.GITHUB_WORKSPACE || process.cwd();
  const context = readRunContext();
  const ruleIds = new Set(
    defaultRules()
      .filter(select)
      .map((r) => r.meta.id),
  );
  const requested = runner.input('mode', 'changed');
  if (requested !== 'all' && requested !== 'changed' && requested !== 'diff')
    throw new InputError(`mode must be 'all', 'changed' or 'diff', not '${requested}'`);
  let mode: Mode = requested;
  if (mode === 'diff' && options.diff !== 'compare') {
    runner.log('mode=diff: this action has no findings to compare with the base; reporting as mode=changed.');
    mode = 'changed';
  }
  const entries = runner.list('paths');
  const ignore = runner.list('ignore');
  const targets = resolveTargets(entries, ignore, cwd);
  if (!targets.paths.length)
    runner.command('warning', 'No file matched the paths and ignore inputs: nothing to scan.');
  const configFile = runner.input('config') || undefined;

  // mode=diff needs the base commit; without it the step reports (and gates on) everything.
  let baseSha: string | undefined;
  if (mode === 'diff' && targets.paths.length) {
    if (!context.pullRequest) runner.log('mode=diff outside a pull request: reporting every finding.');
    else {
      const base = diffBase(cwd, context.pullRequest);
      if (base.ok) {
        baseSha = base.sha;
        runner.log(`Comparing with ${base.sha} (${base.how}).`);
      } else
        runner.command(
          'warning',
          `Cannot find the pull request's base commit (${base.reason}); reporting and gating on every finding. Check out with fetch-depth: 0.`,
        );
    }
  }

  let full: ScanResult;
  let configFailOn: string | undefined;
  let diff: PullRequestDiff | undefined;
  let baseResult: ScanResult | undefined;
  // The config selects rules for the whole kit; this action keeps its own packs of them.
  const ours = (policy: PolicyScanResult) =>
    withFindings(
      policy,
      policy.findings.filter((f) => ruleIds.has(f.ruleId)),
    );
  try {
    if (baseSha) {
      const compared = await diffScan({
        baseRef: baseSha,
        cwd,
        // What git materialises for the base: the folders (or files) named, globs cut to their folder.
        paths: materialisedPaths(entries),
        // Globs and ignores are expanded on each side, so an added, removed or renamed file counts.
        // An empty list would mean "everything": a side where nothing matches scans a path that is not there.
        targets: (root) => {
          const paths = resolveTargets(entries, ignore, root).paths;
          return paths.length ? paths : [NOTHING];
        },
        ...(configFile ? { configFile } : {}),
      });
      full = ours(compared.head);
      baseResult = ours(compared.base);
      // Fingerprints start with the rule, so filtering a classification equals classifying filtered findings.
      const keep = (list: readonly Finding[]) => list.filter((f) => ruleIds.has(f.ruleId));
      diff = {
        base: baseSha,
        new: keep(compared.diff.new),
        fixed: keep(compared.diff.fixed),
        unchanged: keep(compared.diff.unchanged),
      };
      configFailOn = compared.head.failOn;
    } else {
      const policy = targets.paths.length
        ? await scanWithPolicy({ paths: targets.paths, cwd, ...(configFile ? { configFile } : {}) })
        : undefined;
      full = policy ? ours(policy) : emptyScan([]);
      configFailOn = policy?.failOn;
    }
  } catch (e) {
    if (e instanceof ConfigInvalidError) {
      for (const err of e.errors)
        runner.command('error', err.message, {
          title: 'ztkit config',
          file: err.file,
          line: err.line,
          col: err.column,
        });
      throw new InputError(`the configuration file is not valid (${e.errors.length} error(s))`);
    }
    throw e;
  }
  const rules = defaultRules().filter(select);
  full = { ...full, summary: { ...full.summary, rules: rules.length } };
  if (baseResult) baseResult = { ...baseResult, summary: { ...baseResult.summary, rules: rules.length } };
  if (diff)
    runner.log(
      `Compared with the base: ${diff.new.length} new, ${diff.fixed.length} fixed, ${diff.unchanged.length} unchanged finding(s).`,
    );

  let scope: Set<string> | undefined;
  if (mode === 'changed') {
    if (!context.pullRequest) runner.log('mode=changed outside a pull request: reporting every file.');
    else {
      const changed = changedFiles(cwd, context.pullRequest);
      if (!changed.ok)
        runner.command(
          'warning',
          `Cannot list the pull request's changed files (${changed.reason}); reporting every file. Check out with fetch-depth: 0.`,
        );
      else {
        scope = changeScope(
          changed.files,
          full.files.map((f) => f.path),
          cwd,
        );
        runner.log(
          `Change scope (${changed.how}): ${scope.size} IaC file(s) changed or depending on a change.`,
        );
      }
    }
  }
  return {
    result: scope ? narrowToScope(full, scope) : full,
    cwd,
    context,
    rules,
    ...(configFailOn ? { configFailOn } : {}),
    ...(scope ? { scope } : {}),
    ...(diff && baseResult ? { diff, baseResult } : {}),
    ignored: targets.ignored,
  };
}

export class InputError extends Error {}

/** A path no repository has, for a side of a diff where no file matched (its not-found diagnostic is not reported). */
const NOTHING = '.ztkit-no-file-matched';

/** The folders or files to read from git for the base: a glob is cut to the folder before its first wildcard. */
function materialisedPaths(entries: readonly string[]): string[] {
  const list = entries.length ? entries : ['.'];
  return [
    ...new Set(
      list.map((entry) => {
        const wildcard = entry.search(/[*?[\]{}]/);
        if (wildcard < 0) return entry;
        const cut = entry.slice(0, wildcard);
        return cut.includes('/') ? cut.slice(0, cut.lastIndexOf('/')) || '.' : '.';
      }),
    ),
  ];
}

/** A scan of nothing, so that outputs and reports keep their shape when no file matched. */
function emptyScan(rules: readonly Rule[]): ScanResult {
  const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  return {
    version: 1,
    files: [],
    findings: [],
    diagnostics: [],
    ruleErrors: [],
    graph: new ResourceGraph([]),
    summary: {
      files: { total: 0, scanned: 0, skipped: 0, failed: 0 },
      resources: 0,
      rules: rules.length,
      findings: 0,
      suppressed: 0,
      bySeverity,
      durationMs: 0,
    },
  };
}

/** Keeps findings and diagnostics located in the scope; the file inventory stays whole. */
export function narrowToScope(result: ScanResult, scope: ReadonlySet<string>): ScanResult {
  const inScope = (file: string | undefined) => file !== undefined && scope.has(file);
  const findings = result.findings.filter(
    (f) => inScope(f.location?.file) || f.related?.some((r) => inScope(r.location.file)),
  );
  const bySeverity = { ...result.summary.bySeverity };
  for (const key of Object.keys(bySeverity) as (keyof typeof bySeverity)[]) bySeverity[key] = 0;
  for (const f of findings) if (!f.suppressed) bySeverity[f.severity]++;
  return {
    ...result,
    findings,
    diagnostics: result.diagnostics.filter((d) => !d.span || inScope(d.span.file)),
    summary: {
      ...result.summary,
      findings: findings.filter((f) => !f.suppressed).length,
      suppressed: findings.filter((f) => f.suppressed).length,
      bySeverity,
    },
  };
}
