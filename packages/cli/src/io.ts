/** The streams and environment a command runs against; tests pass their own. */
export interface Io {
  readonly stdout: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  readonly stderr: NodeJS.WritableStream & { isTTY?: boolean };
  readonly cwd: string;
  /** Defaults to process.env. */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

export function envOf(io: Io): Readonly<Record<string, string | undefined>> {
  return io.env ?? process.env;
}

/** Colour only for a terminal, and never when NO_COLOR is set (https://no-color.org). */
export function wantsColor(io: Io): boolean {
  const env = envOf(io);
  return Boolean(io.stdout.isTTY) && !env.NO_COLOR;
}
