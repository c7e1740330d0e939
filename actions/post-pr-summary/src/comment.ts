import type { Finding } from '@ztkit/core';
import type { ScanResult } from '@ztkit/engine';
import { renderMarkdown } from '@ztkit/reporters';

/** Finds our comment among the others; never shown (HTML comment). */
export const MARKER = '<!-- ztkit:pr-summary -->';
/** GitHub refuses issue comments longer than this many characters. */
export const COMMENT_LIMIT = 65_536;
/** Short fingerprint prefixes are enough to tell this PR's findings apart and keep the state small. */
const STATE_PREFIX = 12;
const STATE_MAX = 1500;
const STATE_RE = /<!-- ztkit:state (\{.*?\}) -->/s;

export interface CommentState {
  readonly fingerprints: readonly string[];
  /** False when there were more findings than the state keeps: the comparison is partial. */
  readonly complete: boolean;
}

export function readState(body: string | undefined): CommentState | undefined {
  const m = body ? STATE_RE.exec(body) : null;
  if (!m) return undefined;
  try {
    const raw = JSON.parse(m[1]!) as { v?: number; fp?: unknown; complete?: unknown };
    if (raw.v !== 1 || typeof raw.fp !== 'string') return undefined;
    return { fingerprints: raw.fp.split(' ').filter(Boolean), complete: raw.complete !== false };
  } catch {
    return undefined;
  }
}

export function writeState(findings: readonly Finding[]): string {
  const fps = [
    ...new Set(findings.filter((f) => !f.suppressed).map((f) => f.fingerprint.slice(0, STATE_PREFIX))),
  ].sort();
  const state = { v: 1, fp: fps.slice(0, STATE_MAX).join(' '), complete: fps.length <= STATE_MAX };
  return `<!-- ztkit:state ${JSON.stringify(state)} -->`;
}

export interface Changes {
  readonly previous: boolean;
  readonly added: Finding[];
  readonly fixed: number;
  readonly unchanged: number;
  readonly partial: boolean;
}

export function compareWithPrevious(
  findings: readonly Finding[],
  previous: CommentState | undefined,
): Changes {
  const active = findings.filter((f) => !f.suppressed);
  if (!previous) return { previous: false, added: [], fixed: 0, unchanged: active.length, partial: false };
  const before = new Set(previous.fingerprints);
  const now = new Set(active.map((f) => f.fingerprint.slice(0, STATE_PREFIX)));
  const added = active.filter((f) => !before.has(f.fingerprint.slice(0, STATE_PREFIX)));
  const fixed = [...before].filter((fp) => !now.has(fp)).length;
  return {
    previous: true,
    added,
    fixed,
    unchanged: active.length - added.length,
    partial: !previous.complete,
  };
}

export function changesSection(changes: Changes): string {
  if (!changes.previous) return '### Since the last run\n\nFirst ztkit run on this pull request.';
  const lines = [
    '### Since the last run',
    '',
    `**${changes.added.length} new**, **${changes.fixed} fixed**, ${changes.unchanged} unchanged` +
      (changes.partial
        ? ' (partial comparison: the previous run had more findings than the comment keeps).'
        : '.'),
  ];
  for (const f of changes.added.slice(0, 10))
    lines.push(
      `- 🆕 \`${f.ruleId}\` ${f.severity}: ${oneLine(f.message)}${f.location ? ` (${f.location.file}:${f.location.startLine})` : ''}`,
    );
  if (changes.added.length > 10) lines.push(`- …and ${changes.added.length - 10} more new.`);
  return lines.join('\n');
}

export interface CommentParts {
  readonly result: ScanResult;
  readonly title: string;
  readonly linkBase?: string;
  readonly diagram?: string;
  readonly changes: Changes;
  /** Where the full report is (the run's job summary). */
  readonly runUrl?: string;
  readonly footer: string;
  readonly limit?: number;
}

/**
 * The sticky comment: marker, report, changes, footer, state. When the report does not fit, the
 * Markdown reporter drops the diagram and then the least severe rows, and we say where the rest is.
 */
export function composeComment(parts: CommentParts): { body: string; truncated: boolean } {
  const limit = parts.limit ?? COMMENT_LIMIT;
  const state = writeState(parts.result.findings);
  const pointer = `> [!NOTE]\n> This comment was shortened to fit GitHub's ${COMMENT_LIMIT.toLocaleString('en-US')}-character limit. The full report is in the ${parts.runUrl ? `[job summary](${parts.runUrl})` : 'job summary of this run'}.`;
  const frame = (report: string, truncated: boolean) =>
    [MARKER, report.trimEnd(), changesSection(parts.changes), truncated ? pointer : '', parts.footer, state]
      .filter(Boolean)
      .join('\n\n');
  const options = {
    title: parts.title,
    ...(parts.linkBase ? { linkBase: parts.linkBase } : {}),
    ...(parts.diagram ? { diagram: parts.diagram } : {}),
  };
  const full = frame(renderMarkdown(parts.result, options), false);
  if (full.length <= limit) return { body: full, truncated: false };
  const room = limit - frame('', true).length - 2;
  let body = frame(renderMarkdown(parts.result, { ...options, maxLength: Math.max(0, room) }), true);
  // Last resort (a huge title or footer): cut, but keep the marker first and the state last.
  if (body.length > limit) body = `${body.slice(0, limit - state.length - 2)}\n\n${state}`.slice(0, limit);
  return { body, truncated: true };
}

function oneLine(s: string): string {
  return s.replace(/\r?\n/g, ' ').replace(/</g, '&lt;');
}
