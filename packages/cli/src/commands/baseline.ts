import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { type Baseline, createBaseline, parseBaseline, pruneBaseline, scanWithPolicy } from '@ztkit/engine';
import { parseCommandArgs } from '../args.js';
import { EXIT, IoError, UsageError } from '../errors.js';
import { HELP } from '../help.js';
import type { Io } from '../io.js';
import { emit } from '../output.js';
import { requireExisting } from './scan-inputs.js';

const DEFAULT_FILE = '.ztkit-baseline.json';

/**
 * `ztkit baseline create|prune`: accept today's findings so that only new ones fail, or drop
 * entries whose finding is gone. Always scans without the current baseline, so every finding counts.
 */
export async function baselineCommand(argv: readonly string[], io: Io): Promise<number> {
  const [action, ...rest] = argv;
  const { values, positionals } = parseCommandArgs('baseline', rest, {
    output: { type: 'string', short: 'o' },
    config: { type: 'string' },
    parameters: { type: 'string', multiple: true },
    'var-file': { type: 'string', multiple: true },
  });
  if (values.help || action === '--help' || action === '-h') {
    io.stdout.write(HELP.baseline!);
    return EXIT.ok;
  }
  if (action !== 'create' && action !== 'prune')
    throw new UsageError(`baseline: expected 'create' or 'prune'${action ? ` (got '${action}')` : ''}`);
  const parameterFiles = [...(values.parameters ?? []), ...(values['var-file'] ?? [])];
  requireExisting(io.cwd, positionals, 'path');
  requireExisting(io.cwd, parameterFiles, 'parameter file');
  const result = await scanWithPolicy({
    paths: positionals,
    cwd: io.cwd,
    parameterFiles,
    baselineFile: false,
    ...(values.config && { configFile: values.config }),
  });
  const configured = result.config.config.baseline
    ? resolve(result.config.directory, result.config.config.baseline)
    : undefined;
  const file = values.output ?? configured ?? DEFAULT_FILE;
  // Findings accepted by inline or config suppressions need no baseline entry.
  const open = result.findings.filter((f) => !f.suppressed);
  let baseline: Baseline;
  let note: string;
  if (action === 'create') {
    baseline = createBaseline(open);
    note = `${baseline.findings.length} findings accepted`;
  } else {
    const pruned = pruneBaseline(readBaseline(resolve(io.cwd, file), file), open);
    baseline = pruned.baseline;
    note = `${pruned.removed} entries removed, ${baseline.findings.length} kept`;
  }
  emit(io, `${JSON.stringify(baseline, null, 2)}\n`, file);
  io.stderr.write(`ztkit: wrote ${file}: ${note}\n`);
  return EXIT.ok;
}

function readBaseline(path: string, shown: string): Baseline {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new IoError(`cannot read baseline ${shown} (create it with 'ztkit baseline create')`);
  }
  const parsed = parseBaseline(text, shown);
  if (!parsed.ok) throw new IoError(parsed.message);
  return parsed.baseline;
}
