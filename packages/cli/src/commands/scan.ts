import { type Finding, severityRank } from '@ztkit/core';
import { defaultRules, type PolicyScanResult, scanWithPolicy } from '@ztkit/engine';
import { renderMarkdown, renderNetworkText, renderTable, toJsonReport, toSarif } from '@ztkit/reporters';
import { oneOf, parseCommandArgs } from '../args.js';
import { EXIT } from '../errors.js';
import { HELP } from '../help.js';
import { type Io, wantsColor } from '../io.js';
import { emit } from '../output.js';
import { progressReporter } from '../progress.js';
import { toolVersion } from '../version.js';
import { analyseByLanguage, topologyDiagram } from './network.js';
import { type FailOn, parseFailOn, requireExisting } from './scan-inputs.js';

const FORMATS = ['table', 'json', 'sarif', 'markdown'] as const;
const DEFAULT_FAIL_ON: FailOn = 'high';

/** `ztkit scan`: engine + policy, one reporter, exit code from --fail-on. */
export async function scanCommand(argv: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs('scan', argv, {
    format: { type: 'string' },
    output: { type: 'string', short: 'o' },
    'fail-on': { type: 'string' },
    parameters: { type: 'string', multiple: true },
    'var-file': { type: 'string', multiple: true },
    config: { type: 'string' },
    baseline: { type: 'string' },
    'no-baseline': { type: 'boolean' },
    category: { type: 'string' },
    'link-base': { type: 'string' },
    title: { type: 'string' },
  });
  if (values.help) {
    io.stdout.write(HELP.scan!);
    return EXIT.ok;
  }
  const format = oneOf('format', values.format, FORMATS, 'table');
  const flagFailOn = parseFailOn(values['fail-on']);
  const parameterFiles = [...(values.parameters ?? []), ...(values['var-file'] ?? [])];
  requireExisting(io.cwd, positionals, 'path');
  requireExisting(io.cwd, parameterFiles, 'parameter file');
  if (values.config) requireExisting(io.cwd, [values.config], 'config file');

  const progress = progressReporter(io);
  let result: PolicyScanResult;
  try {
    result = await scanWithPolicy({
      paths: positionals,
      cwd: io.cwd,
      parameterFiles,
      ...(values.config && { configFile: values.config }),
      ...(values['no-baseline']
        ? { baselineFile: false as const }
        : values.baseline
          ? { baselineFile: values.baseline }
          : {}),
      ...(progress.onProgress && { onProgress: progress.onProgress }),
    });
  } finally {
    progress.end();
  }

  const text = render(format, result, io, {
    category: values.category,
    linkBase: values['link-base'],
    title: values.title,
  });
  emit(io, text, values.output);
  const failOn = flagFailOn ?? result.failOn ?? DEFAULT_FAIL_ON;
  return failing(result.findings, failOn).length ? EXIT.findings : EXIT.ok;
}

interface RenderFlags {
  readonly category?: string;
  readonly linkBase?: string;
  readonly title?: string;
}

function render(
  format: (typeof FORMATS)[number],
  result: PolicyScanResult,
  io: Io,
  flags: RenderFlags,
): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify(toJsonReport(result), null, 2)}\n`;
    case 'sarif':
      return `${JSON.stringify(
        toSarif(result, {
          toolVersion: toolVersion(),
          // Every rule, so code scanning can close alerts of rules that no longer report.
          rules: defaultRules(),
          ...(flags.category && { category: flags.category }),
        }),
        null,
        2,
      )}\n`;
    case 'markdown': {
      const diagram = topologyDiagram(result);
      return renderMarkdown(result, {
        ...(flags.title && { title: flags.title }),
        ...(flags.linkBase && { linkBase: flags.linkBase }),
        ...(diagram && { diagram }),
      });
    }
    default: {
      const color = wantsColor(io);
      const table = renderTable(result, { color, ...(io.stdout.columns && { width: io.stdout.columns }) });
      const networks = analyseByLanguage(result);
      const sections = networks.map((n) =>
        renderNetworkText(n.analysis, {
          color,
          ...(networks.length > 1 && n.language && { label: n.language }),
        }),
      );
      return [table, ...sections].join('\n');
    }
  }
}

/** Unsuppressed findings at or above the threshold; `none` never fails. */
export function failing(findings: readonly Finding[], failOn: FailOn): Finding[] {
  if (failOn === 'none') return [];
  return findings.filter((f) => !f.suppressed && severityRank(f.severity) >= severityRank(failOn));
}
