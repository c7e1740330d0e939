/**
 * Which virtual networks an Azure Bastion host can reach: the one it is deployed in (its
 * AzureBastionSubnet, or `virtualNetwork` for the Developer SKU) and every network peered with it.
 * And which virtual network a VM (or scale set) sits in, through its NICs' subnets.
 */
import { isUnknown, type Resource, type ResourceGraph } from '@ztkit/core';
import { virtualNetworkOf } from '../../shared/virtual-network-gateway.js';

export const BASTION_HOSTS = 'Microsoft.Network/bastionHosts';

export function bastionNetwork(graph: ResourceGraph, bastion: Resource): Resource | undefined {
  return virtualNetworkOf(graph, bastion) ?? graph.resolve(bastion.properties.virtualNetwork);
}

/** The VNet a subnet reference (`{ id }`) points to, when the subnet is in the scan. */
function networkOfSubnet(graph: ResourceGraph, reference: unknown): Resource | undefined {
  const subnet = graph.resolve(reference);
  return subnet ? graph.parentOf(subnet) : undefined;
}

/** VNets the VM's NICs attach to; 'unknown' when any NIC or subnet cannot be resolved. */
export function networksOfVm(graph: ResourceGraph, vm: Resource): Resource[] | 'unknown' {
  const networks: Resource[] = [];
  const add = (vnet: Resource | undefined): boolean => {
    if (!vnet) return false;
    if (!networks.includes(vnet)) networks.push(vnet);
    return true;
  };
  const profile = vm.properties.networkProfile as Record<string, unknown> | undefined;
  if (!profile || isUnknown(profile)) return 'unknown';
  const nics = profile.networkInterfaces;
  if (Array.isArray(nics))
    for (const ref of nics) {
      const nic = graph.resolve(ref);
      const configs = nic?.properties.ipConfigurations;
      if (!Array.isArray(configs)) return 'unknown';
      for (const c of configs)
        if (!add(networkOfSubnet(graph, (c as { properties?: { subnet?: unknown } })?.properties?.subnet)))
          return 'unknown';
    }
  // VMs declared with inline NIC configurations (and scale sets) name the subnet directly.
  const inline = profile.networkInterfaceConfigurations;
  if (Array.isArray(inline))
    for (const nicConfig of inline) {
      const ipConfigs = (nicConfig as { properties?: { ipConfigurations?: unknown } })?.properties
        ?.ipConfigurations;
      if (!Array.isArray(ipConfigs)) return 'unknown';
      for (const c of ipConfigs)
        if (!add(networkOfSubnet(graph, (c as { properties?: { subnet?: unknown } })?.properties?.subnet)))
          return 'unknown';
    }
  return networks.length ? networks : 'unknown';
}

/**
 * Whether a Bastion host serves `vnet`: one in it, or in a network it peers with. 'unknown' when a
 * peering points at a network outside the scan (that network may hold the Bastion).
 */
export function bastionReaches(
  graph: ResourceGraph,
  vnet: Resource,
  bastionNetworks: ReadonlySet<Resource>,
): boolean | 'unknown' {
  if (bastionNetworks.has(vnet)) return true;
  let unresolved = false;
  for (const peering of graph.childrenOf(vnet, 'virtualNetworkPeerings')) {
    const remote = graph.resolve(peering.properties.remoteVirtualNetwork);
    if (!remote) unresolved = true;
    else if (bastionNetworks.has(remote)) return true;
  }
  return unresolved ? 'unknown' : false;
}
