/**
 * Which Front Door (Standard/Premium) endpoints are covered by a WAF security policy. A security
 * policy associates a WAF policy with domains: endpoints (`afdEndpoints`) and custom domains.
 */
import { isUnknown, type Resource, type ResourceGraph } from '@ztkit/core';
import { arrayOf, enumIs, lowerString, recordOf, subProperties } from '../../shared/property-values.js';

export interface UnprotectedEndpoint {
  readonly endpoint: Resource;
  /** Names of the domains served without a WAF. */
  readonly domains: readonly string[];
}

export function isFrontDoorProfile(profile: Resource): boolean {
  return (lowerString(recordOf(profile.sku)?.name) ?? '').endsWith('_azurefrontdoor');
}

/** Endpoints of a profile served without a WAF; undefined when the template does not say enough to tell. */
export function unprotectedEndpoints(
  graph: ResourceGraph,
  profile: Resource,
): UnprotectedEndpoint[] | undefined {
  const covered = new Set<Resource>();
  for (const policy of graph.childrenOf(profile, 'securityPolicies')) {
    const parameters = recordOf(policy.properties.parameters);
    if (!parameters || isUnknown(parameters.associations)) return undefined;
    if (!enumIs(parameters.type, 'WebApplicationFirewall') || parameters.wafPolicy == null) continue;
    for (const association of arrayOf(parameters.associations)) {
      const domains = recordOf(association)?.domains;
      if (isUnknown(domains)) return undefined;
      for (const domain of arrayOf(domains)) {
        const id = recordOf(domain)?.id;
        if (isUnknown(id)) return undefined;
        const target = graph.resolve(id);
        if (target) covered.add(target);
      }
    }
  }
  const out: UnprotectedEndpoint[] = [];
  for (const endpoint of graph.childrenOf(profile, 'afdEndpoints')) {
    if (enumIs(endpoint.properties.enabledState, 'Disabled')) continue;
    const served = servedDomains(graph, endpoint);
    if (!served) return undefined;
    const open = served.filter((d) => !covered.has(d)).map((d) => d.name);
    if (open.length) out.push({ endpoint, domains: open });
  }
  return out;
}

/** The endpoint's own domain (unless every route unlinks it) and the custom domains its routes serve. */
function servedDomains(graph: ResourceGraph, endpoint: Resource): Resource[] | undefined {
  const routes = graph.childrenOf(endpoint, 'routes');
  const served: Resource[] = [];
  let defaultDomain = routes.length === 0;
  for (const route of routes) {
    const props = route.properties;
    if (isUnknown(props.customDomains) || isUnknown(props.linkToDefaultDomain)) return undefined;
    if (!enumIs(props.linkToDefaultDomain, 'Disabled')) defaultDomain = true;
    for (const domain of arrayOf(props.customDomains)) {
      const id = subProperties(domain)?.id ?? recordOf(domain)?.id;
      if (isUnknown(id)) return undefined;
      const target = graph.resolve(id);
      if (target && !served.includes(target)) served.push(target);
    }
  }
  if (defaultDomain) served.unshift(endpoint);
  return served;
}
