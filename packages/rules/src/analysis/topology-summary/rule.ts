import { networkAnalysis } from '@ztkit/analysis';
import { defineRule, type FindingDraft } from '@ztkit/core';

/**
 * A03: the topology as one informational finding (hub, spokes, isolated VNets, firewalls, exposed
 * subnets, bypasses), so the PR comment and job summary carry the picture; the diagram itself is
 * `renderTopologyMermaid` for reporters. Info findings never fail a build or lower the score.
 */
export default defineRule({
  meta: {
    id: 'ZT-A03-01',
    title: 'Topology: hub, spokes and isolated VNets',
    severity: 'info',
    catalog: ['A03'],
    principles: ['assume-breach'],
    pack: 'analysis',
    source: [
      { document: '002', step: '§2 Network segmentation: applications in VNets connected hub-and-spoke' },
    ],
    benchmark: ['NS-1'],
    peers: {},
    resourceTypes: [
      'Microsoft.Network/virtualNetworks',
      'Microsoft.Network/virtualNetworks/virtualNetworkPeerings',
      'Microsoft.Network/azureFirewalls',
      'Microsoft.Network/virtualNetworkGateways',
    ],
    rationale:
      'Reviewing a network change needs the shape of the network: which VNet is the hub, which spokes hang off it, where the firewall sits and what the Internet reaches. ztkit reports that summary once per scan (and draws it as a Mermaid diagram in reports) so reviewers see segmentation changes, not just lines.',
    remediation: {
      summary: 'Informational. Keep applications in spokes peered only with a hub that runs Azure Firewall.',
    },
    links: ['https://learn.microsoft.com/azure/architecture/networking/architecture/hub-spoke'],
    notes: [
      'One info finding per scan, on the first hub (or the first VNet when there is no hub); none when the scan has no VNet.',
    ],
  },
  *check(ctx): Iterable<FindingDraft> {
    const net = ctx.analysis(networkAnalysis);
    const { vnets, hubs } = net.topology;
    if (vnets.length === 0) return;
    const count = (role: string) => vnets.filter((v) => v.role === role).length;
    const hubText = hubs.length
      ? hubs
          .map(
            (h) =>
              `${h.name} (${h.firewalls.length ? `Azure Firewall ${h.firewalls.map((f) => f.name).join(', ')}` : 'no firewall'})`,
          )
          .join(', ')
      : 'none';
    const exposed = new Set(
      net
        .exposure()
        .filter((e) => e.standsForHosts && e.exposed.some((t) => !t.reachablePorts.isEmpty))
        .map((e) => e.subnet),
    ).size;
    const bypasses = net.lateral().bypasses.length;
    yield {
      resource: (hubs[0] ?? vnets[0])!.resource,
      message: `Topology: ${vnets.length} VNet(s); hub: ${hubText}; ${count('spoke')} spoke(s), ${count('peered')} other peered, ${count('isolated')} isolated; ${exposed} subnet(s) reachable from the Internet; ${bypasses} hub bypass(es).`,
    };
  },
});
