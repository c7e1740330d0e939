import type { Finding } from '@ztkit/core';
import {
  BaselineInvalidError,
  ConfigInvalidError,
  type DiffResult,
  diffScan,
  withFindings,
} from '@ztkit/engine';
import { renderMarkdown, toJsonReport } from '@ztkit/reporters';
import { oneOf, parseCommandArgs } from '../args.js';
import { EXIT, UsageError } from '../errors.js';
import { HELP } from '../help.js';
import type { Io } from '../io.js';
import { emit } from '../output.js';
import { failing } from './scan.js';
import { parseFailOn, requireExisting } from './scan-inputs.js';

const FORMATS = ['table', 'json', 'markdown'] as const;

/**
 * `ztkit diff --base REF`: what a change introduces and fixes, by fingerprint, so a pull request is
 * judged on its own findings. Fails (exit 1) only on new findings at or above --fail-on.
 */
export async function diffCommand(argv: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs('diff', argv, {
    base: { type: 'string' },
    format: { type: 'string' },
    output: { type: 'string', short: 'o' },
    'fail-on': { type: 'string' },
    parameters: { type: 'string', multiple: true },
    'var-file': { type: 'string', multiple: true },
    config: { type: 'string' },
    'link-base': { type: 'string' },
  });
  if (values.help) {
    io.stdout.write(HELP.diff!);
    return EXIT.ok;
  }
  if (!values.base) throw new UsageError('diff: --base <ref> is required (e.g. --base origin/main)');
  const format = oneOf('format', values.format, FORMATS, 'table');
  const flagFailOn = parseFailOn(values['fail-on']);
  const parameterFiles = [...(values.parameters ?? []), ...(values['var-file'] ?? [])];
  requireExisting(io.cwd, positionals, 'path');
  requireExisting(io.cwd, parameterFiles, 'parameter file');
  let diff: DiffResult;
  try {
    diff = await diffScan({
      baseRef: values.base,
      paths: positionals,
      cwd: io.cwd,
      parameterFiles,
      ...(values.config && { configFile: values.config }),
    });
  } catch (e) {
    // An invalid .ztkit.yml is reported as such (main), not as an unreadable ref.
    if (e instanceof ConfigInvalidError || e instanceof BaselineInvalidError) throw e;
    // git refusing the ref is the user's input, not a ztkit bug.
    throw new UsageError(`diff: cannot read ${values.base}: ${(e as Error).message.split('\n')[0]}`);
  }
  emit(io, render(format, diff, values['link-base']), values.output);
  const failOn = flagFailOn ?? diff.head.failOn ?? 'high';
  return failing(diff.diff.new, failOn).length ? EXIT.findings : EXIT.ok;
}

function render(format: (typeof FORMATS)[number], d: DiffResult, linkBase: string | undefined): string {
  if (format === 'json') {
    const json = (findings: Finding[]) => toJsonReport(withFindings(d.head, findings)).findings;
    return `${JSON.stringify(
      {
        version: 1,
        base: d.baseRef,
        new: json(d.diff.new),
        fixed: toJsonReport(withFindings(d.base, d.diff.fixed)).findings,
        unchanged: d.diff.unchanged.length,
      },
      null,
      2,
    )}\n`;
  }
  if (format === 'markdown') {
    const md = renderMarkdown(withFindings(d.head, d.diff.new), {
      title: `New findings compared with ${d.baseRef}`,
      ...(linkBase && { linkBase }),
    });
    return `${md}\n${d.diff.fixed.length} fixed, ${d.diff.unchanged.length} unchanged.\n`;
  }
  const line = (f: Finding) =>
    `  ${f.severity.toUpperCase().padEnd(9)}${f.ruleId.padEnd(12)}${f.location ? `${f.location.file}:${f.location.startLine} ` : ''}${f.message}`;
  return [
    `Compared with ${d.baseRef}: ${d.diff.new.length} new, ${d.diff.fixed.length} fixed, ${d.diff.unchanged.length} unchanged`,
    ...(d.diff.new.length ? ['', 'New', ...d.diff.new.map(line)] : []),
    ...(d.diff.fixed.length ? ['', 'Fixed', ...d.diff.fixed.map(line)] : []),
    '',
  ].join('\n');
}
