import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { SEVERITIES, type Severity, severityRank } from '@ztkit/core';
import { defaultRules, scan } from '@ztkit/engine';

export interface Io {
  readonly stdout: NodeJS.WritableStream & { isTTY?: boolean };
  readonly stderr: NodeJS.WritableStream & { isTTY?: boolean };
  readonly cwd: string;
}

/** Exit codes: 0 nothing at or above --fail-on, 1 findings, 2 usage or I/O error. */
export async function main(argv: string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === 'scan') return await scanCommand(rest, io);
    if (command === 'rules') return rulesCommand(rest, io);
    if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
      io.stdout.write(USAGE);
      return 0;
    }
    io.stderr.write(`ztkit: unknown command '${command}'\n\n${USAGE}`);
    return 2;
  } catch (e) {
    io.stderr.write(`ztkit: ${(e as Error).message}\n`);
    return 2;
  }
}

const USAGE = `Usage: ztkit <command> [options]

Commands:
  scan [paths...]   Scan ARM, Bicep and Terraform files for Zero Trust network findings
  rules             List the rules

Run 'ztkit <command> --help' for a command's options.
`;

async function scanCommand(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      format: { type: 'string', default: 'table' },
      output: { type: 'string' },
      'fail-on': { type: 'string', default: 'high' },
      parameters: { type: 'string', multiple: true },
    },
  });
  const failOn = values['fail-on'] as Severity | 'none';
  if (failOn !== 'none' && !SEVERITIES.includes(failOn))
    throw new Error(`--fail-on must be one of ${SEVERITIES.join(', ')}, none`);
  const result = await scan({ paths: positionals, cwd: io.cwd, parameterFiles: values.parameters ?? [] });
  const { graph: _graph, ...json } = result;
  const text =
    values.format === 'json'
      ? `${JSON.stringify(json, null, 2)}\n`
      : result.findings
          .map((f) => `${f.location?.file}:${f.location?.startLine} ${f.severity} ${f.ruleId} ${f.message}`)
          .join('\n') + '\n';
  if (values.output) writeFileSync(values.output, text);
  else io.stdout.write(text);
  const failing = result.findings.filter(
    (f) => !f.suppressed && failOn !== 'none' && severityRank(f.severity) >= severityRank(failOn),
  );
  return failing.length ? 1 : 0;
}

function rulesCommand(argv: string[], io: Io): number {
  const { values } = parseArgs({ args: argv, options: { format: { type: 'string', default: 'table' } } });
  const rules = defaultRules();
  if (values.format === 'json')
    io.stdout.write(
      `${JSON.stringify(
        rules.map((r) => r.meta),
        null,
        2,
      )}\n`,
    );
  else
    for (const r of rules)
      io.stdout.write(
        `${r.meta.id}  ${r.meta.severity.padEnd(8)} ${r.meta.catalog.join(',').padEnd(8)} ${r.meta.title}\n`,
      );
  return 0;
}
