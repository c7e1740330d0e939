import { type Finding, PRINCIPLE_TITLES, SEVERITIES, type Severity } from '@ztkit/core';
import type { ScanResult } from '@ztkit/engine';
import { activeFindings, countByPrinciple, countBySeverity, PRINCIPLES } from './counts.js';

export interface MarkdownOptions {
  /** Heading of the report. */
  readonly title?: string;
  /** Hard cap on the output length (a PR comment holds 65,536 characters); rows are dropped to fit. */
  readonly maxLength?: number;
  /** Prefix for links to lines, e.g. `https://github.com/o/r/blob/<sha>`; without it locations are plain text. */
  readonly linkBase?: string;
  /** A Mermaid diagram (topology), drawn in a fenced block. */
  readonly diagram?: string;
}

const ICON: Record<Severity, string> = {
  critical: '🟣',
  high: '🔴',
  medium: '🟠',
  low: '🟡',
  info: '🔵',
};

const DEFAULT_TITLE = 'ztkit Zero Trust network scan';

/**
 * A report for PR comments and job summaries. Built from sections; when it would exceed
 * `maxLength`, the diagram goes first, then finding rows from the least severe end, and a line says
 * how many were left out and where the full list is.
 */
export function renderMarkdown(result: ScanResult, options: MarkdownOptions = {}): string {
  const head = headSection(result, options.title ?? DEFAULT_TITLE);
  const findings = [...activeFindings(result.findings)].sort(mostSevereFirst);
  const rows = findings.map((f) => findingRow(f, options.linkBase));
  const failed = failedSection(result);
  const diagram = options.diagram ? diagramSection(options.diagram) : '';
  const max = options.maxLength ?? Number.POSITIVE_INFINITY;

  const full = assemble(head, rows, rows.length, failed, diagram);
  if (full.length <= max) return full;
  // Drop the diagram, then rows from the least severe end (coarse steps, then one by one).
  let shown = rows.length;
  let text = assemble(head, rows, shown, failed, '');
  while (text.length > max && shown > 0) {
    const step = Math.max(1, Math.floor((text.length - max) / 200));
    shown = Math.max(0, shown - step);
    text = assemble(head, rows, shown, failed, '');
  }
  if (text.length <= max) return text;
  // Even the summary does not fit: cut it and say so, rather than exceed the host's limit.
  const tail = `\n\n${TRUNCATED}\n`;
  return text.slice(0, Math.max(0, max - tail.length)) + tail.slice(0, max);
}

const TRUNCATED =
  '_Report truncated to fit. The full list is in the SARIF (code scanning) or JSON report: `ztkit scan --format json`._';

function assemble(
  head: string,
  rows: readonly string[],
  shown: number,
  failed: string,
  diagram: string,
): string {
  const parts = [head];
  if (rows.length) {
    const table = [
      '### Findings',
      '',
      '| Severity | Rule | Resource | Location | Finding |',
      '|---|---|---|---|---|',
      ...rows.slice(0, shown),
    ];
    if (shown < rows.length)
      table.push(
        '',
        `_…and ${rows.length - shown} more finding${rows.length - shown === 1 ? '' : 's'} not shown. ` +
          'The full list is in the SARIF (code scanning) or JSON report: `ztkit scan --format json`._',
      );
    parts.push(table.join('\n'));
  }
  if (failed) parts.push(failed);
  if (diagram) parts.push(diagram);
  return `${parts.join('\n\n')}\n`;
}

function headSection(result: ScanResult, title: string): string {
  const bySeverity = countBySeverity(result.findings);
  const byPrinciple = countByPrinciple(result.findings);
  const total = SEVERITIES.reduce((n, s) => n + bySeverity[s], 0);
  const { files, resources, rules, suppressed } = result.summary;
  const verdict = total ? `**${total} finding${total === 1 ? '' : 's'}**` : '**No findings** ✅';
  const lines = [
    `## ${escapeText(title)}`,
    '',
    `${verdict} in ${resources} resources from ${files.scanned} scanned file${files.scanned === 1 ? '' : 's'} ` +
      `(${files.total} found: ${files.skipped} skipped, ${files.failed} failed; ${rules} rules` +
      `${suppressed ? `; ${suppressed} suppressed` : ''}).`,
  ];
  if (total) {
    lines.push(
      '',
      '| Severity | Findings |',
      '|---|---:|',
      ...SEVERITIES.map((s) => `| ${ICON[s]} ${capitalise(s)} | ${bySeverity[s]} |`),
      '',
      '| Zero Trust principle | Findings |',
      '|---|---:|',
      ...PRINCIPLES.map((p) => `| ${PRINCIPLE_TITLES[p]} | ${byPrinciple[p]} |`),
    );
  }
  return lines.join('\n');
}

const RANK: Record<Severity, number> = { critical: 0, high: 1, medium: 2, low: 3, info: 4 };

function mostSevereFirst(a: Finding, b: Finding): number {
  return (
    RANK[a.severity] - RANK[b.severity] ||
    (a.location?.file ?? '').localeCompare(b.location?.file ?? '') ||
    (a.location?.startLine ?? 0) - (b.location?.startLine ?? 0) ||
    a.ruleId.localeCompare(b.ruleId)
  );
}

function findingRow(f: Finding, linkBase: string | undefined): string {
  const cells = [
    `${ICON[f.severity]} ${capitalise(f.severity)}`,
    f.catalog.length ? `\`${f.ruleId}\` (${f.catalog.join(', ')})` : `\`${f.ruleId}\``,
    `\`${escapeCode(f.resource.name)}\``,
    locationCell(f, linkBase),
    escapeText(f.message),
  ];
  return `| ${cells.join(' | ')} |`;
}

function locationCell(f: Finding, linkBase: string | undefined): string {
  const loc = f.location;
  if (!loc) return f.portalUrl ? `[portal](${f.portalUrl})` : escapeText(f.resource.id ?? '-');
  const label = `${escapeText(loc.file)}:${loc.startLine}`;
  if (!linkBase) return label;
  const lines = loc.endLine > loc.startLine ? `#L${loc.startLine}-L${loc.endLine}` : `#L${loc.startLine}`;
  const path = loc.file.split('/').map(encodeURIComponent).join('/');
  return `[${label}](${linkBase.replace(/\/+$/, '')}/${path}${lines})`;
}

function failedSection(result: ScanResult): string {
  const failed = result.files.filter((f) => f.status === 'failed');
  if (!failed.length) return '';
  const lines = [`### Files that could not be scanned (${failed.length})`, ''];
  for (const file of failed) {
    const d = result.diagnostics.find((x) => x.span?.file === file.path && x.severity === 'error');
    const where = d?.span ? `${file.path}:${d.span.startLine}` : file.path;
    lines.push(`- \`${escapeCode(where)}\`: ${escapeText(d?.message ?? file.reason ?? 'failed')}`);
  }
  return lines.join('\n');
}

function diagramSection(diagram: string): string {
  return ['### Topology', '', '```mermaid', diagram.trimEnd(), '```'].join('\n');
}

/** Table-safe text: pipes and line breaks would end the cell; angle brackets would become HTML. */
function escapeText(s: string): string {
  return s
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r?\n/g, ' ');
}

/** Inside a code span only the pipe (tables) and backtick (span end) need care. */
function escapeCode(s: string): string {
  return s.replace(/`/g, "'").replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

function capitalise(s: string): string {
  return s[0]!.toUpperCase() + s.slice(1);
}
