import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { IoError } from './errors.js';
import type { Io } from './io.js';

/** Write a report to --output (relative to cwd) or stdout. An unwritable file is an I/O error (exit 2). */
export function emit(io: Io, text: string, output: string | undefined): void {
  if (output === undefined || output === '-') {
    io.stdout.write(text);
    return;
  }
  try {
    writeFileSync(resolve(io.cwd, output), text);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new IoError(`cannot write --output ${output}${code ? ` (${code})` : ''}`);
  }
}
