import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRunner, inputVariable, runPackCheck } from '@ztkit/action-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeAzure, startFakeAzure } from './fake-azure.js';
import { landingZoneIn } from './fixtures.js';
import { FAST_RETRY, SUB_A } from './harness.js';
import { makeTestCertificate, type TestCertificate } from './tls.js';

const TENANT = '72f988bf-0000-4000-8000-00000000a11c';
const CLIENT = '0f0e0d0c-0000-4000-8000-0000000c11e7';

/**
 * check-segmentation with `source: azure` end to end: the job's OIDC token (fake runner endpoint)
 * becomes a client assertion, Entra ID (fake) trades it for an ARM token, and the fake ARM serves
 * the landing zone. No Azure CLI, no secret.
 */
describe('action: source azure with GitHub OIDC', () => {
  let cert: TestCertificate;
  let fake: FakeAzure;
  let oidc: Server;
  let oidcUrl: string;
  const issued: string[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'ztkit-action-'));

  beforeAll(async () => {
    cert = makeTestCertificate();
    oidc = createServer((req, res) => {
      const audience = new URL(req.url ?? '/', 'http://x').searchParams.get('audience');
      if (
        req.headers.authorization !== 'Bearer runner-request-token' ||
        audience !== 'api://AzureADTokenExchange'
      ) {
        res.writeHead(403).end();
        return;
      }
      const token = `eyJhbGciOiJSUzI1NiJ9.oidc-${issued.length + 1}.c2ln`;
      issued.push(token);
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ value: token }));
    });
    await new Promise<void>((r) => oidc.listen(0, '127.0.0.1', r));
    oidcUrl = `http://127.0.0.1:${(oidc.address() as AddressInfo).port}/idtoken?api-version=2.0`;
    const { rows, armGet } = await landingZoneIn([SUB_A]);
    fake = await startFakeAzure(cert, {
      rows,
      armGet,
      subscriptions: new Map([[SUB_A, 'lz']]),
      entra: { tenant: TENANT, acceptAssertion: (a) => issued.includes(a), tokensIssued: 0 },
    });
  });
  afterAll(async () => {
    await fake?.close();
    await new Promise<void>((r) => oidc.close(() => r()));
  });

  it('reads the estate, writes SARIF/JSON/summary, masks the OIDC token and gates', async () => {
    const files = { output: join(dir, 'output'), summary: join(dir, 'summary.md') };
    writeFileSync(files.output, '');
    writeFileSync(files.summary, '');
    const env: NodeJS.ProcessEnv = {
      ACTIONS_ID_TOKEN_REQUEST_URL: oidcUrl,
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'runner-request-token',
      AZURE_CLIENT_ID: CLIENT,
      AZURE_TENANT_ID: TENANT,
      AZURE_AUTHORITY_HOST: fake.url,
      GITHUB_OUTPUT: files.output,
      GITHUB_STEP_SUMMARY: files.summary,
      [inputVariable('source')]: 'azure',
      [inputVariable('subscriptions')]: SUB_A,
      [inputVariable('arm-endpoint')]: fake.url,
      [inputVariable('sarif-file')]: 'out/seg.sarif',
      [inputVariable('json-file')]: 'out/seg.json',
      [inputVariable('fail-on')]: 'high',
    };
    const saved = { ...process.env };
    Object.assign(process.env, env, { GITHUB_WORKSPACE: dir });
    let log = '';
    const exitBefore = process.exitCode;
    try {
      await runPackCheck(
        {
          title: 'ztkit: network segmentation',
          packs: ['segmentation', 'analysis'],
          category: 'ztkit/segmentation',
        },
        createRunner({ env: process.env, write: (t) => (log += t) }),
        { ca: cert.cert, retry: FAST_RETRY },
      );
    } finally {
      process.env = saved;
      process.exitCode = exitBefore;
    }
    expect(log).not.toMatch(/::error::ztkit: network segmentation: (?!\d+ finding)/);
    expect(fake.state.entra!.tokensIssued).toBeGreaterThanOrEqual(1);
    expect(issued.length).toBeGreaterThanOrEqual(1);
    expect(log).toContain(`::add-mask::${issued[0]}`);
    expect(log).toMatch(/GitHub OIDC federated credential/);
    const outputs = readFileSync(files.output, 'utf8');
    expect(outputs).toMatch(/^partial<<.*\nfalse\n/m);
    expect(outputs).toMatch(/^score<<.*\n\d+\n/m);
    const report = JSON.parse(readFileSync(join(dir, 'out/seg.json'), 'utf8'));
    const ids = report.findings.map((f: { ruleId: string }) => f.ruleId);
    expect(ids).toContain('ZT-S02-01');
    expect(ids.some((id: string) => id.startsWith('ZT-E'))).toBe(false); // segmentation packs only
    const sarif = JSON.parse(readFileSync(join(dir, 'out/seg.sarif'), 'utf8'));
    expect(sarif.runs[0].automationDetails?.id ?? sarif.runs[0].runAutomationDetails?.id).toMatch(
      /ztkit\/segmentation\/azure/,
    );
    expect(readFileSync(files.summary, 'utf8')).toMatch(
      /live Azure[\s\S]*\| subscription \| name \| status \|/,
    );
    expect(log).toMatch(/::error::ztkit: network segmentation: \d+ finding\(s\) at or above fail-on 'high'/);
  });
});
