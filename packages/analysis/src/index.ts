/**
 * @ztkit/analysis — the network of one scan, analysed once and shared by rules and reporters.
 *
 * Rules: `const net = ctx.analysis(networkAnalysis)` then
 *   - `net.topology` VNets (hub / spoke / peered / isolated), subnets, peerings (both directions);
 *   - `net.effectiveInbound(subnetOrNic, from?)` / `effectiveOutbound` — Azure's NSG evaluation
 *     (priorities, default rules, subnet then NIC, service tags, ASGs) with the deciding rules;
 *   - `net.exposure()` Internet exposure per subnet and NIC (A01), `net.publicPaths`;
 *   - `net.lateral()` subnet-to-subnet reachability and hub-firewall bypasses (A02);
 *   - `net.routing.routeTowards(subnet, addresses)` user routes, next hops, the hub firewall.
 * Reporters: `renderTopologyMermaid(net)`, `exposureRows(net.exposure())`,
 * `zeroTrustScore(findings, rules)`.
 */
export { type MermaidOptions, mermaidLabel, renderTopologyMermaid } from './diagram/mermaid.js';
export type { ExposedTraffic, ExposureEntry } from './exposure/exposure.js';
export type { PublicPath, PublicPathKind } from './exposure/public-paths.js';
export {
  describeRule,
  describeSources,
  type ExposureRow,
  exposureRows,
  formatTraffic,
} from './exposure/summary.js';
export type { HubBypass, LateralEdge, LateralMap, LateralTraffic, LateralVia } from './lateral/lateral.js';
export {
  AddressSet,
  AZURE_LOAD_BALANCER,
  coversWholeInternet,
  INTERNET,
  NON_PUBLIC,
} from './net/address-set.js';
export { type IpFamily, type ParsedPrefix, parsePrefix } from './net/cidr.js';
export { type Interval, IntervalSet } from './net/interval-set.js';
export { ALL_PORTS, formatPorts, parsePortRange, portSetOf } from './net/port-set.js';
export { PrefixIndex } from './net/prefix-index.js';
export {
  ALL_PROTOCOLS,
  formatProtocols,
  Protocol,
  type ProtocolMask,
  parseProtocol,
} from './net/protocol.js';
export { isPlatformManagementOnly } from './net/service-tags.js';
export {
  analyseNetwork,
  type NetworkAnalysis,
  type NetworkAnalysisOptions,
  networkAnalysis,
  readAnalysisOptions,
} from './network-analysis.js';
export type { EffectiveResult, EffectiveTarget, NsgLayer } from './nsg/effective.js';
export { MAX_REGIONS, type NsgEvaluation, type Traffic } from './nsg/evaluate.js';
export type { Access, Direction, NormalisedRule, RuleRef } from './nsg/security-rule.js';
export {
  type ControlStatus,
  OBJECTIVES_002,
  type ScorePart,
  type ZeroTrustScore,
  zeroTrustScore,
} from './score/zero-trust-score.js';
export {
  type EstateOptions,
  syntheticEstateResources,
  syntheticEstateResourcesJson,
  syntheticEstateTemplate,
} from './synthetic/estate.js';
export type { IpConfigInfo, NicIndex, NicInfo } from './topology/nics.js';
export type { RouteDecision, Routing, UserRoute } from './topology/routing.js';
export {
  type PeeringInfo,
  PLATFORM_SUBNETS,
  type SubnetInfo,
  type Topology,
  type VnetInfo,
  type VnetRole,
} from './topology/topology.js';
