import { buildResourceId, type Resource } from '@ztkit/core';

/**
 * Synthetic hub-and-spoke estates for tests and benchmarks: one hub VNet with Azure Firewall and
 * `vnets - 1` spokes peered both ways, each spoke with `subnetsPerVnet` subnets, an NSG per subnet
 * with `rulesPerNsg` rules (a deterministic mix of allows and denies from the Internet, the VNet
 * and private ranges), a route table sending 0.0.0.0/0 to the firewall, one NIC with a public IP
 * per spoke, and a direct spoke-to-spoke peering every `bypassEvery` spokes. Addresses: VNet i
 * gets 10.(i >> 4).((i & 15) << 4).0/20 and subnet j the j-th /24 in it (at most 4096 VNets, 16
 * subnets each).
 */
export interface EstateOptions {
  readonly vnets: number;
  readonly subnetsPerVnet: number;
  readonly rulesPerNsg: number;
  readonly seed?: number;
  /** Every n-th spoke also peers with the next spoke directly (a hub bypass). Default 50; 0 = never. */
  readonly bypassEvery?: number;
}

export const SYNTHETIC_SUBSCRIPTION = '00000000-0000-0000-0000-000000000000';
export const SYNTHETIC_RESOURCE_GROUP = 'rg-synthetic';

const idFor = (type: string, name: string) =>
  buildResourceId(type, name.split('/'), SYNTHETIC_SUBSCRIPTION, SYNTHETIC_RESOURCE_GROUP);
const ref = (type: string, name: string) => ({ id: idFor(type, name) });

/** Small deterministic PRNG (mulberry32): the same seed gives the same estate. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const vnetPrefix = (i: number) => `10.${i >> 4}.${(i & 15) << 4}.0/20`;
const subnetPrefix = (i: number, j: number) => `10.${i >> 4}.${((i & 15) << 4) + j}.0/24`;

export interface ArmResourceJson {
  type: string;
  apiVersion: string;
  name: string;
  location: string;
  properties: Record<string, unknown>;
}

/** The estate as ARM template resources (JSON-ready; references are literal resource IDs). */
export function syntheticEstateResourcesJson(options: EstateOptions): ArmResourceJson[] {
  if (options.vnets > 4096 || options.subnetsPerVnet > 16)
    throw new RangeError('estate too large for the address plan');
  const rnd = prng(options.seed ?? 1);
  const bypassEvery = options.bypassEvery ?? 50;
  const out: ArmResourceJson[] = [];
  const add = (type: string, name: string, properties: Record<string, unknown>) =>
    out.push({ type, apiVersion: '2023-11-01', name, location: 'westeurope', properties });
  const VNET = 'Microsoft.Network/virtualNetworks';
  const SUBNET = 'Microsoft.Network/virtualNetworks/subnets';
  const hub = 'vnet-hub';
  const spokes = Array.from({ length: Math.max(0, options.vnets - 1) }, (_, k) => `vnet-spoke-${k + 1}`);
  add(VNET, hub, {
    addressSpace: { addressPrefixes: [vnetPrefix(0)] },
    subnets: [
      { name: 'AzureFirewallSubnet', properties: { addressPrefix: '10.0.0.0/26' } },
      { name: 'GatewaySubnet', properties: { addressPrefix: '10.0.1.0/27' } },
    ],
    virtualNetworkPeerings: spokes.map((s) => ({
      name: `hub-to-${s}`,
      properties: {
        remoteVirtualNetwork: ref(VNET, s),
        allowVirtualNetworkAccess: true,
        allowForwardedTraffic: true,
        allowGatewayTransit: true,
      },
    })),
  });
  add('Microsoft.Network/azureFirewalls', 'fw-hub', {
    sku: { name: 'AZFW_VNet', tier: 'Standard' },
    ipConfigurations: [
      { name: 'fw-ipconfig', properties: { subnet: ref(SUBNET, `${hub}/AzureFirewallSubnet`) } },
    ],
  });
  add('Microsoft.Network/routeTables', 'rt-spokes', {
    disableBgpRoutePropagation: true,
    routes: [
      {
        name: 'default-to-firewall',
        properties: {
          addressPrefix: '0.0.0.0/0',
          nextHopType: 'VirtualAppliance',
          nextHopIpAddress: '10.0.0.4',
        },
      },
    ],
  });
  spokes.forEach((name, k) => {
    const i = k + 1;
    const peerings: unknown[] = [
      {
        name: `${name}-to-hub`,
        properties: {
          remoteVirtualNetwork: ref(VNET, hub),
          allowVirtualNetworkAccess: true,
          allowForwardedTraffic: true,
          useRemoteGateways: false,
        },
      },
    ];
    if (bypassEvery > 0 && i % bypassEvery === 0 && i < spokes.length)
      peerings.push({
        name: `${name}-to-next`,
        properties: { remoteVirtualNetwork: ref(VNET, spokes[i]!), allowVirtualNetworkAccess: true },
      });
    const subnets = Array.from({ length: options.subnetsPerVnet }, (_, j) => {
      const nsgName = `nsg-${i}-${j}`;
      add('Microsoft.Network/networkSecurityGroups', nsgName, {
        securityRules: syntheticRules(rnd, options.rulesPerNsg, i),
      });
      return {
        name: `snet-${j}`,
        properties: {
          addressPrefix: subnetPrefix(i, j),
          networkSecurityGroup: ref('Microsoft.Network/networkSecurityGroups', nsgName),
          routeTable: ref('Microsoft.Network/routeTables', 'rt-spokes'),
        },
      };
    });
    add(VNET, name, {
      addressSpace: { addressPrefixes: [vnetPrefix(i)] },
      subnets,
      virtualNetworkPeerings: peerings,
    });
    if (options.subnetsPerVnet > 0) {
      add('Microsoft.Network/publicIPAddresses', `pip-${i}`, { publicIPAllocationMethod: 'Static' });
      add('Microsoft.Network/networkInterfaces', `nic-${i}`, {
        ipConfigurations: [
          {
            name: 'ipconfig1',
            properties: {
              subnet: ref(SUBNET, `${name}/snet-0`),
              privateIPAllocationMethod: 'Dynamic',
              publicIPAddress: ref('Microsoft.Network/publicIPAddresses', `pip-${i}`),
            },
          },
        ],
      });
    }
  });
  return out;
}

function syntheticRules(rnd: () => number, count: number, vnetIndex: number): unknown[] {
  const sources = [
    'Internet',
    '*',
    'VirtualNetwork',
    '10.0.0.0/8',
    vnetPrefix(vnetIndex),
    '203.0.113.0/24',
    'AzureLoadBalancer',
  ];
  const ports = ['22', '3389', '80', '443', '1433', '8000-8100', '*', '5432'];
  return Array.from({ length: count }, (_, r) => {
    const multi = rnd() < 0.2;
    return {
      name: `rule-${r}`,
      properties: {
        priority: 100 + r * 3,
        direction: rnd() < 0.8 ? 'Inbound' : 'Outbound',
        access: rnd() < 0.6 ? 'Allow' : 'Deny',
        protocol: rnd() < 0.7 ? 'Tcp' : rnd() < 0.5 ? 'Udp' : '*',
        sourcePortRange: '*',
        sourceAddressPrefix: sources[Math.floor(rnd() * sources.length)],
        destinationAddressPrefix: '*',
        ...(multi
          ? {
              destinationPortRanges: [
                ports[Math.floor(rnd() * ports.length)],
                ports[Math.floor(rnd() * ports.length)],
              ],
            }
          : { destinationPortRange: ports[Math.floor(rnd() * ports.length)] }),
      },
    };
  });
}

/** The estate as an ARM deployment template (text), for the benchmark and the CLI. */
export function syntheticEstateTemplate(options: EstateOptions): string {
  return JSON.stringify(
    {
      $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
      contentVersion: '1.0.0.0',
      resources: syntheticEstateResourcesJson(options),
    },
    null,
    1,
  );
}

/** The estate as model resources, ready for `new ResourceGraph(...)` (no loader involved). */
export function syntheticEstateResources(options: EstateOptions): Resource[] {
  return syntheticEstateResourcesJson(options).map((r) => ({
    type: r.type,
    name: r.name,
    id: idFor(r.type, r.name),
    apiVersion: r.apiVersion,
    location: r.location,
    properties: r.properties,
    language: 'arm' as const,
  }));
}
