import { defineRule, type FindingDraft, isUnknown } from '@ztkit/core';
import { FLOW_LOG } from '../../shared/flow-logs.js';
import { recordOf } from '../../shared/property-values.js';

/** Retention shorter than this many days is too short to investigate a breach found late. */
const DEFAULT_MIN_RETENTION_DAYS = 90;

export default defineRule({
  meta: {
    id: 'ZT-S20-01',
    title: 'Flow logs are enabled, retained and feed traffic analytics',
    severity: 'medium',
    catalog: ['S20'],
    principles: ['assume-breach'],
    pack: 'segmentation',
    source: [{ document: '002', step: '§9 Monitoring and visibility' }],
    benchmark: ['LT-4', 'LT-6'],
    peers: { checkov: ['CKV_AZURE_12'], kics: ['Small Flow Logs Retention Period'] },
    resourceTypes: [FLOW_LOG],
    rationale:
      'Flow logs are the record of which addresses talked to which, on which ports: the evidence for scoping an intrusion and spotting lateral movement. Disabled, they record nothing; deleted after a few days, they are gone before most breaches are discovered; without traffic analytics in Log Analytics nobody looks at them.',
    remediation: {
      summary:
        'Enable the flow log, keep records at least 90 days (retentionPolicy enabled with days >= 90, or disabled to keep them indefinitely), and enable traffic analytics to a Log Analytics workspace.',
      arm: '"properties": {\n  "targetResourceId": "[resourceId(\'Microsoft.Network/virtualNetworks\', \'vnet-spoke\')]",\n  "storageId": "[resourceId(\'Microsoft.Storage/storageAccounts\', \'stflowlogs\')]",\n  "enabled": true,\n  "retentionPolicy": { "enabled": true, "days": 90 },\n  "format": { "type": "JSON", "version": 2 },\n  "flowAnalyticsConfiguration": {\n    "networkWatcherFlowAnalyticsConfiguration": { "enabled": true, "workspaceResourceId": "[parameters(\'workspaceId\')]", "trafficAnalyticsInterval": 10 }\n  }\n}',
      bicep:
        "properties: {\n  targetResourceId: vnet.id\n  storageId: flowLogStorage.id\n  enabled: true\n  retentionPolicy: { enabled: true, days: 90 }\n  format: { type: 'JSON', version: 2 }\n  flowAnalyticsConfiguration: {\n    networkWatcherFlowAnalyticsConfiguration: {\n      enabled: true\n      workspaceResourceId: workspace.id\n      trafficAnalyticsInterval: 10\n    }\n  }\n}",
      terraform:
        'resource "azurerm_network_watcher_flow_log" "spoke" {\n  # ...\n  enabled = true\n  retention_policy {\n    enabled = true\n    days    = 90\n  }\n  traffic_analytics {\n    enabled               = true\n    workspace_id          = azurerm_log_analytics_workspace.sec.workspace_id\n    workspace_region      = azurerm_log_analytics_workspace.sec.location\n    workspace_resource_id = azurerm_log_analytics_workspace.sec.id\n    interval_in_minutes   = 10\n  }\n}',
    },
    links: [
      'https://learn.microsoft.com/azure/network-watcher/vnet-flow-logs-overview',
      'https://learn.microsoft.com/azure/network-watcher/traffic-analytics',
    ],
    notes: [
      'A retention policy that is disabled, or enabled with 0 days, keeps records indefinitely and passes; an enabled policy shorter than 90 days (option `minRetentionDays`) fails.',
      'Traffic analytics missing or disabled is reported at low severity.',
    ],
  },
  *check({ graph, options }): Iterable<FindingDraft> {
    const minDays =
      typeof options.minRetentionDays === 'number' ? options.minRetentionDays : DEFAULT_MIN_RETENTION_DAYS;
    for (const log of graph.ofType(FLOW_LOG)) {
      const p = log.properties;
      if (p.enabled === false) {
        yield {
          resource: log,
          path: ['properties', 'enabled'],
          message: `Flow log '${log.name}' is disabled: no flow records are written.`,
        };
        continue;
      }
      const retention = recordOf(p.retentionPolicy);
      const days = retention?.days;
      if (retention?.enabled === true && typeof days === 'number' && days > 0 && days < minDays) {
        yield {
          resource: log,
          path: ['properties', 'retentionPolicy', 'days'],
          message: `Flow log '${log.name}' deletes records after ${days} days: keep them at least ${minDays} days to investigate breaches found late.`,
          discriminator: 'retention',
        };
      }
      const analytics = recordOf(
        recordOf(p.flowAnalyticsConfiguration)?.networkWatcherFlowAnalyticsConfiguration,
      );
      if (
        isUnknown(p.flowAnalyticsConfiguration) ||
        isUnknown(analytics?.enabled) ||
        analytics?.enabled === true
      )
        continue;
      yield {
        resource: log,
        severity: 'low',
        path: analytics
          ? [
              'properties',
              'flowAnalyticsConfiguration',
              'networkWatcherFlowAnalyticsConfiguration',
              'enabled',
            ]
          : [],
        message: `Flow log '${log.name}' has traffic analytics off: flows are stored but not analysed in Log Analytics.`,
        discriminator: 'traffic-analytics',
      };
    }
  },
});
