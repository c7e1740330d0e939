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
  // Scale sets keep the profile one level down, in the model every instance is stamped from.
  const vmss = vm.properties.virtualMachineProfile as Record<string, unknown> | undefined;
  if (isUnknown(vmss)) return 'unknown';
  const profile = (vm.properties.networkProfile ?? vmss?.networkProfile) as
    | Record<string, unknown>
    | undefined;
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

/** Networks that hold a Bastion, and the subset whose Bastion also serves peered networks. */
export interface BastionNetworks {
  readonly local: ReadonlySet<Resource>;
  readonly peered: ReadonlySet<Resource>;
}

/**
 * The Developer SKU serves only its own virtual network (Microsoft's SKU table: no connection to
 * VMs in peered networks); every other SKU, and a SKU not known statically, reaches peers too.
 */
export function bastionNetworks(graph: ResourceGraph): BastionNetworks {
  const local = new Set<Resource>();
  const peered = new Set<Resource>();
  for (const bastion of graph.ofType(BASTION_HOSTS)) {
    const vnet = bastionNetwork(graph, bastion);
    if (!vnet) continue;
    local.add(vnet);
    const sku = (bastion.sku as { name?: unknown } | undefined)?.name;
    if (!(typeof sku === 'string' && sku.toLowerCase() === 'developer')) peered.add(vnet);
  }
  return { local, peered };
}

/**
 * Whether a Bastion host serves `vnet`: one in it, or (except Developer) in a network it peers with.
 * 'unknown' when a peering points at a network outside the scan (that network may hold the Bastion).
 */
export function bastionReaches(
  graph: ResourceGraph,
  vnet: Resource,
  bastions: BastionNetworks,
): boolean | 'unknown' {
  if (bastions.local.has(vnet)) return true;
  let unresolved = false;
  for (const peering of graph.childrenOf(vnet, 'virtualNetworkPeerings')) {
    const remote = graph.resolve(peering.properties.remoteVirtualNetwork);
    if (!remote) unresolved = true;
    else if (bastions.peered.has(remote)) return true;
  }
  return unresolved ? 'unknown' : false;
}
