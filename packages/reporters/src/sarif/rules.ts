import { type Finding, PRINCIPLE_TITLES, type RuleMeta, type Severity } from '@ztkit/core';
import { problemSeverity, sarifLevel, securitySeverity } from './severity.js';
import type { SarifReportingDescriptor } from './types.js';

const RULE_DOCS = 'https://github.com/ztkit/ztkit/blob/main/docs/rules';

/** `Storage accounts accept secure transfer only` -> `StorageAccountsAcceptSecureTransferOnly`. */
function descriptorName(title: string): string {
  return title
    .replace(/[^A-Za-z0-9 ]+/g, ' ')
    .split(' ')
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join('');
}

function tags(catalog: readonly string[], principles: readonly string[], pack?: string): string[] {
  // `security` makes GitHub treat the rule as a security query and read `security-severity`.
  const out = ['security', 'zero-trust', ...catalog.map((k) => `catalog/${k}`), ...principles];
  if (pack) out.push(pack);
  return out;
}

/** The full rule descriptor: GitHub shows `help.markdown` on every alert of the rule. */
export function descriptorFromMeta(meta: RuleMeta): SarifReportingDescriptor {
  const severity = securitySeverity(meta.severity);
  return {
    id: meta.id,
    name: descriptorName(meta.title),
    shortDescription: { text: meta.title },
    fullDescription: { text: meta.rationale },
    help: { text: helpText(meta), markdown: helpMarkdown(meta) },
    // The rule's own reference page (generated from this metadata); Microsoft's docs are in the help.
    helpUri: `${RULE_DOCS}/${meta.id}.md`,
    defaultConfiguration: { level: sarifLevel(meta.severity) },
    properties: {
      tags: tags(meta.catalog, meta.principles, meta.pack),
      ...(severity && { 'security-severity': severity }),
      precision: 'high',
      'problem.severity': problemSeverity(meta.severity),
    },
  };
}

/** When the caller does not pass the rule set, describe a rule from what its finding carries. */
export function descriptorFromFinding(f: Finding): SarifReportingDescriptor {
  const severity = securitySeverity(f.severity);
  const keys = f.catalog.join(', ');
  return {
    id: f.ruleId,
    name: descriptorName(f.title),
    shortDescription: { text: f.title },
    fullDescription: { text: `${f.title} (catalogue ${keys}).` },
    help: { text: `${f.title}. Run 'ztkit rules' for details.`, markdown: `**${f.title}** (${keys})` },
    defaultConfiguration: { level: sarifLevel(f.severity) },
    properties: {
      tags: tags(f.catalog, f.principles),
      ...(severity && { 'security-severity': severity }),
      precision: 'high',
      'problem.severity': problemSeverity(f.severity),
    },
  };
}

function principleList(meta: RuleMeta): string {
  return meta.principles.map((p) => PRINCIPLE_TITLES[p]).join(', ');
}

function sourceList(meta: RuleMeta): string {
  return meta.source
    .map((s) => `${s.document === '000' ? 'Encrypt network traffic' : 'Secure networks'} ${s.step}`)
    .join('; ');
}

function helpText(meta: RuleMeta): string {
  const lines = [
    meta.title,
    '',
    meta.rationale,
    '',
    `Recommendation: ${meta.remediation.summary}`,
    '',
    `Severity: ${meta.severity}. Catalogue: ${meta.catalog.join(', ')}. Zero Trust: ${principleList(meta)}.`,
  ];
  if (meta.links?.length) lines.push('', ...meta.links);
  return lines.join('\n');
}

const FENCES: ReadonlyArray<[keyof RuleMeta['remediation'], string, string]> = [
  ['arm', 'ARM template', 'json'],
  ['bicep', 'Bicep', 'bicep'],
  ['terraform', 'Terraform', 'hcl'],
];

function helpMarkdown(meta: RuleMeta): string {
  const out = [
    `## ${meta.title}`,
    '',
    `| Severity | Catalogue | Zero Trust principles | Source | Benchmark |`,
    `|---|---|---|---|---|`,
    `| ${capitalise(meta.severity)} | ${meta.catalog.join(', ')} | ${principleList(meta)} | ${sourceList(meta)} | ${meta.benchmark.join(', ') || '-'} |`,
    '',
    meta.rationale,
    '',
    '### Recommendation',
    '',
    meta.remediation.summary,
  ];
  for (const [key, label, lang] of FENCES) {
    const snippet = meta.remediation[key];
    if (snippet) out.push('', `**${label}**`, '', `\`\`\`${lang}`, snippet, '```');
  }
  if (meta.notes?.length) out.push('', '### Notes', '', ...meta.notes.map((n) => `- ${n}`));
  if (meta.links?.length) out.push('', '### Links', '', ...meta.links.map((l) => `- <${l}>`));
  return out.join('\n');
}

function capitalise(s: Severity): string {
  return s[0]!.toUpperCase() + s.slice(1);
}
