import type { Severity } from '@ztkit/core';
import type { SarifLevel } from './types.js';

/** SARIF has three levels; critical and high both block, medium warns, the rest are notes. */
export function sarifLevel(severity: Severity): SarifLevel {
  if (severity === 'critical' || severity === 'high') return 'error';
  if (severity === 'medium') return 'warning';
  return 'note';
}

/**
 * GitHub ranks alerts by `security-severity`: > 9.0 critical, 7.0–8.9 high, 4.0–6.9 medium,
 * 0.1–3.9 low. Each value sits inside its band; info has none, so GitHub shows it as a plain note.
 */
const SECURITY_SEVERITY: Record<Severity, string | undefined> = {
  critical: '9.5',
  high: '8.0',
  medium: '5.5',
  low: '3.0',
  info: undefined,
};

export function securitySeverity(severity: Severity): string | undefined {
  return SECURITY_SEVERITY[severity];
}

export function problemSeverity(severity: Severity): 'error' | 'warning' | 'recommendation' {
  const level = sarifLevel(severity);
  return level === 'error' ? 'error' : level === 'warning' ? 'warning' : 'recommendation';
}
