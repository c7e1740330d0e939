import { type Finding, SEVERITIES, type Severity, severityRank } from '@ztkit/core';
import { InputError } from './iac-scan.js';

export type FailOn = Severity | 'none';

export function parseFailOn(value: string): FailOn {
  const v = value.toLowerCase();
  if (v === 'none' || (SEVERITIES as readonly string[]).includes(v)) return v as FailOn;
  throw new InputError(`fail-on must be one of ${SEVERITIES.join(', ')}, none; got '${value}'`);
}

/** Active (not suppressed) findings at or above the threshold. */
export function failingFindings(findings: readonly Finding[], failOn: FailOn): Finding[] {
  if (failOn === 'none') return [];
  return findings.filter((f) => !f.suppressed && severityRank(f.severity) >= severityRank(failOn));
}
