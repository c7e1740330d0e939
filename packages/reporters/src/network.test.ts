import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyseNetwork } from '@ztkit/analysis';
import { ResourceGraph } from '@ztkit/core';
import { scan } from '@ztkit/engine';
import { describe, expect, it } from 'vitest';
import { renderNetworkText } from './network.js';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

describe('renderNetworkText', () => {
  it('lists VNets by role and the exposure with the rule that allows it', async () => {
    const result = await scan({ paths: ['examples/landing-zone/arm'], cwd: repo });
    const text = renderNetworkText(analyseNetwork(result.graph), { color: false, label: 'arm' });
    const lines = text.split('\n');
    expect(lines[0]).toBe('Network topology (3 virtual networks, arm)');
    expect(lines[1]).toMatch(/^ {2}hub {6}vnet-hub 10\.0\.0\.0\/16 · firewall afw-hub, gateway vgw-hub$/);
    expect(text).toContain(
      'vnet-hub/AzureBastionSubnet: tcp/443 from Internet, reachable via Bastion bas-hub',
    );
    expect(text).toContain('allowed by rule allow-rdp-from-internet (priority 120) of nsg-web');
    expect(text).toMatch(/no NSG, so open to any public path added later: .*vnet-spoke-web\/snet-app/);
    expect(text).not.toContain('\u001b[');
  });

  it('prints nothing for a scan without virtual networks', () => {
    expect(renderNetworkText(analyseNetwork(new ResourceGraph([])), { color: true })).toBe('');
  });
});
