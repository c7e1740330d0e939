import { networkAnalysis } from '@ztkit/analysis';
import { defineRule, type FindingDraft } from '@ztkit/core';

/**
 * A02: paths between non-hub VNets that do not cross the hub firewall, judged with routing: a
 * direct peering is a bypass unless every workload subnet of the declaring VNet routes the remote
 * address space to the firewall.
 */
export default defineRule({
  meta: {
    id: 'ZT-A02-01',
    title: 'Lateral movement: no path between spokes bypasses the hub firewall',
    severity: 'high',
    catalog: ['A02'],
    principles: ['assume-breach'],
    pack: 'analysis',
    source: [
      { document: '002', step: '§2 Network segmentation: many ingress/egress cloud micro-perimeters' },
      {
        document: '002',
        step: '§5 Network segmentation: fully distributed ingress/egress cloud micro-perimeters',
      },
    ],
    benchmark: ['NS-1', 'NS-3'],
    peers: {},
    resourceTypes: [
      'Microsoft.Network/virtualNetworks/virtualNetworkPeerings',
      'Microsoft.Network/routeTables',
      'Microsoft.Network/virtualNetworks/subnets',
    ],
    rationale:
      'Segmentation holds only if traffic between segments crosses an inspection point. A peering between two spokes carries traffic directly unless user-defined routes send it to the hub firewall; an attacker in one application then reaches the other unseen. ztkit combines peerings with the route tables of each subnet to find the paths that skip the firewall.',
    remediation: {
      summary:
        'Remove the direct peering, or route the remote spoke address space from every subnet to the hub firewall (VirtualAppliance next hop) and allow only the needed flows in the firewall policy.',
      arm: '{ "name": "to-other-spoke", "properties": { "addressPrefix": "10.2.0.0/16", "nextHopType": "VirtualAppliance", "nextHopIpAddress": "10.0.0.4" } }',
      bicep:
        "{\n  name: 'to-other-spoke'\n  properties: { addressPrefix: '10.2.0.0/16', nextHopType: 'VirtualAppliance', nextHopIpAddress: firewallPrivateIp }\n}",
      terraform:
        'route {\n  name                   = "to-other-spoke"\n  address_prefix         = "10.2.0.0/16"\n  next_hop_type          = "VirtualAppliance"\n  next_hop_in_ip_address = azurerm_firewall.hub.ip_configuration[0].private_ip_address\n}',
    },
    links: ['https://learn.microsoft.com/azure/architecture/networking/guide/spoke-to-spoke-networking'],
    notes: [
      'Only reported when the scan has a hub (detected, or named with the global option `hubVnets`). Peerings to VNets outside the scan are not judged.',
      "A VirtualAppliance next hop inside a hub's address space counts as the firewall when its private IP is unknown (see ZT-S09-01).",
    ],
  },
  *check(ctx): Iterable<FindingDraft> {
    const net = ctx.analysis(networkAnalysis);
    for (const b of net.lateral().bypasses)
      yield {
        resource: b.peering.resource,
        message: `'${b.from.name}' → '${b.to.name}' bypasses the hub firewall: ${b.reason}.`,
      };
  },
});
