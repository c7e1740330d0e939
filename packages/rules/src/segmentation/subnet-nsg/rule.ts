import { defineRule, type FindingDraft, isUnknown, type Resource } from '@ztkit/core';
import { arrayOf, leafName } from '../../shared/property-values.js';

/**
 * Subnets that Azure reserves for its own gateways and firewalls reject (or ignore) an NSG; they
 * are not workload segments. Compared case-insensitively, as Azure does.
 */
const PLATFORM_SUBNETS = new Set(
  ['GatewaySubnet', 'AzureFirewallSubnet', 'AzureFirewallManagementSubnet', 'RouteServerSubnet'].map((n) =>
    n.toLowerCase(),
  ),
);

/** Bastion accepts an NSG only with its required rules; missing one is advice, not a workload gap. */
const BASTION_SUBNET = 'azurebastionsubnet';

export default defineRule({
  meta: {
    id: 'ZT-S01-01',
    title: 'Every workload subnet has a network security group',
    severity: 'high',
    catalog: ['S01'],
    principles: ['least-privilege', 'assume-breach'],
    pack: 'segmentation',
    source: [{ document: '002', step: '§5 Partition app components to different subnets' }],
    benchmark: ['NS-1'],
    peers: { checkov: ['CKV2_AZURE_31'], psrule: ['Azure.VNET.UseNSGs'] },
    resourceTypes: ['Microsoft.Network/virtualNetworks', 'Microsoft.Network/virtualNetworks/subnets'],
    rationale:
      'A subnet without an NSG is a micro-perimeter with no door: every host in the VNet and every peered network reaches its workloads on every port, so one compromised machine can move laterally unhindered.',
    remediation: {
      summary:
        'Create an NSG that allows only the traffic the subnet needs and associate it with the subnet (properties.networkSecurityGroup.id).',
      arm: '"properties": {\n  "addressPrefix": "10.0.1.0/24",\n  "networkSecurityGroup": { "id": "[resourceId(\'Microsoft.Network/networkSecurityGroups\', \'nsg-web\')]" }\n}',
      bicep: "properties: {\n  addressPrefix: '10.0.1.0/24'\n  networkSecurityGroup: { id: nsgWeb.id }\n}",
      terraform:
        'resource "azurerm_subnet_network_security_group_association" "web" {\n  subnet_id                 = azurerm_subnet.web.id\n  network_security_group_id = azurerm_network_security_group.web.id\n}',
    },
    links: [
      'https://learn.microsoft.com/azure/virtual-network/network-security-groups-overview',
      'https://learn.microsoft.com/azure/bastion/bastion-nsg',
    ],
    notes: [
      'GatewaySubnet, AzureFirewallSubnet, AzureFirewallManagementSubnet and RouteServerSubnet are exempt: Azure does not support (or ignores) NSGs on them.',
      'AzureBastionSubnet supports an NSG only with the rules Bastion requires; a missing one is reported at low severity as advice.',
      'Option `exemptSubnets` (subnet names) exempts further subnets, e.g. delegated subnets whose service manages filtering.',
      'A subnet whose name or properties are not known statically is not judged.',
    ],
  },
  *check({ graph, options }): Iterable<FindingDraft> {
    const exempt = new Set(
      arrayOf(options.exemptSubnets)
        .filter((n): n is string => typeof n === 'string')
        .map((n) => n.toLowerCase()),
    );
    for (const subnet of graph.ofType('Microsoft.Network/virtualNetworks/subnets')) {
      const name = leafName(subnet.name);
      if (!isJudgeable(subnet, name)) continue;
      const key = name.toLowerCase();
      if (PLATFORM_SUBNETS.has(key) || exempt.has(key)) continue;
      if (subnet.properties.networkSecurityGroup != null) continue;
      if (key === BASTION_SUBNET) {
        yield {
          resource: subnet,
          severity: 'low',
          message: `Subnet '${subnet.name}' (Azure Bastion) has no NSG: an NSG with Bastion's required rules lets you limit which sources reach it on 443.`,
        };
        continue;
      }
      yield {
        resource: subnet,
        message: `Subnet '${subnet.name}' has no network security group: every host that can route to it reaches its workloads on every port.`,
      };
    }
  },
});

/** Skip subnets the template does not spell out: unknown name, unknown properties, unnamed inline items. */
function isJudgeable(subnet: Resource, name: string): boolean {
  if (isUnknown(subnet.properties) || name.includes('<unknown')) return false;
  return !(subnet.derived && /^subnets\[\d+\]$/.test(name));
}
