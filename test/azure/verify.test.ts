import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runPosture } from '@ztkit/azure';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeAzure, startFakeAzure } from './fake-azure.js';
import { landingZoneIn } from './fixtures.js';
import { FAST_RETRY, fakeCloud, SUB_A, TestCredential } from './harness.js';
import { makeTestCertificate, type TestCertificate } from './tls.js';

const nicId = (name: string) =>
  `/subscriptions/${SUB_A}/resourceGroups/rg-lz/providers/Microsoft.Network/networkInterfaces/${name}`.toLowerCase();

/** Azure's effective-rule form of an NSG's own rules plus the default inbound rules. */
function effectiveRulesOf(nsgRules: { name: string; properties: Record<string, unknown> }[]) {
  const own = nsgRules.map(({ name, properties: p }) => ({
    name: `securityRules/${name}`,
    protocol: p.protocol === '*' ? 'All' : p.protocol,
    sourceAddressPrefix: p.sourceAddressPrefix,
    ...(p.sourceAddressPrefixes ? { sourceAddressPrefixes: p.sourceAddressPrefixes } : {}),
    destinationAddressPrefix: p.destinationAddressPrefix,
    ...(p.destinationAddressPrefixes ? { destinationAddressPrefixes: p.destinationAddressPrefixes } : {}),
    destinationPortRange: p.destinationPortRange === '*' ? '0-65535' : p.destinationPortRange,
    ...(p.destinationPortRanges ? { destinationPortRanges: p.destinationPortRanges } : {}),
    access: p.access,
    priority: p.priority,
    direction: p.direction,
  }));
  const defaults = [
    {
      name: 'defaultSecurityRules/AllowVnetInBound',
      priority: 65000,
      sourceAddressPrefix: 'VirtualNetwork',
      access: 'Allow',
    },
    {
      name: 'defaultSecurityRules/AllowAzureLoadBalancerInBound',
      priority: 65001,
      sourceAddressPrefix: 'AzureLoadBalancer',
      access: 'Allow',
    },
    {
      name: 'defaultSecurityRules/DenyAllInBound',
      priority: 65500,
      sourceAddressPrefix: '0.0.0.0/0',
      access: 'Deny',
    },
  ].map((d) => ({
    ...d,
    protocol: 'All',
    destinationAddressPrefix: '0.0.0.0/0',
    destinationPortRange: '0-65535',
    direction: 'Inbound',
  }));
  return [...own, ...defaults];
}

describe('verify: static analysis against Azure effective rules and routes', () => {
  let cert: TestCertificate;
  let fake: FakeAzure;
  let webRules: ReturnType<typeof effectiveRulesOf>;
  const cwd = mkdtempSync(join(tmpdir(), 'ztkit-verify-'));

  beforeAll(async () => {
    cert = makeTestCertificate();
    const { rows, armGet } = await landingZoneIn([SUB_A]);
    const nsgWeb = rows.find((r) => r.name === 'nsg-web')!;
    webRules = effectiveRulesOf(nsgWeb.properties.securityRules as never);
    fake = await startFakeAzure(cert, { rows, armGet, subscriptions: new Map([[SUB_A, 'lz']]) });
  });
  afterAll(() => fake?.close());

  const effective = (rules: unknown[]) => ({
    value: [
      {
        networkSecurityGroup: {
          id: `/subscriptions/${SUB_A}/resourceGroups/rg-lz/providers/Microsoft.Network/networkSecurityGroups/nsg-web`,
        },
        association: {
          subnet: {
            id: `/subscriptions/${SUB_A}/resourceGroups/rg-lz/providers/Microsoft.Network/virtualNetworks/vnet-spoke-web/subnets/snet-web`,
          },
        },
        effectiveSecurityRules: rules,
      },
    ],
  });
  const routes = (nextHopType: string, ip?: string) => ({
    value: [
      {
        source: 'Default',
        state: 'Invalid',
        addressPrefix: ['0.0.0.0/0'],
        nextHopIpAddress: [],
        nextHopType: 'Internet',
      },
      {
        source: 'User',
        state: 'Active',
        addressPrefix: ['0.0.0.0/0'],
        nextHopIpAddress: ip ? [ip] : [],
        nextHopType,
      },
    ],
  });

  const run = () =>
    runPosture({
      cloud: fakeCloud(fake.url),
      credential: new TestCredential(),
      scope: { subscriptions: [SUB_A] },
      cwd,
      ca: cert.cert,
      retry: FAST_RETRY,
      verify: { pollIntervalMs: 5 },
    });

  it('agrees where Azure applies what the model holds', async () => {
    fake.state.effectiveNsgs.set(nicId('nic-vm-web'), effective(webRules));
    fake.state.effectiveRoutes.set(nicId('nic-vm-web'), routes('VirtualAppliance', '10.0.0.4'));
    const result = await run();
    const v = result.posture.verification!;
    expect(v.comparisons).toBeGreaterThanOrEqual(9); // 8 ports + the default route, for nic-vm-web
    expect(v.disagreements.filter((d) => d.name === 'nic-vm-web')).toEqual([]);
    // nic-vm-jump has no answer in the fake: said, not hidden.
    expect(v.failures.map((f) => f.resourceId.toLowerCase())).toContain(nicId('nic-vm-jump'));
    expect(result.diagnostics.some((d) => d.code === 'azure-verify-unreadable')).toBe(true);
    // The long-running operations were followed: POST 202 then GET of the operation.
    expect(fake.state.log.some((l) => l.method === 'POST' && l.status === 202)).toBe(true);
    expect(fake.state.log.some((l) => l.path.includes('operationResults') && l.status === 200)).toBe(true);
  });

  it('reports what Azure applies that the model does not (an admin rule, a route)', async () => {
    const adminRule = {
      name: 'AdminRule/allow-ssh-everywhere',
      protocol: 'Tcp',
      sourceAddressPrefix: 'Internet',
      destinationAddressPrefix: '*',
      destinationPortRange: '22-22',
      access: 'Allow',
      priority: 10,
      direction: 'Inbound',
    };
    fake.state.effectiveNsgs.set(nicId('nic-vm-web'), effective([adminRule, ...webRules]));
    fake.state.effectiveRoutes.set(nicId('nic-vm-web'), routes('Internet'));
    const result = await run();
    const mine = result.posture.verification!.disagreements.filter((d) => d.name === 'nic-vm-web');
    expect(mine).toEqual([
      expect.objectContaining({ what: 'inbound', detail: 'tcp/22 from the Internet', ztkit: 'denied' }),
      expect.objectContaining({
        what: 'default-route',
        azure: 'Internet',
        ztkit: expect.stringMatching(/^VirtualAppliance 10\.0\.0\.4/),
      }),
    ]);
    expect(mine[0]?.azure).toMatch(/allowed \(AdminRule\/allow-ssh-everywhere\)/);
  });
});
