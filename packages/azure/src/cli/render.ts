import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { zeroTrustScore } from '@ztkit/analysis';
import { type Finding, type Severity, severityRank } from '@ztkit/core';
import { renderMarkdown, renderTable, toJsonReport, toSarif } from '@ztkit/reporters';
import type { PostureResult } from '../posture.js';
import { ZTKIT_VERSION } from '../version.js';
import type { CommandIo } from './io.js';
import type { Format } from './options.js';

/** The report in the chosen format, with what was and was not read stated, never implied. */
export function renderPosture(result: PostureResult, format: Format, io: CommandIo): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify({ ...toJsonReport(result), posture: postureJson(result) }, null, 2)}\n`;
    case 'sarif':
      return `${JSON.stringify(toSarif(result, { toolVersion: ZTKIT_VERSION, rules: result.rules, category: 'ztkit/posture' }), null, 2)}\n`;
    case 'markdown':
      return `${renderMarkdown(result, { title: 'ztkit: live Zero Trust posture' })}\n${postureMarkdown(result)}`;
    default: {
      const color = Boolean(io.stdout.isTTY) && !(io.env ?? process.env).NO_COLOR;
      return `${renderTable(result, { color, ...(io.stdout.columns ? { width: io.stdout.columns } : {}) })}\n${postureText(result)}`;
    }
  }
}

export function postureJson(result: PostureResult) {
  const p = result.posture;
  return {
    cloud: p.cloud,
    armEndpoint: p.armEndpoint,
    scope: p.scope,
    partial: p.partial,
    subscriptions: p.subscriptions,
    scopeFailures: p.scopeFailures,
    detailFailures: p.detailFailures,
    typesMaybeMissing: p.typesMaybeMissing,
    /** The Zero Trust score of this run: controls (rules) passed; null when nothing could be read. */
    score: anyRead(result) ? zeroTrustScore(result.findings, result.rules).overall : null,
    ...(p.verification ? { verification: p.verification } : {}),
  };
}

export function postureText(result: PostureResult): string {
  const p = result.posture;
  const read = p.subscriptions.filter((s) => s.status === 'read');
  const score = zeroTrustScore(result.findings, result.rules).overall;
  const lines = [
    anyRead(result)
      ? `Zero Trust score: ${score.percent}% (${score.passed} of ${score.total} controls pass${p.partial ? ', of what could be read' : ''}).`
      : 'Zero Trust score: n/a (nothing could be read).',
    `Live posture (${p.cloud}, ${p.armEndpoint}): ${read.length} of ${p.subscriptions.length} subscription(s) read, ${result.summary.resources} resources.`,
  ];
  for (const s of p.subscriptions)
    if (s.status === 'failed')
      lines.push(`  NOT READ ${s.subscriptionId}${s.name ? ` (${s.name})` : ''}: ${s.reason}`);
  for (const f of p.scopeFailures) lines.push(`  NOT READ ${f}`);
  for (const f of p.detailFailures) lines.push(`  partly read ${f.resourceId}: ${f.reason}`);
  if (p.partial) lines.push('PARTIAL RESULT: the findings cover only what could be read.');
  if (p.verification) {
    const v = p.verification;
    lines.push(
      `Verify: ${v.nicsChecked} NIC(s) checked against Azure's effective rules and routes (${v.comparisons} comparisons, ${v.disagreements.length} disagreement(s)${v.nicsSkipped ? `, ${v.nicsSkipped} NIC(s) not checked` : ''}).`,
    );
    for (const d of v.disagreements)
      lines.push(`  ${d.name} ${d.detail}: Azure ${d.azure}; ztkit ${d.ztkit}`);
  }
  return `${lines.join('\n')}\n`;
}

export function postureMarkdown(result: PostureResult): string {
  const p = result.posture;
  const rows = p.subscriptions.map(
    (s) =>
      `| \`${s.subscriptionId}\` | ${s.name ?? ''} | ${s.status === 'read' ? `read (${s.resources})` : `**not read**: ${s.reason}`} |`,
  );
  const out = ['', '### Scope', '', '| subscription | name | status |', '|---|---|---|', ...rows];
  for (const f of p.scopeFailures) out.push('', `**Not read:** ${f}`);
  if (p.partial) out.push('', '> **Partial result**: the findings cover only what could be read.');
  if (p.verification?.disagreements.length) {
    out.push(
      '',
      '### Static analysis vs Azure effective rules',
      '',
      '| NIC | traffic | Azure | ztkit |',
      '|---|---|---|---|',
    );
    for (const d of p.verification.disagreements)
      out.push(`| ${d.name} | ${d.detail} | ${d.azure} | ${d.ztkit} |`);
  }
  return `${out.join('\n')}\n`;
}

export function emit(io: CommandIo, text: string, output: string | undefined): void {
  if (output) writeFileSync(resolve(io.cwd, output), text);
  else io.stdout.write(text);
}

export function failing(findings: readonly Finding[], failOn: Severity | 'none'): Finding[] {
  if (failOn === 'none') return [];
  return findings.filter((f) => !f.suppressed && severityRank(f.severity) >= severityRank(failOn));
}

function anyRead(result: PostureResult): boolean {
  return result.posture.subscriptions.some((s) => s.status === 'read');
}
