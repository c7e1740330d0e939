/** The streams and environment a command runs against (the same shape as the CLI's `Io`). */
export interface CommandIo {
  readonly stdout: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  readonly stderr: NodeJS.WritableStream & { isTTY?: boolean };
  readonly cwd: string;
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/** Exit codes, as in docs/cli.md: 0 clean, 1 findings at or above --fail-on, 2 usage or I/O error. */
export const EXIT = { ok: 0, findings: 1, error: 2 } as const;

/** A problem with how the command was called: one line on stderr, exit 2. */
export class CommandError extends Error {}
