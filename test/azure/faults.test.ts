import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runPosture } from '@ztkit/azure';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type FakeAzure, startFakeAzure } from './fake-azure.js';
import { landingZoneIn } from './fixtures.js';
import { FAST_RETRY, fakeCloud, SUB_A, SUB_B, SUB_C, TestCredential } from './harness.js';
import { makeTestCertificate, type TestCertificate } from './tls.js';

const cwd = mkdtempSync(join(tmpdir(), 'ztkit-faults-'));

describe('faults: throttling, outages, forbidden and missing subscriptions', () => {
  let cert: TestCertificate;
  let fake: FakeAzure;
  let perSubscription = 0;
  /** Inventory rows the fake served (the listing of subscriptions aside). */
  const servedRows = () =>
    fake.state.log.filter((l) => l.status === 200 && !l.listing).reduce((n, l) => n + (l.rows ?? 0), 0);

  beforeAll(async () => {
    cert = makeTestCertificate();
    const { rows, armGet } = await landingZoneIn([SUB_A, SUB_B]);
    fake = await startFakeAzure(cert, {
      rows,
      armGet,
      subscriptions: new Map([
        [SUB_A, 'alpha'],
        [SUB_B, 'bravo'],
      ]),
      managementGroups: new Map([['mg-lz', [SUB_A, SUB_B]]]),
      maxPage: 10,
    });
  });
  afterEach(() => {
    fake.state.faults = {};
    fake.state.log.length = 0;
  });
  afterAll(() => fake?.close());

  const posture = (scope: { subscriptions?: string[]; managementGroup?: string }, timeoutMs?: number) =>
    runPosture({
      cloud: fakeCloud(fake.url),
      credential: new TestCredential(),
      scope,
      cwd,
      ca: cert.cert,
      retry: FAST_RETRY,
      ...(timeoutMs ? { requestTimeoutMs: timeoutMs } : {}),
    });

  it('pages through every row and counts resources per subscription', async () => {
    const result = await posture({ subscriptions: [SUB_A, SUB_B] });
    expect(result.posture.partial).toBe(false);
    perSubscription = result.posture.subscriptions[0]!.resources;
    expect(perSubscription).toBeGreaterThan(20);
    expect(result.posture.subscriptions.map((s) => [s.subscriptionId, s.status, s.resources])).toEqual([
      [SUB_A, 'read', perSubscription],
      [SUB_B, 'read', perSubscription],
    ]);
    expect(servedRows()).toBe(perSubscription * 2);
    const argCalls = fake.state.log.filter((l) => l.path.endsWith('/resources'));
    // 1 listing + ceil(rows / 10) pages of the inventory query.
    expect(argCalls.length).toBe(1 + Math.ceil((perSubscription * 2) / 10));
    expect(fake.state.log.every((l) => l.authorized)).toBe(true);
  });

  it('retries 429 (Retry-After) and 503 with the SDK policies, and loses nothing', async () => {
    fake.state.faults = { throttle: 2, unavailable: 2 };
    const result = await posture({ subscriptions: [SUB_A, SUB_B] });
    const statuses = fake.state.log.map((l) => l.status);
    expect(statuses.filter((s) => s === 429)).toHaveLength(2);
    expect(statuses.filter((s) => s === 503)).toHaveLength(2);
    expect(result.posture.partial).toBe(false);
    expect(result.posture.subscriptions.every((s) => s.resources === perSubscription)).toBe(true);
  });

  it('waits as long as Retry-After says, not the (5 ms) backoff', async () => {
    fake.state.faults = { throttle: 1, retryAfter: 1 };
    const started = performance.now();
    const result = await posture({ subscriptions: [SUB_A] });
    expect(performance.now() - started).toBeGreaterThanOrEqual(950);
    expect(result.posture.partial).toBe(false);
    expect(fake.state.log.filter((l) => l.status === 429)).toHaveLength(1);
  });

  it('reports a forbidden subscription with its reason and reads the others', async () => {
    fake.state.faults = { forbidden: new Set([SUB_B]) };
    const result = await posture({ subscriptions: [SUB_A, SUB_B] });
    expect(result.posture.partial).toBe(true);
    const [a, b] = result.posture.subscriptions;
    expect(a).toMatchObject({ subscriptionId: SUB_A, status: 'read', resources: perSubscription });
    expect(b).toMatchObject({ subscriptionId: SUB_B, status: 'failed', resources: 0 });
    expect(b?.reason).toMatch(/HTTP 403 AuthorizationFailed/);
    // The batch was retracted, not half-kept: only A's resources are in the model.
    expect(result.graph.resources.every((r) => r.id.toLowerCase().includes(SUB_A))).toBe(true);
    expect(result.findings.length).toBeGreaterThan(0);
    expect(result.diagnostics).toContainEqual(
      expect.objectContaining({ severity: 'error', code: 'azure-subscription-unreadable' }),
    );
  });

  it('reports a subscription the identity cannot see (or that does not exist)', async () => {
    const result = await posture({ subscriptions: [SUB_A, SUB_C] });
    expect(result.posture.subscriptions[1]).toMatchObject({ subscriptionId: SUB_C, status: 'failed' });
    expect(result.posture.subscriptions[1]?.reason).toMatch(/not visible to this identity/);
    expect(result.posture.subscriptions[0]?.status).toBe('read');
    expect(result.posture.partial).toBe(true);
  });

  it('reports a subscription whose query times out, and reads the others', async () => {
    fake.state.faults = { hang: new Set([SUB_B]) };
    const result = await posture({ subscriptions: [SUB_A, SUB_B] }, 300);
    expect(result.posture.subscriptions[0]?.status).toBe('read');
    expect(result.posture.subscriptions[1]?.status).toBe('failed');
    expect(result.posture.subscriptions[1]?.reason).toMatch(/timed out|aborted/i);
  }, 20_000);

  it('says so when Resource Graph answered for the first 10,000 subscriptions only', async () => {
    fake.state.faults = { subscriptionLimitHit: true };
    const result = await posture({ managementGroup: 'mg-lz' });
    expect(result.posture.partial).toBe(true);
    expect(result.posture.scopeFailures).toContain(
      'Resource Graph answered for the first 10,000 subscriptions of the scope only',
    );
  });

  it('reads a management group in one query, and reports one it cannot read', async () => {
    const ok = await posture({ managementGroup: 'mg-lz' });
    expect(ok.posture.subscriptions.map((s) => s.status)).toEqual(['read', 'read']);
    expect(ok.summary.resources).toBeGreaterThan(perSubscription * 2);
    fake.state.faults = { forbiddenGroups: new Set(['mg-lz']) };
    const denied = await posture({ managementGroup: 'mg-lz' });
    expect(denied.posture.partial).toBe(true);
    expect(denied.posture.scopeFailures[0]).toMatch(/management group 'mg-lz' cannot be read: HTTP 403/);
    expect(denied.findings).toEqual([]);
  });
});
