import { execFileSync } from 'node:child_process';
import { type Finding, type Severity, severityRank } from '@ztkit/core';
import type { JsonFinding } from '@ztkit/reporters';
import type { PullRequestRef } from './event.js';

/**
 * `mode: diff`: the pull request's findings compared with its base by fingerprint. `new` are in the
 * head and not in the base (what the change introduces: the only ones annotated and gated), `fixed`
 * are in the base and gone from the head, `unchanged` are in both. Suppressed findings take no part.
 */
export interface PullRequestDiff {
  /** The commit compared with (40 hex). */
  readonly base: string;
  readonly new: readonly Finding[];
  readonly fixed: readonly Finding[];
  readonly unchanged: readonly Finding[];
}

/** The `diff` member the IaC checks add to their JSON report (see docs/json-contract.md). */
export interface JsonDiff {
  readonly base: string;
  /** Fingerprints of `findings` that the pull request introduces. */
  readonly new: readonly string[];
  /** Findings of the base that the pull request removes, located in the base commit. */
  readonly fixed: readonly JsonFinding[];
  /** How many findings of the head were already in the base. */
  readonly unchanged: number;
}

export type DiffBase =
  | { readonly ok: true; readonly sha: string; readonly how: string }
  | { readonly ok: false; readonly reason: string };

/**
 * The commit to compare the checkout with. The merge base of the event's base SHA and `HEAD` is
 * right for both checkouts a pull request gets: for the default merge commit it is the base SHA
 * itself (its first parent), for a checkout of the head branch it is the fork point, so that what
 * the base branch did since does not count as this pull request's. Both need the history
 * (`fetch-depth: 0`). A shallow checkout of the merge commit (`fetch-depth: 2`) still has `HEAD^1`.
 */
export function diffBase(cwd: string, pr: PullRequestRef): DiffBase {
  const errors: string[] = [];
  try {
    const sha = git(cwd, ['merge-base', pr.baseSha, 'HEAD']).trim();
    if (sha)
      return {
        ok: true,
        sha,
        how: sha === pr.baseSha ? 'the base SHA' : `merge base of ${pr.baseSha.slice(0, 7)} and HEAD`,
      };
  } catch (e) {
    errors.push(`merge-base: ${firstLine(e)}`);
  }
  try {
    const parents = git(cwd, ['rev-list', '--parents', '-n', '1', 'HEAD']).trim().split(' ');
    if (parents.length === 3) return { ok: true, sha: parents[1]!, how: 'HEAD^1 (merge commit)' };
    errors.push('HEAD is not a merge commit');
  } catch (e) {
    errors.push(`rev-list: ${firstLine(e)}`);
  }
  return { ok: false, reason: errors.join('; ') };
}

/** Lines listed per group before "…and N more": the job summary and the comment stay readable. */
const LIST_MAX = 50;

export interface DiffSectionOptions {
  /** Links for new findings (the head commit). */
  readonly linkBase?: string;
  /** Links for fixed findings (the base commit). */
  readonly baseLinkBase?: string;
  readonly heading?: string;
}

/** Markdown: new findings, then fixed ones, most severe first; put before the full report. */
export function diffSection(
  diff: {
    readonly base: string;
    readonly new: readonly Finding[];
    readonly fixed: readonly Finding[];
    readonly unchanged: number;
  },
  options: DiffSectionOptions = {},
): string {
  const lines = [
    `### ${options.heading ?? 'This pull request'}`,
    '',
    `Compared with the base \`${diff.base.slice(0, 7)}\`: **${diff.new.length} new**, **${diff.fixed.length} fixed**, ${diff.unchanged} unchanged.`,
  ];
  const group = (title: string, icon: string, list: readonly Finding[], link: string | undefined) => {
    if (!list.length) return;
    lines.push('', `**${title}**`, '');
    const sorted = [...list].sort((a, b) => severityRank(b.severity) - severityRank(a.severity));
    for (const f of sorted.slice(0, LIST_MAX)) lines.push(`- ${icon} ${findingLine(f, link)}`);
    if (sorted.length > LIST_MAX) lines.push(`- …and ${sorted.length - LIST_MAX} more.`);
  };
  group('New', '🆕', diff.new, options.linkBase);
  group('Fixed', '✅', diff.fixed, options.baseLinkBase);
  return lines.join('\n');
}

function findingLine(f: Finding, linkBase: string | undefined): string {
  const loc = f.location;
  let where = '';
  if (loc) {
    const label = `${loc.file}:${loc.startLine}`;
    const path = loc.file.split('/').map(encodeURIComponent).join('/');
    where = linkBase
      ? ` ([${label}](${linkBase.replace(/\/+$/, '')}/${path}#L${loc.startLine}))`
      : ` (${label})`;
  }
  return `${capitalise(f.severity)} \`${f.ruleId}\` \`${f.resource.name.replace(/`/g, "'")}\`: ${oneLine(f.message)}${where}`;
}

function capitalise(s: Severity): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function oneLine(s: string): string {
  return s.replace(/\r?\n/g, ' ').replace(/</g, '&lt;').replace(/\|/g, '\\|');
}

function git(cwd: string, args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

function firstLine(e: unknown): string {
  return (
    String((e as { stderr?: string }).stderr || e)
      .trim()
      .split('\n')[0] ?? ''
  );
}
