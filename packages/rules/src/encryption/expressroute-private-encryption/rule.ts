import { defineRule, type FindingDraft, isUnknown, type Resource, type ResourceGraph } from '@ztkit/core';
import { gatewaysOfKind, virtualNetworkOf } from '../../shared/virtual-network-gateway.js';

const CONNECTIONS = 'Microsoft.Network/connections';
const CIRCUITS = 'Microsoft.Network/expressRouteCircuits';
const lower = (v: unknown) => (typeof v === 'string' ? v.toLowerCase() : undefined);

export default defineRule({
  meta: {
    id: 'ZT-E15-01',
    title: 'Private traffic over ExpressRoute is encrypted with IPsec',
    severity: 'low',
    catalog: ['E15'],
    principles: ['assume-breach'],
    pack: 'encryption',
    source: [{ document: '002', step: '§7 Encryption: all traffic is encrypted (IPsec over ExpressRoute)' }],
    benchmark: ['DP-3', 'NS-1'],
    peers: {},
    resourceTypes: ['Microsoft.Network/virtualNetworkGateways', CIRCUITS, CONNECTIONS],
    rationale:
      'ExpressRoute private peering is a private circuit, not an encrypted one: traffic crosses the provider network and the edge in clear. An IPsec tunnel from a VPN gateway in the same virtual network over the private peering (useLocalAzureIpAddress) or a site-to-site VPN over Microsoft peering encrypts it end to end.',
    remediation: {
      summary:
        'Deploy a VPN gateway beside the ExpressRoute gateway and add an IPsec connection with useLocalAzureIpAddress true to the on-premises VPN device reachable over private peering (or use MACsec on ExpressRoute Direct).',
      arm: '{ "type": "Microsoft.Network/connections", "properties": { "connectionType": "IPsec", "useLocalAzureIpAddress": true, "virtualNetworkGateway1": { "id": "[resourceId(\'Microsoft.Network/virtualNetworkGateways\', \'vgw-hub\')]" }, "localNetworkGateway2": { "id": "[resourceId(\'Microsoft.Network/localNetworkGateways\', \'lgw-onprem-private\')]" } } }',
      bicep:
        "resource ipsecOverEr 'Microsoft.Network/connections@2023-09-01' = {\n  name: 'cn-ipsec-over-er'\n  location: location\n  properties: {\n    connectionType: 'IPsec'\n    useLocalAzureIpAddress: true\n    virtualNetworkGateway1: { id: vpnGateway.id, properties: {} }\n    localNetworkGateway2: { id: onPremPrivate.id, properties: {} }\n  }\n}",
      terraform:
        'resource "azurerm_virtual_network_gateway_connection" "ipsec_over_er" {\n  type                       = "IPsec"\n  private_ip_address_enabled = true\n  virtual_network_gateway_id = azurerm_virtual_network_gateway.vpn.id\n  local_network_gateway_id   = azurerm_local_network_gateway.onprem_private.id\n}',
    },
    links: [
      'https://learn.microsoft.com/azure/vpn-gateway/site-to-site-vpn-private-peering',
      'https://learn.microsoft.com/azure/expressroute/site-to-site-vpn-over-microsoft-peering',
    ],
    notes: [
      'Advisory (low): the scan sees one repository, so an IPsec tunnel defined elsewhere is not visible. An ExpressRoute gateway counts as encrypted when a VPN gateway in the same virtual network has an IPsec connection with useLocalAzureIpAddress true.',
      'A gateway whose virtual network is not in the scan is not judged. A circuit is judged on its own only when no ExpressRoute gateway in the scan connects to it.',
    ],
  },
  *check({ graph }): Iterable<FindingDraft> {
    const connections = graph.ofType(CONNECTIONS);
    const tunnelledGateways = new Set(
      connections
        .filter(
          (c) =>
            lower(c.properties.connectionType) === 'ipsec' && c.properties.useLocalAzureIpAddress === true,
        )
        .map((c) => graph.resolve(c.properties.virtualNetworkGateway1))
        .filter((g): g is Resource => g !== undefined),
    );
    const covered = new Set<Resource>();
    for (const gateway of gatewaysOfKind(graph, 'expressroute')) {
      for (const circuit of circuitsOf(graph, gateway, connections)) covered.add(circuit);
      const vnet = virtualNetworkOf(graph, gateway);
      if (!vnet) continue;
      const encrypted = gatewaysOfKind(graph, 'vpn').some(
        (vpn) => tunnelledGateways.has(vpn) && virtualNetworkOf(graph, vpn) === vnet,
      );
      if (!encrypted)
        yield {
          resource: gateway,
          message: `ExpressRoute gateway '${gateway.name}' carries private traffic for '${vnet.name}' unencrypted: no VPN gateway in that network has an IPsec connection over private peering (useLocalAzureIpAddress).`,
        };
    }
    for (const circuit of graph.ofType(CIRCUITS))
      if (!covered.has(circuit) && hasPrivatePeering(graph, circuit))
        yield {
          resource: circuit,
          message: `ExpressRoute circuit '${circuit.name}' has private peering and no IPsec tunnel over it in this scan: private traffic crosses the circuit unencrypted.`,
        };
  },
});

/** Circuits an ExpressRoute gateway connects to through `connectionType: ExpressRoute` connections. */
function circuitsOf(graph: ResourceGraph, gateway: Resource, connections: readonly Resource[]): Resource[] {
  return connections
    .filter(
      (c) =>
        lower(c.properties.connectionType) === 'expressroute' &&
        graph.resolve(c.properties.virtualNetworkGateway1) === gateway,
    )
    .map((c) => graph.resolve(c.properties.peer))
    .filter((r): r is Resource => r !== undefined && r.type.toLowerCase() === CIRCUITS.toLowerCase());
}

function hasPrivatePeering(graph: ResourceGraph, circuit: Resource): boolean {
  const inline = circuit.properties.peerings;
  const items = [
    ...(Array.isArray(inline) ? inline : []),
    ...graph
      .childrenOf(circuit, 'peerings')
      .map((p) => ({ name: p.name.split('/').pop(), properties: p.properties })),
  ];
  return items.some((p) => {
    if (isUnknown(p) || typeof p !== 'object' || p === null) return false;
    const peering = p as { name?: unknown; properties?: { peeringType?: unknown } };
    return (
      lower(peering.properties?.peeringType) === 'azureprivatepeering' ||
      lower(peering.name) === 'azureprivatepeering'
    );
  });
}
