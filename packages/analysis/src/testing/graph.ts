/** Test helpers: ARM-shaped resources built in code, and the graph over them. */
import { buildResourceId, type Resource, ResourceGraph } from '@ztkit/core';
import { analyseNetwork, type NetworkAnalysisOptions } from '../network-analysis.js';

export const T = {
  vnet: 'Microsoft.Network/virtualNetworks',
  subnet: 'Microsoft.Network/virtualNetworks/subnets',
  peering: 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings',
  nsg: 'Microsoft.Network/networkSecurityGroups',
  nic: 'Microsoft.Network/networkInterfaces',
  pip: 'Microsoft.Network/publicIPAddresses',
  asg: 'Microsoft.Network/applicationSecurityGroups',
  lb: 'Microsoft.Network/loadBalancers',
  rt: 'Microsoft.Network/routeTables',
  fw: 'Microsoft.Network/azureFirewalls',
  gw: 'Microsoft.Network/virtualNetworkGateways',
} as const;

export function res(
  type: string,
  name: string,
  properties: Record<string, unknown> = {},
  extra: Partial<Resource> = {},
): Resource {
  return { type, name, id: buildResourceId(type, name.split('/')), properties, language: 'arm', ...extra };
}

export const ref = (type: string, name: string) => ({ id: buildResourceId(type, name.split('/')) });

export interface RuleSpec {
  name: string;
  priority: number;
  access?: 'Allow' | 'Deny';
  direction?: 'Inbound' | 'Outbound';
  protocol?: string;
  source?: string | string[];
  destination?: string | string[];
  ports?: string | string[];
  sourceAsgs?: string[];
  destinationAsgs?: string[];
}

export function nsg(name: string, rules: RuleSpec[]): Resource {
  return res(T.nsg, name, {
    securityRules: rules.map((r) => ({
      name: r.name,
      properties: {
        priority: r.priority,
        access: r.access ?? 'Allow',
        direction: r.direction ?? 'Inbound',
        protocol: r.protocol ?? 'Tcp',
        sourcePortRange: '*',
        ...(Array.isArray(r.source)
          ? { sourceAddressPrefixes: r.source }
          : r.sourceAsgs
            ? {}
            : { sourceAddressPrefix: r.source ?? '*' }),
        ...(Array.isArray(r.destination)
          ? { destinationAddressPrefixes: r.destination }
          : r.destinationAsgs
            ? {}
            : { destinationAddressPrefix: r.destination ?? '*' }),
        ...(Array.isArray(r.ports)
          ? { destinationPortRanges: r.ports }
          : { destinationPortRange: r.ports ?? '*' }),
        ...(r.sourceAsgs ? { sourceApplicationSecurityGroups: r.sourceAsgs.map((a) => ref(T.asg, a)) } : {}),
        ...(r.destinationAsgs
          ? { destinationApplicationSecurityGroups: r.destinationAsgs.map((a) => ref(T.asg, a)) }
          : {}),
      },
    })),
  });
}

export function vnet(
  name: string,
  prefixes: string[],
  subnets: { name: string; prefix: string; nsg?: string; routeTable?: string }[],
  peerings: {
    name: string;
    remote: string;
    allowForwardedTraffic?: boolean;
    useRemoteGateways?: boolean;
    allowGatewayTransit?: boolean;
  }[] = [],
): Resource {
  return res(T.vnet, name, {
    addressSpace: { addressPrefixes: prefixes },
    subnets: subnets.map((s) => ({
      name: s.name,
      properties: {
        addressPrefix: s.prefix,
        ...(s.nsg ? { networkSecurityGroup: ref(T.nsg, s.nsg) } : {}),
        ...(s.routeTable ? { routeTable: ref(T.rt, s.routeTable) } : {}),
      },
    })),
    virtualNetworkPeerings: peerings.map((p) => ({
      name: p.name,
      properties: {
        remoteVirtualNetwork: ref(T.vnet, p.remote),
        allowVirtualNetworkAccess: true,
        allowForwardedTraffic: p.allowForwardedTraffic ?? false,
        useRemoteGateways: p.useRemoteGateways ?? false,
        allowGatewayTransit: p.allowGatewayTransit ?? false,
      },
    })),
  });
}

export function nic(
  name: string,
  opts: {
    vnet: string;
    subnet: string;
    ip?: string;
    publicIp?: string;
    nsg?: string;
    asgs?: string[];
    pools?: string[];
  },
): Resource {
  return res(T.nic, name, {
    ...(opts.nsg ? { networkSecurityGroup: ref(T.nsg, opts.nsg) } : {}),
    ipConfigurations: [
      {
        name: 'ipconfig1',
        properties: {
          subnet: ref(T.subnet, `${opts.vnet}/${opts.subnet}`),
          ...(opts.ip
            ? { privateIPAllocationMethod: 'Static', privateIPAddress: opts.ip }
            : { privateIPAllocationMethod: 'Dynamic' }),
          ...(opts.publicIp ? { publicIPAddress: ref(T.pip, opts.publicIp) } : {}),
          ...(opts.asgs ? { applicationSecurityGroups: opts.asgs.map((a) => ref(T.asg, a)) } : {}),
          ...(opts.pools ? { loadBalancerBackendAddressPools: opts.pools.map((p) => ({ id: p })) } : {}),
        },
      },
    ],
  });
}

export function routeTable(
  name: string,
  routes: { name: string; prefix: string; type: string; ip?: string }[],
  disableBgp = true,
): Resource {
  return res(T.rt, name, {
    disableBgpRoutePropagation: disableBgp,
    routes: routes.map((r) => ({
      name: r.name,
      properties: {
        addressPrefix: r.prefix,
        nextHopType: r.type,
        ...(r.ip ? { nextHopIpAddress: r.ip } : {}),
      },
    })),
  });
}

export function analyse(resources: Resource[], options: NetworkAnalysisOptions = {}) {
  const graph = new ResourceGraph(resources);
  return analyseNetwork(graph, options);
}
