import { networkAnalysis } from '@ztkit/analysis';
import { defineRule, type FindingDraft } from '@ztkit/core';

/** S08: every hub runs Azure Firewall or an NVA (declared with `nvaIpAddresses`, or an IP-forwarding NIC routes point at). */
export default defineRule({
  meta: {
    id: 'ZT-S08-01',
    title: 'The hub VNet runs Azure Firewall or a declared network virtual appliance',
    severity: 'high',
    catalog: ['S08'],
    principles: ['assume-breach', 'verify-explicitly'],
    pack: 'segmentation',
    source: [{ document: '002', step: '§2 Network segmentation: deploy Azure Firewall in the hub' }],
    benchmark: ['NS-3'],
    peers: {},
    resourceTypes: ['Microsoft.Network/virtualNetworks', 'Microsoft.Network/azureFirewalls'],
    rationale:
      'A hub without a firewall is only a router: spoke-to-spoke, spoke-to-Internet and on-premises traffic crosses it uninspected, with no threat intelligence, no central allow list and no logs. The Zero Trust guide deploys Azure Firewall in the hub to inspect and govern that traffic.',
    remediation: {
      summary:
        'Deploy Azure Firewall in the hub (AzureFirewallSubnet) with a firewall policy, or declare your NVA with the global option nvaIpAddresses.',
      arm: '{ "type": "Microsoft.Network/azureFirewalls", "apiVersion": "2023-11-01", "name": "fw-hub", "location": "[resourceGroup().location]", "properties": { "sku": { "name": "AZFW_VNet", "tier": "Premium" }, "firewallPolicy": { "id": "[resourceId(\'Microsoft.Network/firewallPolicies\', \'fwp-hub\')]" }, "ipConfigurations": [ { "name": "ipconfig", "properties": { "subnet": { "id": "[resourceId(\'Microsoft.Network/virtualNetworks/subnets\', \'vnet-hub\', \'AzureFirewallSubnet\')]" }, "publicIPAddress": { "id": "[resourceId(\'Microsoft.Network/publicIPAddresses\', \'pip-fw\')]" } } } ] } }',
      bicep:
        "resource firewall 'Microsoft.Network/azureFirewalls@2023-11-01' = {\n  name: 'fw-hub'\n  location: location\n  properties: {\n    sku: { name: 'AZFW_VNet', tier: 'Premium' }\n    firewallPolicy: { id: policy.id }\n    ipConfigurations: [ { name: 'ipconfig', properties: { subnet: { id: firewallSubnet.id }, publicIPAddress: { id: firewallPip.id } } } ]\n  }\n}",
      terraform:
        'resource "azurerm_firewall" "hub" {\n  name                = "fw-hub"\n  location            = azurerm_resource_group.hub.location\n  resource_group_name = azurerm_resource_group.hub.name\n  sku_name            = "AZFW_VNet"\n  sku_tier            = "Premium"\n  firewall_policy_id  = azurerm_firewall_policy.hub.id\n  ip_configuration {\n    name                 = "ipconfig"\n    subnet_id            = azurerm_subnet.firewall.id\n    public_ip_address_id = azurerm_public_ip.firewall.id\n  }\n}',
    },
    links: ['https://learn.microsoft.com/azure/firewall/overview'],
    notes: [
      'Hubs come from the global option `hubVnets`, else detection (Azure Firewall, an AzureFirewallSubnet in a peered VNet, gateway, most peerings).',
      'A VNet counts as running an NVA when an address of `nvaIpAddresses` lies in its address space, or when a NIC of the scan in it has IP forwarding on and a static IP that some route sends traffic to (next hop VirtualAppliance).',
    ],
  },
  *check(ctx): Iterable<FindingDraft> {
    const net = ctx.analysis(networkAnalysis);
    for (const hub of net.topology.hubs) {
      if (hub.firewalls.length) continue;
      if (net.routing.appliancesIn(hub).length) continue;
      yield {
        resource: hub.resource,
        message: `Hub VNet '${hub.name}' (${hub.hubReason}) runs no Azure Firewall and no NVA: traffic through the hub is not inspected.`,
      };
    }
  },
});
