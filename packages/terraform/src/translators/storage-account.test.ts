import { locateValue } from '@ztkit/core';
import { describe, expect, it } from 'vitest';
import { loadFiles } from '../testing/load-files.js';

describe('storage account translator', () => {
  it('reads the v4 names and keeps their spans', () => {
    const r = loadFiles({
      'main.tf': `resource "azurerm_storage_account" "v4" {
  name                            = "stv4"
  resource_group_name             = "rg"
  location                        = "westeurope"
  account_tier                    = "Standard"
  account_replication_type        = "GRS"
  https_traffic_only_enabled      = false
  min_tls_version                 = "TLS1_0"
  public_network_access_enabled   = false
  allow_nested_items_to_be_public = false
  network_rules {
    default_action             = "Deny"
    bypass                     = ["AzureServices", "Logging"]
    ip_rules                   = ["1.2.3.4"]
    virtual_network_subnet_ids = ["/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/s"]
  }
}
`,
    });
    const sa = r.graph.ofType('Microsoft.Storage/storageAccounts')[0]!;
    expect(sa.kind).toBe('StorageV2');
    expect(sa.sku).toEqual({ name: 'Standard_GRS' });
    expect(sa.properties).toMatchObject({
      supportsHttpsTrafficOnly: false,
      minimumTlsVersion: 'TLS1_0',
      publicNetworkAccess: 'Disabled',
      allowBlobPublicAccess: false,
      networkAcls: {
        defaultAction: 'Deny',
        bypass: 'AzureServices, Logging',
        ipRules: [{ value: '1.2.3.4', action: 'Allow' }],
        virtualNetworkRules: [
          {
            id: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/s',
            action: 'Allow',
          },
        ],
      },
    });
    expect(locateValue(sa, ['properties', 'supportsHttpsTrafficOnly'])?.startLine).toBe(7);
    expect(locateValue(sa, ['properties', 'minimumTlsVersion'])?.startLine).toBe(8);
    expect(locateValue(sa, ['properties', 'networkAcls', 'defaultAction'])?.startLine).toBe(12);
  });

  it('reads the v3 name and writes azurerm defaults explicitly, spanned on the block', () => {
    const r = loadFiles({
      'main.tf': `resource "azurerm_storage_account" "v3" {
  name                      = "stv3"
  resource_group_name       = "rg"
  location                  = "westeurope"
  account_tier              = "Standard"
  account_replication_type  = "LRS"
  enable_https_traffic_only = false
}
resource "azurerm_storage_account" "defaults" {
  name                     = "stdefault"
  resource_group_name      = "rg"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "LRS"
}
`,
    });
    const v3 = r.graph.find('Microsoft.Storage/storageAccounts', 'stv3')!;
    expect(v3.properties.supportsHttpsTrafficOnly).toBe(false);
    const d = r.graph.find('Microsoft.Storage/storageAccounts', 'stdefault')!;
    expect(d.properties).toMatchObject({ supportsHttpsTrafficOnly: true, minimumTlsVersion: 'TLS1_2' });
    expect(locateValue(d, ['properties', 'minimumTlsVersion'])?.startLine).toBe(9);
  });

  it('patches azurerm_storage_account_network_rules onto its account', () => {
    const r = loadFiles({
      'main.tf': `resource "azurerm_storage_account" "s" {
  name                     = "st"
  resource_group_name      = "rg"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "LRS"
}
resource "azurerm_storage_account_network_rules" "r" {
  storage_account_id = azurerm_storage_account.s.id
  default_action     = "Allow"
}
`,
    });
    const sa = r.graph.ofType('Microsoft.Storage/storageAccounts')[0]!;
    expect(sa.properties.networkAcls).toEqual({ defaultAction: 'Allow' });
    expect(locateValue(sa, ['properties', 'networkAcls', 'defaultAction'])?.startLine).toBe(10);
  });
});
