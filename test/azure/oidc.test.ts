import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  AZURE_AD_TOKEN_EXCHANGE,
  chooseCredential,
  gitHubAssertion,
  requestGitHubIdToken,
  resolveCloud,
} from '@ztkit/azure';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/** A stand-in for the runner's OIDC endpoint: `GET <url>&audience=...` with the request token as bearer. */
describe('GitHub OIDC token request', () => {
  let server: Server;
  let url: string;
  const seen: { audience: string | null; auth: string | undefined }[] = [];
  let issued = 0;
  let status = 200;

  beforeAll(async () => {
    server = createServer((req, res) => {
      const u = new URL(req.url ?? '/', 'http://127.0.0.1');
      seen.push({ audience: u.searchParams.get('audience'), auth: req.headers.authorization });
      if (req.headers.authorization !== 'Bearer request-token' || status !== 200) {
        res.writeHead(status === 200 ? 401 : status, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ message: 'Bearer request-token was wrong' }));
        return;
      }
      issued++;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ value: `eyJ.oidc-${issued}.sig` }));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    // The runner's URL already carries a query string; the audience is appended to it.
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/_apis/distributedtask/hubs/Actions/plans/p/jobs/j/idtoken?api-version=2.0`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  const env = () => ({ ACTIONS_ID_TOKEN_REQUEST_URL: url, ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'request-token' });

  it('asks for the Entra audience with the request token and masks the answer', async () => {
    const masked: string[] = [];
    const result = await requestGitHubIdToken({ env: env(), mask: (s) => masked.push(s) });
    expect(result).toEqual({ ok: true, token: expect.stringMatching(/^eyJ\.oidc-\d+\.sig$/) });
    expect(seen.at(-1)).toEqual({ audience: AZURE_AD_TOKEN_EXCHANGE, auth: 'Bearer request-token' });
    expect(masked).toEqual([(result as { token: string }).token]);
  });

  it('gives a fresh assertion on every call (tokens live minutes; a posture run can outlive one)', async () => {
    const assertion = gitHubAssertion(env());
    const first = await assertion();
    const second = await assertion();
    expect(first).not.toBe(second);
  });

  it('says what is missing without id-token: write, and reports HTTP errors without echoing the body', async () => {
    const missing = await requestGitHubIdToken({ env: {} });
    expect(missing.ok).toBe(false);
    expect((missing as { reason: string }).reason).toMatch(/id-token: write/);
    status = 403;
    const denied = await requestGitHubIdToken({ env: env() });
    status = 200;
    expect(denied).toEqual({ ok: false, reason: 'GitHub OIDC token request answered HTTP 403' });
  });

  it('chooses the federated credential in Actions and the CLI/default chain elsewhere', () => {
    const cloud = resolveCloud({}, {});
    if (!cloud.ok) throw new Error(cloud.reason);
    const inActions = chooseCredential({
      cloud: cloud.cloud,
      env: {
        ...env(),
        AZURE_CLIENT_ID: '00000000-0000-0000-0000-00000000000c',
        AZURE_TENANT_ID: '00000000-0000-0000-0000-00000000000t',
      },
    });
    expect(inActions.kind).toBe('github-oidc');
    expect(inActions.credential.constructor.name).toBe('ClientAssertionCredential');
    const laptop = chooseCredential({ cloud: cloud.cloud, env: {} });
    expect(laptop.kind).toBe('azure-cli-or-default');
    expect(laptop.credential.constructor.name).toBe('ChainedTokenCredential');
  });
});
