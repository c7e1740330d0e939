import { ALL_PORTS, describeRule, networkAnalysis, Protocol } from '@ztkit/analysis';
import { defineRule, type FindingDraft } from '@ztkit/core';

/**
 * A02: subnets that accept every TCP port from subnets of a peered VNet. Inside a VNet the default
 * AllowVnetInBound is a known trade-off; across a peering it joins two segments wholesale.
 */
export default defineRule({
  meta: {
    id: 'ZT-A02-02',
    title: 'Lateral movement: no subnet accepts all ports from a peered VNet',
    severity: 'medium',
    catalog: ['A02'],
    principles: ['assume-breach', 'least-privilege'],
    pack: 'analysis',
    source: [
      { document: '002', step: '§5 Network segmentation: partition app components to different subnets' },
    ],
    benchmark: ['NS-1'],
    peers: { psrule: ['Azure.NSG.LateralTraversal'] },
    resourceTypes: [
      'Microsoft.Network/virtualNetworks/subnets',
      'Microsoft.Network/networkSecurityGroups',
      'Microsoft.Network/virtualNetworks/virtualNetworkPeerings',
    ],
    rationale:
      "Azure's default rule AllowVnetInBound admits the whole VirtualNetwork tag, peered VNets included, on every port. Unless an NSG narrows it, a peering lets any machine of one VNet open any port on every machine of the other: the lateral movement Zero Trust segmentation exists to stop.",
    remediation: {
      summary:
        'Attach an NSG that allows only the named counterparts and ports from peered VNets, and add a deny for the rest of VirtualNetwork above the default rules.',
      arm: '{ "name": "deny-other-vnets", "properties": { "priority": 4000, "direction": "Inbound", "access": "Deny", "protocol": "*", "sourceAddressPrefix": "VirtualNetwork", "sourcePortRange": "*", "destinationAddressPrefix": "*", "destinationPortRange": "*" } }',
      bicep:
        "{\n  name: 'deny-other-vnets'\n  properties: {\n    priority: 4000\n    direction: 'Inbound'\n    access: 'Deny'\n    protocol: '*'\n    sourceAddressPrefix: 'VirtualNetwork'\n    sourcePortRange: '*'\n    destinationAddressPrefix: '*'\n    destinationPortRange: '*'\n  }\n}",
      terraform:
        'security_rule {\n  name                       = "deny-other-vnets"\n  priority                   = 4000\n  direction                  = "Inbound"\n  access                     = "Deny"\n  protocol                   = "*"\n  source_address_prefix      = "VirtualNetwork"\n  source_port_range          = "*"\n  destination_address_prefix = "*"\n  destination_port_range     = "*"\n}',
    },
    links: [
      'https://learn.microsoft.com/azure/virtual-network/network-security-groups-overview#default-security-rules',
    ],
    notes: [
      'Both the destination subnet NSG (inbound) and the source subnet NSG (outbound) are applied; NIC-level NSGs are not (the map is per subnet). Platform subnets (GatewaySubnet, AzureFirewallSubnet, AzureBastionSubnet...) are ignored on both ends.',
    ],
  },
  *check(ctx): Iterable<FindingDraft> {
    const net = ctx.analysis(networkAnalysis);
    const bySubnet = new Map<
      (typeof net.topology.subnets)[number],
      { sources: string[]; rules: Set<string> }
    >();
    for (const edge of net.lateral().edges) {
      if (edge.via !== 'peering') continue;
      const open = edge.traffic.find(
        (t) => !t.uncertain && t.protocols & Protocol.Tcp && t.ports.equals(ALL_PORTS),
      );
      if (!open) continue;
      const entry = bySubnet.get(edge.to) ?? { sources: [], rules: new Set<string>() };
      entry.sources.push(`${edge.from.vnet.name}/${edge.from.name}`);
      for (const r of open.allowedBy) entry.rules.add(describeRule(r));
      bySubnet.set(edge.to, entry);
    }
    for (const [subnet, e] of bySubnet) {
      const why = e.rules.size
        ? [...e.rules].join(', ')
        : subnet.nsg
          ? `default rule AllowVnetInBound of ${subnet.nsg.name}`
          : 'no NSG on the subnet';
      const shown =
        e.sources.length > 3
          ? `${e.sources.slice(0, 3).join(', ')} and ${e.sources.length - 3} more`
          : e.sources.join(', ');
      yield {
        resource: subnet.resource,
        message: `${subnet.vnet.name}/${subnet.name} accepts every TCP port from peered ${shown} (${why}).`,
      };
    }
  },
});
