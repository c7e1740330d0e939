/**
 * Network Watcher flow logs (`Microsoft.Network/networkWatchers/flowLogs`) and what they cover.
 * A flow log targets an NSG (NSG flow logs, being retired) or a VNet, subnet or NIC (VNet flow
 * logs). A VNet flow log covers every subnet of the VNet and so every NSG attached to them.
 */
import { isUnknown, type Resource, type ResourceGraph } from '@ztkit/core';

export const FLOW_LOG = 'Microsoft.Network/networkWatchers/flowLogs';
const SUBNET = 'microsoft.network/virtualnetworks/subnets';
const NIC = 'microsoft.network/networkinterfaces';

export interface FlowLogCoverage {
  /** False when some flow log's target is not known statically: absence cannot be concluded. */
  readonly complete: boolean;
  readonly targets: ReadonlySet<Resource>;
  isVnetCovered(vnet: Resource): boolean;
  isNsgCovered(nsg: Resource): boolean;
  /** Subnets (in the scan) the NSG is attached to, directly or through NICs. */
  subnetsOfNsg(nsg: Resource): readonly Resource[];
}

export function flowLogCoverage(graph: ResourceGraph): FlowLogCoverage {
  const targets = new Set<Resource>();
  let complete = true;
  for (const log of graph.ofType(FLOW_LOG)) {
    if (log.properties.enabled === false) continue;
    const id = log.properties.targetResourceId;
    if (isUnknown(id) || isUnknown(log.properties.enabled)) {
      complete = false;
      continue;
    }
    const target = graph.byId(id);
    if (target) targets.add(target);
  }
  const subnetCovered = (subnet: Resource): boolean => {
    if (targets.has(subnet)) return true;
    const vnet = graph.parentOf(subnet);
    return !!vnet && targets.has(vnet);
  };
  const subnetsOfNsg = (nsg: Resource): Resource[] => {
    const out = new Set<Resource>();
    for (const edge of graph.referencesTo(nsg)) {
      const from = edge.from;
      const type = from.type.toLowerCase();
      if (type === SUBNET) out.add(from);
      else if (type === NIC)
        for (const e of graph.referencesFrom(from)) if (e.to.type.toLowerCase() === SUBNET) out.add(e.to);
    }
    return [...out];
  };
  return {
    complete,
    targets,
    isVnetCovered: (vnet) => targets.has(vnet),
    isNsgCovered: (nsg) => {
      if (targets.has(nsg)) return true;
      const subnets = subnetsOfNsg(nsg);
      return subnets.length > 0 && subnets.every(subnetCovered);
    },
    subnetsOfNsg,
  };
}
