import { defineRule, type FindingDraft, type Resource } from '@ztkit/core';
import { FLOW_LOG, flowLogCoverage } from '../../shared/flow-logs.js';

export default defineRule({
  meta: {
    id: 'ZT-S20-02',
    title: 'Every VNet and NSG is covered by a flow log',
    severity: 'low',
    catalog: ['S20'],
    principles: ['assume-breach'],
    pack: 'segmentation',
    source: [{ document: '002', step: '§9 Monitoring and visibility' }],
    benchmark: ['LT-4'],
    peers: {},
    resourceTypes: ['Microsoft.Network/virtualNetworks', 'Microsoft.Network/networkSecurityGroups', FLOW_LOG],
    rationale:
      'A segment without flow logs is a blind spot: connections into and across it leave no trace to investigate. VNet flow logs cover every subnet and NIC of the VNet, including traffic that no NSG evaluates.',
    remediation: {
      summary:
        'Add a Network Watcher VNet flow log targeting each VNet (preferred: NSG flow logs are being retired), or an NSG flow log for NSGs outside the scanned VNets.',
      arm: '{\n  "type": "Microsoft.Network/networkWatchers/flowLogs",\n  "apiVersion": "2023-09-01",\n  "name": "NetworkWatcher_westeurope/fl-vnet-spoke",\n  "location": "westeurope",\n  "properties": {\n    "targetResourceId": "[resourceId(\'Microsoft.Network/virtualNetworks\', \'vnet-spoke\')]",\n    "storageId": "[resourceId(\'Microsoft.Storage/storageAccounts\', \'stflowlogs\')]",\n    "enabled": true\n  }\n}',
      bicep:
        "resource flowLog 'Microsoft.Network/networkWatchers/flowLogs@2023-09-01' = {\n  parent: networkWatcher\n  name: 'fl-vnet-spoke'\n  location: location\n  properties: {\n    targetResourceId: vnet.id\n    storageId: flowLogStorage.id\n    enabled: true\n  }\n}",
      terraform:
        'resource "azurerm_network_watcher_flow_log" "spoke" {\n  name                 = "fl-vnet-spoke"\n  network_watcher_name = "NetworkWatcher_westeurope"\n  resource_group_name  = "NetworkWatcherRG"\n  target_resource_id   = azurerm_virtual_network.spoke.id\n  storage_account_id   = azurerm_storage_account.flowlogs.id\n  enabled              = true\n  retention_policy {\n    enabled = true\n    days    = 90\n  }\n}',
    },
    links: [
      'https://learn.microsoft.com/azure/network-watcher/vnet-flow-logs-overview',
      'https://learn.microsoft.com/azure/network-watcher/nsg-flow-logs-migrate',
    ],
    notes: [
      'Advisory: flow logs are often deployed centrally (for example by Azure Policy); when they live outside the scan, suppress with a justification or scan them together.',
      'An NSG counts as covered by its own flow log or when every subnet it guards (directly or through NICs) is in a VNet or subnet with a flow log; NSGs attached to subnets of an uncovered VNet of the scan are reported through that VNet.',
      'When a flow log target is not known statically, nothing is reported (cannot tell).',
    ],
  },
  *check({ graph }): Iterable<FindingDraft> {
    const coverage = flowLogCoverage(graph);
    if (!coverage.complete) return;
    const reportedVnets = new Set<Resource>();
    for (const vnet of graph.ofType('Microsoft.Network/virtualNetworks')) {
      if (coverage.isVnetCovered(vnet)) continue;
      const subnets = graph.childrenOf(vnet, 'subnets');
      if (subnets.length > 0 && subnets.every((s) => coverage.targets.has(s))) continue;
      reportedVnets.add(vnet);
      yield {
        resource: vnet,
        message: `VNet '${vnet.name}' has no flow log in this scan: connections into and across it leave no record.`,
      };
    }
    for (const nsg of graph.ofType('Microsoft.Network/networkSecurityGroups')) {
      if (coverage.isNsgCovered(nsg)) continue;
      const subnets = coverage.subnetsOfNsg(nsg);
      if (subnets.some((s) => reportedVnets.has(graph.parentOf(s)!))) continue;
      yield {
        resource: nsg,
        message: `NSG '${nsg.name}' is not covered by a flow log in this scan (no NSG flow log, and no VNet flow log over the subnets it guards).`,
      };
    }
  },
});
