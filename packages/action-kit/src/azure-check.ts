import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { SEVERITIES } from '@ztkit/core';
import { renderMarkdown, toJsonReport, toSarif } from '@ztkit/reporters';
import { emitAnnotations, findingAnnotation } from './annotations.js';
import type { PackCheck } from './check.js';
import { failingFindings, parseFailOn } from './fail-on.js';
import { InputError } from './iac-scan.js';
import type { Runner } from './runner.js';
import { ZTKIT_VERSION } from './version.js';

/** GitHub caps one step's job summary at 1 MiB. */
const SUMMARY_LIMIT = 1_000_000;

/**
 * `source: azure`: the same rule packs on deployed Azure. Authenticates with the job's OIDC token
 * (`permissions: id-token: write`, `AZURE_CLIENT_ID` and `AZURE_TENANT_ID` in the environment, as
 * azure/login expects), else an Azure CLI login left by an earlier step. Live findings have no file:
 * annotations go on the run, and the summary and SARIF name the resource ID and portal link.
 * The Azure reader is loaded only here, so IaC runs do not pay for the Azure SDK at start.
 */
export interface AzureConnectionOverrides {
  /** Extra trusted CA (PEM) for the ARM endpoint and the authority (Azure Stack Hub; tests). */
  readonly ca?: string;
  readonly retry?: { maxRetries?: number; retryDelayInMs?: number; maxRetryDelayInMs?: number };
}

export async function runAzurePackCheck(
  check: PackCheck,
  runner: Runner,
  overrides: AzureConnectionOverrides = {},
): Promise<void> {
  const azure = await import('@ztkit/azure');
  const cwd = process.env.GITHUB_WORKSPACE || process.cwd();
  const subscriptions = runner.list('subscriptions');
  const managementGroup = runner.input('management-group');
  if (!subscriptions.length && !managementGroup)
    throw new InputError('source: azure needs `subscriptions` or `management-group`');
  if (subscriptions.length && managementGroup)
    throw new InputError('give `subscriptions` or `management-group`, not both');
  const cloud = azure.resolveCloud({
    ...(runner.input('cloud') ? { cloud: runner.input('cloud') } : {}),
    ...(runner.input('arm-endpoint') ? { armEndpoint: runner.input('arm-endpoint') } : {}),
  });
  if (!cloud.ok) throw new InputError(cloud.reason);
  const { credential, description } = azure.chooseCredential({
    cloud: cloud.cloud,
    mask: (secret) => runner.log(`::add-mask::${secret}`),
    ...(overrides.ca ? { ca: overrides.ca } : {}),
  });
  runner.log(`Reading ${cloud.cloud.name} (${cloud.cloud.armEndpoint}) as: ${description}`);
  const configFile = runner.input('config') || undefined;
  const result = await azure.runPosture({
    cloud: cloud.cloud,
    credential,
    scope: managementGroup ? { managementGroup } : { subscriptions },
    cwd,
    ...(configFile ? { configFile } : {}),
    select: (rule) => check.packs.includes(rule.meta.pack),
    ...(overrides.ca ? { ca: overrides.ca } : {}),
    ...(overrides.retry ? { retry: overrides.retry } : {}),
  });
  const failOn = parseFailOn(runner.input('fail-on') || result.failOn || 'high');
  const active = result.findings.filter((f) => !f.suppressed);
  const plan = emitAnnotations(runner, active.map(findingAnnotation));
  for (const d of result.diagnostics)
    runner.command(d.severity === 'error' ? 'error' : 'warning', d.message, { title: `ztkit ${d.code}` });

  const sarifFile = runner.input('sarif-file');
  if (sarifFile) {
    writeJson(
      resolve(cwd, sarifFile),
      toSarif(result, {
        toolVersion: ZTKIT_VERSION,
        rules: result.rules,
        category: `${check.category}/azure`,
      }),
    );
    runner.output('sarif-file', sarifFile);
  }
  const jsonFile = runner.input('json-file');
  if (jsonFile) {
    writeJson(resolve(cwd, jsonFile), { ...toJsonReport(result), posture: azure.postureJson(result) });
    runner.output('json-file', jsonFile);
  }
  const failing = failingFindings(result.findings, failOn);
  const posture = azure.postureJson(result);
  runner.output('findings', active.length);
  for (const s of SEVERITIES) runner.output(s, result.summary.bySeverity[s]);
  runner.output('failing', failing.length);
  runner.output('files-scanned', 0);
  runner.output('partial', String(result.posture.partial));
  runner.output('score', posture.score ? posture.score.percent : '');
  runner.output('resources', result.summary.resources);
  const notes = [
    plan.hidden.length
      ? `_${plan.shown.length} findings are annotated; ${plan.hidden.length} more are listed here and in the step log._`
      : '',
    failOn === 'none' ? '' : `_Gate: fails at \`${failOn}\` or above: ${failing.length} finding(s)._`,
  ].filter(Boolean);
  runner.summary(
    `${renderMarkdown(result, { title: `${check.title} (live Azure)`, maxLength: SUMMARY_LIMIT - 20_000 })}\n${azure.postureMarkdown(result)}\n${notes.join('\n\n')}\n`,
  );
  if (!result.posture.subscriptions.some((s) => s.status === 'read'))
    runner.fail(`${check.title}: nothing in scope could be read (see the errors above).`);
  else if (failing.length)
    runner.fail(`${check.title}: ${failing.length} finding(s) at or above fail-on '${failOn}'.`);
}

function writeJson(path: string, value: unknown): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(value, null, 2)}\n`);
}
