import { describe, expect, it } from 'vitest';
import { azureDefaultRoute, azureInboundDecision, cidrContains } from './azure-effective.js';

const rule = (over: Record<string, unknown>) => ({
  protocol: 'Tcp',
  sourceAddressPrefix: 'Internet',
  destinationAddressPrefix: '*',
  destinationPortRange: '22-22',
  access: 'Allow',
  priority: 100,
  direction: 'Inbound',
  ...over,
});
const deny = rule({
  name: 'defaultSecurityRules/DenyAllInBound',
  protocol: 'All',
  sourceAddressPrefix: '*',
  destinationPortRange: '0-65535',
  access: 'Deny',
  priority: 65500,
});

describe("Azure's effective rules", () => {
  it('first match by priority decides, per layer, and every layer must allow', () => {
    const subnet = { effectiveSecurityRules: [deny, rule({ name: 'securityRules/ssh' })] };
    const nicDenies = {
      effectiveSecurityRules: [rule({ name: 'securityRules/no-ssh', access: 'Deny', priority: 200 }), deny],
    };
    expect(azureInboundDecision({ value: [subnet] }, '8.8.8.8', '10.0.0.4', 22)).toEqual({
      allowed: true,
      decidedBy: ['securityRules/ssh'],
    });
    expect(azureInboundDecision({ value: [subnet] }, '8.8.8.8', '10.0.0.4', 23).allowed).toBe(false);
    expect(azureInboundDecision({ value: [subnet, nicDenies] }, '8.8.8.8', '10.0.0.4', 22)).toEqual({
      allowed: false,
      decidedBy: ['securityRules/ssh', 'securityRules/no-ssh'],
    });
    // No NSG anywhere: Azure filters nothing.
    expect(azureInboundDecision({ value: [] }, '8.8.8.8', '10.0.0.4', 22).allowed).toBe(true);
  });

  it('matches expanded prefixes and the NIC address', () => {
    const r = rule({
      name: 'r',
      sourceAddressPrefix: 'AzureCloud',
      expandedSourceAddressPrefix: ['8.0.0.0/7'],
      destinationAddressPrefix: '10.0.0.0/29',
    });
    expect(
      azureInboundDecision({ value: [{ effectiveSecurityRules: [r, deny] }] }, '8.8.8.8', '10.0.0.4', 22)
        .allowed,
    ).toBe(true);
    expect(
      azureInboundDecision({ value: [{ effectiveSecurityRules: [r, deny] }] }, '8.8.8.8', '10.0.0.9', 22)
        .allowed,
    ).toBe(false);
    expect(cidrContains('10.0.0.0/8', '10.255.1.1')).toBe(true);
    expect(cidrContains('0.0.0.0/0', '1.2.3.4')).toBe(true);
    expect(cidrContains('10.0.0.0/33', '10.0.0.1')).toBe(false);
  });

  it('finds the active default route', () => {
    expect(
      azureDefaultRoute({
        value: [
          { state: 'Invalid', addressPrefix: ['0.0.0.0/0'], nextHopType: 'Internet' },
          {
            state: 'Active',
            addressPrefix: ['0.0.0.0/0'],
            nextHopType: 'VirtualAppliance',
            nextHopIpAddress: ['10.0.0.4'],
          },
        ],
      }),
    ).toEqual({ nextHopType: 'VirtualAppliance', nextHopIpAddress: '10.0.0.4' });
  });
});
