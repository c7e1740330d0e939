/** azurerm_route_table (inline `route` blocks) and azurerm_route (a child the graph appends). */
import { ArmObject, armArray, resourceIdOf } from '../translate/arm.js';
import type { TfNode } from '../translate/node.js';
import type { Translator } from '../translate/types.js';
import { emitResource, namedItem, nameOf, present, simpleId } from './common.js';

const TABLE = 'Microsoft.Network/routeTables';
const ROUTE = 'Microsoft.Network/routeTables/routes';

function routeProperties(node: TfNode): ArmObject {
  return new ArmObject(node.span)
    .from(node, 'addressPrefix', 'address_prefix')
    .from(node, 'nextHopType', 'next_hop_type')
    .from(node, 'nextHopIpAddress', 'next_hop_in_ip_address', present);
}

export const routeTableTranslator: Translator = {
  types: ['azurerm_route_table', 'azurerm_route'],
  id(type, a) {
    if (type === 'azurerm_route_table') return simpleId(TABLE)(type, a);
    return resourceIdOf(ROUTE, [a('route_table_name'), a('name')], a('resource_group_name'));
  },
  translate(type, node, out) {
    const rg = node.get('resource_group_name');
    if (type === 'azurerm_route') {
      const table = nameOf(node, 'route_table_name');
      emitResource(out, {
        type: ROUTE,
        name: `${table}/${nameOf(node)}`,
        id: resourceIdOf(ROUTE, [table, node.get('name')], rg),
        node,
        properties: routeProperties(node),
        location: undefined,
        tags: undefined,
      });
      return;
    }
    const p = new ArmObject(node.span)
      // v4: bgp_route_propagation_enabled (default true); v3: disable_bgp_route_propagation (default false).
      .from(node, 'disableBgpRoutePropagation', 'bgp_route_propagation_enabled', (v) => !v)
      .from(node, 'disableBgpRoutePropagation', 'disable_bgp_route_propagation', undefined, false);
    const routes = node.blocks('route');
    if (routes.length)
      p.set(
        'routes',
        armArray(
          routes[0]!.span,
          routes.map((r) => ({ value: namedItem(r, routeProperties(r)), span: r.span })),
        ),
        routes[0]!.span,
      );
    emitResource(out, {
      type: TABLE,
      name: nameOf(node),
      id: resourceIdOf(TABLE, [node.get('name')], rg),
      node,
      properties: p,
    });
  },
};
