import type { Finding } from '@ztkit/core';
import type { ScanResult } from '@ztkit/engine';
import { type Palette, palette, visibleLength } from './ansi.js';
import { countBySeverity, severityPhrase } from './counts.js';

export interface TableOptions {
  /** ANSI colour; the CLI passes `stdout.isTTY && !NO_COLOR`. */
  readonly color: boolean;
  /** Terminal width; messages wrap to it. Unset: no wrapping. */
  readonly width?: number;
}

/** Findings without a file (live Azure) are grouped under this heading. */
const NO_FILE = '(no source file)';
const INDENT = '  ';

/**
 * The terminal report: findings grouped by file, most severe first inside each file, then the files
 * that failed with their diagnostics, then one accounting line so every file is counted.
 */
export function renderTable(result: ScanResult, options: TableOptions): string {
  const p = palette(options.color);
  const out: string[] = [];
  for (const [file, findings] of groupByFile(result.findings)) {
    out.push(p.bold(file));
    for (const f of findings) out.push(...findingLines(f, p, options.width));
    out.push('');
  }
  out.push(...failedFileLines(result, p));
  out.push(...ruleErrorLines(result, p));
  out.push(...totalLines(result, p));
  return `${out.join('\n')}\n`;
}

function groupByFile(findings: readonly Finding[]): Map<string, Finding[]> {
  const groups = new Map<string, Finding[]>();
  for (const f of findings) {
    const key = f.location?.file ?? NO_FILE;
    const list = groups.get(key);
    if (list) list.push(f);
    else groups.set(key, [f]);
  }
  // Inside a file: most severe first, then by line (the engine sorts the same way; do not rely on it).
  for (const list of groups.values()) list.sort(bySeverityThenLine);
  return new Map(
    [...groups].sort(([a], [b]) => (a === NO_FILE ? 1 : b === NO_FILE ? -1 : a.localeCompare(b))),
  );
}

const RANK = { critical: 0, high: 1, medium: 2, low: 3, info: 4 } as const;

function bySeverityThenLine(a: Finding, b: Finding): number {
  return (
    RANK[a.severity] - RANK[b.severity] ||
    (a.location?.startLine ?? 0) - (b.location?.startLine ?? 0) ||
    a.ruleId.localeCompare(b.ruleId)
  );
}

function findingLines(f: Finding, p: Palette, width: number | undefined): string[] {
  const where = f.location ? `${f.location.startLine}:${f.location.startColumn}` : '-';
  const head = `${INDENT}${p.severity(f.severity, f.severity.toUpperCase().padEnd(9))}${p.dim(where.padEnd(9))}${f.ruleId.padEnd(12)}`;
  // Continuation lines hang under the message column, whatever escapes the head carries.
  const hang = ' '.repeat(visibleLength(head));
  const suppressed = f.suppressed ? ` (suppressed: ${f.suppressed.justification})` : '';
  // Policy findings (expired or unused suppressions) belong to no catalogue key.
  const keys = f.catalog.length ? ` [${f.catalog.join(', ')}]` : '';
  const text = `${f.message}${keys}${suppressed}`;
  const lines = wrap(text, width ? Math.max(20, width - hang.length) : Number.POSITIVE_INFINITY);
  const out = lines.map((line, i) => (i === 0 ? head : hang) + (f.suppressed ? p.dim(line) : line));
  const resource = `${f.resource.name} (${f.resource.type})`;
  out.push(hang + p.dim(resource));
  return out;
}

/** Greedy word wrap; words longer than the width are left whole rather than split. */
function wrap(text: string, width: number): string[] {
  if (text.length <= width) return [text];
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

function failedFileLines(result: ScanResult, p: Palette): string[] {
  const failed = result.files.filter((f) => f.status === 'failed');
  if (!failed.length) return [];
  const out = [p.red(p.bold(`Files that could not be scanned (${failed.length})`))];
  for (const file of failed) {
    const diagnostics = result.diagnostics.filter((d) => d.span?.file === file.path);
    if (!diagnostics.length) out.push(`${INDENT}${file.path}: ${file.reason ?? 'failed'}`);
    for (const d of diagnostics)
      out.push(`${INDENT}${file.path}:${d.span!.startLine}:${d.span!.startColumn}: ${d.message}`);
  }
  out.push('');
  return out;
}

function ruleErrorLines(result: ScanResult, p: Palette): string[] {
  if (!result.ruleErrors.length) return [];
  const out = [p.red(p.bold(`Rules that failed (a bug in ztkit; please report it)`))];
  for (const e of result.ruleErrors) out.push(`${INDENT}${e.ruleId}: ${e.message.split('\n')[0]}`);
  out.push('');
  return out;
}

function totalLines(result: ScanResult, p: Palette): string[] {
  const { files, resources, rules, suppressed } = result.summary;
  const fileLine =
    `Files: ${files.total} (${files.scanned} scanned, ${files.skipped} skipped, ` +
    `${files.failed ? p.red(`${files.failed} failed`) : '0 failed'}) · Resources: ${resources} · Rules: ${rules}`;
  const counts = countBySeverity(result.findings);
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  const findingLine = total ? `Findings: ${total} (${severityPhrase(counts)})` : p.green('Findings: none');
  return [fileLine, suppressed ? `${findingLine}, ${suppressed} suppressed` : findingLine];
}
