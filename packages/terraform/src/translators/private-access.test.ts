import { describe, expect, it } from 'vitest';
import { loadFiles, valueAt } from '../testing/load-files.js';

describe('private access translators', () => {
  it('private endpoint with a DNS zone group child; key vault ACLs; NAT gateway', () => {
    const r = loadFiles({
      'main.tf': `resource "azurerm_key_vault" "kv" {
  name                          = "kv"
  resource_group_name           = "rg"
  location                      = "westeurope"
  tenant_id                     = "t"
  sku_name                      = "standard"
  public_network_access_enabled = false
  network_acls {
    default_action = "Deny"
    bypass         = "AzureServices"
    ip_rules       = ["1.2.3.4/32"]
  }
}
resource "azurerm_private_endpoint" "pe" {
  name                = "pe-kv"
  resource_group_name = "rg"
  location            = "westeurope"
  subnet_id           = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/pe"
  private_service_connection {
    name                           = "kv"
    private_connection_resource_id = azurerm_key_vault.kv.id
    subresource_names              = ["vault"]
    is_manual_connection           = false
  }
  private_dns_zone_group {
    name                 = "default"
    private_dns_zone_ids = ["/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/privateDnsZones/privatelink.vaultcore.azure.net"]
  }
}
resource "azurerm_nat_gateway" "nat" {
  name                = "nat"
  resource_group_name = "rg"
  location            = "westeurope"
  sku_name            = "Standard"
}
`,
    });
    const kv = r.graph.find('Microsoft.KeyVault/vaults', 'kv')!;
    expect(kv.properties).toMatchObject({
      publicNetworkAccess: 'Disabled',
      networkAcls: { defaultAction: 'Deny', bypass: 'AzureServices', ipRules: [{ value: '1.2.3.4/32' }] },
    });
    const pe = r.graph.find('Microsoft.Network/privateEndpoints', 'pe-kv')!;
    const conn = valueAt(pe, ['properties', 'privateLinkServiceConnections', 0]);
    expect(conn).toEqual({ name: 'kv', properties: { privateLinkServiceId: kv.id, groupIds: ['vault'] } });
    expect(r.graph.referencesTo(kv, 'Microsoft.Network/privateEndpoints')).toHaveLength(1);
    const group = r.graph.find('Microsoft.Network/privateEndpoints/privateDnsZoneGroups', 'pe-kv/default')!;
    expect(r.graph.parentOf(group)).toBe(pe);
    expect(group.properties.privateDnsZoneConfigs).toEqual([
      {
        name: 'privatelink.vaultcore.azure.net',
        properties: {
          privateDnsZoneId:
            '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/privateDnsZones/privatelink.vaultcore.azure.net',
        },
      },
    ]);
    expect(group.origin?.locate([])?.startLine).toBe(25);
    expect(r.graph.find('Microsoft.Network/natGateways', 'nat')!.sku).toEqual({ name: 'Standard' });
  });
});
