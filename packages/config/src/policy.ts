import { createHash } from 'node:crypto';
import type { Finding, FindingLocation, RuleMeta, Severity } from '@ztkit/core';
import picomatch from 'picomatch';
import type { Baseline } from './baseline.js';
import type { ConfigSuppression } from './config.js';
import { type InlineSuppression, suppressionMatches } from './suppressions.js';

/** Findings about suppressions themselves. They have no catalogue key: they keep the policy honest. */
export const POLICY_RULES: readonly RuleMeta[] = [
  policyRule(
    'ZT-P00-01',
    'Suppression has expired',
    'medium',
    'The expiry date has passed, so the suppression no longer applies. Fix the finding, or renew the suppression with a new reason and date.',
  ),
  policyRule(
    'ZT-P00-02',
    'Suppression matches no finding',
    'low',
    'The finding it was written for is gone (fixed, or the rule no longer fires). Remove the suppression so it cannot hide a future finding.',
  ),
  policyRule(
    'ZT-P00-03',
    'Suppression is malformed',
    'medium',
    'The suppression is missing a reason, names no rule, or has an unreadable expiry date, so it applies to nothing.',
  ),
];

function policyRule(id: string, title: string, severity: Severity, rationale: string): RuleMeta {
  return {
    id,
    title,
    severity,
    catalog: [],
    principles: ['verify-explicitly'],
    pack: 'analysis',
    source: [],
    benchmark: [],
    peers: {},
    resourceTypes: [],
    rationale,
    remediation: { summary: rationale },
  };
}

export interface PolicyInput {
  readonly findings: readonly Finding[];
  /** Inline suppressions of every scanned file. */
  readonly inline: readonly InlineSuppression[];
  readonly configSuppressions?: readonly ConfigSuppression[];
  /** Where the config file is, for locating config-suppression findings. */
  readonly configFile?: string;
  readonly baseline?: Baseline;
  /** `YYYY-MM-DD`; defaults to today (UTC). */
  readonly today?: string;
}

/**
 * Mark suppressed findings (inline, then config, then baseline) without dropping any, and report
 * expired, unused and malformed suppressions as findings of their own.
 */
export function applyPolicy(input: PolicyInput): Finding[] {
  const today = input.today ?? new Date().toISOString().slice(0, 10);
  const out: Finding[] = input.findings.map((f) => ({ ...f }));
  const used = new Set<InlineSuppression | ConfigSuppression>();
  const meta: Finding[] = [];

  for (const s of input.inline) {
    if (s.problem) {
      meta.push(policyFinding(POLICY_RULES[2]!, s.location, `Suppression ignored: ${s.problem}.`));
      continue;
    }
    const expired = s.expires !== undefined && s.expires < today;
    for (const f of out) {
      if (f.suppressed || !f.location || f.location.file !== s.location.file) continue;
      if (f.location.startLine < s.fromLine || f.location.startLine > s.toLine) continue;
      if (!suppressionMatches(s.rules, f)) continue;
      used.add(s);
      if (!expired)
        f.suppressed = {
          kind: 'inline',
          justification: s.reason ?? '',
          expires: s.expires,
          location: s.location,
        };
    }
    if (expired)
      meta.push(
        policyFinding(
          POLICY_RULES[0]!,
          s.location,
          `Suppression of ${s.rules.join(', ')} expired on ${s.expires}: "${s.reason}".`,
        ),
      );
    else if (!used.has(s))
      meta.push(
        policyFinding(
          POLICY_RULES[1]!,
          s.location,
          `Suppression of ${s.rules.join(', ')} matches no finding here; remove it.`,
        ),
      );
  }

  for (const s of input.configSuppressions ?? []) {
    const expired = s.expires !== undefined && s.expires < today;
    const inPath = s.path ? picomatch(s.path, { dot: true }) : undefined;
    const onResource = s.resource ? picomatch(s.resource, { nocase: true }) : undefined;
    for (const f of out) {
      if (f.suppressed || !suppressionMatches([s.rule], f)) continue;
      if (inPath && !(f.location && inPath(f.location.file))) continue;
      if (onResource && !onResource(f.resource.name)) continue;
      used.add(s);
      if (!expired) f.suppressed = { kind: 'config', justification: s.reason, expires: s.expires };
    }
    const location = configLocation(input.configFile);
    if (expired)
      meta.push(
        policyFinding(
          POLICY_RULES[0]!,
          location,
          `Config suppression of ${s.rule} expired on ${s.expires}: "${s.reason}".`,
        ),
      );
    else if (!used.has(s))
      meta.push(
        policyFinding(
          POLICY_RULES[1]!,
          location,
          `Config suppression of ${s.rule}${s.resource ? ` on ${s.resource}` : ''} matches no finding; remove it.`,
        ),
      );
  }

  if (input.baseline) {
    const known = new Set(input.baseline.findings.map((b) => b.fingerprint));
    for (const f of out)
      if (!f.suppressed && known.has(f.fingerprint))
        f.suppressed = { kind: 'baseline', justification: 'in baseline' };
  }
  return [...out, ...meta];
}

function configLocation(file: string | undefined): FindingLocation | undefined {
  return file ? { file, startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 } : undefined;
}

function policyFinding(meta: RuleMeta, location: FindingLocation | undefined, message: string): Finding {
  const fingerprint = createHash('sha256')
    .update(`${meta.id}\n${location?.file ?? ''}\n${message}`)
    .digest('hex')
    .slice(0, 32);
  return {
    ruleId: meta.id,
    title: meta.title,
    catalog: [],
    principles: meta.principles,
    severity: meta.severity,
    message,
    resource: {
      type: 'ztkit/suppression',
      name: location ? `${location.file}:${location.startLine}` : 'config',
    },
    language: 'arm',
    ...(location ? { location } : {}),
    fingerprint,
  };
}
