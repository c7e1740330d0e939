import { scanWithPolicy } from '@ztkit/engine';
import { renderNetworkMermaid, toNetworkJson } from '@ztkit/reporters';
import { oneOf, parseCommandArgs } from '../args.js';
import { EXIT } from '../errors.js';
import { HELP } from '../help.js';
import type { Io } from '../io.js';
import { emit } from '../output.js';
import { analyseByLanguage } from './network.js';
import { requireExisting } from './scan-inputs.js';

/** `ztkit graph`: the topology (Mermaid or JSON) and the Internet exposure matrix. */
export async function graphCommand(argv: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs('graph', argv, {
    format: { type: 'string' },
    output: { type: 'string', short: 'o' },
    parameters: { type: 'string', multiple: true },
    'var-file': { type: 'string', multiple: true },
    config: { type: 'string' },
  });
  if (values.help) {
    io.stdout.write(HELP.graph!);
    return EXIT.ok;
  }
  const format = oneOf('format', values.format, ['mermaid', 'json'] as const, 'mermaid');
  const parameterFiles = [...(values.parameters ?? []), ...(values['var-file'] ?? [])];
  requireExisting(io.cwd, positionals, 'path');
  requireExisting(io.cwd, parameterFiles, 'parameter file');
  const result = await scanWithPolicy({
    paths: positionals,
    cwd: io.cwd,
    parameterFiles,
    ...(values.config && { configFile: values.config }),
  });
  const networks = analyseByLanguage(result);
  const text =
    format === 'json'
      ? `${JSON.stringify(
          networks.map((n) => ({ language: n.language, ...toNetworkJson(n.analysis) })),
          null,
          2,
        )}\n`
      : networks
          .map((n) => renderNetworkMermaid(n.analysis, networks.length > 1 ? n.language : undefined))
          .join('\n');
  emit(io, text, values.output);
  return EXIT.ok;
}
