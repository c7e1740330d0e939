import { locateValue } from '@ztkit/core';
import { describe, expect, it } from 'vitest';
import { loadFiles, valueAt } from '../testing/load-files.js';

describe('application gateway and WAF policy translators', () => {
  it('turns azurerm names into ARM sub-resource ids', () => {
    const r = loadFiles({
      'main.tf': `locals {
  listener = "http"
}
resource "azurerm_application_gateway" "agw" {
  name                = "agw"
  resource_group_name = "rg"
  location            = "westeurope"
  sku {
    name     = "WAF_v2"
    tier     = "WAF_v2"
    capacity = 2
  }
  ssl_policy {
    policy_type = "Predefined"
    policy_name = "AppGwSslPolicy20150501"
  }
  gateway_ip_configuration {
    name      = "gw"
    subnet_id = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/agw"
  }
  frontend_port {
    name = "p80"
    port = 80
  }
  frontend_ip_configuration {
    name                 = "fe"
    public_ip_address_id = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/publicIPAddresses/pip"
  }
  backend_address_pool {
    name  = "pool"
    fqdns = ["app.internal"]
  }
  backend_http_settings {
    name                  = "settings"
    cookie_based_affinity = "Disabled"
    port                  = 80
    protocol              = "Http"
    request_timeout       = 30
  }
  http_listener {
    name                           = local.listener
    frontend_ip_configuration_name = "fe"
    frontend_port_name             = "p80"
    protocol                       = "Http"
  }
  request_routing_rule {
    name                       = "rule"
    rule_type                  = "Basic"
    http_listener_name         = local.listener
    backend_address_pool_name  = "pool"
    backend_http_settings_name = "settings"
    priority                   = 10
  }
  waf_configuration {
    enabled          = true
    firewall_mode    = "Detection"
    rule_set_version = "3.2"
  }
}
`,
    });
    const agw = r.graph.ofType('Microsoft.Network/applicationGateways')[0]!;
    const id = agw.id;
    expect(agw.properties.sku).toEqual({ name: 'WAF_v2', tier: 'WAF_v2', capacity: 2 });
    expect(agw.properties.sslPolicy).toEqual({
      policyType: 'Predefined',
      policyName: 'AppGwSslPolicy20150501',
    });
    const listener = valueAt(agw, ['properties', 'httpListeners', 0]);
    expect(listener).toEqual({
      name: 'http',
      id: `${id}/httpListeners/http`,
      properties: {
        protocol: 'Http',
        frontendIPConfiguration: { id: `${id}/frontendIPConfigurations/fe` },
        frontendPort: { id: `${id}/frontendPorts/p80` },
      },
    });
    const rule = valueAt(agw, ['properties', 'requestRoutingRules', 0, 'properties']);
    expect(valueAt(rule, ['httpListener'])).toEqual({ id: `${id}/httpListeners/http` });
    expect(valueAt(rule, ['backendHttpSettings'])).toEqual({
      id: `${id}/backendHttpSettingsCollection/settings`,
    });
    expect(valueAt(agw, ['properties', 'backendHttpSettingsCollection', 0, 'properties', 'protocol'])).toBe(
      'Http',
    );
    expect(agw.properties.webApplicationFirewallConfiguration).toEqual({
      enabled: true,
      firewallMode: 'Detection',
      ruleSetType: 'OWASP',
      ruleSetVersion: '3.2',
    });
    expect(
      locateValue(agw, ['properties', 'backendHttpSettingsCollection', 0, 'properties', 'protocol'])
        ?.startLine,
    ).toBe(37);
  });

  it('ssl_profile becomes sslProfiles[].properties.sslPolicy, referenced by its listener', () => {
    const r = loadFiles({
      'main.tf': `resource "azurerm_application_gateway" "agw" {
  name                = "agw"
  resource_group_name = "rg"
  location            = "westeurope"
  ssl_profile {
    name = "partners"
    ssl_policy {
      policy_type          = "CustomV2"
      min_protocol_version = "TLSv1_2"
      cipher_suites        = ["TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384"]
    }
  }
  http_listener {
    name             = "l"
    protocol         = "Https"
    ssl_profile_name = "partners"
  }
}
`,
    });
    const agw = r.graph.ofType('Microsoft.Network/applicationGateways')[0]!;
    const profileId = `${agw.id}/sslProfiles/partners`;
    expect(agw.properties.sslProfiles).toEqual([
      {
        name: 'partners',
        id: profileId,
        properties: {
          sslPolicy: {
            policyType: 'CustomV2',
            minProtocolVersion: 'TLSv1_2',
            cipherSuites: ['TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384'],
          },
        },
      },
    ]);
    expect(valueAt(agw, ['properties', 'httpListeners', 0, 'properties', 'sslProfile'])).toEqual({
      id: profileId,
    });
    expect(
      locateValue(agw, ['properties', 'sslProfiles', 0, 'properties', 'sslPolicy', 'minProtocolVersion'])
        ?.startLine,
    ).toBe(9);
  });

  it('WAF policy: settings, managed rule sets and custom rules; azurerm defaults written', () => {
    const r = loadFiles({
      'main.tf': `resource "azurerm_web_application_firewall_policy" "w" {
  name                = "waf"
  resource_group_name = "rg"
  location            = "westeurope"
  policy_settings {
    mode = "Detection"
  }
  managed_rules {
    managed_rule_set {
      type    = "OWASP"
      version = "3.2"
    }
    managed_rule_set {
      type    = "Microsoft_BotManagerRuleSet"
      version = "1.0"
    }
  }
  custom_rules {
    name      = "geo"
    priority  = 1
    rule_type = "MatchRule"
    action    = "Block"
    match_conditions {
      operator     = "GeoMatch"
      match_values = ["XX"]
    }
  }
}
`,
    });
    const w = r.graph.ofType('Microsoft.Network/ApplicationGatewayWebApplicationFirewallPolicies')[0]!;
    expect(w.properties.policySettings).toEqual({ state: 'Enabled', mode: 'Detection' });
    expect(w.properties.managedRules).toEqual({
      managedRuleSets: [
        { ruleSetType: 'OWASP', ruleSetVersion: '3.2' },
        { ruleSetType: 'Microsoft_BotManagerRuleSet', ruleSetVersion: '1.0' },
      ],
    });
    expect(w.properties.customRules).toMatchObject([
      { name: 'geo', priority: 1, ruleType: 'MatchRule', action: 'Block' },
    ]);
    expect(locateValue(w, ['properties', 'policySettings', 'mode'])?.startLine).toBe(6);
    expect(locateValue(w, ['properties', 'managedRules', 'managedRuleSets', 1])?.startLine).toBe(13);
  });

  it('classic Front Door WAF policy: enabled/mode attributes with azurerm defaults', () => {
    const r = loadFiles({
      'main.tf': `resource "azurerm_frontdoor_firewall_policy" "w" {
  name                = "fdwaf"
  resource_group_name = "rg"
  enabled             = false
  managed_rule {
    type    = "DefaultRuleSet"
    version = "1.0"
  }
}
`,
    });
    const w = r.graph.ofType('Microsoft.Network/FrontDoorWebApplicationFirewallPolicies')[0]!;
    expect(w.properties.policySettings).toEqual({ enabledState: 'Disabled', mode: 'Prevention' });
    expect(locateValue(w, ['properties', 'policySettings', 'enabledState'])?.startLine).toBe(4);
    expect(w.properties.managedRules).toEqual({
      managedRuleSets: [{ ruleSetType: 'DefaultRuleSet', ruleSetVersion: '1.0' }],
    });
  });
});
