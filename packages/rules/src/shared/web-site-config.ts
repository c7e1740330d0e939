/**
 * App Service site configuration can be written inline (`properties.siteConfig`) or as a separate
 * `Microsoft.Web/sites/config` resource named `web` (also for slots). ARM applies the separate
 * resource after the site, so its values win. This module answers "where is setting X defined for
 * this site, and to what?" without each rule re-deriving it.
 */
import { isUnknown, type Pointer, type Resource, type ResourceGraph } from '@ztkit/core';

export const SITE_TYPES = ['Microsoft.Web/sites', 'Microsoft.Web/sites/slots'] as const;
const CONFIG_TYPES = ['Microsoft.Web/sites/config', 'Microsoft.Web/sites/slots/config'];

/** One site (or slot) and the places its configuration is written, in the order ARM applies them. */
export interface SiteConfigUnit {
  /** The site or slot; undefined for a `config/web` resource whose site is not in the scan. */
  readonly site?: Resource;
  /** The resource to report a missing setting on. */
  readonly anchor: Resource;
  readonly sources: readonly { readonly resource: Resource; readonly path: Pointer }[];
}

export interface SiteSetting {
  readonly resource: Resource;
  readonly path: Pointer;
  readonly value: unknown;
}

function isWebConfig(r: Resource): boolean {
  return r.name.toLowerCase().endsWith('/web');
}

export function siteConfigUnits(graph: ResourceGraph): SiteConfigUnit[] {
  const units: SiteConfigUnit[] = [];
  const claimed = new Set<Resource>();
  for (const type of SITE_TYPES)
    for (const site of graph.ofType(type)) {
      const configs = CONFIG_TYPES.flatMap((t) => graph.childrenOf(site, t)).filter(isWebConfig);
      for (const c of configs) claimed.add(c);
      units.push({
        site,
        anchor: site,
        sources: [
          { resource: site, path: ['properties', 'siteConfig'] },
          ...configs.map((resource) => ({ resource, path: ['properties'] })),
        ],
      });
    }
  for (const type of CONFIG_TYPES)
    for (const config of graph.ofType(type))
      if (isWebConfig(config) && !claimed.has(config))
        units.push({ anchor: config, sources: [{ resource: config, path: ['properties'] }] });
  return units;
}

/** The effective value of one siteConfig setting: the last source that writes it. */
export function siteSetting(unit: SiteConfigUnit, name: string): SiteSetting | undefined {
  let found: SiteSetting | undefined;
  for (const { resource, path } of unit.sources) {
    const full = [...path, name];
    let value: unknown = resource;
    for (const key of full) {
      // An unknown object on the way makes the setting unknown, not absent.
      if (isUnknown(value)) break;
      value =
        typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
    }
    // A null value (`cond ? 'x' : null`) does not write the setting: ARM treats it as not given.
    if (value != null || resource.bindings?.has(full.join('.'))) found = { resource, path: full, value };
  }
  return found;
}
