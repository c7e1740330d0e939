import {
  AddressSet,
  type NetworkAnalysis,
  networkAnalysis,
  type SubnetInfo,
  type UserRoute,
} from '@ztkit/analysis';
import { defineRule, type FindingDraft, type Resource } from '@ztkit/core';

const EVERYWHERE = AddressSet.ofPrefixes(['0.0.0.0/0']);

/**
 * S09: spoke workload subnets send 0.0.0.0/0 to the hub firewall through a route table that does
 * not learn BGP routes. One finding per route table (listing its subnets), or per subnet without one.
 */
export default defineRule({
  meta: {
    id: 'ZT-S09-01',
    title: 'Spoke subnets route 0.0.0.0/0 through the hub firewall, with BGP route propagation off',
    severity: 'high',
    catalog: ['S09'],
    principles: ['assume-breach'],
    pack: 'segmentation',
    source: [{ document: '002', step: '§5 Network segmentation: Internet boundary routed via the hub' }],
    benchmark: ['NS-1', 'NS-3'],
    peers: {},
    resourceTypes: [
      'Microsoft.Network/virtualNetworks/subnets',
      'Microsoft.Network/routeTables',
      'Microsoft.Network/routeTables/routes',
    ],
    rationale:
      'Without a user-defined default route, a spoke reaches the Internet (and, with BGP propagation, on-premises routes) directly, so the hub firewall never sees its egress: exfiltration and command-and-control traffic leave unfiltered. A 0.0.0.0/0 route to the firewall with BGP propagation disabled keeps every flow going through the inspection point.',
    remediation: {
      summary:
        'Associate a route table with each spoke subnet holding 0.0.0.0/0 → VirtualAppliance (the hub firewall private IP) and set disableBgpRoutePropagation to true.',
      arm: '{ "type": "Microsoft.Network/routeTables", "apiVersion": "2023-11-01", "name": "rt-spoke", "location": "[resourceGroup().location]", "properties": { "disableBgpRoutePropagation": true, "routes": [ { "name": "default-to-firewall", "properties": { "addressPrefix": "0.0.0.0/0", "nextHopType": "VirtualAppliance", "nextHopIpAddress": "10.0.0.4" } } ] } }',
      bicep:
        "resource rt 'Microsoft.Network/routeTables@2023-11-01' = {\n  name: 'rt-spoke'\n  location: location\n  properties: {\n    disableBgpRoutePropagation: true\n    routes: [ { name: 'default-to-firewall', properties: { addressPrefix: '0.0.0.0/0', nextHopType: 'VirtualAppliance', nextHopIpAddress: firewallPrivateIp } } ]\n  }\n}",
      terraform:
        'resource "azurerm_route_table" "spoke" {\n  name                          = "rt-spoke"\n  location                      = azurerm_resource_group.spoke.location\n  resource_group_name           = azurerm_resource_group.spoke.name\n  bgp_route_propagation_enabled = false\n  route {\n    name                   = "default-to-firewall"\n    address_prefix         = "0.0.0.0/0"\n    next_hop_type          = "VirtualAppliance"\n    next_hop_in_ip_address = azurerm_firewall.hub.ip_configuration[0].private_ip_address\n  }\n}',
    },
    links: [
      'https://learn.microsoft.com/azure/virtual-network/virtual-networks-udr-overview',
      'https://learn.microsoft.com/azure/firewall/tutorial-firewall-deploy-portal',
    ],
    notes: [
      'Applies to subnets of spoke VNets (peered with a detected or configured hub), except Azure platform subnets.',
      'A subnet that holds only private endpoints in the scan (no NIC, no delegation) is not judged: private endpoints open no outbound connections, so its default route carries nothing.',
      "Azure Firewall's private IP is assigned at deployment and usually unknown statically: a VirtualAppliance next hop inside a hub's address space is accepted as the firewall, and any VirtualAppliance when no hub address is known. Declare NVAs with the global option `nvaIpAddresses` for an exact match.",
    ],
  },
  *check(ctx): Iterable<FindingDraft> {
    const net = ctx.analysis(networkAnalysis);
    const byTable = new Map<
      Resource,
      { subnets: SubnetInfo[]; route?: UserRoute; why: string; bad: boolean }
    >();
    const endpointOnly = privateEndpointSubnets(net);
    for (const vnet of net.topology.vnets) {
      if (vnet.role !== 'spoke') continue;
      for (const subnet of vnet.subnets) {
        if (subnet.platform || endpointOnly.has(subnet)) continue;
        if (!subnet.routeTable) {
          yield {
            resource: subnet.resource,
            message: `Spoke subnet '${vnet.name}/${subnet.name}' has no route table: 0.0.0.0/0 goes straight to the Internet, not through the hub firewall.`,
          };
          continue;
        }
        const decision = net.routing.routeTowards(subnet, EVERYWHERE);
        const entry = byTable.get(subnet.routeTable) ?? {
          subnets: [],
          route: decision.route,
          why: decision.why,
          bad: decision.throughFirewall === 'no',
        };
        entry.subnets.push(subnet);
        byTable.set(subnet.routeTable, entry);
      }
    }
    for (const [table, e] of byTable) {
      const names = e.subnets.map((s) => `${s.vnet.name}/${s.name}`).join(', ');
      if (e.bad)
        yield {
          resource: table,
          path: e.route ? ['properties', 'routes', e.route.index] : [],
          message: `Route table '${table.name}' (used by ${names}) does not send 0.0.0.0/0 to the hub firewall: ${e.why}.`,
        };
      if (table.properties.disableBgpRoutePropagation !== true)
        yield {
          resource: table,
          path:
            'disableBgpRoutePropagation' in table.properties
              ? ['properties', 'disableBgpRoutePropagation']
              : [],
          severity: 'medium',
          message: `Route table '${table.name}' (used by ${names}) propagates BGP routes: gateway-learned routes can steer spoke traffic around the hub firewall (${table.language.startsWith('terraform') ? 'set bgp_route_propagation_enabled = false' : 'set disableBgpRoutePropagation to true'}).`,
          discriminator: 'bgp',
        };
    }
  },
});

/**
 * Spoke subnets where the scan places private endpoints and nothing else: no NIC or scale set, no
 * delegation to a service. A private endpoint only answers; it has no egress to steer.
 */
function privateEndpointSubnets(net: NetworkAnalysis): Set<SubnetInfo> {
  const out = new Set<SubnetInfo>();
  for (const pe of net.graph.ofType('Microsoft.Network/privateEndpoints')) {
    const resource = net.graph.resolve(pe.properties.subnet);
    const subnet = resource ? net.topology.subnetOf(resource) : undefined;
    if (!subnet || net.nics.nicsOf(subnet).length) continue;
    const delegations = subnet.resource.properties.delegations;
    if (Array.isArray(delegations) ? delegations.length === 0 : delegations === undefined) out.add(subnet);
  }
  return out;
}
