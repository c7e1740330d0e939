import {
  describeRule,
  formatTraffic,
  IntervalSet,
  networkAnalysis,
  type ProtocolMask,
  portSetOf,
} from '@ztkit/analysis';
import { defineRule, type FindingDraft } from '@ztkit/core';

const WEB_PORTS = portSetOf([80, 443]);

/**
 * A01: the Internet exposure map as findings, one per subnet or NIC that some public path reaches
 * on ports the effective NSGs leave open. The full map (every row) is `exposureRows` for reporters.
 */
export default defineRule({
  meta: {
    id: 'ZT-A01-01',
    title: 'Internet exposure: subnets and NICs reachable from the Internet, with their open ports',
    severity: 'medium',
    catalog: ['A01'],
    principles: ['assume-breach', 'least-privilege'],
    pack: 'analysis',
    source: [
      { document: '002', step: '§2 Network segmentation: many ingress/egress cloud micro-perimeters' },
      { document: '002', step: '§5 Network segmentation: segment and enforce the external boundaries' },
    ],
    benchmark: ['NS-1', 'NS-2'],
    peers: {},
    resourceTypes: [
      'Microsoft.Network/networkInterfaces',
      'Microsoft.Network/virtualNetworks/subnets',
      'Microsoft.Network/networkSecurityGroups',
      'Microsoft.Network/publicIPAddresses',
      'Microsoft.Network/loadBalancers',
      'Microsoft.Network/applicationGateways',
      'Microsoft.Network/azureFirewalls',
      'Microsoft.Network/bastionHosts',
    ],
    rationale:
      'Every port the Internet can reach is attack surface. Per-rule checks miss what the combination does: a subnet NSG and a NIC NSG, priorities and default rules, and whether a public IP, load balancer rule, firewall DNAT rule or gateway actually forwards the traffic. This map lists what is reachable after all of them, so each opening can be justified or closed.',
    remediation: {
      summary:
        'Close every port that is not a published service: remove public IPs from VMs, publish web traffic through Application Gateway WAF or Front Door, and restrict NSG allows to the service ports.',
      arm: '"ipConfigurations": [ { "name": "ipconfig1", "properties": { "subnet": { "id": "[variables(\'subnetId\')]" } } } ]',
      bicep:
        "ipConfigurations: [\n  {\n    name: 'ipconfig1'\n    properties: { subnet: { id: subnet.id } }\n  }\n]",
      terraform:
        'ip_configuration {\n  name                          = "internal"\n  subnet_id                     = azurerm_subnet.app.id\n  private_ip_address_allocation = "Dynamic"\n}',
    },
    links: ['https://learn.microsoft.com/azure/virtual-network/network-security-group-how-it-works'],
    notes: [
      'One finding per NIC (subnet and NIC NSGs combined), and per subnet that holds no NIC of the scan (the subnet NSG stands for its hosts).',
      'Severity medium; low when only ports 80 and 443 are reachable (published web services). Traffic ztkit cannot judge (unknown values) is left out.',
    ],
  },
  *check(ctx): Iterable<FindingDraft> {
    const net = ctx.analysis(networkAnalysis);
    for (const entry of net.exposure()) {
      if (!entry.standsForHosts) continue;
      const byProtocol = new Map<ProtocolMask, IntervalSet>();
      const via = new Set<string>();
      const rules = new Set<string>();
      let all = IntervalSet.EMPTY;
      for (const t of entry.exposed) {
        if (t.uncertain || t.reachablePorts.isEmpty || !t.reachableProtocols) continue;
        byProtocol.set(
          t.reachableProtocols,
          (byProtocol.get(t.reachableProtocols) ?? IntervalSet.EMPTY).union(t.reachablePorts),
        );
        all = all.union(t.reachablePorts);
        for (const p of t.paths) via.add(p.description);
        for (const r of t.allowedBy) rules.add(describeRule(r));
      }
      if (byProtocol.size === 0) continue;
      const traffic = [...byProtocol].map(([p, ports]) => formatTraffic(p, ports)).join(' ');
      const resource = entry.nic?.resource ?? entry.subnet?.resource;
      if (!resource) continue;
      yield {
        resource,
        path: entry.nic?.path ?? [],
        severity: WEB_PORTS.covers(all) ? 'low' : 'medium',
        message: `Internet reaches ${entry.name} on ${traffic} through ${[...via].join(', ')}; ${
          rules.size ? `allowed by ${[...rules].join(', ')}` : 'no NSG filters it'
        }.`,
      };
    }
  },
});
