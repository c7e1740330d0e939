import { relative, sep } from 'node:path';
import {
  DEFAULT_LIMITS,
  type FileOutcome,
  type Finding,
  type Limits,
  type Loader,
  type Resource,
  type Rule,
  type RuleError,
  runRules,
  SEVERITIES,
  type Severity,
  severityRank,
  toLocation,
} from '@ztkit/core';
import { discover, notIacReason } from './discover.js';
import { buildGraphs, perUnitRules } from './graphs.js';
import { guardedReader } from './guard.js';
import { loadAccounted } from './load-guard.js';
import { defaultLoaders } from './loaders.js';
import type { FileReport, ScanResult } from './result.js';
import { defaultRules } from './rules.js';

export interface ScanOptions {
  /** Files and directories to scan (default: the working directory). */
  readonly paths?: readonly string[];
  readonly cwd?: string;
  /** Parameter files (`--parameters`) and Terraform var files (`--var-file`). */
  readonly parameterFiles?: readonly string[];
  readonly limits?: Partial<Limits>;
  readonly rules?: readonly Rule[];
  readonly loaders?: readonly Loader[];
  readonly ruleOptions?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  readonly globalOptions?: Readonly<Record<string, unknown>>;
  /** Called as files are loaded, for progress display. */
  readonly onProgress?: (done: number, total: number) => void;
  /** Returns why a file (absolute path) is excluded (config `paths:`), or undefined to scan it. */
  readonly exclude?: (path: string) => string | undefined;
}

export async function scan(options: ScanOptions = {}): Promise<ScanResult> {
  const started = performance.now();
  const cwd = options.cwd ?? process.cwd();
  const limits: Limits = { ...DEFAULT_LIMITS, ...options.limits };
  const loaders = options.loaders ?? defaultLoaders();
  const rules = options.rules ?? defaultRules();

  const found = discover(options.paths ?? ['.'], cwd);
  const outcomes: FileOutcome[] = [...found.outcomes];
  const byLoader = new Map<Loader, typeof found.candidates>();
  for (const file of found.candidates) {
    const excluded = options.exclude?.(file.path);
    if (excluded) {
      outcomes.push({ path: file.path, status: 'skipped', reason: excluded });
      continue;
    }
    const loader = loaders.find((l) => l.claims(file));
    if (!loader) {
      outcomes.push({ path: file.path, status: 'skipped', reason: notIacReason(file.path) });
      continue;
    }
    const list = byLoader.get(loader);
    if (list) list.push(file);
    else byLoader.set(loader, [file]);
  }

  const parameterFiles = (options.parameterFiles ?? []).map((p) =>
    p.startsWith(sep) ? p : `${cwd}${sep}${p}`,
  );
  const ctx = {
    roots: found.roots,
    limits,
    parameterFiles,
    readFile: guardedReader(found.roots, limits, parameterFiles),
  };
  const resources: Resource[] = [];
  const diagnostics = [] as ScanResult['diagnostics'];
  let done = 0;
  for (const [loader, files] of byLoader) {
    const result = await loadAccounted(loader, files, ctx);
    resources.push(...result.resources);
    outcomes.push(...result.outcomes);
    diagnostics.push(...result.diagnostics);
    done += files.length;
    options.onProgress?.(done, found.candidates.length);
  }

  const { merged: graph, byLanguage, units } = buildGraphs(resources);
  const findings: Finding[] = [];
  const errors: RuleError[] = [];
  for (const [language, languageGraph] of byLanguage) {
    const run = runRules(
      languageGraph,
      perUnitRules(rules, units.get(language) ?? [], options.globalOptions ?? {}),
      {
        cwd,
        ruleOptions: options.ruleOptions,
        global: options.globalOptions,
      },
    );
    findings.push(...run.findings);
    // A rule that crashes on several languages is one bug, reported once.
    for (const e of run.errors) if (!errors.some((x) => x.ruleId === e.ruleId)) errors.push(e);
  }
  findings.sort(compareFindings);
  const files = toFileReports(outcomes, cwd);
  for (const e of found.errors) diagnostics.push({ severity: 'error', code: 'path-not-found', message: e });

  const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  for (const f of findings) if (!f.suppressed) bySeverity[f.severity]++;
  return {
    version: 1,
    files,
    findings,
    diagnostics: diagnostics.map((d) =>
      d.span ? { ...d, span: { ...d.span, file: toLocation(d.span, cwd).file } } : d,
    ),
    ruleErrors: errors,
    graph,
    graphs: byLanguage,
    summary: {
      files: {
        total: files.length,
        scanned: files.filter((f) => f.status === 'scanned').length,
        skipped: files.filter((f) => f.status === 'skipped').length,
        failed: files.filter((f) => f.status === 'failed').length,
      },
      resources: graph.resources.length,
      rules: rules.length,
      findings: findings.filter((f) => !f.suppressed).length,
      suppressed: findings.filter((f) => f.suppressed).length,
      bySeverity,
      durationMs: Math.round(performance.now() - started),
    },
  };
}

function toFileReports(outcomes: readonly FileOutcome[], cwd: string): FileReport[] {
  // A file may be reported by several stages (e.g. read by a module loader and by discovery): keep the most telling.
  const rank = { failed: 3, scanned: 2, skipped: 1 } as const;
  const byPath = new Map<string, FileOutcome>();
  for (const o of outcomes) {
    const prev = byPath.get(o.path);
    if (!prev || rank[o.status] > rank[prev.status]) byPath.set(o.path, o);
  }
  return [...byPath.values()]
    .map((o) => ({
      path: relative(cwd, o.path).split(sep).join('/') || '.',
      status: o.status,
      ...(o.reason ? { reason: o.reason } : {}),
      ...(o.language ? { language: o.language } : {}),
      ...(o.resources !== undefined ? { resources: o.resources } : {}),
    }))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** Most severe first, then by file and line. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    severityRank(b.severity) - severityRank(a.severity) ||
    (a.location?.file ?? '').localeCompare(b.location?.file ?? '') ||
    (a.location?.startLine ?? 0) - (b.location?.startLine ?? 0) ||
    a.ruleId.localeCompare(b.ruleId)
  );
}
