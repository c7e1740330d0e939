/**
 * Web apps that take Internet traffic directly rather than through a gateway. A site counts as
 * fronted when a gateway or Front Door in the scan points at it (by resource ID or by its default
 * host name), or when its access restrictions already narrow who may call it.
 */
import { isUnknown, type Resource, type ResourceGraph } from '@ztkit/core';
import type { PrivateLinkIndex } from '../../shared/private-link.js';
import { arrayOf, enumIs, lowerString, recordOf } from '../../shared/property-values.js';

const FRONTING_TYPES = [
  'microsoft.network/applicationgateways',
  'microsoft.cdn/profiles/origingroups/origins',
  'microsoft.network/frontdoors',
];

/** 'public', 'not-public' or 'unknown' for one site. */
export function siteExposure(
  site: Resource,
  privateLinks: PrivateLinkIndex,
): 'public' | 'not-public' | 'unknown' {
  const access = site.properties.publicNetworkAccess;
  if (isUnknown(access)) return 'unknown';
  if (enumIs(access, 'Disabled')) return 'not-public';
  // With a private endpoint and no explicit setting, whether the public endpoint stays open has
  // changed over time; do not guess.
  if (access === undefined && privateLinks.endpointsOf(site).length > 0) return 'unknown';
  const siteConfig = recordOf(site.properties.siteConfig);
  const restrictions = siteConfig?.ipSecurityRestrictions;
  if (isUnknown(restrictions) || isUnknown(siteConfig?.ipSecurityRestrictionsDefaultAction)) return 'unknown';
  if (restrictsCallers(restrictions, siteConfig?.ipSecurityRestrictionsDefaultAction)) return 'not-public';
  return 'public';
}

function restrictsCallers(restrictions: unknown, defaultAction: unknown): boolean {
  if (enumIs(defaultAction, 'Allow')) return false;
  const rules = arrayOf(restrictions).map(recordOf);
  // No rules: open, unless the default action says Deny (then nobody gets in).
  if (rules.length === 0) return enumIs(defaultAction, 'Deny');
  return !rules.some((r) => {
    const ip = lowerString(r?.ipAddress);
    return !enumIs(r?.action, 'Deny') && (ip === 'any' || ip === '0.0.0.0/0');
  });
}

/** True when a gateway or Front Door in the scan sends traffic to the site. */
export function isFronted(graph: ResourceGraph, site: Resource, hostNames: ReadonlySet<string>): boolean {
  if (graph.referencesTo(site).some((e) => FRONTING_TYPES.includes(e.from.type.toLowerCase()))) return true;
  return hostNames.has(`${site.name.toLowerCase()}.azurewebsites.net`);
}

/**
 * Host names gateways and Front Doors forward to (backend FQDNs, origin host names). `complete` is
 * false when one of them is not known statically (e.g. a site's runtime defaultHostName): it could
 * be any site, so "not fronted" cannot be concluded.
 */
export function forwardedHostNames(graph: ResourceGraph): { names: Set<string>; complete: boolean } {
  const out = new Set<string>();
  let complete = true;
  const add = (v: unknown) => {
    if (isUnknown(v)) complete = false;
    else if (typeof v === 'string') out.add(v.toLowerCase());
  };
  for (const gw of graph.ofType('Microsoft.Network/applicationGateways'))
    for (const pool of arrayOf(gw.properties.backendAddressPools))
      for (const address of arrayOf(recordOf(recordOf(pool)?.properties)?.backendAddresses))
        add(recordOf(address)?.fqdn);
  for (const origin of graph.ofType('Microsoft.Cdn/profiles/originGroups/origins'))
    add(origin.properties.hostName);
  for (const fd of graph.ofType('Microsoft.Network/frontDoors'))
    for (const pool of arrayOf(fd.properties.backendPools))
      for (const backend of arrayOf(recordOf(recordOf(pool)?.properties)?.backends))
        add(recordOf(backend)?.address);
  return { names: out, complete };
}
