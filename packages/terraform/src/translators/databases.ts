/**
 * SQL servers, PostgreSQL/MySQL flexible and single servers (and their server parameters), Redis
 * and Cosmos DB: the TLS and network-access settings the encryption and Private Link rules read.
 * azurerm defaults that differ from the API's are written explicitly: SQL `minimum_tls_version`
 * "1.2" (azurerm_mssql_server only), Redis `minimum_tls_version` "1.2", Cosmos `minimal_tls_version` "Tls12", single-server
 * `ssl_minimal_tls_version_enforced` "TLS1_2".
 */
import { isUnknown } from '@ztkit/core';
import { ArmObject, nameSegment, resourceIdOf } from '../translate/arm.js';
import type { TfNode } from '../translate/node.js';
import type { Translator } from '../translate/types.js';
import { emitResource, enabled, lastSegment, nameOf, resourceGroupOf, simpleId } from './common.js';

const SQL = 'Microsoft.Sql/servers';
const SERVER_TYPES: Readonly<Record<string, string>> = {
  azurerm_mssql_server: SQL,
  azurerm_sql_server: SQL,
  azurerm_postgresql_flexible_server: 'Microsoft.DBforPostgreSQL/flexibleServers',
  azurerm_mysql_flexible_server: 'Microsoft.DBforMySQL/flexibleServers',
  azurerm_postgresql_server: 'Microsoft.DBforPostgreSQL/servers',
  azurerm_mysql_server: 'Microsoft.DBforMySQL/servers',
  azurerm_redis_cache: 'Microsoft.Cache/redis',
  azurerm_cosmosdb_account: 'Microsoft.DocumentDB/databaseAccounts',
};

/**
 * Child resources, named by their parent's id (`parent`) or, failing that, its name (`parentName`).
 * Firewall rules: `start_ip_address`/`end_ip_address` (Redis: `start_ip`/`end_ip`, the API's
 * `startIP`/`endIP`). azurerm v3.x and v4.x name the MySQL flexible server's parent by
 * `server_name`, the PostgreSQL one's by `server_id`, Redis's by `redis_cache_name`.
 */
const CHILD_TYPES: Readonly<Record<string, { type: string; parent?: string; parentName?: string }>> = {
  azurerm_postgresql_flexible_server_configuration: {
    type: 'Microsoft.DBforPostgreSQL/flexibleServers/configurations',
    parent: 'server_id',
  },
  azurerm_mysql_flexible_server_configuration: {
    type: 'Microsoft.DBforMySQL/flexibleServers/configurations',
    parent: 'server_id',
  },
  azurerm_postgresql_configuration: {
    type: 'Microsoft.DBforPostgreSQL/servers/configurations',
    parent: 'server_id',
    parentName: 'server_name',
  },
  azurerm_mysql_configuration: {
    type: 'Microsoft.DBforMySQL/servers/configurations',
    parent: 'server_id',
    parentName: 'server_name',
  },
  azurerm_mssql_firewall_rule: { type: 'Microsoft.Sql/servers/firewallRules', parent: 'server_id' },
  azurerm_sql_firewall_rule: {
    type: 'Microsoft.Sql/servers/firewallRules',
    parent: 'server_id',
    parentName: 'server_name',
  },
  azurerm_postgresql_flexible_server_firewall_rule: {
    type: 'Microsoft.DBforPostgreSQL/flexibleServers/firewallRules',
    parent: 'server_id',
  },
  azurerm_mysql_flexible_server_firewall_rule: {
    type: 'Microsoft.DBforMySQL/flexibleServers/firewallRules',
    parentName: 'server_name',
  },
  azurerm_redis_firewall_rule: {
    type: 'Microsoft.Cache/redis/firewallRules',
    parentName: 'redis_cache_name',
  },
};

function serverProperties(type: string, node: TfNode): ArmObject {
  const p = new ArmObject(node.span);
  switch (type) {
    case 'azurerm_mssql_server':
      return (
        p
          // azurerm spells the API's 'None' (no minimum at all) "Disabled".
          .from(
            node,
            'minimalTlsVersion',
            'minimum_tls_version',
            (v) => (typeof v === 'string' && v.toLowerCase() === 'disabled' ? 'None' : v),
            '1.2',
          )
          .from(node, 'publicNetworkAccess', 'public_network_access_enabled', enabled, 'Enabled')
          .from(node, 'version', 'version')
      );
    case 'azurerm_sql_server':
      // The legacy resource (azurerm 2.x/3.x, removed in 4.0) has no minimum_tls_version or
      // public_network_access_enabled argument: the server is created with no minimum TLS version
      // (left unset, which the rules read as TLS 1.0 accepted) and public access on.
      return p.set('publicNetworkAccess', 'Enabled').from(node, 'version', 'version');
    case 'azurerm_postgresql_flexible_server':
    case 'azurerm_mysql_flexible_server': {
      const network = new ArmObject(node.span)
        .from(node, 'publicNetworkAccess', 'public_network_access_enabled', enabled)
        .from(node, 'delegatedSubnetResourceId', 'delegated_subnet_id')
        .from(node, 'privateDnsZoneArmResourceId', 'private_dns_zone_id');
      return p.from(node, 'version', 'version').object('network', network);
    }
    case 'azurerm_postgresql_server':
    case 'azurerm_mysql_server':
      return p
        .from(node, 'sslEnforcement', ['ssl_enforcement_enabled', 'ssl_enforcement'], (v) =>
          typeof v === 'boolean' ? enabled(v) : v,
        )
        .from(node, 'minimalTlsVersion', 'ssl_minimal_tls_version_enforced', undefined, 'TLS1_2')
        .from(node, 'publicNetworkAccess', 'public_network_access_enabled', enabled);
    case 'azurerm_redis_cache':
      return p
        .from(node, 'enableNonSslPort', ['non_ssl_port_enabled', 'enable_non_ssl_port'], undefined, false)
        .from(node, 'minimumTlsVersion', 'minimum_tls_version', undefined, '1.2')
        .from(node, 'publicNetworkAccess', 'public_network_access_enabled', enabled)
        .from(node, 'redisVersion', 'redis_version')
        .from(node, 'subnetId', 'subnet_id');
    default: {
      // Cosmos DB: ip_range_filter is a comma-separated string in v3 and a set in v4.
      p.from(node, 'minimalTlsVersion', 'minimal_tls_version', undefined, 'Tls12')
        .from(node, 'publicNetworkAccess', 'public_network_access_enabled', enabled)
        .from(node, 'isVirtualNetworkFilterEnabled', 'is_virtual_network_filter_enabled')
        .from(node, 'databaseAccountOfferType', 'offer_type');
      const ranges = node.get('ip_range_filter');
      const list =
        typeof ranges === 'string' ? ranges.split(',').filter(Boolean) : Array.isArray(ranges) ? ranges : [];
      if (list.length)
        p.set(
          'ipRules',
          list.map((r) => ({ ipAddressOrRange: String(r).trim() })),
          node.spanOf('ip_range_filter'),
        );
      const vnetRules = node.blocks('virtual_network_rule');
      if (vnetRules.length)
        p.set(
          'virtualNetworkRules',
          vnetRules.map((r) => ({ id: r.get('id') })),
          vnetRules[0]!.span,
        );
      return p;
    }
  }
}

function sku(type: string, node: TfNode): ArmObject | undefined {
  const name = node.get('sku_name');
  if (name === undefined) return undefined;
  const s = new ArmObject(node.spanOf('sku_name')!).set('name', name, node.spanOf('sku_name'));
  if (type === 'azurerm_redis_cache') s.from(node, 'family', 'family').from(node, 'capacity', 'capacity');
  return s;
}

export const databaseTranslator: Translator = {
  types: [...Object.keys(SERVER_TYPES), ...Object.keys(CHILD_TYPES)],
  id(type, a) {
    const server = SERVER_TYPES[type];
    if (server) return simpleId(server)(type, a);
    const child = CHILD_TYPES[type]!;
    const parentId = child.parent ? a(child.parent) : undefined;
    const parent = parentId !== undefined ? lastSegment(parentId) : a(child.parentName ?? 'server_name');
    return resourceIdOf(
      child.type,
      [parent, a('name')],
      a('resource_group_name') ?? resourceGroupOf(parentId),
    );
  },
  translate(type, node, out) {
    const server = SERVER_TYPES[type];
    if (server) {
      emitResource(out, {
        type: server,
        name: nameOf(node),
        id: simpleId(server)(type, (n) => node.get(n)),
        node,
        properties: serverProperties(type, node),
        sku: sku(type, node),
        kind: type === 'azurerm_cosmosdb_account' ? node.get('kind') : undefined,
      });
      return;
    }
    const child = CHILD_TYPES[type]!;
    const parentId = child.parent ? node.get(child.parent) : undefined;
    const parent =
      parentId !== undefined
        ? lastSegment(parentId)
        : nameSegment(node.get(child.parentName ?? 'server_name'));
    const p = new ArmObject(node.span);
    if (type === 'azurerm_redis_firewall_rule')
      p.from(node, 'startIP', 'start_ip').from(node, 'endIP', 'end_ip');
    else if (type.endsWith('firewall_rule'))
      p.from(node, 'startIpAddress', 'start_ip_address').from(node, 'endIpAddress', 'end_ip_address');
    else p.from(node, 'value', 'value').set('source', 'user-override');
    const rg = node.get('resource_group_name') ?? resourceGroupOf(parentId);
    emitResource(out, {
      type: child.type,
      name: `${parent}/${nameOf(node)}`,
      id: resourceIdOf(child.type, [parent, node.get('name')], isUnknown(rg) ? undefined : rg),
      node,
      properties: p,
      location: undefined,
      tags: undefined,
    });
  },
};
