import type { ResourceGraphClient } from '@azure/arm-resourcegraph';

export interface GraphScope {
  readonly subscriptions?: readonly string[];
  readonly managementGroups?: readonly string[];
}

export interface PagingOptions {
  /** Rows per page; Resource Graph allows at most 1000. */
  readonly pageSize?: number;
  readonly requestTimeoutMs?: number;
  readonly onPage?: (rows: number) => void;
  /** Waits before a page when the caller's quota is spent (tests pass a fake clock). */
  readonly sleep?: (ms: number) => Promise<void>;
  /**
   * Called when Resource Graph says it answered for less than was asked: the scope holds more than
   * 10,000 subscriptions (`x-ms-tenant-subscription-limit-hit`), or the result was truncated.
   */
  readonly onIncomplete?: (why: string) => void;
}

const MAX_PAGE = 1000;

/**
 * Runs one query and yields its pages as they arrive, following `$skipToken`. Only one page is
 * held at a time, so an estate of any size streams into the model without a second copy. 429 and
 * 5xx are retried by the SDK's pipeline (honouring Retry-After); when Resource Graph says the
 * caller's quota is spent (`x-ms-user-quota-remaining: 0`), the next page waits
 * `x-ms-user-quota-resets-after` instead of provoking a 429.
 */
export async function* queryPages(
  client: ResourceGraphClient,
  query: string,
  scope: GraphScope,
  options: PagingOptions = {},
): AsyncGenerator<readonly unknown[]> {
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  let skipToken: string | undefined;
  let waitMs = 0;
  do {
    if (waitMs > 0) await sleep(waitMs);
    const response = await client.resources(
      {
        query,
        ...(scope.subscriptions ? { subscriptions: [...scope.subscriptions] } : {}),
        ...(scope.managementGroups ? { managementGroups: [...scope.managementGroups] } : {}),
        options: {
          resultFormat: 'objectArray',
          top: Math.min(options.pageSize ?? MAX_PAGE, MAX_PAGE),
          ...(skipToken ? { skipToken } : {}),
        },
      },
      {
        ...(options.requestTimeoutMs ? { requestOptions: { timeout: options.requestTimeoutMs } } : {}),
        onResponse: (raw) => {
          waitMs = quotaWaitMs(
            raw.headers.get('x-ms-user-quota-remaining'),
            raw.headers.get('x-ms-user-quota-resets-after'),
          );
          if (raw.headers.get('x-ms-tenant-subscription-limit-hit')?.toLowerCase() === 'true')
            options.onIncomplete?.(
              'Resource Graph answered for the first 10,000 subscriptions of the scope only',
            );
        },
      },
    );
    if (String(response.resultTruncated).toLowerCase() === 'true')
      options.onIncomplete?.('Resource Graph truncated the result');
    const rows = Array.isArray(response.data) ? (response.data as unknown[]) : [];
    options.onPage?.(rows.length);
    yield rows;
    skipToken = response.skipToken || undefined;
  } while (skipToken);
}

/** `x-ms-user-quota-resets-after` is `hh:mm:ss`; wait only when no query is left in the window. */
export function quotaWaitMs(remaining: string | undefined, resetsAfter: string | undefined): number {
  if (remaining === undefined || Number(remaining) > 0 || !resetsAfter) return 0;
  const m = /^(\d+):(\d{2}):(\d{2})(?:\.(\d+))?$/.exec(resetsAfter.trim());
  if (!m) return 0;
  const ms = ((Number(m[1]) * 60 + Number(m[2])) * 60 + Number(m[3])) * 1000;
  return Math.min(ms, 60_000);
}
