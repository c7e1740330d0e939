/**
 * Application Gateway keeps its listeners, rules, redirects and settings as inline arrays that refer
 * to each other by resource ID (`.../applicationGateways/agw/httpListeners/listener-http`). These
 * helpers read those arrays and resolve the intra-gateway references by their last name segment,
 * which is what ARM itself matches on.
 */
import { isUnknown, type Pointer, type Resource } from '@ztkit/core';

export const APPLICATION_GATEWAY = 'Microsoft.Network/applicationGateways';

export interface GatewayItem {
  readonly name: string;
  /** Pointer from the resource root to the item, for findings. */
  readonly path: Pointer;
  readonly properties: Record<string, unknown>;
}

export function gatewayItems(gateway: Resource, collection: string): GatewayItem[] {
  const list = gateway.properties[collection];
  if (!Array.isArray(list)) return [];
  const items: GatewayItem[] = [];
  list.forEach((raw, index) => {
    if (typeof raw !== 'object' || raw === null || isUnknown(raw)) return;
    const item = raw as { name?: unknown; properties?: unknown };
    const properties =
      typeof item.properties === 'object' && item.properties !== null && !isUnknown(item.properties)
        ? (item.properties as Record<string, unknown>)
        : {};
    items.push({
      name: typeof item.name === 'string' ? item.name : `${collection}[${index}]`,
      path: ['properties', collection, index],
      properties,
    });
  });
  return items;
}

/**
 * The item of `collection` a sub-resource reference (`{ id: '...' }`) points to. Returns 'unknown'
 * when the reference is an expression the loader could not evaluate, undefined when absent.
 */
export function referencedItem(
  gateway: Resource,
  reference: unknown,
  collection: string,
): GatewayItem | 'unknown' | undefined {
  if (reference === undefined || reference === null) return undefined;
  const id =
    typeof reference === 'object' && !isUnknown(reference) ? (reference as { id?: unknown }).id : reference;
  if (id === undefined) return undefined;
  if (typeof id !== 'string') return 'unknown';
  const marker = `/${collection.toLowerCase()}/`;
  const at = id.toLowerCase().lastIndexOf(marker);
  if (at < 0) return 'unknown';
  const name = id
    .slice(at + marker.length)
    .split('/')[0]!
    .toLowerCase();
  return gatewayItems(gateway, collection).find((i) => i.name.toLowerCase() === name) ?? 'unknown';
}

export function protocolOf(item: GatewayItem): string | undefined {
  const p = item.properties.protocol;
  return typeof p === 'string' ? p.toLowerCase() : undefined;
}
