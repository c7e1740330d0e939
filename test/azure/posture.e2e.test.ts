import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runPosture } from '@ztkit/azure';
import { scan } from '@ztkit/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeAzure, startFakeAzure } from './fake-azure.js';
import { FAST_RETRY, fakeCloud, SUB_A, TestCredential } from './harness.js';
import { liveStateFrom } from './live-estate.js';
import { makeTestCertificate, type TestCertificate } from './tls.js';

const repo = resolve(import.meta.dirname, '../..');
const RG = 'rg-landing-zone';

describe('posture over the deployed landing zone', () => {
  let cert: TestCertificate;
  let fake: FakeAzure;
  let iacKeys: string[];
  const cwd = mkdtempSync(join(tmpdir(), 'ztkit-posture-'));

  beforeAll(async () => {
    cert = makeTestCertificate();
    const iac = await scan({ paths: ['examples/landing-zone/arm'], cwd: repo });
    iacKeys = iac.findings.map((f) => `${f.ruleId} ${f.resource.name}`).sort();
    const live = liveStateFrom(iac.graph, SUB_A, RG);
    fake = await startFakeAzure(cert, {
      ...live,
      subscriptions: new Map([[SUB_A, 'landing-zone']]),
      maxPage: 7, // many pages for a small estate: paging is exercised
    });
  });
  afterAll(() => fake?.close());

  it('finds what scanning the IaC finds (rule id + resource name)', async () => {
    const credential = new TestCredential();
    const result = await runPosture({
      cloud: fakeCloud(fake.url),
      credential,
      scope: { subscriptions: [SUB_A] },
      cwd,
      ca: cert.cert,
      retry: FAST_RETRY,
    });
    const liveKeys = result.findings.map((f) => `${f.ruleId} ${f.resource.name}`).sort();
    expect(iacKeys.length).toBeGreaterThan(5);
    expect(liveKeys).toEqual(iacKeys);
    expect(result.posture.partial).toBe(false);
    expect(result.posture.subscriptions).toEqual([
      { subscriptionId: SUB_A, name: 'landing-zone', status: 'read', resources: expect.any(Number) },
    ]);
    expect(result.posture.pages).toBeGreaterThan(3);
    expect(credential.scopes.every((s) => s === `${fake.url}/.default`)).toBe(true);
    // Live findings point at the resource, not a file.
    for (const f of result.findings) {
      expect(f.location).toBeUndefined();
      expect(f.resource.id).toMatch(
        new RegExp(`^/subscriptions/${SUB_A}/resourceGroups/${RG}/providers/`, 'i'),
      );
      expect(f.portalUrl).toBe(`https://portal.azure.com/#@/resource${f.resource.id}`);
    }
  });
});
