import { BaselineInvalidError, ConfigInvalidError } from '@ztkit/engine';
import { baselineCommand } from './commands/baseline.js';
import { diffCommand } from './commands/diff.js';
import { graphCommand } from './commands/graph.js';
import { rulesCommand } from './commands/rules.js';
import { scanCommand } from './commands/scan.js';
import { EXIT, IoError, UsageError } from './errors.js';
import { HELP } from './help.js';
import { envOf, type Io } from './io.js';
import { toolVersion } from './version.js';

export type { Io } from './io.js';

type Command = (argv: readonly string[], io: Io) => number | Promise<number>;

const COMMANDS: Readonly<Record<string, Command>> = {
  scan: scanCommand,
  rules: rulesCommand,
  graph: graphCommand,
  diff: diffCommand,
  baseline: baselineCommand,
  // Live Azure is loaded only when asked for: `scan` never pays for the Azure SDK.
  posture: async (argv, io) => (await import('@ztkit/azure')).postureCommand(argv, io),
  drift: async (argv, io) => (await import('@ztkit/azure')).driftCommand(argv, io),
};

/**
 * The whole CLI as a function of argv and streams (the bin only binds process). Returns the exit
 * code: 0 nothing at or above --fail-on, 1 findings, 2 usage or I/O error. Errors print one line;
 * a stack trace only with ZTKIT_DEBUG set.
 */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === '--version' || command === '-v' || command === 'version') {
      io.stdout.write(`${toolVersion()}\n`);
      return EXIT.ok;
    }
    if (command === undefined || command === '--help' || command === '-h') {
      io.stdout.write(HELP.main!);
      return EXIT.ok;
    }
    if (command === 'help') {
      const topic = rest[0] && HELP[rest[0]] ? rest[0] : 'main';
      io.stdout.write(HELP[topic]!);
      return EXIT.ok;
    }
    const run = COMMANDS[command];
    if (!run) throw new UsageError(`unknown command '${command}'`);
    return await run(rest, io);
  } catch (e) {
    return reportError(e, command, io);
  }
}

function reportError(e: unknown, command: string | undefined, io: Io): number {
  const debug = Boolean(envOf(io).ZTKIT_DEBUG);
  if (e instanceof UsageError) {
    const hint = command && HELP[command] ? `ztkit ${command} --help` : 'ztkit --help';
    io.stderr.write(`ztkit: ${e.message}\nRun '${hint}' for usage.\n`);
  } else if (e instanceof IoError || e instanceof BaselineInvalidError) {
    io.stderr.write(`ztkit: ${e.message}\n`);
  } else if (e instanceof ConfigInvalidError) {
    // Every command that reads .ztkit.yml (scan, graph, diff, baseline, drift) ends here.
    io.stderr.write(`ztkit: invalid configuration:\n${e.message}\n`);
  } else {
    // Anything else is a bug in ztkit: say so plainly; the stack only on request.
    const message = e instanceof Error ? e.message : String(e);
    io.stderr.write(
      `ztkit: internal error: ${message.split('\n')[0]}${debug ? '' : ' (set ZTKIT_DEBUG=1 for details)'}\n`,
    );
  }
  if (debug && e instanceof Error && e.stack) io.stderr.write(`${e.stack}\n`);
  return EXIT.error;
}
