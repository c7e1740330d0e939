/**
 * A failed ARM or Resource Graph call, in words: status, ARM error code (from the
 * `{ "error": { "code", "message" } }` envelope) and message. Never includes request headers.
 */
export function describeArmError(e: unknown): string {
  if (typeof e !== 'object' || e === null) return String(e);
  const err = e as {
    name?: string;
    statusCode?: number;
    code?: string;
    message?: string;
    details?: { error?: { code?: string; message?: string } };
  };
  if (
    err.name === 'AbortError' ||
    err.name === 'TimeoutError' ||
    /timed? ?out|aborted/i.test(err.message ?? '')
  )
    return `timed out (${firstLine(err.message) || 'no answer'})`;
  const envelope = err.details?.error;
  const code = envelope?.code ?? err.code;
  const message = envelope?.message ?? err.message ?? '';
  const status = err.statusCode ? `HTTP ${err.statusCode}` : 'request failed';
  return `${status}${code ? ` ${code}` : ''}: ${firstLine(message)}`.trim();
}

/** The HTTP status of a failed call, when it got that far. */
export function statusOf(e: unknown): number | undefined {
  const s = (e as { statusCode?: unknown } | null)?.statusCode;
  return typeof s === 'number' ? s : undefined;
}

function firstLine(text: string | undefined): string {
  return (text ?? '').split('\n')[0]!.slice(0, 300);
}
