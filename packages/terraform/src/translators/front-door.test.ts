import { locateValue } from '@ztkit/core';
import { describe, expect, it } from 'vitest';
import { loadFiles, valueAt } from '../testing/load-files.js';

describe('front door translators', () => {
  it('classic front door: routing rules with forwarding and redirect configurations', () => {
    const r = loadFiles({
      'main.tf': `resource "azurerm_frontdoor" "fd" {
  name                = "fd"
  resource_group_name = "rg"
  routing_rule {
    name               = "http"
    accepted_protocols = ["Http"]
    patterns_to_match  = ["/*"]
    frontend_endpoints = ["fe"]
    redirect_configuration {
      redirect_protocol = "MatchRequest"
      redirect_type     = "Moved"
    }
  }
  routing_rule {
    name               = "https"
    accepted_protocols = ["Https"]
    patterns_to_match  = ["/*"]
    frontend_endpoints = ["fe"]
    forwarding_configuration {
      forwarding_protocol = "HttpOnly"
      backend_pool_name   = "pool"
    }
  }
  frontend_endpoint {
    name      = "fe"
    host_name = "fd.azurefd.net"
  }
}
`,
    });
    const fd = r.graph.ofType('Microsoft.Network/frontDoors')[0]!;
    const rules = (i: number, k: string) => valueAt(fd, ['properties', 'routingRules', i, 'properties', k]);
    expect(rules(0, 'routeConfiguration')).toEqual({
      '@odata.type': '#Microsoft.Azure.FrontDoor.Models.FrontdoorRedirectConfiguration',
      redirectProtocol: 'MatchRequest',
      redirectType: 'Moved',
    });
    expect(rules(1, 'routeConfiguration')).toEqual({
      '@odata.type': '#Microsoft.Azure.FrontDoor.Models.FrontdoorForwardingConfiguration',
      forwardingProtocol: 'HttpOnly',
      backendPool: { id: `${fd.id}/backendPools/pool` },
    });
    expect(rules(0, 'frontendEndpoints')).toEqual([{ id: `${fd.id}/frontendEndpoints/fe` }]);
    expect(
      locateValue(fd, [
        'properties',
        'routingRules',
        1,
        'properties',
        'routeConfiguration',
        'forwardingProtocol',
      ])?.startLine,
    ).toBe(20);
  });

  it('Standard/Premium: children named through their parent ids, route defaults explicit', () => {
    const r = loadFiles({
      'main.tf': `resource "azurerm_cdn_frontdoor_profile" "p" {
  name                = "afd"
  resource_group_name = "rg"
  sku_name            = "Premium_AzureFrontDoor"
}
resource "azurerm_cdn_frontdoor_endpoint" "e" {
  name                     = "ep"
  cdn_frontdoor_profile_id = azurerm_cdn_frontdoor_profile.p.id
}
resource "azurerm_cdn_frontdoor_origin_group" "g" {
  name                     = "og"
  cdn_frontdoor_profile_id = azurerm_cdn_frontdoor_profile.p.id
}
resource "azurerm_cdn_frontdoor_origin" "o" {
  name                          = "origin"
  cdn_frontdoor_origin_group_id = azurerm_cdn_frontdoor_origin_group.g.id
  host_name                     = "app.example.com"
  certificate_name_check_enabled = true
}
resource "azurerm_cdn_frontdoor_route" "r" {
  name                          = "route"
  cdn_frontdoor_endpoint_id     = azurerm_cdn_frontdoor_endpoint.e.id
  cdn_frontdoor_origin_group_id = azurerm_cdn_frontdoor_origin_group.g.id
  cdn_frontdoor_origin_ids      = [azurerm_cdn_frontdoor_origin.o.id]
  supported_protocols           = ["Http", "Https"]
  patterns_to_match             = ["/*"]
}
resource "azurerm_cdn_frontdoor_custom_domain" "d" {
  name                     = "www"
  cdn_frontdoor_profile_id = azurerm_cdn_frontdoor_profile.p.id
  host_name                = "www.example.com"
  tls {
    certificate_type    = "ManagedCertificate"
    minimum_tls_version = "TLS10"
  }
}
resource "azurerm_cdn_frontdoor_firewall_policy" "w" {
  name                = "wafafd"
  resource_group_name = "rg"
  sku_name            = "Premium_AzureFrontDoor"
  mode                = "Detection"
  managed_rule {
    type    = "Microsoft_DefaultRuleSet"
    version = "2.1"
    action  = "Block"
  }
}
resource "azurerm_cdn_frontdoor_security_policy" "s" {
  name                     = "sec"
  cdn_frontdoor_profile_id = azurerm_cdn_frontdoor_profile.p.id
  security_policies {
    firewall {
      cdn_frontdoor_firewall_policy_id = azurerm_cdn_frontdoor_firewall_policy.w.id
      association {
        domain {
          cdn_frontdoor_domain_id = azurerm_cdn_frontdoor_endpoint.e.id
        }
        patterns_to_match = ["/*"]
      }
    }
  }
}
`,
    });
    const route = r.graph.find('Microsoft.Cdn/profiles/afdEndpoints/routes', 'afd/ep/route')!;
    expect(route.properties).toMatchObject({
      supportedProtocols: ['Http', 'Https'],
      httpsRedirect: 'Enabled',
      forwardingProtocol: 'MatchRequest',
    });
    expect(r.graph.resolve(route.properties.originGroup)?.name).toBe('afd/og');
    expect(r.graph.parentOf(route)?.name).toBe('afd/ep');
    const origin = r.graph.find('Microsoft.Cdn/profiles/originGroups/origins', 'afd/og/origin')!;
    expect(origin.properties).toMatchObject({
      hostName: 'app.example.com',
      enforceCertificateNameCheck: true,
    });
    const domain = r.graph.find('Microsoft.Cdn/profiles/customDomains', 'afd/www')!;
    expect(domain.properties.tlsSettings).toEqual({
      certificateType: 'ManagedCertificate',
      minimumTlsVersion: 'TLS10',
    });
    expect(locateValue(domain, ['properties', 'tlsSettings', 'minimumTlsVersion'])?.startLine).toBe(34);
    const waf = r.graph.ofType('Microsoft.Network/FrontDoorWebApplicationFirewallPolicies')[0]!;
    expect(waf.properties.policySettings).toEqual({ enabledState: 'Enabled', mode: 'Detection' });
    expect(waf.properties.managedRules).toEqual({
      managedRuleSets: [
        { ruleSetType: 'Microsoft_DefaultRuleSet', ruleSetVersion: '2.1', ruleSetAction: 'Block' },
      ],
    });
    const sec = r.graph.find('Microsoft.Cdn/profiles/securityPolicies', 'afd/sec')!;
    const params = sec.properties.parameters;
    expect(valueAt(params, ['type'])).toBe('WebApplicationFirewall');
    expect(r.graph.resolve(valueAt(params, ['wafPolicy']))).toBe(waf);
    expect(r.graph.resolve(valueAt(params, ['associations', 0, 'domains', 0]))?.name).toBe('afd/ep');
  });
});
