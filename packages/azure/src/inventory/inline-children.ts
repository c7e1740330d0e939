import { inlineKindsOf, parseResourceId, portalUrl, type Resource } from '@ztkit/core';

/**
 * ARM returns subnets, security rules, routes and peerings inline in their parent, each with its
 * own real ID. The graph would derive them as children anyway, but a derived child knows neither
 * its live ID's portal link nor anything live about itself; declaring them here, from the same
 * inline items (the same objects: nothing is copied), gives findings on a subnet a portal link.
 * The graph then sees separately declared children and keeps the parent's array as it is.
 */
export function declareInlineChildren(parents: readonly Resource[], portal: string): Resource[] {
  const out: Resource[] = [];
  for (const parent of parents) {
    for (const kind of inlineKindsOf(parent.type)) {
      const items = parent.properties[kind.property];
      if (!Array.isArray(items)) continue;
      for (const item of items) {
        if (typeof item !== 'object' || item === null) continue;
        const { id, name, properties } = item as { id?: unknown; name?: unknown; properties?: unknown };
        if (typeof id !== 'string' || typeof name !== 'string' || !parseResourceId(id)) continue;
        out.push({
          type: kind.childType,
          name: `${parent.name}/${name}`,
          id,
          properties:
            typeof properties === 'object' && properties !== null
              ? (properties as Record<string, unknown>)
              : {},
          language: 'azure',
          portalUrl: portalUrl(id, portal),
          ...(parent.extra ? { extra: parent.extra } : {}),
        });
      }
    }
  }
  return out;
}
