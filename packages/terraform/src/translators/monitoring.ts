/**
 * Visibility: DDoS protection plans, network watcher flow logs, diagnostic settings and metric
 * alerts. Diagnostic settings are extension resources of their target, so their ARM id is the
 * target's id with `/providers/Microsoft.Insights/diagnosticSettings/<name>`.
 */
import { ArmObject, nameSegment, resourceIdOf } from '../translate/arm.js';
import type { TfNode } from '../translate/node.js';
import type { Translator } from '../translate/types.js';
import { emitResource, nameOf, simpleId } from './common.js';

const DDOS = 'Microsoft.Network/ddosProtectionPlans';
const FLOW_LOG = 'Microsoft.Network/networkWatchers/flowLogs';
const DIAGNOSTIC = 'Microsoft.Insights/diagnosticSettings';
const ALERT = 'Microsoft.Insights/metricAlerts';

function diagnosticId(target: unknown, name: unknown): string {
  return `${typeof target === 'string' ? target : nameSegment(target)}/providers/${DIAGNOSTIC}/${nameSegment(name)}`;
}

function logs(node: TfNode): unknown[] {
  const out: unknown[] = [];
  for (const l of node.blocks('enabled_log'))
    out.push({ category: l.get('category'), categoryGroup: l.get('category_group'), enabled: true });
  for (const l of node.blocks('log'))
    out.push({
      category: l.get('category'),
      categoryGroup: l.get('category_group'),
      enabled: l.get('enabled') ?? true,
    });
  return out;
}

export const monitoringTranslator: Translator = {
  types: [
    'azurerm_network_ddos_protection_plan',
    'azurerm_network_watcher_flow_log',
    'azurerm_monitor_diagnostic_setting',
    'azurerm_monitor_metric_alert',
  ],
  id(type, a) {
    switch (type) {
      case 'azurerm_network_ddos_protection_plan':
        return simpleId(DDOS)(type, a);
      case 'azurerm_network_watcher_flow_log':
        return resourceIdOf(FLOW_LOG, [a('network_watcher_name'), a('name')], a('resource_group_name'));
      case 'azurerm_monitor_diagnostic_setting':
        return diagnosticId(a('target_resource_id'), a('name'));
      default:
        return simpleId(ALERT)(type, a);
    }
  },
  translate(type, node, out) {
    const name = nameOf(node);
    if (type === 'azurerm_network_ddos_protection_plan') {
      emitResource(out, {
        type: DDOS,
        name,
        id: simpleId(DDOS)(type, (n) => node.get(n)),
        node,
        properties: new ArmObject(node.span),
      });
      return;
    }
    if (type === 'azurerm_network_watcher_flow_log') {
      const p = new ArmObject(node.span)
        .from(node, 'targetResourceId', ['target_resource_id', 'network_security_group_id'])
        .from(node, 'storageId', 'storage_account_id')
        .from(node, 'enabled', 'enabled')
        .from(node, 'format', 'version', (v) => ({ type: 'JSON', version: v }));
      const retention = node.blocks('retention_policy')[0];
      if (retention)
        p.set(
          'retentionPolicy',
          new ArmObject(retention.span)
            .from(retention, 'enabled', 'enabled')
            .from(retention, 'days', 'days')
            .done(),
          retention.span,
        );
      const ta = node.blocks('traffic_analytics')[0];
      if (ta)
        p.set(
          'flowAnalyticsConfiguration',
          {
            networkWatcherFlowAnalyticsConfiguration: new ArmObject(ta.span)
              .from(ta, 'enabled', 'enabled')
              .from(ta, 'workspaceId', 'workspace_id')
              .from(ta, 'workspaceRegion', 'workspace_region')
              .from(ta, 'workspaceResourceId', 'workspace_resource_id')
              .from(ta, 'trafficAnalyticsInterval', 'interval_in_minutes')
              .done(),
          },
          ta.span,
        );
      const watcher = nameSegment(node.get('network_watcher_name'));
      emitResource(out, {
        type: FLOW_LOG,
        name: `${watcher}/${name}`,
        id: resourceIdOf(FLOW_LOG, [watcher, node.get('name')], node.get('resource_group_name')),
        node,
        properties: p,
      });
      return;
    }
    if (type === 'azurerm_monitor_diagnostic_setting') {
      const p = new ArmObject(node.span)
        .from(node, 'workspaceId', 'log_analytics_workspace_id')
        .from(node, 'storageAccountId', 'storage_account_id')
        .from(node, 'eventHubAuthorizationRuleId', 'eventhub_authorization_rule_id')
        .from(node, 'logAnalyticsDestinationType', 'log_analytics_destination_type');
      const l = logs(node);
      if (l.length) p.set('logs', l, (node.blocks('enabled_log')[0] ?? node.blocks('log')[0])?.span);
      const metrics = node.blocks('metric').concat(node.blocks('enabled_metric'));
      if (metrics.length)
        p.set(
          'metrics',
          metrics.map((m) => ({ category: m.get('category'), enabled: m.get('enabled') ?? true })),
          metrics[0]!.span,
        );
      emitResource(out, {
        type: DIAGNOSTIC,
        name,
        id: diagnosticId(node.get('target_resource_id'), node.get('name')),
        node,
        properties: p,
        location: undefined,
        tags: undefined,
        // Extension resource: the target it is attached to, as ARM's `scope`.
        scope: node.get('target_resource_id'),
      });
      return;
    }
    const criteria = node.blocks('criteria');
    const p = new ArmObject(node.span)
      .from(node, 'scopes', 'scopes')
      .from(node, 'enabled', 'enabled', undefined, true)
      .from(node, 'severity', 'severity')
      .from(node, 'evaluationFrequency', 'frequency')
      .from(node, 'windowSize', 'window_size')
      .from(node, 'description', 'description');
    if (criteria.length)
      p.set(
        'criteria',
        {
          'odata.type': 'Microsoft.Azure.Monitor.SingleResourceMultipleMetricCriteria',
          allOf: criteria.map((c) =>
            new ArmObject(c.span)
              .from(c, 'metricName', 'metric_name')
              .from(c, 'metricNamespace', 'metric_namespace')
              .from(c, 'operator', 'operator')
              .from(c, 'threshold', 'threshold')
              .from(c, 'timeAggregation', 'aggregation')
              .done(),
          ),
        },
        criteria[0]!.span,
      );
    const actions = node.blocks('action');
    if (actions.length)
      p.set(
        'actions',
        actions.map((a) => ({ actionGroupId: a.get('action_group_id') })),
        actions[0]!.span,
      );
    emitResource(out, {
      type: ALERT,
      name,
      id: simpleId(ALERT)(type, (n) => node.get(n)),
      node,
      properties: p,
      location: 'global',
    });
  },
};
