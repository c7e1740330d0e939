import { isUnknown, locateValue } from '@ztkit/core';
import { describe, expect, it } from 'vitest';
import { loadFiles } from '../testing/load-files.js';

const rg = 'resource_group_name = "rg"\n  location = "westeurope"';

describe('database translators', () => {
  it('SQL servers (mssql and legacy sql) with TLS defaults and firewall rules', () => {
    const r = loadFiles({
      'main.tf': `resource "azurerm_mssql_server" "a" {
  name    = "sql-a"
  ${rg}
  version = "12.0"
  minimum_tls_version = "1.0"
  public_network_access_enabled = false
}
resource "azurerm_sql_server" "b" {
  name    = "sql-b"
  ${rg}
  version = "12.0"
}
resource "azurerm_mssql_server" "d" {
  name    = "sql-d"
  ${rg}
  version = "12.0"
}
resource "azurerm_mssql_firewall_rule" "all" {
  name             = "all"
  server_id        = azurerm_mssql_server.a.id
  start_ip_address = "0.0.0.0"
  end_ip_address   = "255.255.255.255"
}
`,
    });
    const a = r.graph.find('Microsoft.Sql/servers', 'sql-a')!;
    expect(a.properties).toMatchObject({ minimalTlsVersion: '1.0', publicNetworkAccess: 'Disabled' });
    expect(locateValue(a, ['properties', 'minimalTlsVersion'])?.startLine).toBe(6);
    expect(r.graph.find('Microsoft.Sql/servers', 'sql-d')!.properties.minimalTlsVersion).toBe('1.2');
    // The legacy resource has no minimum_tls_version: the server is created with none.
    expect(r.graph.find('Microsoft.Sql/servers', 'sql-b')!.properties).not.toHaveProperty(
      'minimalTlsVersion',
    );
    // azurerm's "Disabled" is the API's 'None': no minimum TLS version at all.
    const none = loadFiles({
      'main.tf': `resource "azurerm_mssql_server" "c" {\n  name = "sql-c"\n  ${rg}\n  version = "12.0"\n  minimum_tls_version = "Disabled"\n}\n`,
    });
    expect(none.graph.find('Microsoft.Sql/servers', 'sql-c')!.properties.minimalTlsVersion).toBe('None');
    const rule = r.graph.find('Microsoft.Sql/servers/firewallRules', 'sql-a/all')!;
    expect(rule.properties).toEqual({ startIpAddress: '0.0.0.0', endIpAddress: '255.255.255.255' });
    expect(r.graph.parentOf(rule)).toBe(a);
  });

  it('PostgreSQL and MySQL flexible servers with their configuration children', () => {
    const r = loadFiles({
      'main.tf': `resource "azurerm_postgresql_flexible_server" "pg" {
  name                          = "pg"
  ${rg}
  public_network_access_enabled = true
  sku_name                      = "GP_Standard_D2s_v3"
}
resource "azurerm_postgresql_flexible_server_configuration" "tls" {
  name      = "require_secure_transport"
  server_id = azurerm_postgresql_flexible_server.pg.id
  value     = "off"
}
resource "azurerm_mysql_flexible_server" "my" {
  name = "my"
  ${rg}
  delegated_subnet_id = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/db"
}
resource "azurerm_mysql_flexible_server_configuration" "tls" {
  name                = "tls_version"
  resource_group_name = "rg"
  server_name         = azurerm_mysql_flexible_server.my.name
  server_id           = azurerm_mysql_flexible_server.my.id
  value               = "TLSv1,TLSv1.1"
}
`,
    });
    const pg = r.graph.find('Microsoft.DBforPostgreSQL/flexibleServers', 'pg')!;
    expect(pg.properties.network).toEqual({ publicNetworkAccess: 'Enabled' });
    expect(pg.sku).toEqual({ name: 'GP_Standard_D2s_v3' });
    const cfg = r.graph.find(
      'Microsoft.DBforPostgreSQL/flexibleServers/configurations',
      'pg/require_secure_transport',
    )!;
    expect(cfg.properties).toEqual({ value: 'off', source: 'user-override' });
    expect(r.graph.parentOf(cfg)).toBe(pg);
    expect(locateValue(cfg, ['properties', 'value'])?.startLine).toBe(11);
    const my = r.graph.find('Microsoft.DBforMySQL/flexibleServers/configurations', 'my/tls_version')!;
    expect(my.properties.value).toBe('TLSv1,TLSv1.1');
  });

  it('flexible-server and Redis firewall rules become firewallRules children of their parent', () => {
    const r = loadFiles({
      'main.tf': `resource "azurerm_postgresql_flexible_server" "pg" {
  name = "pg"
  ${rg}
}
resource "azurerm_postgresql_flexible_server_firewall_rule" "azure" {
  name             = "AllowAzure"
  server_id        = azurerm_postgresql_flexible_server.pg.id
  start_ip_address = "0.0.0.0"
  end_ip_address   = "0.0.0.0"
}
resource "azurerm_mysql_flexible_server" "my" {
  name = "my"
  ${rg}
}
resource "azurerm_mysql_flexible_server_firewall_rule" "all" {
  name                = "all"
  resource_group_name = "rg"
  server_name         = azurerm_mysql_flexible_server.my.name
  start_ip_address    = "0.0.0.0"
  end_ip_address      = "255.255.255.255"
}
resource "azurerm_redis_cache" "c" {
  name = "cache"
  ${rg}
}
resource "azurerm_redis_firewall_rule" "office" {
  name                = "office"
  resource_group_name = "rg"
  redis_cache_name    = azurerm_redis_cache.c.name
  start_ip            = "203.0.113.1"
  end_ip              = "203.0.113.10"
}
`,
    });
    const pg = r.graph.find('Microsoft.DBforPostgreSQL/flexibleServers', 'pg')!;
    const [pgRule] = r.graph.childrenOf(pg, 'firewallRules');
    expect(pgRule?.name).toBe('pg/AllowAzure');
    expect(pgRule?.properties).toEqual({ startIpAddress: '0.0.0.0', endIpAddress: '0.0.0.0' });
    const my = r.graph.find('Microsoft.DBforMySQL/flexibleServers', 'my')!;
    expect(r.graph.childrenOf(my, 'firewallRules')[0]?.properties).toEqual({
      startIpAddress: '0.0.0.0',
      endIpAddress: '255.255.255.255',
    });
    const cache = r.graph.find('Microsoft.Cache/redis', 'cache')!;
    const [redisRule] = r.graph.childrenOf(cache, 'firewallRules');
    // The Redis API spells the range startIP/endIP, unlike the database servers.
    expect(redisRule?.properties).toEqual({ startIP: '203.0.113.1', endIP: '203.0.113.10' });
    expect(locateValue(redisRule!, ['properties', 'endIP'])?.startLine).toBe(34);
  });

  it('legacy single servers map ssl_enforcement_enabled and the TLS default', () => {
    const r = loadFiles({
      'main.tf': `resource "azurerm_postgresql_server" "p" {
  name = "pgs"
  ${rg}
  ssl_enforcement_enabled = false
}
resource "azurerm_mysql_server" "m" {
  name = "mys"
  ${rg}
  ssl_enforcement_enabled          = true
  ssl_minimal_tls_version_enforced = "TLS1_0"
}
`,
    });
    expect(r.graph.find('Microsoft.DBforPostgreSQL/servers', 'pgs')!.properties).toMatchObject({
      sslEnforcement: 'Disabled',
      minimalTlsVersion: 'TLS1_2',
    });
    expect(r.graph.find('Microsoft.DBforMySQL/servers', 'mys')!.properties).toMatchObject({
      sslEnforcement: 'Enabled',
      minimalTlsVersion: 'TLS1_0',
    });
  });

  it('Redis: v3 enable_non_ssl_port, v4 non_ssl_port_enabled, TLS default 1.2', () => {
    const r = loadFiles({
      'main.tf': `resource "azurerm_redis_cache" "v3" {
  name = "r3"
  ${rg}
  capacity = 1
  family   = "C"
  sku_name = "Standard"
  enable_non_ssl_port = true
}
resource "azurerm_redis_cache" "v4" {
  name = "r4"
  ${rg}
  non_ssl_port_enabled = false
  minimum_tls_version  = "1.0"
}
`,
    });
    const v3 = r.graph.find('Microsoft.Cache/redis', 'r3')!;
    expect(v3.properties).toMatchObject({ enableNonSslPort: true, minimumTlsVersion: '1.2' });
    expect(v3.sku).toEqual({ name: 'Standard', family: 'C', capacity: 1 });
    expect(r.graph.find('Microsoft.Cache/redis', 'r4')!.properties).toMatchObject({
      enableNonSslPort: false,
      minimumTlsVersion: '1.0',
    });
  });

  it('Cosmos DB: TLS default, ip_range_filter as v3 string and v4 set', () => {
    const r = loadFiles({
      'main.tf': `variable "tls" {}
resource "azurerm_cosmosdb_account" "v3" {
  name            = "c3"
  ${rg}
  offer_type      = "Standard"
  ip_range_filter = "1.2.3.4,5.6.7.0/24"
}
resource "azurerm_cosmosdb_account" "v4" {
  name                = "c4"
  ${rg}
  ip_range_filter     = ["1.2.3.4"]
  minimal_tls_version = var.tls
}
`,
    });
    const v3 = r.graph.find('Microsoft.DocumentDB/databaseAccounts', 'c3')!;
    expect(v3.properties).toMatchObject({
      minimalTlsVersion: 'Tls12',
      ipRules: [{ ipAddressOrRange: '1.2.3.4' }, { ipAddressOrRange: '5.6.7.0/24' }],
    });
    const v4 = r.graph.find('Microsoft.DocumentDB/databaseAccounts', 'c4')!;
    expect(v4.properties.ipRules).toEqual([{ ipAddressOrRange: '1.2.3.4' }]);
    expect(isUnknown(v4.properties.minimalTlsVersion)).toBe(true);
    expect(v4.bindings?.get('properties.minimalTlsVersion')?.name).toBe('tls');
  });
});
