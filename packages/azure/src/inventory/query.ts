/**
 * The Resource Graph queries. Rows keep ARM's REST shape (`properties` as ARM returns them), so the
 * model needs no translation. `id` is projected first: ARG needs it to page in a stable order.
 */
export function inventoryQuery(types: readonly string[]): string {
  const list = types.map((t) => `'${t.replace(/'/g, '')}'`).join(', ');
  return [
    'resources',
    `| where type in~ (${list})`,
    '| project id, name, type, location, kind, sku, identity, tags, zones, properties, subscriptionId, resourceGroup',
  ].join('\n');
}

/** The subscriptions a scope holds and the caller can see: what "readable" means before reading. */
export const SUBSCRIPTIONS_QUERY = [
  'resourcecontainers',
  "| where type =~ 'microsoft.resources/subscriptions'",
  '| project id, subscriptionId, name',
].join('\n');
