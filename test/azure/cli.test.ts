import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { type CommandIo, driftCommand, postureCommand } from '@ztkit/azure';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeAzure, type FakeRow, startFakeAzure } from './fake-azure.js';
import { landingZoneIn, repo } from './fixtures.js';
import { FAST_RETRY, SUB_A, SUB_B, TestCredential } from './harness.js';
import { makeTestCertificate } from './tls.js';

function capture(cwd: string): CommandIo & { out(): string; err(): string } {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d) => (out += d));
  stderr.on('data', (d) => (err += d));
  return { stdout, stderr, cwd, env: {}, out: () => out, err: () => err };
}

describe('ztkit posture / ztkit drift', () => {
  let fake: FakeAzure;
  let caFile: string;
  const tmp = mkdtempSync(join(tmpdir(), 'ztkit-cli-'));
  const deps = { credential: new TestCredential(), retry: FAST_RETRY };

  beforeAll(async () => {
    const cert = makeTestCertificate();
    caFile = join(tmp, 'ca.pem');
    writeFileSync(caFile, cert.cert);
    const { rows, armGet } = await landingZoneIn([SUB_A]);
    // Drift planted live: RDP opened wider on nsg-web, one storage account never deployed, one NSG made by hand.
    const nsg = rows.find(
      (r) => r.type === 'microsoft.network/networksecuritygroups' && r.name === 'nsg-web',
    )!;
    const rules = nsg.properties.securityRules as { name: string; properties: Record<string, unknown> }[];
    const rdp = rules.find((r) => r.name === 'allow-rdp-from-internet')!;
    rdp.properties.destinationPortRange = '3389-3390';
    const kept = rows.filter(
      (r) => !(r.type === 'microsoft.storage/storageaccounts' && r.name === 'stlzflowlogs'),
    );
    const handMade: FakeRow = {
      ...nsg,
      id: nsg.id.replace('nsg-web', 'nsg-handmade'),
      name: 'nsg-handmade',
      properties: { securityRules: [] },
    };
    fake = await startFakeAzure(cert, {
      rows: [...kept, handMade],
      armGet,
      subscriptions: new Map([[SUB_A, 'landing-zone']]),
    });
  });
  afterAll(() => fake?.close());

  const live = () => ['--subscription', SUB_A, '--arm-endpoint', fake.url, '--ca-file', caFile];

  it('posture: JSON with the scope accounted for, exit 1 on high findings', async () => {
    const io = capture(tmp);
    const code = await postureCommand([...live(), '--format', 'json'], io, deps);
    expect(io.err()).toBe('');
    expect(code).toBe(1);
    const report = JSON.parse(io.out());
    expect(report.posture).toMatchObject({ partial: false, cloud: 'custom', armEndpoint: fake.url });
    expect(report.posture.subscriptions[0]).toMatchObject({ subscriptionId: SUB_A, status: 'read' });
    expect(report.findings.length).toBeGreaterThan(5);
    expect(
      report.findings.every((f: { portalUrl?: string }) =>
        f.portalUrl?.startsWith('https://portal.azure.com/#@/resource/subscriptions/'),
      ),
    ).toBe(true);
  });

  it('posture: SARIF locates live findings by resource ID', async () => {
    const io = capture(tmp);
    await postureCommand([...live(), '--format', 'sarif', '--fail-on', 'none'], io, deps);
    const sarif = JSON.parse(io.out());
    const result = sarif.runs[0].results[0];
    expect(result.locations[0].physicalLocation).toBeUndefined();
    expect(result.locations[0].logicalLocations[0].fullyQualifiedName).toMatch(
      new RegExp(`^/subscriptions/${SUB_A}/`, 'i'),
    );
  });

  it('posture: a partial read says so and still reports what it read', async () => {
    const io = capture(tmp);
    const code = await postureCommand(
      [
        '--subscription',
        `${SUB_A},${SUB_B}`,
        '--arm-endpoint',
        fake.url,
        '--ca-file',
        caFile,
        '--fail-on',
        'none',
      ],
      io,
      deps,
    );
    expect(code).toBe(0);
    expect(io.out()).toMatch(/1 of 2 subscription\(s\) read/);
    expect(io.out()).toMatch(new RegExp(`NOT READ ${SUB_B}: not visible to this identity`));
    expect(io.out()).toMatch(/PARTIAL RESULT/);
    expect(io.err()).toMatch(/subscription-unreadable|was not read/);
  });

  it('posture: usage errors exit 2 with one line', async () => {
    const io = capture(tmp);
    expect(await postureCommand([], io, deps)).toBe(2);
    expect(io.err()).toMatch(/--subscription ID.*--management-group ID/);
    const bad = capture(tmp);
    expect(await postureCommand(['--subscription', 'not-a-guid'], bad, deps)).toBe(2);
    const cloud = capture(tmp);
    expect(await postureCommand(['--subscription', SUB_A, '--cloud', 'Mars'], cloud, deps)).toBe(2);
    expect(cloud.err()).toMatch(/unknown cloud 'Mars'/);
  });

  it('drift: reports the changed NSG rule, the undeployed and the unmanaged resources', async () => {
    const io = capture(repo);
    const code = await driftCommand(
      ['--iac', 'examples/landing-zone/arm', ...live(), '--format', 'json'],
      io,
      deps,
    );
    expect(io.err()).toBe('');
    expect(code).toBe(1);
    const report = JSON.parse(io.out());
    expect(report.changes).toEqual([
      expect.objectContaining({
        kind: 'changed',
        name: 'nsg-web/allow-rdp-from-internet',
        path: 'properties.destinationPortRange',
        iac: '3389',
        live: '3389-3390',
      }),
    ]);
    expect(report.missingLive).toEqual([expect.objectContaining({ name: 'stlzflowlogs' })]);
    expect(report.unmanaged).toEqual([expect.objectContaining({ name: 'nsg-handmade' })]);
    expect(report.compared).toBeGreaterThan(20);
  });
});
