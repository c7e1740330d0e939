import { networkAnalysis } from '@ztkit/analysis';
import { defineRule, type FindingDraft } from '@ztkit/core';

/** S07: spokes peer only with the hub. */
export default defineRule({
  meta: {
    id: 'ZT-S07-01',
    title: 'Spokes peer only with the hub, never directly with each other',
    severity: 'high',
    catalog: ['S07'],
    principles: ['assume-breach'],
    pack: 'segmentation',
    source: [
      { document: '002', step: '§2 Network segmentation: applications in VNets connected hub-and-spoke' },
    ],
    benchmark: ['NS-1', 'NS-2'],
    peers: { psrule: ['Azure.VNET.PeerState'] },
    resourceTypes: [
      'Microsoft.Network/virtualNetworks',
      'Microsoft.Network/virtualNetworks/virtualNetworkPeerings',
    ],
    rationale:
      'In a hub-and-spoke network the hub firewall inspects and governs traffic between applications. A direct peering between two spokes opens a path that no firewall sees: lateral movement from one application to another goes unnoticed and unfiltered.',
    remediation: {
      summary:
        'Delete the spoke-to-spoke peering; route spoke-to-spoke traffic through the hub firewall (UDR to the firewall, allowForwardedTraffic on the hub peerings) and allow it in the firewall policy.',
      arm: '// remove the Microsoft.Network/virtualNetworks/virtualNetworkPeerings resource between the spokes\n{ "type": "Microsoft.Network/routeTables/routes", "name": "rt-spoke/to-spokes", "properties": { "addressPrefix": "10.0.0.0/8", "nextHopType": "VirtualAppliance", "nextHopIpAddress": "10.0.0.4" } }',
      bicep:
        "// remove the spoke-to-spoke peering; route through the hub firewall instead\nresource toSpokes 'Microsoft.Network/routeTables/routes@2023-11-01' = {\n  parent: rtSpoke\n  name: 'to-spokes'\n  properties: { addressPrefix: '10.0.0.0/8', nextHopType: 'VirtualAppliance', nextHopIpAddress: firewallPrivateIp }\n}",
      terraform:
        '# remove the azurerm_virtual_network_peering between the spokes\nresource "azurerm_route" "to_spokes" {\n  name                   = "to-spokes"\n  resource_group_name    = azurerm_resource_group.spoke.name\n  route_table_name       = azurerm_route_table.spoke.name\n  address_prefix         = "10.0.0.0/8"\n  next_hop_type          = "VirtualAppliance"\n  next_hop_in_ip_address = azurerm_firewall.hub.ip_configuration[0].private_ip_address\n}',
    },
    links: ['https://learn.microsoft.com/azure/architecture/networking/architecture/hub-spoke'],
    notes: [
      'The hub is found by its Azure Firewall (or AzureFirewallSubnet), else its gateway, else as the VNet with most peerings; set the global option `hubVnets` to name hubs explicitly.',
      'A peering whose remote VNet is not in the scan cannot be judged (it may be the hub) and is not reported.',
    ],
  },
  *check(ctx): Iterable<FindingDraft> {
    const net = ctx.analysis(networkAnalysis);
    if (net.topology.hubs.length === 0) return;
    const hubs = net.topology.hubs.map((h) => h.name).join(', ');
    for (const p of net.topology.peerings) {
      if (!p.to || p.from.role === 'hub' || p.to.role === 'hub' || !p.allowVirtualNetworkAccess) continue;
      yield {
        resource: p.resource,
        message: `VNet '${p.from.name}' peers directly with '${p.to.name}': traffic between them bypasses the hub ${hubs} and its firewall.`,
      };
    }
  },
});
