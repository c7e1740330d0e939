import { defineRule, type FindingDraft } from '@ztkit/core';
import { insecureParameterFinding } from '../../shared/parameter-bindings.js';
import {
  gatewaySku,
  gatewaysOfKind,
  VIRTUAL_NETWORK_GATEWAYS,
} from '../../shared/virtual-network-gateway.js';

/** Basic lacks IKEv2 custom policies, OpenVPN and Entra ID auth; the legacy SKUs lack OpenVPN/Entra ID. */
const LEGACY_SKUS: Readonly<Record<string, 'high' | 'medium'>> = {
  basic: 'high',
  standard: 'medium',
  highperformance: 'medium',
};

export default defineRule({
  meta: {
    id: 'ZT-E12-01',
    title: 'VPN gateways use a SKU that supports IKEv2 custom policies and Entra ID authentication',
    severity: 'high',
    catalog: ['E12'],
    principles: ['verify-explicitly', 'assume-breach'],
    pack: 'encryption',
    source: [
      {
        document: '000',
        step: 'step 2 Secure and verify communication from an on-premises network to Azure VNets',
      },
    ],
    benchmark: ['NS-1', 'DP-3'],
    peers: { psrule: ['Azure.VNG.VPNLegacySKU'] },
    resourceTypes: [VIRTUAL_NETWORK_GATEWAYS],
    rationale:
      'The Basic SKU cannot take a custom IPsec/IKE policy, IKEv2 point-to-site, OpenVPN or Entra ID authentication, so neither the tunnel strength nor the user can be verified. The legacy Standard and HighPerformance SKUs also lack OpenVPN and Entra ID authentication and are being retired.',
    remediation: {
      summary: 'Use a VpnGw1AZ or larger generation-2 SKU (VpnGw2AZ and up for higher throughput).',
      arm: '"sku": { "name": "VpnGw2AZ", "tier": "VpnGw2AZ" }, "vpnGatewayGeneration": "Generation2"',
      bicep: "sku: {\n  name: 'VpnGw2AZ'\n  tier: 'VpnGw2AZ'\n}\nvpnGatewayGeneration: 'Generation2'",
      terraform: 'sku        = "VpnGw2AZ"\ngeneration = "Generation2"',
    },
    links: ['https://learn.microsoft.com/azure/vpn-gateway/about-gateway-skus'],
    notes: ['Only gateways with gatewayType Vpn are checked; ExpressRoute gateway SKUs are out of scope.'],
  },
  *check({ graph }): Iterable<FindingDraft> {
    for (const gateway of gatewaysOfKind(graph, 'vpn')) {
      const path = ['properties', 'sku', 'name'];
      const legacy = (v: unknown) => typeof v === 'string' && v.toLowerCase() in LEGACY_SKUS;
      const viaParameter = insecureParameterFinding(
        gateway,
        path,
        legacy,
        `the SKU of VPN gateway '${gateway.name}'`,
      );
      if (viaParameter) {
        yield viaParameter;
        continue;
      }
      const sku = gatewaySku(gateway);
      const severity = sku ? LEGACY_SKUS[sku.toLowerCase()] : undefined;
      if (sku && severity)
        yield {
          resource: gateway,
          path,
          severity,
          message:
            severity === 'high'
              ? `VPN gateway '${gateway.name}' uses the Basic SKU: no custom IPsec/IKE policy, no OpenVPN and no Entra ID authentication.`
              : `VPN gateway '${gateway.name}' uses the legacy ${sku} SKU: no OpenVPN or Entra ID authentication; migrate to a VpnGw SKU.`,
        };
    }
  },
});
