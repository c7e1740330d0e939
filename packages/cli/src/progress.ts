import type { Io } from './io.js';

/** Show progress only after this long: short scans stay quiet. */
const QUIET_MS = 1500;

/**
 * A one-line progress counter on stderr, only when stderr is a terminal (never in CI logs or
 * redirected output) and only for scans that take a while.
 */
export function progressReporter(io: Io): {
  onProgress?: (done: number, total: number) => void;
  end(): void;
} {
  if (!io.stderr.isTTY) return { end() {} };
  const started = Date.now();
  let shown = false;
  return {
    onProgress(done, total) {
      if (Date.now() - started < QUIET_MS) return;
      shown = true;
      io.stderr.write(`\r\u001b[2Kztkit: loaded ${done}/${total} files`);
    },
    end() {
      if (shown) io.stderr.write('\r\u001b[2K');
    },
  };
}
