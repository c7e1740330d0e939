import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { SEVERITIES, type Severity } from '@ztkit/core';
import { UsageError } from '../errors.js';

export const FAIL_ON = [...SEVERITIES, 'none'] as const;
export type FailOn = Severity | 'none';

/** Paths the user named must exist: a typo should not pass as "no findings". */
export function requireExisting(cwd: string, paths: readonly string[], what: string): void {
  for (const p of paths)
    if (!existsSync(resolve(cwd, p))) throw new UsageError(`${what} '${p}' does not exist`);
}

export function parseFailOn(value: string | undefined): FailOn | undefined {
  if (value === undefined) return undefined;
  if ((FAIL_ON as readonly string[]).includes(value)) return value as FailOn;
  throw new UsageError(`--fail-on must be one of ${FAIL_ON.join(', ')} (got '${value}')`);
}
