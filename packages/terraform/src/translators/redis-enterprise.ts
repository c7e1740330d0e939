/**
 * Redis Enterprise and Azure Managed Redis, both `Microsoft.Cache/redisEnterprise` with a
 * `databases/default` child that holds the client protocol.
 *
 * - `azurerm_redis_enterprise_cluster` (azurerm 3.x/4.x): `minimum_tls_version` defaults to "1.2".
 * - `azurerm_redis_enterprise_database`: `cluster_id`, `name` (default "default"), `client_protocol`
 *   (default "Encrypted").
 * - `azurerm_managed_redis` (azurerm 4.x): the cluster and its one database together, the database
 *   as a `default_database` block (`client_protocol` default "Encrypted"); `public_network_access` is
 *   a string ("Enabled"/"Disabled"). Managed Redis accepts TLS 1.2+ only and has no TLS setting.
 *
 * Defaults are written explicitly because the provider sends them.
 */
import type { SourceSpan } from '@ztkit/core';
import { ArmObject, resourceIdOf } from '../translate/arm.js';
import type { Translator } from '../translate/types.js';
import { emitResource, lastSegment, nameOf, resourceGroupOf, simpleId } from './common.js';

const CLUSTER = 'Microsoft.Cache/redisEnterprise';
const DATABASE = `${CLUSTER}/databases`;

/** A database's id from its cluster's id; Azure names the only database `default`. */
function databaseId(clusterId: unknown, name: unknown): string {
  return resourceIdOf(DATABASE, [lastSegment(clusterId), name ?? 'default'], resourceGroupOf(clusterId));
}

function skuOf(value: unknown, span: SourceSpan): ArmObject | undefined {
  return value === undefined ? undefined : new ArmObject(span).set('name', value, span);
}

export const redisEnterpriseTranslator: Translator = {
  types: ['azurerm_redis_enterprise_cluster', 'azurerm_redis_enterprise_database', 'azurerm_managed_redis'],
  id(type, a) {
    if (type === 'azurerm_redis_enterprise_database') return databaseId(a('cluster_id'), a('name'));
    return simpleId(CLUSTER)(type, a);
  },
  translate(type, node, out) {
    if (type === 'azurerm_redis_enterprise_database') {
      const cluster = node.get('cluster_id');
      const name = node.get('name') ?? 'default';
      emitResource(out, {
        type: DATABASE,
        name: `${lastSegment(cluster)}/${typeof name === 'string' ? name : 'default'}`,
        id: databaseId(cluster, name),
        node,
        properties: new ArmObject(node.span).from(
          node,
          'clientProtocol',
          'client_protocol',
          undefined,
          'Encrypted',
        ),
        location: undefined,
        identity: undefined,
      });
      return;
    }
    const managed = type === 'azurerm_managed_redis';
    const p = new ArmObject(node.span);
    if (managed) p.from(node, 'publicNetworkAccess', 'public_network_access');
    else p.from(node, 'minimumTlsVersion', 'minimum_tls_version', undefined, '1.2');
    emitResource(out, {
      type: CLUSTER,
      name: nameOf(node),
      id: simpleId(CLUSTER)(type, (n) => node.get(n)),
      node,
      properties: p,
      sku: skuOf(node.get('sku_name'), node.spanOf('sku_name') ?? node.span),
    });
    if (!managed) return;
    const db = node.blocks('default_database')[0];
    emitResource(out, {
      type: DATABASE,
      name: `${nameOf(node)}/default`,
      id: resourceIdOf(DATABASE, [node.get('name'), 'default'], node.get('resource_group_name')),
      node: db ?? node,
      properties: new ArmObject((db ?? node).span).from(
        db ?? node,
        'clientProtocol',
        'client_protocol',
        undefined,
        'Encrypted',
      ),
      location: undefined,
      tags: undefined,
      identity: undefined,
    });
  },
};
