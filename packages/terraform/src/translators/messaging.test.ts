import { locateValue } from '@ztkit/core';
import { describe, expect, it } from 'vitest';
import { loadFiles } from '../testing/load-files.js';

const rg = 'resource_group_name = "rg"\n  location = "westeurope"';
const GW = 'Microsoft.WindowsAzure.ApiManagement.Gateway.Security';

describe('messaging translators', () => {
  it('Event Hubs and Service Bus namespaces: minimum TLS default 1.2, explicit values', () => {
    const r = loadFiles({
      'main.tf': `resource "azurerm_eventhub_namespace" "e" {
  name = "evh"
  ${rg}
  sku  = "Standard"
  minimum_tls_version = "1.0"
}
resource "azurerm_servicebus_namespace" "s" {
  name = "sb"
  ${rg}
  sku  = "Premium"
  public_network_access_enabled = false
}
`,
    });
    const e = r.graph.find('Microsoft.EventHub/namespaces', 'evh')!;
    expect(e.properties.minimumTlsVersion).toBe('1.0');
    expect(e.sku).toEqual({ name: 'Standard' });
    expect(locateValue(e, ['properties', 'minimumTlsVersion'])?.startLine).toBe(6);
    const s = r.graph.find('Microsoft.ServiceBus/namespaces', 'sb')!;
    expect(s.properties).toMatchObject({ minimumTlsVersion: '1.2', publicNetworkAccess: 'Disabled' });
  });

  it('namespace rule-set blocks become the networkRuleSets/default child', () => {
    const r = loadFiles({
      'main.tf': `resource "azurerm_eventhub_namespace" "e" {
  name = "evh"
  ${rg}
  sku  = "Standard"
  network_rulesets {
    default_action = "Deny"
    ip_rule {
      ip_mask = "203.0.113.0/24"
    }
    virtual_network_rule {
      subnet_id = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/a"
    }
  }
}
resource "azurerm_servicebus_namespace" "s" {
  name = "sb"
  ${rg}
  sku  = "Premium"
  network_rule_set {
    default_action                = "Deny"
    public_network_access_enabled = false
    trusted_services_allowed      = true
    ip_rules                      = ["198.51.100.7"]
  }
}
resource "azurerm_servicebus_namespace" "none" {
  name = "sb0"
  ${rg}
  sku  = "Standard"
}
`,
    });
    const e = r.graph.find('Microsoft.EventHub/namespaces', 'evh')!;
    const eSet = r.graph.childrenOf(e, 'networkRuleSets')[0]!;
    expect(eSet.name).toBe('evh/default');
    expect(eSet.properties).toEqual({
      defaultAction: 'Deny',
      ipRules: [{ ipMask: '203.0.113.0/24', action: 'Allow' }],
      virtualNetworkRules: [
        {
          subnet: {
            id: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/a',
          },
        },
      ],
    });
    expect(locateValue(eSet, ['properties', 'ipRules', 0])?.startLine).toBe(8);
    const s = r.graph.find('Microsoft.ServiceBus/namespaces', 'sb')!;
    expect(r.graph.childrenOf(s, 'networkRuleSets')[0]!.properties).toEqual({
      defaultAction: 'Deny',
      publicNetworkAccess: 'Disabled',
      trustedServiceAccessEnabled: true,
      ipRules: [{ ipMask: '198.51.100.7', action: 'Allow' }],
    });
    const none = r.graph.find('Microsoft.ServiceBus/namespaces', 'sb0')!;
    expect(r.graph.childrenOf(none, 'networkRuleSets')).toEqual([]);
  });

  it('API Management: v4 and v3 security switches become customProperties, absent ones "false"', () => {
    const r = loadFiles({
      'main.tf': `resource "azurerm_api_management" "v4" {
  name = "apim4"
  ${rg}
  sku_name = "Developer_1"
  security {
    frontend_tls10_enabled = true
  }
}
resource "azurerm_api_management" "v3" {
  name = "apim3"
  ${rg}
  sku_name = "Premium_2"
  security {
    enable_backend_ssl30 = true
  }
}
resource "azurerm_api_management" "none" {
  name = "apim0"
  ${rg}
  sku_name = "Basic_1"
}
`,
    });
    const v4 = r.graph.find('Microsoft.ApiManagement/service', 'apim4')!;
    const cp = v4.properties.customProperties as Record<string, unknown>;
    expect(cp[`${GW}.Protocols.Tls10`]).toBe('true');
    expect(cp[`${GW}.Protocols.Tls11`]).toBe('false');
    expect(v4.sku).toEqual({ name: 'Developer', capacity: 1 });
    expect(locateValue(v4, ['properties', 'customProperties', `${GW}.Protocols.Tls10`])?.startLine).toBe(7);
    const v3 = r.graph.find('Microsoft.ApiManagement/service', 'apim3')!;
    expect((v3.properties.customProperties as Record<string, unknown>)[`${GW}.Backend.Protocols.Ssl30`]).toBe(
      'true',
    );
    const none = r.graph.find('Microsoft.ApiManagement/service', 'apim0')!;
    expect(Object.values(none.properties.customProperties as object).every((v) => v === 'false')).toBe(true);
  });
});
