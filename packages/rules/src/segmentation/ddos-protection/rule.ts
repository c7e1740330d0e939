import { defineRule, type FindingDraft, type Resource } from '@ztkit/core';
import { publicIpDdosCoverage, publicIpDdosMode } from '../../shared/ddos-protection.js';
import { publicIpAttachments, vnetOf } from '../../shared/public-ip-attachments.js';

export default defineRule({
  meta: {
    id: 'ZT-S16-01',
    title: 'VNets with public-facing resources have DDoS Protection',
    severity: 'medium',
    catalog: ['S16'],
    principles: ['assume-breach'],
    pack: 'segmentation',
    source: [
      { document: '002', step: '§5 Segment and enforce the external boundaries (Internet boundary)' },
      {
        document: '002',
        step: '§6 Threat protection: machine learning-based threat protection and filtering',
      },
    ],
    benchmark: ['NS-5'],
    peers: {},
    resourceTypes: [
      'Microsoft.Network/virtualNetworks',
      'Microsoft.Network/publicIPAddresses',
      'Microsoft.Network/ddosProtectionPlans',
    ],
    rationale:
      "Every public IP in a VNet is a target for volumetric and protocol floods. The basic infrastructure protection Azure gives every IP is tuned for the platform, not the application; DDoS Network or IP Protection learns each IP's normal traffic, mitigates adaptively and reports attacks.",
    remediation: {
      summary:
        "Associate the VNet with a DDoS protection plan (enableDdosProtection true and ddosProtectionPlan.id) or enable IP protection on each public IP (ddosSettings.protectionMode 'Enabled').",
      arm: '"properties": {\n  "enableDdosProtection": true,\n  "ddosProtectionPlan": { "id": "[resourceId(\'Microsoft.Network/ddosProtectionPlans\', \'ddos-plan\')]" }\n}',
      bicep: 'properties: {\n  enableDdosProtection: true\n  ddosProtectionPlan: { id: ddosPlan.id }\n}',
      terraform:
        'ddos_protection_plan {\n  id     = azurerm_network_ddos_protection_plan.plan.id\n  enable = true\n}',
    },
    links: [
      'https://learn.microsoft.com/azure/ddos-protection/ddos-protection-overview',
      'https://learn.microsoft.com/azure/ddos-protection/ddos-protection-sku-comparison',
    ],
    notes: [
      'A VNet is public-facing when a public IP of the scan is attached to a NIC, gateway, firewall, Bastion, Application Gateway, scale set or load balancer (through its backend pools) in one of its subnets.',
      "A public IP with ddosSettings.protectionMode 'Disabled' is unprotected even in a protected VNet.",
      'Public IPs whose holder is not in a VNet of the scan are reported on the public IP itself when their own setting decides.',
    ],
  },
  *check({ graph }): Iterable<FindingDraft> {
    const exposedByVnet = new Map<Resource, Set<Resource>>();
    for (const attachment of publicIpAttachments(graph)) {
      const vnets = [
        ...new Set(attachment.subnets.map((s) => vnetOf(graph, s)).filter((v): v is Resource => !!v)),
      ];
      const coverage = publicIpDdosCoverage(attachment.publicIp, vnets);
      if (coverage !== 'unprotected') continue;
      if (vnets.length === 0) {
        yield {
          resource: attachment.publicIp,
          path: ['properties', 'ddosSettings', 'protectionMode'],
          message: `Public IP '${attachment.publicIp.name}' of '${attachment.holder.name}' has DDoS protection disabled.`,
        };
        continue;
      }
      for (const vnet of vnets) {
        const set = exposedByVnet.get(vnet) ?? new Set();
        set.add(attachment.publicIp);
        exposedByVnet.set(vnet, set);
      }
    }
    const reportedIps = new Set<Resource>();
    for (const [vnet, publicIps] of exposedByVnet) {
      const ips = [...publicIps];
      const disabled = ips.filter((ip) => publicIpDdosMode(ip) === 'disabled');
      if (disabled.length === ips.length) {
        // The VNet is protected; the addresses opted out. The fix is on each address.
        for (const ip of disabled) {
          if (reportedIps.has(ip)) continue;
          reportedIps.add(ip);
          yield {
            resource: ip,
            path: ['properties', 'ddosSettings', 'protectionMode'],
            message: `Public IP '${ip.name}' in public-facing VNet '${vnet.name}' has DDoS protection explicitly disabled.`,
          };
        }
        continue;
      }
      const names = ips.map((ip) => `'${ip.name}'`).join(', ');
      yield {
        resource: vnet,
        path:
          vnet.properties.enableDdosProtection === undefined ? [] : ['properties', 'enableDdosProtection'],
        message: `VNet '${vnet.name}' is public-facing (${names}) without DDoS Protection: no DDoS protection plan and no IP protection on these addresses.`,
      };
    }
  },
});
