import { locateValue } from '@ztkit/core';
import { describe, expect, it } from 'vitest';
import { loadFiles } from '../testing/load-files.js';

const rg = 'resource_group_name = "rg"\n  location = "westeurope"';

describe('firewall translators', () => {
  it('translates a firewall with its policy, defaults and classic rule collections', () => {
    const r = loadFiles({
      'main.tf': `resource "azurerm_firewall" "fw" {
  name               = "afw"
  ${rg}
  sku_name           = "AZFW_VNet"
  sku_tier           = "Premium"
  firewall_policy_id = azurerm_firewall_policy.p.id
  ip_configuration {
    name                 = "cfg"
    subnet_id            = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/hub/subnets/AzureFirewallSubnet"
    public_ip_address_id = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/publicIPAddresses/pip"
  }
}
resource "azurerm_firewall_policy" "p" {
  name                     = "policy"
  ${rg}
  sku                      = "Premium"
  threat_intelligence_mode = "Deny"
  intrusion_detection {
    mode = "Alert"
  }
}
resource "azurerm_firewall_nat_rule_collection" "dnat" {
  name                = "dnat"
  azure_firewall_name = azurerm_firewall.fw.name
  resource_group_name = "rg"
  priority            = 100
  action              = "Dnat"
  rule {
    name                  = "rdp"
    source_addresses      = ["*"]
    destination_ports     = ["3389"]
    destination_addresses = ["20.1.1.1"]
    translated_port       = 3389
    translated_address    = "10.0.0.4"
    protocols             = ["TCP"]
  }
}
`,
    });
    const fw = r.graph.find('Microsoft.Network/azureFirewalls', 'afw')!;
    expect(fw.properties).toMatchObject({
      threatIntelMode: 'Alert',
      sku: { name: 'AZFW_VNet', tier: 'Premium' },
    });
    expect(r.graph.resolve(fw.properties.firewallPolicy)?.name).toBe('policy');
    expect(fw.properties.natRuleCollections).toEqual([
      {
        name: 'dnat',
        properties: {
          priority: 100,
          action: { type: 'Dnat' },
          rules: [
            {
              name: 'rdp',
              sourceAddresses: ['*'],
              protocols: ['TCP'],
              destinationAddresses: ['20.1.1.1'],
              destinationPorts: ['3389'],
              translatedAddress: '10.0.0.4',
              translatedPort: '3389',
            },
          ],
        },
      },
    ]);
    expect(
      locateValue(fw, ['properties', 'natRuleCollections', 0, 'properties', 'rules', 0, 'destinationPorts'])
        ?.startLine,
    ).toBe(33);
    const policy = r.graph.find('Microsoft.Network/firewallPolicies', 'policy')!;
    expect(policy.properties).toMatchObject({
      sku: { tier: 'Premium' },
      threatIntelMode: 'Deny',
      intrusionDetection: { mode: 'Alert' },
    });
  });

  it('translates rule collection groups into ruleCollections with ARM rule types', () => {
    const r = loadFiles({
      'main.tf': `resource "azurerm_firewall_policy" "p" {
  name = "policy"
  ${rg}
}
resource "azurerm_firewall_policy_rule_collection_group" "g" {
  name               = "rcg"
  firewall_policy_id = azurerm_firewall_policy.p.id
  priority           = 500
  network_rule_collection {
    name     = "net"
    priority = 400
    action   = "Allow"
    rule {
      name                  = "any"
      protocols             = ["Any"]
      source_addresses      = ["*"]
      destination_addresses = ["*"]
      destination_ports     = ["*"]
    }
  }
  application_rule_collection {
    name     = "app"
    priority = 500
    action   = "Allow"
    rule {
      name = "web"
      protocols {
        type = "Https"
        port = 443
      }
      source_addresses  = ["10.0.0.0/8"]
      destination_fqdns = ["*.microsoft.com"]
      terminate_tls     = false
    }
  }
}
`,
    });
    const group = r.graph.find('Microsoft.Network/firewallPolicies/ruleCollectionGroups', 'policy/rcg')!;
    expect(r.graph.parentOf(group)?.name).toBe('policy');
    const collections = group.properties.ruleCollections as Record<string, unknown>[];
    expect(collections[0]).toEqual({
      ruleCollectionType: 'FirewallPolicyFilterRuleCollection',
      name: 'net',
      priority: 400,
      action: { type: 'Allow' },
      rules: [
        {
          ruleType: 'NetworkRule',
          name: 'any',
          sourceAddresses: ['*'],
          ipProtocols: ['Any'],
          destinationPorts: ['*'],
          destinationAddresses: ['*'],
        },
      ],
    });
    expect(collections[1]).toMatchObject({
      name: 'app',
      rules: [
        {
          ruleType: 'ApplicationRule',
          protocols: [{ protocolType: 'Https', port: 443 }],
          targetFqdns: ['*.microsoft.com'],
          terminateTLS: false,
        },
      ],
    });
    expect(locateValue(group, ['properties', 'ruleCollections', 0, 'rules', 0])?.startLine).toBe(14);
  });
});
