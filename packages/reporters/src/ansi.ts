import type { Severity } from '@ztkit/core';

/** ANSI styling that collapses to plain text when colour is off (not a TTY, or NO_COLOR). */
export interface Palette {
  bold(s: string): string;
  dim(s: string): string;
  severity(severity: Severity, s: string): string;
  red(s: string): string;
  green(s: string): string;
  yellow(s: string): string;
}

const wrap = (open: number, close: number) => (s: string) => `\u001b[${open}m${s}\u001b[${close}m`;

const SEVERITY_STYLE: Record<Severity, (s: string) => string> = {
  critical: (s) => wrap(1, 22)(wrap(35, 39)(s)),
  high: wrap(31, 39),
  medium: wrap(33, 39),
  low: wrap(36, 39),
  info: wrap(2, 22),
};

const identity = (s: string) => s;

export function palette(color: boolean): Palette {
  if (!color)
    return {
      bold: identity,
      dim: identity,
      severity: (_s, text) => text,
      red: identity,
      green: identity,
      yellow: identity,
    };
  return {
    bold: wrap(1, 22),
    dim: wrap(2, 22),
    severity: (s, text) => SEVERITY_STYLE[s](text),
    red: wrap(31, 39),
    green: wrap(32, 39),
    yellow: wrap(33, 39),
  };
}

/** Visible length of a string that may hold ANSI escapes. */
export function visibleLength(s: string): number {
  return s.replace(/\u001b\[[0-9;]*m/g, '').length;
}
