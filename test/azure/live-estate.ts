import { inlineKindsOf, parseResourceId, type Resource, type ResourceGraph } from '@ztkit/core';
import type { FakeAzureState, FakeRow } from './fake-azure.js';

/**
 * Turns an IaC model into what Azure would answer once it is deployed: real IDs instead of the
 * symbolic `{subscriptionId}` / `{resourceGroupName}`, top-level resources (with their inline
 * children, as ARM returns them) and the child types Resource Graph indexes as ARG rows, and the
 * children it does not index (rule collection groups, diagnostic settings, App Service config,
 * DNS zone groups) behind the ARM paths that list them.
 */
export const ARG_CHILD_TYPES = new Set([
  'microsoft.network/networkwatchers/flowlogs',
  'microsoft.network/privatednszones/virtualnetworklinks',
]);

export function liveStateFrom(
  graph: ResourceGraph,
  subscriptionId: string,
  resourceGroup: string,
): Pick<FakeAzureState, 'rows' | 'armGet'> {
  const realise = (value: unknown): unknown =>
    JSON.parse(
      JSON.stringify(value, (_k, v) =>
        typeof v === 'string'
          ? v.replaceAll('{subscriptionId}', subscriptionId).replaceAll('{resourceGroupName}', resourceGroup)
          : v,
      ),
    );
  const rows: FakeRow[] = [];
  const armGet = new Map<string, unknown>();
  const addToList = (path: string, item: unknown) => {
    const key = path.toLowerCase();
    const list = (armGet.get(key) as { value: unknown[] } | undefined) ?? { value: [] };
    list.value.push(item);
    armGet.set(key, list);
  };
  for (const r of graph.resources) {
    if (r.derived) continue;
    const id = realise(r.id) as string;
    const type = r.type.toLowerCase();
    const depth = type.split('/').length;
    const body = armBody(r, id, realise);
    if (type.endsWith('/providers/diagnosticsettings') || type === 'microsoft.insights/diagnosticsettings') {
      const target = diagnosticTarget(graph, r);
      if (!target) continue;
      const targetId = realise(target.id) as string;
      const name = r.name.split('/').at(-1)!;
      const settingId = `${targetId}/providers/Microsoft.Insights/diagnosticSettings/${name}`;
      addToList(`${targetId}/providers/Microsoft.Insights/diagnosticSettings`, {
        ...body,
        id: settingId,
        name,
        type: 'Microsoft.Insights/diagnosticSettings',
      });
      continue;
    }
    if (type === 'microsoft.network/firewallpolicies/rulecollectiongroups') {
      addToList(id.slice(0, id.lastIndexOf('/')), body);
      continue;
    }
    if (type === 'microsoft.network/privateendpoints/privatednszonegroups') {
      addToList(id.slice(0, id.lastIndexOf('/')), body);
      continue;
    }
    if (type === 'microsoft.web/sites/config' || type === 'microsoft.web/sites/slots/config') {
      armGet.set(`${id.slice(0, id.lastIndexOf('/'))}/web`.toLowerCase(), body);
      continue;
    }
    // Inline children declared separately are already in their parent's array (the graph put them there).
    if (depth > 2 && !ARG_CHILD_TYPES.has(type)) continue;
    // ARM gives every inline child its own ID; templates usually leave it out.
    for (const kind of inlineKindsOf(r.type)) {
      const items = (body.properties as Record<string, unknown>)[kind.property];
      if (!Array.isArray(items)) continue;
      const leaf = kind.childType.slice(kind.childType.lastIndexOf('/') + 1);
      for (const item of items as { id?: string; name?: string }[])
        if (item && typeof item.name === 'string') item.id ??= `${id}/${leaf}/${item.name}`;
    }
    rows.push({
      ...(body as object),
      id,
      type,
      name: id.slice(id.lastIndexOf('/') + 1),
      subscriptionId,
      resourceGroup: resourceGroup.toLowerCase(),
    } as FakeRow);
  }
  return { rows, armGet };
}

function armBody(r: Resource, id: string, realise: (v: unknown) => unknown): Record<string, unknown> {
  return {
    id,
    name: r.name.split('/').at(-1),
    type: r.type,
    ...(typeof r.location === 'string' ? { location: r.location } : {}),
    ...(r.kind !== undefined ? { kind: realise(r.kind) } : {}),
    ...(r.sku !== undefined ? { sku: realise(r.sku) } : {}),
    ...(r.identity !== undefined ? { identity: realise(r.identity) } : {}),
    ...(r.tags !== undefined ? { tags: realise(r.tags) } : {}),
    properties: realise(r.properties) as Record<string, unknown>,
  };
}

/** The resource a diagnostic setting is on: nested-name form or extension-ID form. */
function diagnosticTarget(graph: ResourceGraph, setting: Resource): Resource | undefined {
  const suffix = '/providers/diagnosticsettings';
  if (setting.type.toLowerCase().endsWith(suffix)) {
    const targetType = setting.type.slice(0, setting.type.length - suffix.length);
    return graph.find(targetType, setting.name.split('/').slice(0, -2).join('/'));
  }
  const lower = setting.id.toLowerCase();
  const scope = setting.id.slice(0, lower.lastIndexOf('/providers/'));
  return parseResourceId(scope) ? graph.byId(scope) : undefined;
}
