import { ResourceGraph } from '@ztkit/core';
import { describe, expect, it } from 'vitest';
import { renderTopologyMermaid } from '../diagram/mermaid.js';
import { analyseNetwork } from '../network-analysis.js';
import { syntheticEstateResources, syntheticEstateTemplate } from './estate.js';

describe('synthetic estate', () => {
  it('is deterministic and analyses as hub and spokes', () => {
    const opts = { vnets: 12, subnetsPerVnet: 3, rulesPerNsg: 8, seed: 7, bypassEvery: 5 };
    expect(syntheticEstateTemplate(opts)).toBe(syntheticEstateTemplate(opts));
    const a = analyseNetwork(new ResourceGraph(syntheticEstateResources(opts)));
    expect(a.topology.hubs.map((h) => h.name)).toEqual(['vnet-hub']);
    expect(a.topology.vnets.filter((v) => v.role === 'spoke')).toHaveLength(11);
    expect(a.topology.subnets).toHaveLength(2 + 11 * 3);
    // Spokes 5 and 10 peer with their next spoke. Their 0.0.0.0/0 routes to the firewall lose to the
    // longer VNetPeering system routes (Azure picks the longest prefix), so both peerings bypass the hub.
    const direct = a.topology.peerings.filter((p) => p.from.role === 'spoke' && p.to?.role === 'spoke');
    expect(direct).toHaveLength(2);
    expect(
      a
        .lateral()
        .bypasses.map((b) => b.peering.resource.name)
        .sort(),
    ).toEqual(direct.map((p) => p.resource.name).sort());
    expect(a.exposure().length).toBe(a.topology.subnets.length + 11);
    expect(renderTopologyMermaid(a)).toContain('vnet-spoke-11');
  });

  it('analyses 100 VNets / 1,000 subnets / 10,000 rules quickly', () => {
    const resources = syntheticEstateResources({ vnets: 101, subnetsPerVnet: 10, rulesPerNsg: 10 });
    const t0 = performance.now();
    const a = analyseNetwork(new ResourceGraph(resources));
    const exposure = a.exposure();
    const lateral = a.lateral();
    const ms = performance.now() - t0;
    expect(exposure.length).toBe(1002 + 100);
    expect(lateral.edges.length).toBeGreaterThan(0);
    expect(ms).toBeLessThan(20_000);
    console.log(
      `[synthetic] 101 VNets, 1,002 subnets, 10,000 rules: ${ms.toFixed(0)} ms, ${lateral.edges.length} lateral edges`,
    );
  });
});
