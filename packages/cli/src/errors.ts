/** A problem with how ztkit was called (bad flag, missing path): exit code 2, one line, no stack. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** An input or output problem (unreadable config, unwritable --output): exit code 2 as well. */
export class IoError extends Error {
  override readonly name = 'IoError';
}

/** Exit codes, as documented in docs/cli.md. */
export const EXIT = {
  /** No finding at or above --fail-on. */
  ok: 0,
  /** At least one finding at or above --fail-on. */
  findings: 1,
  /** Usage or I/O error. */
  error: 2,
} as const;
