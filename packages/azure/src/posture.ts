import type { TokenCredential } from '@azure/core-auth';
import { applyPolicy, loadConfig, selectRules } from '@ztkit/config';
import { type Diagnostic, type Finding, type Rule, runRules, SEVERITIES, type Severity } from '@ztkit/core';
import { ConfigInvalidError, compareFindings, defaultRules, type ScanResult } from '@ztkit/engine';
import type { ArmConnection } from './client-options.js';
import type { AzureCloud } from './cloud.js';
import type { EstateScope, SubscriptionStatus } from './inventory/estate.js';
import type { DetailFailure } from './inventory/firewall-policies.js';
import { readLiveEstate } from './live-estate.js';
import { type VerifyOptions, type VerifyReport, verifyEffective } from './verify/verify.js';

export interface PostureOptions extends Omit<ArmConnection, 'cloud'> {
  readonly cloud: AzureCloud;
  readonly credential: TokenCredential;
  readonly scope: EstateScope;
  /** Where `.ztkit.yml` is looked up (and suppressions' paths are relative to). */
  readonly cwd: string;
  readonly configFile?: string;
  /** Keep only some rules (an action's packs), after the config's selection. */
  readonly select?: (rule: Rule) => boolean;
  /** Cross-check the static analysis with Azure's effective rules and routes of NICs. */
  readonly verify?: VerifyOptions | boolean;
  readonly today?: string;
  readonly pageSize?: number;
  readonly batchSize?: number;
  readonly onProgress?: (message: string) => void;
}

export interface PostureDetails {
  readonly cloud: AzureCloud['name'];
  readonly armEndpoint: string;
  readonly scope: EstateScope;
  readonly subscriptions: readonly SubscriptionStatus[];
  /** True when something in scope could not be read: the findings cover only part of the estate. */
  readonly partial: boolean;
  readonly scopeFailures: readonly string[];
  readonly detailFailures: readonly DetailFailure[];
  /** Types rules read that live data holds only if Resource Graph indexes them. */
  readonly typesMaybeMissing: readonly string[];
  readonly pages: number;
  readonly verification?: VerifyReport;
}

export interface PostureResult extends ScanResult {
  readonly posture: PostureDetails;
  readonly rules: readonly Rule[];
  /** `failOn` of the config, when it sets one. */
  readonly failOn?: Severity | 'none';
}

/**
 * Live posture: the estate read from Resource Graph (+ firewall rule collection groups from the
 * Network API) becomes a ResourceGraph of `language: 'azure'` resources, and the very rules and
 * config of an IaC scan run over it. Findings carry the resource ID and portal link (live resources
 * have no file). Unreadable parts become error diagnostics and mark the result partial.
 */
export async function runPosture(options: PostureOptions): Promise<PostureResult> {
  const started = performance.now();
  const loaded = loadConfig(options.cwd, options.configFile);
  if (!loaded.ok) throw new ConfigInvalidError(loaded.errors);
  const selection = selectRules(defaultRules(), loaded.loaded);
  const rules = options.select ? selection.rules.filter(options.select) : selection.rules;

  const read = await readLiveEstate(options, rules);
  const { graph, estate } = read;
  const detail = { failures: read.detailFailures };

  const run = runRules(graph, rules, {
    cwd: options.cwd,
    ruleOptions: selection.ruleOptions,
    global: selection.globalOptions,
  });
  const findings = applyPolicy({
    findings: run.findings,
    inline: [],
    configSuppressions: loaded.loaded.config.suppressions,
    ...(loaded.loaded.file ? { configFile: loaded.loaded.file } : {}),
    ...(options.today ? { today: options.today } : {}),
  }).sort(compareFindings);

  const verifyOptions = options.verify === true ? {} : options.verify || undefined;
  const verification = verifyOptions
    ? await verifyEffective(graph, read.networkFor, {
        ...verifyOptions,
        requestTimeoutMs: options.requestTimeoutMs,
      })
    : undefined;

  const diagnostics: Diagnostic[] = [
    ...estate.scopeFailures.map((m) => ({
      severity: 'error' as const,
      code: 'azure-scope-unreadable',
      message: m,
    })),
    ...estate.subscriptions
      .filter((s) => s.status === 'failed')
      .map((s) => ({
        severity: 'error' as const,
        code: 'azure-subscription-unreadable',
        message: `subscription ${s.subscriptionId}${s.name ? ` (${s.name})` : ''} was not read: ${s.reason}`,
      })),
    ...detail.failures.map((f) => ({
      severity: 'warning' as const,
      code: 'azure-detail-unreadable',
      message: `child resources of ${f.resourceId} (rule collection groups, diagnostic settings, config) were not read: ${f.reason}`,
    })),
    ...(verification?.failures ?? []).map((f) => ({
      severity: 'warning' as const,
      code: 'azure-verify-unreadable',
      message: `effective ${f.what} of ${f.resourceId} were not read: ${f.reason}`,
    })),
  ];
  const partial = estate.partial || detail.failures.length > 0;
  return {
    version: 1,
    files: [],
    findings,
    diagnostics,
    ruleErrors: run.errors,
    graph,
    graphs: new Map([['azure', graph]]),
    rules,
    ...(loaded.loaded.config.failOn ? { failOn: loaded.loaded.config.failOn } : {}),
    summary: {
      files: { total: 0, scanned: 0, skipped: 0, failed: 0 },
      resources: graph.resources.length,
      rules: rules.length,
      findings: findings.filter((f) => !f.suppressed).length,
      suppressed: findings.filter((f) => f.suppressed).length,
      bySeverity: countBySeverity(findings),
      durationMs: Math.round(performance.now() - started),
    },
    posture: {
      cloud: options.cloud.name,
      armEndpoint: options.cloud.armEndpoint,
      scope: options.scope,
      subscriptions: estate.subscriptions,
      partial,
      scopeFailures: estate.scopeFailures,
      detailFailures: detail.failures,
      typesMaybeMissing: read.typesMaybeMissing,
      pages: estate.pages,
      ...(verification ? { verification } : {}),
    },
  };
}

function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const out = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  for (const f of findings) if (!f.suppressed) out[f.severity]++;
  return out;
}
