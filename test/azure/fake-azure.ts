import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { TestCertificate } from './tls.js';

/**
 * A local stand-in for ARM and Resource Graph, speaking the REST shapes ztkit calls:
 * - `POST /providers/Microsoft.ResourceGraph/resources` (QueryRequest with `subscriptions` or
 *   `managementGroups`, `options.$top` / `$skipToken` / `resultFormat`; QueryResponse with
 *   `totalRecords`, `count`, `resultTruncated`, `$skipToken`, `data`, throttling headers);
 * - `GET .../firewallPolicies/{p}/ruleCollectionGroups` (`{ value, nextLink }`);
 * - `GET {id}/providers/Microsoft.Insights/diagnosticSettings`, `{site}/config/web`,
 *   `{pe}/privateDnsZoneGroups`;
 * - `POST .../networkInterfaces/{nic}/effectiveNetworkSecurityGroups` and `.../effectiveRouteTable`
 *   as long-running operations (202 + Location, then 200 with the result);
 * - errors in ARM's envelope `{ "error": { "code", "message" } }`.
 * It interprets only the queries ztkit sends (a type list, the subscriptions listing).
 */
export interface FakeRow {
  readonly id: string;
  readonly type: string;
  readonly name: string;
  readonly subscriptionId: string;
  readonly resourceGroup: string;
  readonly location?: string;
  readonly properties: Record<string, unknown>;
  readonly [key: string]: unknown;
}

export interface FakeFaults {
  /** The next N Resource Graph requests answer 429 with `Retry-After: retryAfter` (default 0 seconds). */
  throttle?: number;
  retryAfter?: number;
  /** The next N Resource Graph requests answer 503. */
  unavailable?: number;
  /** Queries touching these subscriptions answer 403 AuthorizationFailed. */
  forbidden?: Set<string>;
  /** Queries touching these subscriptions hang past the client's timeout. */
  hang?: Set<string>;
  /** Management groups the caller may not read. */
  forbiddenGroups?: Set<string>;
  /** Answer as if the scope held more than 10,000 subscriptions (`x-ms-tenant-subscription-limit-hit`). */
  subscriptionLimitHit?: boolean;
}

export interface FakeAzureState {
  /** ARG rows (top-level resources and the child types ARG indexes). */
  rows: FakeRow[];
  /** Every subscription that exists and is visible to the caller, with its display name. */
  subscriptions: Map<string, string>;
  /** Management group -> its subscriptions. */
  managementGroups: Map<string, string[]>;
  /** ARM GET by lower-case path (no query): the child collections and single child resources. */
  armGet: Map<string, unknown>;
  /** Effective security groups and routes by lower-case NIC id. */
  effectiveNsgs: Map<string, unknown>;
  effectiveRoutes: Map<string, unknown>;
  faults: FakeFaults;
  /** Requests seen, for assertions: method, path, status. */
  log: {
    method: string;
    path: string;
    status: number;
    authorized: boolean;
    rows?: number;
    listing?: boolean;
  }[];
  /** Rows per page the server gives at most (ARG's own cap is 1000). */
  maxPage: number;
  /**
   * Also play Entra ID for this tenant: OpenID metadata and the token endpoint, which accepts a
   * client assertion when `acceptAssertion` says so and answers with the token ARM expects.
   */
  entra?: { tenant: string; acceptAssertion(assertion: string): boolean; tokensIssued: number };
}

export interface FakeAzure {
  readonly url: string;
  readonly state: FakeAzureState;
  close(): Promise<void>;
}

export async function startFakeAzure(
  cert: TestCertificate,
  init: Partial<FakeAzureState> = {},
): Promise<FakeAzure> {
  const state: FakeAzureState = {
    rows: [],
    subscriptions: new Map(),
    managementGroups: new Map(),
    armGet: new Map(),
    effectiveNsgs: new Map(),
    effectiveRoutes: new Map(),
    faults: {},
    log: [],
    maxPage: 1000,
    ...init,
  };
  const operations = new Map<string, unknown>();
  let base = '';
  const server: Server = createServer({ key: cert.key, cert: cert.cert }, (req, res) => {
    void handle(req, res).catch((e) => send(res, 500, { error: { code: 'FakeBug', message: String(e) } }));
  });

  const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    const text = body === undefined ? '' : JSON.stringify(body);
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
    res.end(text);
  };

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', base);
    const path = decodeURIComponent(url.pathname);
    const authorized = req.headers.authorization === 'Bearer fake-arm-token';
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const reply = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      const data = (body as { data?: unknown[] } | undefined)?.data;
      state.log.push({
        method: req.method ?? '',
        path,
        status,
        authorized,
        ...(Array.isArray(data)
          ? { rows: data.length, listing: data.some((d) => !('type' in (d as object))) }
          : {}),
      });
      send(res, status, body, headers);
    };
    const entra = state.entra;
    if (entra && path.startsWith(`/${entra.tenant}/`)) {
      if (path.endsWith('/.well-known/openid-configuration'))
        return reply(200, {
          issuer: `${base}/${entra.tenant}/v2.0`,
          token_endpoint: `${base}/${entra.tenant}/oauth2/v2.0/token`,
          authorization_endpoint: `${base}/${entra.tenant}/oauth2/v2.0/authorize`,
          end_session_endpoint: `${base}/${entra.tenant}/oauth2/v2.0/logout`,
          jwks_uri: `${base}/${entra.tenant}/discovery/v2.0/keys`,
        });
      if (path.endsWith('/oauth2/v2.0/token')) {
        const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
        const assertion = form.get('client_assertion') ?? '';
        if (
          form.get('client_assertion_type') !== 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer' ||
          !entra.acceptAssertion(assertion)
        )
          return reply(401, {
            error: 'invalid_client',
            error_description: 'AADSTS700213: No matching federated identity record found',
          });
        entra.tokensIssued++;
        return reply(200, {
          token_type: 'Bearer',
          expires_in: 3599,
          ext_expires_in: 3599,
          access_token: 'fake-arm-token',
        });
      }
    }
    if (!authorized)
      return reply(401, {
        error: { code: 'AuthenticationFailed', message: 'missing or wrong bearer token' },
      });
    if (!url.searchParams.get('api-version'))
      return reply(400, {
        error: { code: 'MissingApiVersionParameter', message: 'api-version is required' },
      });

    if (req.method === 'POST' && path.toLowerCase() === '/providers/microsoft.resourcegraph/resources') {
      if (state.faults.throttle && state.faults.throttle-- > 0)
        return reply(
          429,
          { error: { code: 'RateLimiting', message: 'Please provide below info when asking for support' } },
          {
            'retry-after': String(state.faults.retryAfter ?? 0),
            'x-ms-user-quota-remaining': '0',
            'x-ms-user-quota-resets-after': '00:00:00',
          },
        );
      if (state.faults.unavailable && state.faults.unavailable-- > 0)
        return reply(
          503,
          { error: { code: 'ServiceUnavailable', message: 'try again' } },
          { 'retry-after': '0' },
        );
      return queryResources(JSON.parse(Buffer.concat(chunks).toString('utf8')), reply);
    }
    const lower = path.toLowerCase();
    const effective =
      /^(\/subscriptions\/.+\/networkinterfaces\/[^/]+)\/(effectivenetworksecuritygroups|effectiveroutetable)$/.exec(
        lower,
      );
    if (req.method === 'POST' && effective) {
      const source = effective[2] === 'effectiveroutetable' ? state.effectiveRoutes : state.effectiveNsgs;
      const result = source.get(effective[1]!);
      if (result === undefined)
        return reply(404, { error: { code: 'NotFound', message: `${path} not found` } });
      const op = randomUUID();
      operations.set(op, result);
      return reply(202, undefined, {
        location: `${base}/providers/Microsoft.Network/locations/westeurope/operationResults/${op}?api-version=2024-05-01`,
        'retry-after': '0',
      });
    }
    const opMatch = /\/operationresults\/([0-9a-f-]+)$/.exec(lower);
    if (req.method === 'GET' && opMatch) {
      const result = operations.get(opMatch[1]!);
      return result === undefined
        ? reply(404, { error: { code: 'NotFound', message: 'no such operation' } })
        : reply(200, result);
    }
    if (req.method === 'GET') {
      const found = state.armGet.get(lower);
      if (found === undefined)
        return reply(404, { error: { code: 'ResourceNotFound', message: `${path} not found` } });
      return reply(200, found);
    }
    return reply(405, { error: { code: 'MethodNotAllowed', message: `${req.method} ${path}` } });
  }

  function queryResources(
    body: {
      query: string;
      subscriptions?: string[];
      managementGroups?: string[];
      options?: { $top?: number; $skipToken?: string; resultFormat?: string };
    },
    reply: (status: number, body: unknown, headers?: Record<string, string>) => void,
  ) {
    let scope: string[];
    if (body.managementGroups?.length) {
      const mg = body.managementGroups[0]!;
      if (state.faults.forbiddenGroups?.has(mg))
        return reply(403, {
          error: { code: 'AuthorizationFailed', message: `no access to management group ${mg}` },
        });
      scope = state.managementGroups.get(mg) ?? [];
    } else scope = (body.subscriptions ?? []).map((s) => s.toLowerCase());
    const forbidden = scope.filter((s) => state.faults.forbidden?.has(s));
    const isListing = /^resourcecontainers/i.test(body.query.trim());
    if (!isListing && forbidden.length)
      return reply(403, {
        error: {
          code: 'AuthorizationFailed',
          message: `The client does not have authorization to perform action 'Microsoft.ResourceGraph/resources/read' over scope '/subscriptions/${forbidden[0]}'`,
        },
      });
    if (!isListing && scope.some((s) => state.faults.hang?.has(s))) return; // never answers
    if (body.options?.resultFormat !== 'objectArray')
      return reply(400, { error: { code: 'BadRequest', message: 'this fake speaks objectArray only' } });
    let rows: unknown[];
    if (isListing) {
      rows = scope
        .filter((s) => state.subscriptions.has(s))
        .map((s) => ({ id: `/subscriptions/${s}`, subscriptionId: s, name: state.subscriptions.get(s) }));
    } else {
      const list = /type in~ \(([^)]*)\)/.exec(body.query)?.[1] ?? '';
      const types = new Set([...list.matchAll(/'([^']+)'/g)].map((m) => m[1]!.toLowerCase()));
      const inScope = new Set(scope.filter((s) => state.subscriptions.has(s)));
      rows = state.rows.filter(
        (r) => types.has(r.type.toLowerCase()) && inScope.has(r.subscriptionId.toLowerCase()),
      );
    }
    const top = Math.min(body.options?.$top ?? 100, state.maxPage);
    const start = body.options?.$skipToken
      ? Number(Buffer.from(body.options.$skipToken, 'base64').toString())
      : 0;
    const page = rows.slice(start, start + top);
    const next = start + top < rows.length ? Buffer.from(String(start + top)).toString('base64') : undefined;
    reply(
      200,
      {
        totalRecords: rows.length,
        count: page.length,
        resultTruncated: 'false',
        facets: [],
        ...(next ? { $skipToken: next } : {}),
        data: page,
      },
      {
        'x-ms-user-quota-remaining': '14',
        'x-ms-user-quota-resets-after': '00:00:05',
        ...(state.faults.subscriptionLimitHit ? { 'x-ms-tenant-subscription-limit-hit': 'true' } : {}),
      },
    );
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: base,
    state,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
