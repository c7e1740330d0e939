import { networkAnalysis } from '@ztkit/analysis';
import { defineRule, type FindingDraft } from '@ztkit/core';

/**
 * S19: on-premises connectivity terminates in the hub: VPN/ExpressRoute gateways live only in hub
 * VNets, spokes reach them through `useRemoteGateways` and the hub offers `allowGatewayTransit`.
 */
export default defineRule({
  meta: {
    id: 'ZT-S19-01',
    title: 'On-premises gateways live only in the hub; spokes use the hub gateway',
    severity: 'medium',
    catalog: ['S19'],
    principles: ['assume-breach'],
    pack: 'segmentation',
    source: [{ document: '002', step: '§5 Network segmentation: on-premises boundary through the hub' }],
    benchmark: ['NS-1', 'NS-3'],
    peers: {},
    resourceTypes: [
      'Microsoft.Network/virtualNetworkGateways',
      'Microsoft.Network/virtualNetworks/virtualNetworkPeerings',
    ],
    rationale:
      'A gateway in a spoke connects on-premises straight into that application, around the hub firewall; spokes that do not use the hub gateway need their own. Terminating VPN and ExpressRoute in the hub gives one inspected, governed on-premises boundary.',
    remediation: {
      summary:
        'Move gateways to the hub VNet; set allowGatewayTransit on the hub-to-spoke peerings and useRemoteGateways on the spoke-to-hub peerings.',
      arm: '{ "type": "Microsoft.Network/virtualNetworks/virtualNetworkPeerings", "name": "vnet-spoke/spoke-to-hub", "properties": { "remoteVirtualNetwork": { "id": "[resourceId(\'Microsoft.Network/virtualNetworks\', \'vnet-hub\')]" }, "allowVirtualNetworkAccess": true, "allowForwardedTraffic": true, "useRemoteGateways": true } }',
      bicep:
        "resource spokeToHub 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings@2023-11-01' = {\n  parent: spoke\n  name: 'spoke-to-hub'\n  properties: {\n    remoteVirtualNetwork: { id: hub.id }\n    allowVirtualNetworkAccess: true\n    allowForwardedTraffic: true\n    useRemoteGateways: true\n  }\n}",
      terraform:
        'resource "azurerm_virtual_network_peering" "spoke_to_hub" {\n  name                      = "spoke-to-hub"\n  resource_group_name       = azurerm_resource_group.spoke.name\n  virtual_network_name      = azurerm_virtual_network.spoke.name\n  remote_virtual_network_id = azurerm_virtual_network.hub.id\n  allow_forwarded_traffic   = true\n  use_remote_gateways       = true\n}',
    },
    links: [
      'https://learn.microsoft.com/azure/virtual-network/virtual-network-peering-overview#gateways-and-on-premises-connectivity',
    ],
    notes: [
      'Gateways are judged in spokes and other peered VNets; a VNet peered with nothing (a branch, or the on-premises side of a VNet-to-VNet connection) is not part of the estate the hub guards.',
      'Peering checks apply only when the hub has a gateway in the scan; Azure defaults useRemoteGateways and allowGatewayTransit to false.',
      'A spoke with a gateway of its own is reported for that gateway only: Azure refuses useRemoteGateways on its peerings until the gateway is gone.',
    ],
  },
  *check(ctx): Iterable<FindingDraft> {
    const net = ctx.analysis(networkAnalysis);
    if (net.topology.hubs.length === 0) return;
    for (const vnet of net.topology.vnets) {
      // An isolated VNet is no part of the hub-and-spoke estate: its gateway (a branch, or the
      // "on-premises" side of a VNet-to-VNet connection) lets nothing around the hub firewall.
      if (vnet.role === 'hub' || vnet.role === 'isolated') continue;
      for (const gw of vnet.gateways)
        yield {
          resource: gw,
          message: `Gateway '${gw.name}' terminates on-premises connectivity in ${vnet.role} VNet '${vnet.name}', not in the hub: that traffic bypasses the hub firewall.`,
        };
    }
    for (const p of net.topology.peerings) {
      if (!p.to) continue;
      // A spoke with a gateway of its own cannot use the hub's (Azure refuses useRemoteGateways
      // there); that gateway is already reported above, and moving it is the fix.
      if (
        p.from.role === 'spoke' &&
        p.to.role === 'hub' &&
        p.to.gateways.length &&
        !p.from.gateways.length &&
        !p.useRemoteGateways
      )
        yield {
          resource: p.resource,
          path: 'useRemoteGateways' in p.resource.properties ? ['properties', 'useRemoteGateways'] : [],
          message: `Spoke '${p.from.name}' does not use the gateway of hub '${p.to.name}' (useRemoteGateways is not true).`,
        };
      if (p.from.role === 'hub' && p.from.gateways.length && p.to.role === 'spoke' && !p.allowGatewayTransit)
        yield {
          resource: p.resource,
          path: 'allowGatewayTransit' in p.resource.properties ? ['properties', 'allowGatewayTransit'] : [],
          message: `Hub '${p.from.name}' does not offer its gateway to spoke '${p.to.name}' (allowGatewayTransit is not true).`,
        };
    }
  },
});
