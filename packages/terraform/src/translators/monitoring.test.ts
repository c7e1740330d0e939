import { describe, expect, it } from 'vitest';
import { loadFiles } from '../testing/load-files.js';

describe('monitoring translators', () => {
  it('diagnostic settings are extension resources of their target; metric alerts keep scopes', () => {
    const r = loadFiles({
      'main.tf': `resource "azurerm_express_route_circuit" "c" {
  name                  = "erc"
  resource_group_name   = "rg"
  location              = "westeurope"
  service_provider_name = "Equinix"
  peering_location      = "Amsterdam"
  bandwidth_in_mbps     = 50
}
resource "azurerm_monitor_diagnostic_setting" "d" {
  name                       = "to-law"
  target_resource_id         = azurerm_express_route_circuit.c.id
  log_analytics_workspace_id = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/law"
  enabled_log {
    category_group = "allLogs"
  }
  metric {
    category = "AllMetrics"
  }
}
resource "azurerm_monitor_metric_alert" "a" {
  name                = "bgp"
  resource_group_name = "rg"
  scopes              = [azurerm_express_route_circuit.c.id]
  criteria {
    metric_namespace = "Microsoft.Network/expressRouteCircuits"
    metric_name      = "BgpAvailability"
    aggregation      = "Average"
    operator         = "LessThan"
    threshold        = 90
  }
}
resource "azurerm_network_ddos_protection_plan" "p" {
  name                = "ddos"
  resource_group_name = "rg"
  location            = "westeurope"
}
resource "azurerm_network_watcher_flow_log" "f" {
  name                 = "fl"
  network_watcher_name = "nw"
  resource_group_name  = "NetworkWatcherRG"
  target_resource_id   = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v"
  storage_account_id   = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/st"
  enabled              = true
  retention_policy {
    enabled = true
    days    = 90
  }
  traffic_analytics {
    enabled               = true
    workspace_id          = "guid"
    workspace_region      = "westeurope"
    workspace_resource_id = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/law"
  }
}
`,
    });
    const circuit = r.graph.find('Microsoft.Network/expressRouteCircuits', 'erc')!;
    const diag = r.graph.ofType('Microsoft.Insights/diagnosticSettings')[0]!;
    expect(diag.id).toBe(`${circuit.id}/providers/Microsoft.Insights/diagnosticSettings/to-law`);
    expect(diag.extra?.scope).toBe(circuit.id);
    expect(diag.properties).toMatchObject({
      logs: [{ categoryGroup: 'allLogs', enabled: true }],
      metrics: [{ category: 'AllMetrics', enabled: true }],
    });
    const alert = r.graph.ofType('Microsoft.Insights/metricAlerts')[0]!;
    expect(alert.properties.scopes).toEqual([circuit.id]);
    expect(r.graph.referencesTo(circuit, 'Microsoft.Insights/metricAlerts')).toHaveLength(1);
    expect((alert.properties.criteria as { allOf: unknown[] }).allOf).toEqual([
      {
        metricName: 'BgpAvailability',
        metricNamespace: 'Microsoft.Network/expressRouteCircuits',
        operator: 'LessThan',
        threshold: 90,
        timeAggregation: 'Average',
      },
    ]);
    expect(r.graph.ofType('Microsoft.Network/ddosProtectionPlans')).toHaveLength(1);
    const flow = r.graph.find('Microsoft.Network/networkWatchers/flowLogs', 'nw/fl')!;
    expect(flow.properties).toMatchObject({
      enabled: true,
      retentionPolicy: { enabled: true, days: 90 },
      flowAnalyticsConfiguration: {
        networkWatcherFlowAnalyticsConfiguration: { enabled: true, workspaceRegion: 'westeurope' },
      },
    });
  });
});
