import { defineRule, type FindingDraft, type Resource, type ResourceGraph } from '@ztkit/core';
import { arrayOf, recordOf, subProperties } from '../../shared/property-values.js';

type Pointer = (string | number)[];

/** One IP configuration that asks for a public IP, with where it is written. */
interface PublicIpConfiguration {
  readonly path: Pointer;
  readonly ipConfigName: string;
}

export default defineRule({
  meta: {
    id: 'ZT-S06-01',
    title: 'Virtual machines, scale sets and their NICs have no public IP address',
    severity: 'high',
    catalog: ['S06'],
    principles: ['assume-breach', 'least-privilege'],
    pack: 'segmentation',
    source: [
      { document: '000', step: 'step 5 Use Azure Bastion to protect Azure virtual machines' },
      { document: '002', step: '§5 Segment and enforce the external boundaries' },
    ],
    benchmark: ['NS-1', 'NS-2', 'PA-2'],
    peers: { checkov: ['CKV_AZURE_119'] },
    resourceTypes: [
      'Microsoft.Network/networkInterfaces',
      'Microsoft.Compute/virtualMachines',
      'Microsoft.Compute/virtualMachineScaleSets',
    ],
    rationale:
      'A public IP on a VM makes it directly addressable from the Internet: its management ports are scanned within minutes and one NSG mistake exposes it. Reach VMs through Azure Bastion and publish applications through a load balancer, Application Gateway or Front Door in front of them.',
    remediation: {
      summary:
        'Remove publicIPAddress from the NIC IP configurations (and publicIPAddressConfiguration from scale-set / VM network profiles); administer through Azure Bastion and publish services through a load balancer or gateway.',
      arm: '"ipConfigurations": [\n  { "name": "ipconfig1", "properties": { "subnet": { "id": "[variables(\'subnetId\')]" }, "privateIPAllocationMethod": "Dynamic" } }\n]',
      bicep:
        "ipConfigurations: [\n  {\n    name: 'ipconfig1'\n    properties: {\n      subnet: { id: subnet.id }\n      privateIPAllocationMethod: 'Dynamic'\n    }\n  }\n]",
      terraform:
        'ip_configuration {\n  name                          = "internal"\n  subnet_id                     = azurerm_subnet.app.id\n  private_ip_address_allocation = "Dynamic"\n  # no public_ip_address_id\n}',
    },
    links: [
      'https://learn.microsoft.com/azure/bastion/bastion-overview',
      'https://learn.microsoft.com/azure/virtual-network/ip-services/public-ip-addresses',
    ],
    notes: [
      'Every NIC with a public IP is reported, attached to a VM or not; network virtual appliances that need one can be suppressed by name.',
      'Scale sets (virtualMachineProfile.networkProfile) and VMs that declare NICs inline (networkProfile.networkInterfaceConfigurations) are read too.',
    ],
  },
  *check({ graph }): Iterable<FindingDraft> {
    for (const nic of graph.ofType('Microsoft.Network/networkInterfaces')) {
      const vms = attachedVms(graph, nic);
      const owner = vms.length ? ` of VM '${vms.join("', '")}'` : '';
      for (const hit of nicPublicIps(nic.properties.ipConfigurations, ['properties', 'ipConfigurations'])) {
        yield {
          resource: nic,
          path: hit.path,
          message: `NIC '${nic.name}'${owner} has a public IP on '${hit.ipConfigName}': the machine is directly reachable from the Internet.`,
          discriminator: hit.ipConfigName,
        };
      }
    }
    for (const vm of graph.ofType('Microsoft.Compute/virtualMachines')) {
      const base: Pointer = ['properties', 'networkProfile', 'networkInterfaceConfigurations'];
      for (const hit of profilePublicIps(recordOf(vm.properties.networkProfile), base)) {
        yield {
          resource: vm,
          path: hit.path,
          message: `VM '${vm.name}' creates a public IP on '${hit.ipConfigName}': the machine is directly reachable from the Internet.`,
          discriminator: hit.ipConfigName,
        };
      }
    }
    for (const vmss of graph.ofType('Microsoft.Compute/virtualMachineScaleSets')) {
      const profile = recordOf(recordOf(vmss.properties.virtualMachineProfile)?.networkProfile);
      const base: Pointer = [
        'properties',
        'virtualMachineProfile',
        'networkProfile',
        'networkInterfaceConfigurations',
      ];
      for (const hit of profilePublicIps(profile, base)) {
        yield {
          resource: vmss,
          path: hit.path,
          message: `Scale set '${vmss.name}' gives every instance a public IP ('${hit.ipConfigName}'): each instance is directly reachable from the Internet.`,
          discriminator: hit.ipConfigName,
        };
      }
    }
  },
});

/** NIC `ipConfigurations[].properties.publicIPAddress`. */
function* nicPublicIps(ipConfigurations: unknown, base: Pointer): Iterable<PublicIpConfiguration> {
  const list = arrayOf(ipConfigurations);
  for (let i = 0; i < list.length; i++) {
    const props = subProperties(list[i]);
    if (props?.publicIPAddress == null) continue;
    yield { path: [...base, i, 'properties', 'publicIPAddress'], ipConfigName: nameOf(list[i], i) };
  }
}

/** VM / scale-set `networkInterfaceConfigurations[].properties.ipConfigurations[].properties.publicIPAddressConfiguration`. */
function* profilePublicIps(profile: unknown, base: Pointer): Iterable<PublicIpConfiguration> {
  const nics = arrayOf(recordOf(profile)?.networkInterfaceConfigurations);
  for (let n = 0; n < nics.length; n++) {
    const ipConfigs = arrayOf(subProperties(nics[n])?.ipConfigurations);
    for (let i = 0; i < ipConfigs.length; i++) {
      const props = subProperties(ipConfigs[i]);
      if (props?.publicIPAddressConfiguration == null) continue;
      yield {
        path: [...base, n, 'properties', 'ipConfigurations', i, 'properties', 'publicIPAddressConfiguration'],
        ipConfigName: `${nameOf(nics[n], n)}/${nameOf(ipConfigs[i], i)}`,
      };
    }
  }
}

function nameOf(item: unknown, index: number): string {
  const name = recordOf(item)?.name;
  return typeof name === 'string' ? name : `#${index}`;
}

function attachedVms(graph: ResourceGraph, nic: Resource): string[] {
  return graph.referencesTo(nic, 'Microsoft.Compute/virtualMachines').map((e) => e.from.name);
}
