import type { AnalysisFactory, Resource, ResourceGraph, RuleOptions } from '@ztkit/core';
import { computeExposure, type ExposureEntry } from './exposure/exposure.js';
import { findPublicPaths, type PublicPath } from './exposure/public-paths.js';
import { computeLateral, type LateralMap } from './lateral/lateral.js';
import { stringList } from './model-access.js';
import { type AddressSet, INTERNET } from './net/address-set.js';
import { EffectiveNsgs, type EffectiveResult } from './nsg/effective.js';
import { buildNicIndex, type NicIndex, type NicInfo } from './topology/nics.js';
import { buildRouting, type Routing } from './topology/routing.js';
import { buildTopology, type SubnetInfo, type Topology } from './topology/topology.js';

/** Global options the analysis reads (from `.ztkit.yml`). */
export interface NetworkAnalysisOptions {
  /** VNet names to treat as hubs instead of detecting them. */
  readonly hubVnets?: readonly string[];
  /** Private IPs of network virtual appliances that play the hub firewall. */
  readonly nvaIpAddresses?: readonly string[];
}

export function readAnalysisOptions(options: RuleOptions): NetworkAnalysisOptions {
  return { hubVnets: stringList(options.hubVnets), nvaIpAddresses: stringList(options.nvaIpAddresses) };
}

/**
 * The network of one scan, analysed once and shared by every rule (`ctx.analysis(networkAnalysis)`).
 * Topology, NICs, routing and public paths are built eagerly (linear in the graph); exposure and
 * the lateral map on first use.
 */
export interface NetworkAnalysis {
  readonly graph: ResourceGraph;
  readonly options: NetworkAnalysisOptions;
  readonly topology: Topology;
  readonly nics: NicIndex;
  readonly routing: Routing;
  readonly nsgs: EffectiveNsgs;
  /** Every way the Internet reaches a subnet or NIC (public IPs, LB rules, DNAT, gateways). */
  readonly publicPaths: readonly PublicPath[];
  /** Inbound traffic `from` (default: the Internet) lets through to a subnet or NIC. */
  effectiveInbound(target: SubnetInfo | NicInfo, from?: AddressSet): EffectiveResult;
  /** Outbound traffic a subnet or NIC may send `to` (default: the Internet). */
  effectiveOutbound(target: SubnetInfo | NicInfo, to?: AddressSet): EffectiveResult;
  /** Internet exposure per subnet and NIC (A01). */
  exposure(): readonly ExposureEntry[];
  /** Subnet-to-subnet reachability and hub bypasses (A02). */
  lateral(): LateralMap;
  /** Subnets and NICs an NSG is attached to. */
  attachmentsOf(nsg: Resource): { subnets: SubnetInfo[]; nics: NicInfo[] };
}

const isSubnet = (t: SubnetInfo | NicInfo): t is SubnetInfo => 'vnet' in t;

export function analyseNetwork(graph: ResourceGraph, options: NetworkAnalysisOptions = {}): NetworkAnalysis {
  const topology = buildTopology(graph, options);
  const nics = buildNicIndex(graph, topology);
  const routing = buildRouting(graph, topology, options, nics);
  const nsgs = new EffectiveNsgs(topology, nics);
  const publicPaths = findPublicPaths(graph, topology, nics);
  let exposure: ExposureEntry[] | undefined;
  let lateral: LateralMap | undefined;
  let attachments: Map<Resource, { subnets: SubnetInfo[]; nics: NicInfo[] }> | undefined;
  const targetOf = (t: SubnetInfo | NicInfo) => (isSubnet(t) ? { subnet: t } : { nic: t });
  return {
    graph,
    options,
    topology,
    nics,
    routing,
    nsgs,
    publicPaths,
    effectiveInbound: (t, from = INTERNET) => nsgs.evaluate(targetOf(t), 'Inbound', from),
    effectiveOutbound: (t, to = INTERNET) => nsgs.evaluate(targetOf(t), 'Outbound', to),
    exposure: () => {
      exposure ??= computeExposure(topology, nics, nsgs, publicPaths);
      return exposure;
    },
    lateral: () => {
      lateral ??= computeLateral(topology, nsgs, routing);
      return lateral;
    },
    attachmentsOf(nsg) {
      if (!attachments) {
        attachments = new Map();
        const slot = (r: Resource) => {
          let s = attachments!.get(r);
          if (!s) {
            s = { subnets: [], nics: [] };
            attachments!.set(r, s);
          }
          return s;
        };
        for (const s of topology.subnets) if (s.nsg) slot(s.nsg).subnets.push(s);
        for (const n of nics.nics) if (n.nsg) slot(n.nsg).nics.push(n);
      }
      return attachments.get(nsg) ?? { subnets: [], nics: [] };
    },
  };
}

/** The shared factory rules pass to `ctx.analysis`. Memoised per scan by the rule runner. */
export const networkAnalysis: AnalysisFactory<NetworkAnalysis> = {
  name: 'ztkit.network-analysis',
  create: (graph, options) => analyseNetwork(graph, readAnalysisOptions(options)),
};
