import { defineRule, type FindingDraft, isUnknown } from '@ztkit/core';
import { insecureParameterFinding } from '../../shared/parameter-bindings.js';
import { recordOf } from '../../shared/property-values.js';

const VNETS = 'Microsoft.Network/virtualNetworks';
const ENCRYPTION = ['properties', 'encryption'] as const;

export default defineRule({
  meta: {
    id: 'ZT-E17-01',
    title: 'Virtual network encryption is enabled',
    severity: 'medium',
    catalog: ['E17'],
    principles: ['assume-breach'],
    pack: 'encryption',
    source: [
      { document: '000', step: 'step 3 Secure and verify communication within and across Azure VNets' },
    ],
    benchmark: ['DP-3'],
    peers: {},
    resourceTypes: [VNETS],
    rationale:
      'Virtual network encryption wraps VM-to-VM traffic inside and between peered virtual networks in DTLS on the host, so traffic captured anywhere in the fabric or from a compromised appliance on the path is unreadable.',
    remediation: {
      summary:
        'Set encryption.enabled to true (enforcement AllowUnencrypted while DropUnencrypted is not generally available) and use VM sizes that support accelerated networking encryption.',
      arm: '"encryption": { "enabled": true, "enforcement": "AllowUnencrypted" }',
      bicep: "encryption: {\n  enabled: true\n  enforcement: 'AllowUnencrypted'\n}",
      terraform: 'encryption {\n  enforcement = "AllowUnencrypted"\n}',
    },
    links: ['https://learn.microsoft.com/azure/virtual-network/virtual-network-encryption-overview'],
    notes: [
      'A virtual network without an encryption block is not encrypted (the API default).',
      'AllowUnencrypted is the only enforcement value at general availability, so it is accepted by default; set the rule option requireDropUnencrypted: true to also require DropUnencrypted where your subscription has the preview.',
    ],
  },
  *check({ graph, options }): Iterable<FindingDraft> {
    const requireDrop = options.requireDropUnencrypted === true;
    for (const vnet of graph.ofType(VNETS)) {
      const enabledPath = [...ENCRYPTION, 'enabled'];
      const viaParameter = insecureParameterFinding(
        vnet,
        enabledPath,
        (v) => v === false,
        `encryption of '${vnet.name}'`,
      );
      if (viaParameter) {
        yield viaParameter;
        continue;
      }
      const raw = vnet.properties.encryption;
      if (isUnknown(raw)) continue;
      // `encryption: cond ? {...} : null` (AVM's pattern) is no block at all: ARM treats null as absent.
      const encryption = recordOf(raw) as { enabled?: unknown; enforcement?: unknown } | undefined;
      if (isUnknown(encryption?.enabled)) continue;
      if (encryption?.enabled !== true) {
        yield {
          resource: vnet,
          path: !encryption ? [] : encryption.enabled == null ? [...ENCRYPTION] : enabledPath,
          message: `Virtual network '${vnet.name}' does not enable encryption: VM-to-VM traffic in it and across its peerings is not encrypted by the platform.`,
        };
        continue;
      }
      const enforcement = encryption.enforcement;
      if (requireDrop && !isUnknown(enforcement) && enforcement !== 'DropUnencrypted')
        yield {
          resource: vnet,
          path: enforcement === undefined ? [...ENCRYPTION] : [...ENCRYPTION, 'enforcement'],
          severity: 'low',
          message: `Virtual network '${vnet.name}' encrypts but still lets VMs that cannot encrypt talk in clear (enforcement ${String(enforcement ?? 'AllowUnencrypted')}).`,
          discriminator: 'enforcement',
        };
    }
  },
});
