import { defineRule, type FindingDraft, type Resource } from '@ztkit/core';
import { diagnosticSettingsIndex } from '../../shared/diagnostic-settings.js';
import { lowerString, recordOf } from '../../shared/property-values.js';

/** Network security devices whose logs a SOC needs, with a label for messages. */
const MONITORED: readonly { readonly type: string; readonly label: string }[] = [
  { type: 'Microsoft.Network/azureFirewalls', label: 'Azure Firewall' },
  { type: 'Microsoft.Network/applicationGateways', label: 'Application Gateway' },
  { type: 'Microsoft.Cdn/profiles', label: 'Front Door profile' },
  { type: 'Microsoft.Network/frontDoors', label: 'Front Door (classic)' },
  { type: 'Microsoft.Network/virtualNetworkGateways', label: 'Virtual network gateway' },
  { type: 'Microsoft.Network/vpnGateways', label: 'Virtual WAN VPN gateway' },
  { type: 'Microsoft.Network/expressRouteGateways', label: 'Virtual WAN ExpressRoute gateway' },
];

export default defineRule({
  meta: {
    id: 'ZT-S21-01',
    title: 'Firewall, WAF and gateway logs flow to Log Analytics',
    severity: 'medium',
    catalog: ['S21'],
    principles: ['assume-breach', 'verify-explicitly'],
    pack: 'segmentation',
    source: [
      { document: '002', step: '§9 Monitoring and visibility' },
      { document: '002', step: '§8 Automation and orchestration (Microsoft Sentinel)' },
    ],
    benchmark: ['LT-3', 'LT-4', 'LT-5'],
    peers: { psrule: ['Azure.FrontDoor.Logs'] },
    resourceTypes: [...MONITORED.map((m) => m.type), 'Microsoft.Insights/diagnosticSettings'],
    rationale:
      'Firewall, WAF and VPN gateway logs are the record of who tried to get in and what was blocked. Without a diagnostic setting they are not kept at all; sent only to storage they are out of reach of Microsoft Sentinel analytics and hunting. A Log Analytics workspace makes them queryable and ready for Sentinel.',
    remediation: {
      summary:
        'Add a diagnostic setting on each firewall, Application Gateway, Front Door and gateway that sends the allLogs category group (resource-specific tables where offered) to the Log Analytics workspace Sentinel uses.',
      arm: '{\n  "type": "Microsoft.Network/azureFirewalls/providers/diagnosticSettings",\n  "apiVersion": "2021-05-01-preview",\n  "name": "afw-hub/Microsoft.Insights/to-law",\n  "properties": {\n    "workspaceId": "[parameters(\'workspaceId\')]",\n    "logAnalyticsDestinationType": "Dedicated",\n    "logs": [ { "categoryGroup": "allLogs", "enabled": true } ]\n  }\n}',
      bicep:
        "resource diag 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {\n  name: 'to-law'\n  scope: firewall\n  properties: {\n    workspaceId: workspaceId\n    logAnalyticsDestinationType: 'Dedicated'\n    logs: [ { categoryGroup: 'allLogs', enabled: true } ]\n  }\n}",
      terraform:
        'resource "azurerm_monitor_diagnostic_setting" "afw" {\n  name                           = "to-law"\n  target_resource_id             = azurerm_firewall.hub.id\n  log_analytics_workspace_id     = azurerm_log_analytics_workspace.sec.id\n  log_analytics_destination_type = "Dedicated"\n  enabled_log {\n    category_group = "allLogs"\n  }\n}',
    },
    links: [
      'https://learn.microsoft.com/azure/firewall/monitor-firewall',
      'https://learn.microsoft.com/azure/azure-monitor/essentials/diagnostic-settings',
      'https://learn.microsoft.com/azure/sentinel/data-connectors/azure-firewall',
    ],
    notes: [
      'Only Front Door SKUs of Microsoft.Cdn/profiles are judged (classic CDN profiles are not security devices).',
      'Diagnostic settings deployed outside the scanned templates (for example by Azure Policy DeployIfNotExists) cannot be seen: suppress with a justification or scan them together.',
      'When a diagnostic setting of the scan cannot be attributed to a resource, missing settings are not reported (cannot tell).',
      'A workspaceId given by a parameter counts as a workspace.',
    ],
  },
  *check({ graph }): Iterable<FindingDraft> {
    const index = diagnosticSettingsIndex(graph);
    for (const { type, label } of MONITORED) {
      for (const resource of graph.ofType(type)) {
        if (!isMonitoredKind(resource)) continue;
        const settings = index.settingsFor(resource);
        const what = `${label} '${resource.name}'`;
        if (settings.length === 0) {
          if (index.hasUnattributed) continue;
          yield {
            resource,
            message: `${what} has no diagnostic setting: its logs are not collected and never reach Log Analytics or Sentinel.`,
          };
          continue;
        }
        if (settings.some((s) => s.logsEnabled === 'unknown')) continue;
        const toWorkspace = settings.filter((s) => s.toLogAnalytics === true);
        if (toWorkspace.length === 0) {
          yield {
            resource: settings[0]!.setting,
            path: ['properties'],
            message: `${what} sends diagnostics only to storage or Event Hubs: no workspaceId, so its logs are out of reach of Log Analytics and Sentinel.`,
          };
          continue;
        }
        if (!toWorkspace.some((s) => s.logsEnabled === true)) {
          yield {
            resource: toWorkspace[0]!.setting,
            path:
              toWorkspace[0]!.setting.properties.logs === undefined ? ['properties'] : ['properties', 'logs'],
            message: `${what} has a diagnostic setting to Log Analytics with no log category enabled: only metrics are sent.`,
          };
        }
      }
    }
  },
});

function isMonitoredKind(resource: Resource): boolean {
  if (resource.type.toLowerCase() !== 'microsoft.cdn/profiles') return true;
  return (lowerString(recordOf(resource.sku)?.name) ?? '').endsWith('_azurefrontdoor');
}
