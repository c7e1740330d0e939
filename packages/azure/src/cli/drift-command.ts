import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { defaultRules, scan } from '@ztkit/engine';
import { chooseCredential } from '../credential/credential.js';
import { type DriftReport, driftReport } from '../drift/drift.js';
import { readLiveEstate } from '../live-estate.js';
import { CommandError, type CommandIo, EXIT } from './io.js';
import { LIVE_FLAGS, liveTarget, parse } from './options.js';
import { type CommandDeps, commandFailure } from './posture-command.js';
import { emit } from './render.js';

export const DRIFT_HELP = `Usage: ztkit drift --iac PATH... (--subscription ID... | --management-group ID) [options]

Compares the IaC under PATH with what is deployed, for the properties that matter to Zero Trust
(NSG rules, subnet NSG and route table, peerings, routes, TLS and public access settings...).
Resources match on type + name. Options as for 'ztkit posture'; --format table (default) or json.
Exit: 0 no drift, 1 drift (changed or not deployed), 2 usage error or nothing readable.
`;

/** `ztkit drift`: IaC scan + live read, compared resource by resource. */
export async function driftCommand(
  argv: readonly string[],
  io: CommandIo,
  deps: CommandDeps = {},
): Promise<number> {
  try {
    const { values } = parse(argv, { ...LIVE_FLAGS, iac: { type: 'string', multiple: true } });
    if (values.help) {
      io.stdout.write(DRIFT_HELP);
      return EXIT.ok;
    }
    const paths = (values.iac ?? []).flatMap((p) => p.split(',')).filter(Boolean);
    if (!paths.length) throw new CommandError('give --iac PATH (the IaC to compare)');
    for (const p of paths)
      if (!existsSync(resolve(io.cwd, p))) throw new CommandError(`--iac '${p}' does not exist`);
    const format = values.format ?? 'table';
    if (format !== 'table' && format !== 'json') throw new CommandError('--format must be table or json');
    const env = io.env ?? process.env;
    const target = liveTarget(values, env);
    const credential = deps.credential ?? chooseCredential({ cloud: target.cloud, env }).credential;
    const iac = await scan({ paths, cwd: io.cwd });
    const live = await readLiveEstate(
      { ...target, credential, ...(deps.retry ? { retry: deps.retry } : {}) },
      defaultRules(),
    );
    const report = driftReport(iac.graph, live.graph);
    const unread = live.estate.subscriptions.filter((s) => s.status === 'failed');
    const text =
      format === 'json'
        ? `${JSON.stringify({ ...report, partial: live.estate.partial, subscriptions: live.estate.subscriptions, scopeFailures: live.estate.scopeFailures }, null, 2)}\n`
        : driftText(
            report,
            unread.map((s) => `${s.subscriptionId}: ${s.reason}`).concat(live.estate.scopeFailures),
          );
    emit(io, text, values.output);
    if (!live.estate.subscriptions.some((s) => s.status === 'read')) return EXIT.error;
    return report.changes.length || report.missingLive.length ? EXIT.findings : EXIT.ok;
  } catch (e) {
    return commandFailure(e, io);
  }
}

export function driftText(report: DriftReport, notRead: readonly string[]): string {
  const out: string[] = [];
  for (const c of report.changes)
    out.push(
      `changed  ${c.type} '${c.name}' ${c.path}: IaC ${JSON.stringify(c.iac)} -> live ${JSON.stringify(c.live) ?? '(none)'}`,
      `         ${c.portalUrl ?? c.liveId}`,
    );
  for (const m of report.missingLive)
    out.push(`missing  ${m.type} '${m.name}': declared in IaC, not found live`);
  for (const u of report.unmanaged)
    out.push(`unmanaged ${u.type} '${u.name}': live, not declared in IaC  ${u.portalUrl ?? u.liveId}`);
  for (const n of notRead) out.push(`NOT READ ${n}`);
  out.push(
    `${report.compared} resource(s) compared: ${report.changes.length} change(s), ${report.missingLive.length} not deployed, ${report.unmanaged.length} unmanaged.`,
  );
  return `${out.join('\n')}\n`;
}
