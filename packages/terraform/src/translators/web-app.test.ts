import { locateValue } from '@ztkit/core';
import { describe, expect, it } from 'vitest';
import { loadFiles } from '../testing/load-files.js';

const common =
  'resource_group_name = "rg"\n  location = "westeurope"\n  service_plan_id = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Web/serverFarms/plan"';

describe('web app translator', () => {
  it.each([
    ['azurerm_linux_web_app', 'app,linux'],
    ['azurerm_windows_web_app', 'app'],
    ['azurerm_linux_function_app', 'functionapp,linux'],
    ['azurerm_windows_function_app', 'functionapp'],
  ])('%s: site settings, kind and provider defaults', (type, kind) => {
    const r = loadFiles({
      'main.tf': `resource "${type}" "a" {
  name       = "app"
  ${common}
  https_only = true
  public_network_access_enabled = false
  site_config {
    ftps_state = "AllAllowed"
    ip_restriction {
      name       = "office"
      ip_address = "1.2.3.4/32"
      action     = "Allow"
      priority   = 100
    }
  }
}
`,
    });
    const site = r.graph.ofType('Microsoft.Web/sites')[0]!;
    expect(site.kind).toBe(kind);
    expect(site.properties).toMatchObject({
      httpsOnly: true,
      publicNetworkAccess: 'Disabled',
      siteConfig: {
        minTlsVersion: '1.2',
        scmMinTlsVersion: '1.2',
        ftpsState: 'AllAllowed',
        ipSecurityRestrictions: [{ name: 'office', ipAddress: '1.2.3.4/32', action: 'Allow', priority: 100 }],
      },
    });
    expect(locateValue(site, ['properties', 'siteConfig', 'ftpsState'])?.startLine).toBe(9);
    expect(locateValue(site, ['properties', 'httpsOnly'])?.startLine).toBe(6);
  });

  it('reads explicit TLS versions and defaults https_only to false', () => {
    const r = loadFiles({
      'main.tf': `resource "azurerm_linux_web_app" "a" {
  name = "app"
  ${common}
  site_config {
    minimum_tls_version     = "1.0"
    scm_minimum_tls_version = "1.1"
  }
}
`,
    });
    const site = r.graph.ofType('Microsoft.Web/sites')[0]!;
    expect(site.properties.httpsOnly).toBe(false);
    expect(site.properties.siteConfig).toMatchObject({
      minTlsVersion: '1.0',
      scmMinTlsVersion: '1.1',
      ftpsState: 'Disabled',
    });
  });

  it('legacy azurerm_app_service and azurerm_function_app use min_tls_version and leave defaults to the API', () => {
    const r = loadFiles({
      'main.tf': `resource "azurerm_app_service" "a" {
  name                = "legacy"
  resource_group_name = "rg"
  location            = "westeurope"
  app_service_plan_id = "plan"
  site_config {
    min_tls_version = "1.1"
  }
}
resource "azurerm_function_app" "f" {
  name                = "legacy-fn"
  resource_group_name = "rg"
  location            = "westeurope"
  app_service_plan_id = "plan"
}
`,
    });
    const app = r.graph.find('Microsoft.Web/sites', 'legacy')!;
    expect(app.properties.siteConfig).toEqual({ minTlsVersion: '1.1' });
    const fn = r.graph.find('Microsoft.Web/sites', 'legacy-fn')!;
    expect(fn.kind).toBe('functionapp');
    expect(fn.properties.siteConfig).toBeUndefined();
  });

  it.each([
    ['azurerm_linux_web_app_slot', 'app_service_id', 'app,linux'],
    ['azurerm_windows_web_app_slot', 'app_service_id', 'app'],
    ['azurerm_linux_function_app_slot', 'function_app_id', 'functionapp,linux'],
    ['azurerm_windows_function_app_slot', 'function_app_id', 'functionapp'],
  ])('%s: a slot of its site, with the site defaults', (type, parentAttr, kind) => {
    const r = loadFiles({
      'main.tf': `resource "azurerm_linux_web_app" "site" {
  name = "app"
  ${common}
  https_only = true
  site_config {}
}
resource "${type}" "staging" {
  name        = "staging"
  ${parentAttr} = azurerm_linux_web_app.site.id
  site_config {
    ftps_state = "AllAllowed"
  }
}
`,
    });
    const slot = r.graph.ofType('Microsoft.Web/sites/slots')[0]!;
    expect(slot.name).toBe('app/staging');
    expect(slot.id).toMatch(/\/resourceGroups\/rg\/providers\/Microsoft\.Web\/sites\/app\/slots\/staging$/);
    expect(slot.kind).toBe(kind);
    expect(slot.properties).toMatchObject({
      httpsOnly: false,
      siteConfig: { minTlsVersion: '1.2', scmMinTlsVersion: '1.2', ftpsState: 'AllAllowed' },
    });
    expect(r.graph.parentOf(slot)?.name).toBe('app');
  });

  it('legacy azurerm_app_service_slot names its site by app_service_name', () => {
    const r = loadFiles({
      'main.tf': `resource "azurerm_app_service_slot" "s" {
  name                = "staging"
  app_service_name    = "legacy"
  resource_group_name = "rg"
  location            = "westeurope"
  app_service_plan_id = "plan"
  https_only          = true
}
`,
    });
    const slot = r.graph.find('Microsoft.Web/sites/slots', 'legacy/staging')!;
    expect(slot.properties.httpsOnly).toBe(true);
    expect(slot.properties.siteConfig).toBeUndefined();
  });

  it("azurerm_logic_app_standard: a workflow site whose TLS and FTPS defaults are the API's", () => {
    const r = loadFiles({
      'main.tf': `resource "azurerm_logic_app_standard" "a" {
  name                    = "la"
  resource_group_name     = "rg"
  location                = "westeurope"
  app_service_plan_id     = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Web/serverFarms/plan"
  public_network_access   = "Disabled"
  client_certificate_mode = "Required"
  site_config {
    min_tls_version     = "1.0"
    scm_min_tls_version = "1.2"
  }
}
resource "azurerm_logic_app_standard" "b" {
  name                = "la-container"
  resource_group_name = "rg"
  location            = "westeurope"
  app_service_plan_id = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Web/serverFarms/plan"
  site_config {
    linux_fx_version = "DOCKER|mcr.microsoft.com/azure-functions/dotnet:3.0-appservice"
  }
}
`,
    });
    const a = r.graph.find('Microsoft.Web/sites', 'la')!;
    expect(a.kind).toBe('functionapp,workflowapp');
    expect(a.properties).toMatchObject({
      httpsOnly: false,
      publicNetworkAccess: 'Disabled',
      clientCertEnabled: true,
      clientCertMode: 'Required',
      siteConfig: { minTlsVersion: '1.0', scmMinTlsVersion: '1.2' },
    });
    expect(locateValue(a, ['properties', 'siteConfig', 'minTlsVersion'])?.startLine).toBe(9);
    const siteConfig = a.properties.siteConfig as Record<string, unknown>;
    expect(siteConfig).not.toHaveProperty('ftpsState');
    expect(siteConfig).not.toHaveProperty('ipSecurityRestrictionsDefaultAction');
    const b = r.graph.find('Microsoft.Web/sites', 'la-container')!;
    expect(b.kind).toBe('functionapp,linux,container,workflowapp');
    expect((b.properties.siteConfig as Record<string, unknown> | undefined)?.minTlsVersion).toBeUndefined();
  });

  it('azurerm_function_app_flex_consumption: v4 site defaults, and no FTP endpoint (Linux only)', () => {
    const r = loadFiles({
      'main.tf': `resource "azurerm_function_app_flex_consumption" "a" {
  name       = "fx"
  ${common}
  https_only = true
  site_config {
    scm_minimum_tls_version = "1.1"
  }
}
`,
    });
    const site = r.graph.find('Microsoft.Web/sites', 'fx')!;
    expect(site.kind).toBe('functionapp,linux');
    expect(site.properties).toMatchObject({
      httpsOnly: true,
      siteConfig: {
        minTlsVersion: '1.2',
        scmMinTlsVersion: '1.1',
        ipSecurityRestrictionsDefaultAction: 'Allow',
        scmIpSecurityRestrictionsDefaultAction: 'Allow',
      },
    });
    expect(site.properties.siteConfig).toHaveProperty('ftpsState', 'Disabled');
  });
});
