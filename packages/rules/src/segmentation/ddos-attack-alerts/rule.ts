import { defineRule, type FindingDraft, isUnknown, type Resource, type ResourceGraph } from '@ztkit/core';
import { publicIpDdosCoverage } from '../../shared/ddos-protection.js';
import { arrayOf, enumIs, lowerString, recordOf } from '../../shared/property-values.js';
import { publicIpAttachments, vnetOf } from '../../shared/public-ip-attachments.js';

const DDOS_METRIC = 'IfUnderDDoSAttack';

/** Public IPs watched by DDoS alerts; `all` for a multi-resource alert over a resource group or subscription. */
type AlertCoverage =
  | { readonly kind: 'unknown' }
  | { readonly kind: 'known'; readonly all: boolean; readonly ips: Set<Resource> };

export default defineRule({
  meta: {
    id: 'ZT-S17-01',
    title: 'DDoS-protected public IPs have an attack alert',
    severity: 'low',
    catalog: ['S17'],
    principles: ['assume-breach'],
    pack: 'segmentation',
    source: [{ document: '002', step: '§6 Threat protection: configure alerts for DDoS protection metrics' }],
    benchmark: ['NS-5', 'LT-1'],
    peers: {},
    resourceTypes: ['Microsoft.Insights/metricAlerts', 'Microsoft.Network/publicIPAddresses'],
    rationale:
      'DDoS Protection mitigates on its own, but an attack is often the cover for something else. A metric alert on "Under DDoS attack or not" tells the operations team the moment mitigation starts, so they can watch the application and the logs.',
    remediation: {
      summary:
        "Create a Microsoft.Insights/metricAlerts resource scoped to the protected public IPs with a criterion on metric 'IfUnderDDoSAttack' (maximum > 0) and an action group.",
      arm: '{\n  "type": "Microsoft.Insights/metricAlerts",\n  "apiVersion": "2018-03-01",\n  "name": "alert-ddos-pip-afw",\n  "location": "global",\n  "properties": {\n    "severity": 1,\n    "enabled": true,\n    "scopes": [ "[resourceId(\'Microsoft.Network/publicIPAddresses\', \'pip-afw\')]" ],\n    "evaluationFrequency": "PT1M",\n    "windowSize": "PT5M",\n    "criteria": {\n      "odata.type": "Microsoft.Azure.Monitor.SingleResourceMultipleMetricCriteria",\n      "allOf": [ { "name": "ddos", "metricName": "IfUnderDDoSAttack", "operator": "GreaterThan", "threshold": 0, "timeAggregation": "Maximum", "criterionType": "StaticThresholdCriterion" } ]\n    },\n    "actions": [ { "actionGroupId": "[parameters(\'actionGroupId\')]" } ]\n  }\n}',
      bicep:
        "resource ddosAlert 'Microsoft.Insights/metricAlerts@2018-03-01' = {\n  name: 'alert-ddos-pip-afw'\n  location: 'global'\n  properties: {\n    severity: 1\n    enabled: true\n    scopes: [ pip.id ]\n    evaluationFrequency: 'PT1M'\n    windowSize: 'PT5M'\n    criteria: {\n      'odata.type': 'Microsoft.Azure.Monitor.SingleResourceMultipleMetricCriteria'\n      allOf: [ { name: 'ddos', metricName: 'IfUnderDDoSAttack', operator: 'GreaterThan', threshold: 0, timeAggregation: 'Maximum', criterionType: 'StaticThresholdCriterion' } ]\n    }\n    actions: [ { actionGroupId: actionGroupId } ]\n  }\n}",
      terraform:
        'resource "azurerm_monitor_metric_alert" "ddos" {\n  name                = "alert-ddos-pip-afw"\n  resource_group_name = azurerm_resource_group.hub.name\n  scopes              = [azurerm_public_ip.afw.id]\n  criteria {\n    metric_namespace = "Microsoft.Network/publicIPAddresses"\n    metric_name      = "IfUnderDDoSAttack"\n    aggregation      = "Maximum"\n    operator         = "GreaterThan"\n    threshold        = 0\n  }\n  action {\n    action_group_id = azurerm_monitor_action_group.soc.id\n  }\n}',
    },
    links: ['https://learn.microsoft.com/azure/ddos-protection/alerts'],
    notes: [
      'Judged only for public IPs that DDoS Protection covers (VNet plan or IP protection); unprotected IPs are ZT-S16-01 findings first.',
      'Advisory: alerts are often created centrally; when the alert lives outside the scan, suppress with a justification.',
      'A multi-resource alert scoped to a resource group or subscription with targetResourceType Microsoft.Network/publicIPAddresses covers every public IP.',
      'When an alert scope or criterion is not known statically, the rule does not report.',
    ],
  },
  *check({ graph }): Iterable<FindingDraft> {
    const alerts = ddosAlertCoverage(graph);
    if (alerts.kind === 'unknown' || alerts.all) return;
    const seen = new Set<Resource>();
    for (const attachment of publicIpAttachments(graph)) {
      const ip = attachment.publicIp;
      if (seen.has(ip) || alerts.ips.has(ip)) continue;
      const vnets = attachment.subnets.map((s) => vnetOf(graph, s)).filter((v): v is Resource => !!v);
      if (publicIpDdosCoverage(ip, [...new Set(vnets)]) !== 'protected') continue;
      seen.add(ip);
      yield {
        resource: ip,
        message: `Public IP '${ip.name}' is DDoS-protected but no metric alert on '${DDOS_METRIC}' watches it in this scan: attacks are mitigated silently.`,
      };
    }
  },
});

function ddosAlertCoverage(graph: ResourceGraph): AlertCoverage {
  const ips = new Set<Resource>();
  let all = false;
  for (const alert of graph.ofType('Microsoft.Insights/metricAlerts')) {
    const p = alert.properties;
    if (p.enabled === false) continue;
    const criteria = recordOf(p.criteria);
    if (isUnknown(p.criteria) || isUnknown(criteria?.allOf) || isUnknown(p.scopes))
      return { kind: 'unknown' };
    const watchesDdos = arrayOf(criteria?.allOf).some((c) => enumIs(recordOf(c)?.metricName, DDOS_METRIC));
    if (!watchesDdos) continue;
    for (const scope of arrayOf(p.scopes)) {
      if (isUnknown(scope)) return { kind: 'unknown' };
      const target = graph.resolve(scope);
      if (target) ips.add(target);
      else if (typeof scope === 'string' && !scope.toLowerCase().includes('/providers/'))
        all ||= lowerString(p.targetResourceType) === 'microsoft.network/publicipaddresses';
    }
  }
  return { kind: 'known', all, ips };
}
