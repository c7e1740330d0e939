import { describe, expect, it } from 'vitest';
import { loadFiles } from '../testing/load-files.js';

describe('Redis Enterprise and Managed Redis translator', () => {
  it('emits the cluster and its database child with the provider defaults', () => {
    const r = loadFiles({
      'main.tf': `resource "azurerm_redis_enterprise_cluster" "c" {
  name                = "rec"
  resource_group_name = "rg"
  location            = "westeurope"
  sku_name            = "Enterprise_E10-2"
}
resource "azurerm_redis_enterprise_database" "d" {
  cluster_id = azurerm_redis_enterprise_cluster.c.id
}
resource "azurerm_managed_redis" "m" {
  name                  = "amr"
  resource_group_name   = "rg"
  location              = "westeurope"
  sku_name              = "Balanced_B0"
  public_network_access = "Disabled"
  default_database {
    client_protocol = "Plaintext"
  }
}
`,
    });
    const cluster = r.graph.find('Microsoft.Cache/redisEnterprise', 'rec')!;
    expect(cluster.properties.minimumTlsVersion).toBe('1.2');
    expect(cluster.sku).toEqual({ name: 'Enterprise_E10-2' });
    const db = r.graph.find('Microsoft.Cache/redisEnterprise/databases', 'rec/default')!;
    expect(db.properties.clientProtocol).toBe('Encrypted');
    expect(r.graph.parentOf(db)).toBe(cluster);
    const managed = r.graph.find('Microsoft.Cache/redisEnterprise', 'amr')!;
    expect(managed.properties).toEqual({ publicNetworkAccess: 'Disabled' });
    const managedDb = r.graph.find('Microsoft.Cache/redisEnterprise/databases', 'amr/default')!;
    expect(managedDb.properties.clientProtocol).toBe('Plaintext');
    expect(r.graph.parentOf(managedDb)).toBe(managed);
    expect(r.diagnostics.filter((d) => d.code === 'terraform-untranslated')).toEqual([]);
  });
});
