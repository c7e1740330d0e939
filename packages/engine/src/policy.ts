import { readFileSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import {
  applyPolicy,
  type Baseline,
  type ConfigError,
  classifyFindings,
  type FindingDiff,
  findInlineSuppressions,
  type InlineSuppression,
  type LoadedConfig,
  loadConfig,
  materializeRef,
  parseBaseline,
  pathFilter,
  repositoryRoot,
  selectRules,
} from '@ztkit/config';
import { SEVERITIES, type Severity } from '@ztkit/core';
import type { ScanResult } from './result.js';
import { defaultRules } from './rules.js';
import { compareFindings, type ScanOptions, scan } from './scan.js';

/** A configuration file that does not validate: the scan does not start. */
export class ConfigInvalidError extends Error {
  constructor(readonly errors: readonly ConfigError[]) {
    super(errors.map((e) => `${e.file}:${e.line}:${e.column}: ${e.message}`).join('\n'));
  }
}

/** A baseline file that cannot be read or is not a baseline: the scan does not start. */
export class BaselineInvalidError extends Error {
  override readonly name = 'BaselineInvalidError';
}

export interface PolicyScanOptions
  extends Omit<ScanOptions, 'rules' | 'ruleOptions' | 'globalOptions' | 'exclude'> {
  /** `--config`: explicit config file; else `.ztkit.yml` is looked up from cwd to the repository root. */
  readonly configFile?: string;
  /** `--baseline`: overrides the config's `baseline:`. `false` ignores any baseline (used to create one). */
  readonly baselineFile?: string | false;
  /** `YYYY-MM-DD` for suppression expiry (tests); defaults to today. */
  readonly today?: string;
}

export interface PolicyScanResult extends ScanResult {
  readonly config: LoadedConfig;
  /** `failOn` from the config, when it sets one (the CLI flag wins). */
  readonly failOn?: Severity | 'none';
}

/**
 * The scan users run: config (rules, severities, options, paths), then the engine, then
 * suppressions (inline, config, baseline) marked on findings — never dropped.
 */
export async function scanWithPolicy(options: PolicyScanOptions = {}): Promise<PolicyScanResult> {
  const cwd = options.cwd ?? process.cwd();
  const loaded = loadConfig(cwd, options.configFile);
  if (!loaded.ok) throw new ConfigInvalidError(loaded.errors);
  const config = loaded.loaded;
  const selection = selectRules(defaultRules(), config);
  const result = await scan({
    ...options,
    rules: selection.rules,
    ruleOptions: selection.ruleOptions,
    globalOptions: selection.globalOptions,
    exclude: pathFilter(config),
  });

  const inline: InlineSuppression[] = [];
  for (const file of result.files) {
    if (file.status !== 'scanned') continue;
    try {
      inline.push(...findInlineSuppressions(readFileSync(resolve(cwd, file.path), 'utf8'), file.path));
    } catch {
      // The loader read it moments ago; a file deleted since then has no suppressions to apply.
    }
  }
  const findings = applyPolicy({
    findings: result.findings,
    inline,
    configSuppressions: config.config.suppressions,
    configFile: config.file ? relative(cwd, config.file).split(sep).join('/') : undefined,
    baseline: readBaseline(cwd, config, options.baselineFile),
    today: options.today,
  });
  return {
    ...withFindings(result, findings),
    config,
    ...(config.config.failOn ? { failOn: config.config.failOn } : {}),
  };
}

function readBaseline(
  cwd: string,
  config: LoadedConfig,
  override: string | false | undefined,
): Baseline | undefined {
  if (override === false) return undefined;
  const file = override
    ? resolve(cwd, override)
    : config.config.baseline
      ? resolve(config.directory, config.config.baseline)
      : undefined;
  if (!file) return undefined;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new BaselineInvalidError(
      `baseline file ${relative(cwd, file)} cannot be read (create it with 'ztkit baseline create')`,
    );
  }
  const parsed = parseBaseline(text, relative(cwd, file));
  if (!parsed.ok) throw new BaselineInvalidError(parsed.message);
  return parsed.baseline;
}

/**
 * Replace findings and recompute what depends on them: the counts, and the order (most severe first,
 * then file and line), which findings added after the scan (suppression findings) would otherwise break.
 */
export function withFindings<T extends ScanResult>(result: T, unsorted: ScanResult['findings']): T {
  const findings = [...unsorted].sort(compareFindings);
  const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  for (const f of findings) if (!f.suppressed) bySeverity[f.severity]++;
  return {
    ...result,
    findings,
    summary: {
      ...result.summary,
      findings: findings.filter((f) => !f.suppressed).length,
      suppressed: findings.filter((f) => f.suppressed).length,
      bySeverity,
    },
  };
}

export interface DiffResult {
  readonly base: PolicyScanResult;
  readonly head: PolicyScanResult;
  readonly diff: FindingDiff;
  readonly baseRef: string;
}

export interface DiffScanOptions extends PolicyScanOptions {
  readonly baseRef: string;
  /**
   * The paths to scan inside a scan root, called once with the working tree and once with the
   * materialized base. For callers whose targets are expanded from globs and ignore patterns: a file
   * added, removed or renamed by the change then lands on the right side. `paths` still chooses
   * what is read from git for the base (files or folders), and is what both sides scan without this.
   */
  readonly targets?: (scanRoot: string) => readonly string[];
}

/**
 * `ztkit diff --base REF`: scan the files of REF (read from git's object database into a temporary
 * directory, no checkout) and the working tree with the same paths, then classify head findings as
 * new / unchanged and base findings as fixed.
 */
export async function diffScan(options: DiffScanOptions): Promise<DiffResult> {
  const cwd = resolve(options.cwd ?? process.cwd());
  const root = repositoryRoot(cwd);
  const prefix = relative(root, cwd);
  const paths = (options.paths?.length ? options.paths : ['.']).map(
    (p) => relative(root, resolve(cwd, p)) || '.',
  );
  const baseDir = materializeRef(root, options.baseRef, paths);
  const baseCwd = resolve(baseDir, prefix);
  const configFile = options.configFile ? resolve(cwd, options.configFile) : undefined;
  const head = await scanWithPolicy({
    ...options,
    cwd,
    configFile,
    ...(options.targets ? { paths: options.targets(cwd) } : {}),
  });
  const base = await scanWithPolicy({
    ...options,
    cwd: baseCwd,
    ...(options.targets ? { paths: options.targets(baseCwd) } : {}),
    // The head's config judges both sides: a PR must not loosen the rules it is judged by.
    configFile: configFile ?? head.config.file,
    parameterFiles: options.parameterFiles?.map((p) => resolve(baseCwd, relative(cwd, resolve(cwd, p)))),
  });
  const diff = classifyFindings(
    base.findings.filter((f) => !f.suppressed),
    head.findings.filter((f) => !f.suppressed),
  );
  return { base, head, diff, baseRef: options.baseRef };
}
