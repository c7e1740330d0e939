import { mkdirSync, mkdtempSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { scan } from './scan.js';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const arm = 'examples/landing-zone/arm';
const bicep = 'examples/landing-zone/bicep';

const key = (f: { ruleId: string; fingerprint: string; location?: { file: string } }) =>
  `${f.ruleId}|${f.fingerprint}|${f.location?.file}`;

describe('one graph per source language', () => {
  it('keeps twins apart: scanning them together finds what scanning each alone finds', async () => {
    const [both, armOnly, bicepOnly] = await Promise.all([
      scan({ paths: [arm, bicep], cwd: repo }),
      scan({ paths: [arm], cwd: repo }),
      scan({ paths: [bicep], cwd: repo }),
    ]);
    expect([...(both.graphs?.keys() ?? [])].sort()).toEqual(['arm', 'bicep']);
    const hubs = (g: typeof both.graph) => g.resources.filter((r) => r.name === 'vnet-hub').length;
    expect(hubs(both.graph)).toBe(2);
    for (const g of both.graphs?.values() ?? []) expect(hubs(g)).toBe(1);
    const apart = [...armOnly.findings, ...bicepOnly.findings].map(key).sort();
    expect(both.findings.map(key).sort()).toEqual(apart);
    expect(apart.length).toBeGreaterThan(0);
  });

  it('uses the merged graph itself when there is one language', async () => {
    const r = await scan({ paths: [arm], cwd: repo });
    expect(r.graphs?.get('arm')).toBe(r.graph);
  });
});

describe('one graph per deployment folder', () => {
  // Two independent samples reuse the names `vnet-1` and `nsg-1`, as quickstart repositories do.
  // Static IDs carry no subscription or resource group to tell them apart.
  const template = (resources: unknown[]) =>
    JSON.stringify({
      $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
      contentVersion: '1.0.0.0',
      resources,
    });
  const vnet = {
    type: 'Microsoft.Network/virtualNetworks',
    apiVersion: '2024-05-01',
    name: 'vnet-1',
    location: 'westeurope',
    properties: {
      addressSpace: { addressPrefixes: ['10.0.0.0/16'] },
      subnets: [
        {
          name: 'snet',
          properties: {
            addressPrefix: '10.0.1.0/24',
            networkSecurityGroup: { id: "[resourceId('Microsoft.Network/networkSecurityGroups', 'nsg-1')]" },
          },
        },
      ],
    },
  };
  const nsg = {
    type: 'Microsoft.Network/networkSecurityGroups',
    apiVersion: '2024-05-01',
    name: 'nsg-1',
    location: 'westeurope',
    properties: {
      securityRules: [
        {
          name: 'rdp',
          properties: {
            priority: 100,
            direction: 'Inbound',
            access: 'Allow',
            protocol: 'Tcp',
            sourceAddressPrefix: '*',
            sourcePortRange: '*',
            destinationAddressPrefix: '*',
            destinationPortRange: '3389',
          },
        },
      ],
    },
  };

  it('does not resolve a reference in one sample folder to a namesake in another', async () => {
    const dir = realpathSync(mkdtempSync(join(tmpdir(), 'ztkit-units-')));
    mkdirSync(join(dir, 'sample-a'));
    mkdirSync(join(dir, 'sample-b'));
    writeFileSync(join(dir, 'sample-a', 'azuredeploy.json'), template([vnet]));
    writeFileSync(join(dir, 'sample-b', 'azuredeploy.json'), template([nsg]));
    const [both, a, b] = await Promise.all([
      scan({ paths: [dir], cwd: dir }),
      scan({ paths: [join(dir, 'sample-a')], cwd: dir }),
      scan({ paths: [join(dir, 'sample-b')], cwd: dir }),
    ]);
    // The score (A04) summarises a language's findings as a whole, so it is once per scan, not per
    // folder: compare what the per-resource and network rules conclude.
    const perUnit = (f: { ruleId: string }) => f.ruleId !== 'ZT-A04-01';
    const apart = [...a.findings, ...b.findings].filter(perUnit).map(key).sort();
    expect(both.findings.filter(perUnit).map(key).sort()).toEqual(apart);
    expect(both.findings.filter((f) => f.ruleId === 'ZT-A04-01')).toHaveLength(1);
    expect(both.findings.find((f) => f.ruleId === 'ZT-S02-01')?.message).toContain(
      'the NSG is not attached to any subnet or NIC in this scan',
    );
  });

  it('judges each .bicepparam deployment of one template apart, with one finding per shared place', async () => {
    const dir = realpathSync(mkdtempSync(join(tmpdir(), 'ztkit-params-')));
    writeFileSync(
      join(dir, 'main.bicep'),
      [
        "param rdpSource string = 'VirtualNetwork'",
        "resource nsg 'Microsoft.Network/networkSecurityGroups@2023-09-01' = {",
        "  name: 'nsg-app'",
        "  location: 'westeurope'",
        '  properties: {',
        '    securityRules: [',
        '      {',
        "        name: 'allow-rdp'",
        '        properties: {',
        "          priority: 100, direction: 'Inbound', access: 'Allow', protocol: 'Tcp'",
        "          sourceAddressPrefix: rdpSource, sourcePortRange: '*'",
        "          destinationAddressPrefix: '*', destinationPortRange: '3389'",
        '        }',
        '      }',
        '    ]',
        '  }',
        '}',
        "resource vnet 'Microsoft.Network/virtualNetworks@2023-09-01' = {",
        "  name: 'vnet-app'",
        "  location: 'westeurope'",
        '  properties: {',
        "    addressSpace: { addressPrefixes: ['10.0.0.0/16'] }",
        "    subnets: [{ name: 'snet-app', properties: { addressPrefix: '10.0.1.0/24', networkSecurityGroup: { id: nsg.id } } }]",
        '  }',
        '}',
        '',
      ].join('\n'),
    );
    writeFileSync(join(dir, 'dev.bicepparam'), "using './main.bicep'\n");
    writeFileSync(join(dir, 'prod.bicepparam'), "using './main.bicep'\nparam rdpSource = 'Internet'\n");
    const result = await scan({ paths: [dir], cwd: dir });
    // prod's NSG opens RDP to the Internet even though dev's (first) does not.
    // Same IDs in both deployments: judged together, prod's subnet would resolve to dev's NSG.
    const rdp = result.findings.filter((f) => f.ruleId === 'ZT-S02-01');
    expect(rdp.map((f) => f.message)).toEqual([expect.stringContaining('Internet → vnet-app/snet-app')]);
    // Both deployments' VNets lack a flow log on the same line: one finding, not two.
    expect(result.findings.filter((f) => f.ruleId === 'ZT-S20-02')).toHaveLength(1);
  });
});
