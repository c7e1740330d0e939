/**
 * GitHub Actions OIDC: the runner hands a job with `permissions: id-token: write` a URL and a
 * request token (`ACTIONS_ID_TOKEN_REQUEST_URL`, `ACTIONS_ID_TOKEN_REQUEST_TOKEN`); a GET on that
 * URL with `audience=api://AzureADTokenExchange` returns a short-lived JWT that Entra ID accepts as
 * a client assertion for an app with a matching federated credential. Written here (the kit does
 * not use @actions/core) with the same request @actions/core's getIDToken makes.
 */

/** The audience Entra ID expects for workload identity federation. */
export const AZURE_AD_TOKEN_EXCHANGE = 'api://AzureADTokenExchange';

export type IdTokenResult = { ok: true; token: string } | { ok: false; reason: string };

export interface IdTokenRequest {
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly audience?: string;
  /** Tells the runner to mask a secret in logs (`::add-mask::`). */
  readonly mask?: (secret: string) => void;
  readonly fetch?: typeof fetch;
}

/** True when the job can ask for an OIDC token (it has `id-token: write`). */
export function gitHubOidcAvailable(
  env: Readonly<Record<string, string | undefined>> = process.env,
): boolean {
  return Boolean(env.ACTIONS_ID_TOKEN_REQUEST_URL && env.ACTIONS_ID_TOKEN_REQUEST_TOKEN);
}

export async function requestGitHubIdToken(request: IdTokenRequest = {}): Promise<IdTokenResult> {
  const env = request.env ?? process.env;
  const url = env.ACTIONS_ID_TOKEN_REQUEST_URL;
  const bearer = env.ACTIONS_ID_TOKEN_REQUEST_TOKEN;
  if (!url || !bearer)
    return {
      ok: false,
      reason:
        'no GitHub OIDC token available: give the job `permissions: id-token: write` (ACTIONS_ID_TOKEN_REQUEST_URL is not set)',
    };
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return { ok: false, reason: 'ACTIONS_ID_TOKEN_REQUEST_URL is not a URL' };
  }
  target.searchParams.set('audience', request.audience ?? AZURE_AD_TOKEN_EXCHANGE);
  const doFetch = request.fetch ?? fetch;
  let response: Response;
  try {
    response = await doFetch(target, {
      headers: { Authorization: `Bearer ${bearer}`, Accept: 'application/json', 'User-Agent': 'ztkit' },
      signal: AbortSignal.timeout(30_000),
    });
  } catch (e) {
    return { ok: false, reason: `GitHub OIDC token request failed: ${(e as Error).message}` };
  }
  if (!response.ok) {
    // The body may echo request details; only the status is reported.
    return { ok: false, reason: `GitHub OIDC token request answered HTTP ${response.status}` };
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    return { ok: false, reason: 'GitHub OIDC token response is not JSON' };
  }
  const value = (body as { value?: unknown } | null)?.value;
  if (typeof value !== 'string' || !value)
    return { ok: false, reason: 'GitHub OIDC token response has no `value`' };
  request.mask?.(value);
  return { ok: true, token: value };
}
