import { defineRule, type FindingDraft } from '@ztkit/core';
import { diagnosticSettingsIndex } from '../../shared/diagnostic-settings.js';

const CIRCUITS = 'Microsoft.Network/expressRouteCircuits';
const DIAGNOSTIC_SETTINGS = 'Microsoft.Insights/diagnosticSettings';
const METRIC_ALERTS = 'Microsoft.Insights/metricAlerts';

export default defineRule({
  meta: {
    id: 'ZT-E16-01',
    title: 'ExpressRoute circuits are monitored with diagnostic settings or metric alerts',
    severity: 'low',
    catalog: ['E16'],
    principles: ['assume-breach'],
    pack: 'encryption',
    source: [
      {
        document: '000',
        step: 'Zero Trust principles table: Azure Monitor metrics and alerts for ExpressRoute',
      },
    ],
    benchmark: ['LT-4', 'NS-1'],
    peers: {},
    resourceTypes: [CIRCUITS, DIAGNOSTIC_SETTINGS, METRIC_ALERTS],
    rationale:
      'A circuit that nobody watches can lose its BGP sessions, fail over, or start carrying unexpected routes unnoticed. Diagnostic settings (route-table and peering logs to Log Analytics) and metric alerts (BGP availability, ARP availability, throughput) make changes on the private link visible.',
    remediation: {
      summary:
        'Add a Microsoft.Insights/diagnosticSettings resource scoped to the circuit (sending to Log Analytics) and a metric alert on BgpAvailability / ArpAvailability.',
      arm: '{ "type": "Microsoft.Insights/diagnosticSettings", "apiVersion": "2021-05-01-preview", "scope": "[format(\'Microsoft.Network/expressRouteCircuits/{0}\', parameters(\'circuitName\'))]", "name": "to-law", "properties": { "workspaceId": "[parameters(\'workspaceId\')]", "logs": [{ "categoryGroup": "allLogs", "enabled": true }], "metrics": [{ "category": "AllMetrics", "enabled": true }] } }',
      bicep:
        "resource circuitDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {\n  name: 'to-law'\n  scope: circuit\n  properties: {\n    workspaceId: workspaceId\n    logs: [ { categoryGroup: 'allLogs', enabled: true } ]\n    metrics: [ { category: 'AllMetrics', enabled: true } ]\n  }\n}",
      terraform:
        'resource "azurerm_monitor_diagnostic_setting" "circuit" {\n  name                       = "to-law"\n  target_resource_id         = azurerm_express_route_circuit.this.id\n  log_analytics_workspace_id = azurerm_log_analytics_workspace.this.id\n  enabled_log { category_group = "allLogs" }\n  metric { category = "AllMetrics" }\n}',
    },
    links: ['https://learn.microsoft.com/azure/expressroute/expressroute-monitoring-metrics-alerts'],
    notes: [
      'Advisory (low): monitoring is often deployed from another repository; only what is in this scan counts. A diagnostic setting is recognised by its scope, by the `<circuit>/providers/diagnosticSettings` type and name form, and a metric alert by the circuit ID in its scopes. When a diagnostic setting in the scan targets something that cannot be resolved, circuits are not judged.',
    ],
  },
  *check({ graph }): Iterable<FindingDraft> {
    const diagnostics = diagnosticSettingsIndex(graph);
    for (const circuit of graph.ofType(CIRCUITS)) {
      if (diagnostics.settingsFor(circuit).length) continue;
      if (graph.referencesTo(circuit, METRIC_ALERTS).length) continue;
      // A setting whose target cannot be resolved may be this circuit's: cannot tell.
      if (diagnostics.hasUnattributed) continue;
      yield {
        resource: circuit,
        message: `ExpressRoute circuit '${circuit.name}' has no diagnostic setting and no metric alert in this scan: BGP or ARP loss on the private link would go unnoticed.`,
      };
    }
  },
});
