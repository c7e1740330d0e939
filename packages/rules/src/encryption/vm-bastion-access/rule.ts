import { defineRule, type FindingDraft } from '@ztkit/core';
import { BASTION_HOSTS, bastionNetworks, bastionReaches, networksOfVm } from './bastion-coverage.js';

const MACHINES = ['Microsoft.Compute/virtualMachines', 'Microsoft.Compute/virtualMachineScaleSets'];

export default defineRule({
  meta: {
    id: 'ZT-E18-01',
    title: 'VMs are administered through Azure Bastion in their virtual network or its hub',
    severity: 'medium',
    catalog: ['E18'],
    principles: ['verify-explicitly', 'assume-breach'],
    pack: 'encryption',
    source: [
      { document: '000', step: 'step 5 Use Azure Bastion to protect Azure virtual machines' },
      { document: '002', step: '§4 Encryption: user-to-app internal traffic is encrypted' },
    ],
    benchmark: ['PA-2', 'NS-1'],
    peers: {},
    resourceTypes: [
      ...MACHINES,
      BASTION_HOSTS,
      'Microsoft.Network/networkInterfaces',
      'Microsoft.Network/virtualNetworks',
    ],
    rationale:
      'Without a Bastion host that can reach the VM, administrators fall back to public RDP/SSH or a jump box, which exposes management ports and leaves sessions unrecorded. Bastion brokers RDP/SSH over TLS from one controlled entry point, with Entra sign-in and session control.',
    remediation: {
      summary:
        'Deploy Azure Bastion (Standard or Premium) in an AzureBastionSubnet of the VM network or of the hub it peers with.',
      arm: '{ "type": "Microsoft.Network/bastionHosts", "sku": { "name": "Standard" }, "properties": { "ipConfigurations": [{ "name": "ipconfig", "properties": { "subnet": { "id": "[resourceId(\'Microsoft.Network/virtualNetworks/subnets\', \'vnet-hub\', \'AzureBastionSubnet\')]" }, "publicIPAddress": { "id": "[resourceId(\'Microsoft.Network/publicIPAddresses\', \'pip-bastion\')]" } } }] } }',
      bicep:
        "resource bastion 'Microsoft.Network/bastionHosts@2023-09-01' = {\n  name: 'bas-hub'\n  location: location\n  sku: { name: 'Standard' }\n  properties: {\n    ipConfigurations: [\n      {\n        name: 'ipconfig'\n        properties: {\n          subnet: { id: bastionSubnet.id }\n          publicIPAddress: { id: bastionPip.id }\n        }\n      }\n    ]\n  }\n}",
      terraform:
        'resource "azurerm_bastion_host" "hub" {\n  name                = "bas-hub"\n  sku                 = "Standard"\n  ip_configuration {\n    name                 = "ipconfig"\n    subnet_id            = azurerm_subnet.bastion.id\n    public_ip_address_id = azurerm_public_ip.bastion.id\n  }\n}',
    },
    links: ['https://learn.microsoft.com/azure/bastion/vnet-peering'],
    notes: [
      'A VM whose NIC, subnet or virtual network is not in the scan, or whose network peers with a network outside the scan, is not judged: the Bastion may live there.',
      'Bastion reaches VMs in its own virtual network and in directly peered networks, so both count; the Developer SKU reaches only its own network.',
      'Scale sets are judged by the subnets of their virtualMachineProfile.networkProfile.',
    ],
  },
  *check({ graph }): Iterable<FindingDraft> {
    const bastions = bastionNetworks(graph);
    for (const type of MACHINES)
      for (const vm of graph.ofType(type)) {
        const networks = networksOfVm(graph, vm);
        if (networks === 'unknown') continue;
        const unserved = networks.filter((vnet) => bastionReaches(graph, vnet, bastions) === false);
        if (unserved.length)
          yield {
            resource: vm,
            message: `VM '${vm.name}' in '${unserved.map((v) => v.name).join("', '")}' has no Azure Bastion in its network or a peered hub, so administration needs RDP/SSH some other way.`,
          };
      }
  },
});
