import { type Finding, type FindingLocation, type Pointer, parseJsonc } from '@ztkit/core';
import { commentStarts, commentSyntaxOf } from './comments.js';

/**
 * Inline suppressions, written next to what they cover:
 *
 *   Bicep / ARM JSON with comments:  // ztkit:ignore ZT-S02-01 expires=2027-03-31 -- jump host, allow-list pending
 *   Terraform:                       # ztkit:ignore S02 -- lab subscription, torn down nightly
 *   ARM JSON (no comments):          "metadata": { "ztkit": { "suppress": [ { "rule": "ZT-S02-01", "reason": "...", "expires": "2027-03-31" } ] } }
 *
 * A comment covers the construct that starts on the next code line (or on its own line when it
 * trails code): that line and, when the line opens a bracket, everything up to the matching close.
 * ARM `metadata` covers the object that holds it. Rules are named by id or catalogue key; a reason
 * is required; after `expires` the suppression stops applying and is itself reported.
 */
export interface InlineSuppression {
  readonly rules: readonly string[];
  readonly reason?: string;
  readonly expires?: string;
  /** Where the suppression is written (the comment or the metadata entry). */
  readonly location: FindingLocation;
  /** Lines it covers, inclusive. */
  readonly fromLine: number;
  readonly toLine: number;
  /** Set when the text is malformed (no reason, bad date): it then applies to nothing. */
  readonly problem?: string;
}

const COMMENT =
  /(?:\/\/|#|\/\*)\s*ztkit:ignore\s+([A-Za-z0-9_,\- ]+?)(?:\s+expires=(\S+))?\s*(?:--\s*(.*?))?\s*(?:\*\/\s*)?$/;

/** Find every inline suppression in one file's text. `file` is the path findings use (relative). */
export function findInlineSuppressions(text: string, file: string): InlineSuppression[] {
  if (!text.includes('ztkit')) return [];
  const lines = text.split(/\r?\n/);
  const out: InlineSuppression[] = [];
  const syntax = commentSyntaxOf(file);
  const comments = syntax && text.includes('ztkit:ignore') ? commentStarts(text, syntax) : undefined;
  const lineStarts = comments ? startsOfLines(text) : [];
  lines.forEach((line, i) => {
    // The first match that starts a real comment: text inside a string that looks like a
    // suppression is data, and a real comment may follow it on the same line.
    let at = -1;
    for (const m of line.matchAll(/(?:\/\/|#|\/\*)\s*ztkit:ignore/g))
      if (!comments || comments.has(lineStarts[i]! + m.index)) {
        at = m.index;
        break;
      }
    if (at < 0) return;
    const m = COMMENT.exec(line.slice(at));
    const lineNo = i + 1;
    const location = {
      file,
      startLine: lineNo,
      startColumn: at + 1,
      endLine: lineNo,
      endColumn: line.length + 1,
    };
    if (!m) {
      out.push({
        rules: [],
        location,
        fromLine: lineNo,
        toLine: lineNo,
        problem: 'cannot read this ztkit:ignore comment',
      });
      return;
    }
    const rules = m[1]!.split(/[,\s]+/).filter(Boolean);
    const trailing = line.slice(0, at).trim() !== '';
    const start = trailing ? lineNo : nextCodeLine(lines, i + 1);
    const end = start === undefined ? lineNo : blockEnd(lines, start - 1);
    out.push(
      make(
        rules,
        m[3],
        m[2],
        location,
        start ?? lineNo,
        end,
        start === undefined ? 'nothing follows this comment' : undefined,
      ),
    );
  });
  if (file.toLowerCase().endsWith('.json') && text.includes('"ztkit"'))
    out.push(...metadataSuppressions(text, file));
  return out;
}

function startsOfLines(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

function make(
  rules: string[],
  reason: string | undefined,
  expires: string | undefined,
  location: FindingLocation,
  fromLine: number,
  toLine: number,
  problem?: string,
): InlineSuppression {
  let issue = problem;
  if (!issue && (!reason || reason.trim().length < 3))
    issue = 'a suppression needs a reason (`-- why this is accepted`)';
  if (!issue && expires !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(expires))
    issue = `expires=${expires} is not a YYYY-MM-DD date`;
  if (!issue && rules.length === 0) issue = 'a suppression must name a rule id or catalogue key';
  return {
    rules,
    reason: reason?.trim(),
    expires,
    location,
    fromLine,
    toLine,
    ...(issue ? { problem: issue } : {}),
  };
}

function nextCodeLine(lines: string[], from: number): number | undefined {
  for (let i = from; i < lines.length && i < from + 50; i++) {
    const t = lines[i]!.trim();
    if (t === '' || t.startsWith('//') || t.startsWith('#') || t.startsWith('/*') || t.startsWith('*'))
      continue;
    return i + 1;
  }
  return undefined;
}

/** The line where the bracket opened on line `index` closes (strings and comments skipped). */
function blockEnd(lines: string[], index: number): number {
  let depth = 0;
  let opened = false;
  let quote: string | undefined;
  for (let i = index; i < lines.length && i < index + 5000; i++) {
    const line = lines[i]!;
    for (let j = 0; j < line.length; j++) {
      const c = line[j]!;
      if (quote) {
        if (c === '\\') j++;
        else if (c === quote) quote = undefined;
        continue;
      }
      if (c === '"' || c === "'") quote = c;
      else if ((c === '/' && line[j + 1] === '/') || c === '#') break;
      else if (c === '{' || c === '[' || c === '(') {
        depth++;
        opened = true;
      } else if (c === '}' || c === ']' || c === ')') {
        depth--;
        if (opened && depth === 0) return i + 1;
      }
    }
    quote = undefined;
    if (!opened) return index + 1;
  }
  return index + 1;
}

interface MetadataEntry {
  rule?: unknown;
  reason?: unknown;
  expires?: unknown;
}

/** `metadata.ztkit.suppress` entries on any object of an ARM template. */
function metadataSuppressions(text: string, file: string): InlineSuppression[] {
  const parsed = parseJsonc(text, file);
  if (!parsed.ok) return [];
  const out: InlineSuppression[] = [];
  const visit = (value: unknown, pointer: (string | number)[], depth: number): void => {
    if (depth > 64 || typeof value !== 'object' || value === null) return;
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) visit(value[i], [...pointer, i], depth + 1);
      return;
    }
    const meta = (value as { metadata?: { ztkit?: { suppress?: unknown } } }).metadata?.ztkit?.suppress;
    if (Array.isArray(meta)) {
      const owner = parsed.document.locate(pointer);
      meta.forEach((entry: MetadataEntry, i) => {
        const at: Pointer = [...pointer, 'metadata', 'ztkit', 'suppress', i];
        const span = parsed.document.locate(at) ?? owner;
        if (!span || !owner) return;
        const location = {
          file,
          startLine: span.startLine,
          startColumn: span.startColumn,
          endLine: span.endLine,
          endColumn: span.endColumn,
        };
        const rules = typeof entry?.rule === 'string' ? [entry.rule] : [];
        out.push(
          make(
            rules,
            typeof entry?.reason === 'string' ? entry.reason : undefined,
            typeof entry?.expires === 'string' ? entry.expires : undefined,
            location,
            owner.startLine,
            owner.endLine,
          ),
        );
      });
    }
    for (const [k, v] of Object.entries(value)) if (k !== 'metadata') visit(v, [...pointer, k], depth + 1);
  };
  visit(parsed.value, [], 0);
  return out;
}

/** True when a suppression names this finding's rule id or one of its catalogue keys. */
export function suppressionMatches(rules: readonly string[], finding: Finding): boolean {
  return rules.some(
    (r) => r.toUpperCase() === finding.ruleId.toUpperCase() || finding.catalog.includes(r.toUpperCase()),
  );
}
