import { locateValue } from '@ztkit/core';
import { describe, expect, it } from 'vitest';
import { loadFiles } from '../testing/load-files.js';

const rg = 'resource_group_name = "rg"\n  location = "westeurope"';

describe('container registry and AI services translators', () => {
  it('container registry: public access defaults to Enabled, network_rule_set as networkRuleSet', () => {
    const r = loadFiles({
      'main.tf': `resource "azurerm_container_registry" "open" {
  name = "acropen"
  ${rg}
  sku  = "Premium"
}
resource "azurerm_container_registry" "acl" {
  name = "acracl"
  ${rg}
  sku  = "Premium"
  public_network_access_enabled = true
  network_rule_set {
    default_action = "Deny"
    ip_rule {
      action   = "Allow"
      ip_range = "203.0.113.0/24"
    }
  }
}
`,
    });
    const open = r.graph.find('Microsoft.ContainerRegistry/registries', 'acropen')!;
    expect(open.properties).toEqual({ publicNetworkAccess: 'Enabled' });
    expect(open.sku).toEqual({ name: 'Premium' });
    const acl = r.graph.find('Microsoft.ContainerRegistry/registries', 'acracl')!;
    expect(acl.properties.networkRuleSet).toEqual({
      defaultAction: 'Deny',
      ipRules: [{ action: 'Allow', value: '203.0.113.0/24' }],
    });
    expect(locateValue(acl, ['properties', 'networkRuleSet', 'ipRules', 0])?.startLine).toBe(15);
  });

  it('AI services account: public switch, network_acls as networkAcls, local auth inverted', () => {
    const r = loadFiles({
      'main.tf': `resource "azurerm_cognitive_account" "oai" {
  name     = "oai"
  ${rg}
  kind     = "OpenAI"
  sku_name = "S0"
  local_auth_enabled = false
  network_acls {
    default_action = "Deny"
    ip_rules       = ["198.51.100.7"]
    virtual_network_rules {
      subnet_id = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/a"
    }
  }
}
resource "azurerm_cognitive_account" "closed" {
  name     = "closed"
  ${rg}
  kind     = "CognitiveServices"
  sku_name = "S0"
  public_network_access_enabled = false
}
`,
    });
    const oai = r.graph.find('Microsoft.CognitiveServices/accounts', 'oai')!;
    expect(oai.kind).toBe('OpenAI');
    expect(oai.properties).toEqual({
      publicNetworkAccess: 'Enabled',
      disableLocalAuth: true,
      networkAcls: {
        defaultAction: 'Deny',
        ipRules: [{ value: '198.51.100.7' }],
        virtualNetworkRules: [
          {
            id: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/a',
          },
        ],
      },
    });
    expect(locateValue(oai, ['properties', 'networkAcls', 'defaultAction'])?.startLine).toBe(9);
    const closed = r.graph.find('Microsoft.CognitiveServices/accounts', 'closed')!;
    expect(closed.properties.publicNetworkAccess).toBe('Disabled');
    expect(locateValue(closed, ['properties', 'publicNetworkAccess'])?.startLine).toBe(22);
  });
});
