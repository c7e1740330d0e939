/**
 * Private Link from the service's side: which private endpoints in the scan connect to a resource
 * and whether they register in a private DNS zone. An endpoint connects through
 * `privateLinkServiceConnections[].properties.privateLinkServiceId` (auto-approved) or
 * `manualPrivateLinkServiceConnections[]` (approval by the service owner).
 */
import { isUnknown, type Resource, type ResourceGraph } from '@ztkit/core';
import { arrayOf, subProperties } from './property-values.js';

export const PRIVATE_ENDPOINT = 'Microsoft.Network/privateEndpoints';
export const DNS_ZONE_GROUP = 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups';

export interface PrivateLinkIndex {
  /** Private endpoints connecting to the resource. */
  endpointsOf(resource: Resource): readonly Resource[];
  /** True when some endpoint's target is not known statically: "no endpoint" cannot be concluded. */
  readonly hasUnknownTargets: boolean;
  /** The private DNS zone groups of an endpoint (child resources). */
  dnsZoneGroupsOf(endpoint: Resource): readonly Resource[];
}

export function privateLinkIndex(graph: ResourceGraph): PrivateLinkIndex {
  const byTarget = new Map<Resource, Resource[]>();
  let hasUnknownTargets = false;
  for (const endpoint of graph.ofType(PRIVATE_ENDPOINT)) {
    const connections = [
      ...arrayOf(endpoint.properties.privateLinkServiceConnections),
      ...arrayOf(endpoint.properties.manualPrivateLinkServiceConnections),
    ];
    if (
      isUnknown(endpoint.properties.privateLinkServiceConnections) ||
      isUnknown(endpoint.properties.manualPrivateLinkServiceConnections)
    )
      hasUnknownTargets = true;
    for (const connection of connections) {
      const id = subProperties(connection)?.privateLinkServiceId;
      if (isUnknown(id)) {
        hasUnknownTargets = true;
        continue;
      }
      const target = graph.resolve(id);
      if (!target) continue;
      const list = byTarget.get(target) ?? [];
      if (!list.includes(endpoint)) list.push(endpoint);
      byTarget.set(target, list);
    }
  }
  return {
    endpointsOf: (resource) => byTarget.get(resource) ?? [],
    hasUnknownTargets,
    dnsZoneGroupsOf: (endpoint) => graph.childrenOf(endpoint, DNS_ZONE_GROUP),
  };
}
