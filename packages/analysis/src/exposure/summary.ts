import type { IntervalSet } from '../net/interval-set.js';
import { formatPorts } from '../net/port-set.js';
import { Protocol, type ProtocolMask } from '../net/protocol.js';
import type { RuleRef } from '../nsg/security-rule.js';
import type { ExposedTraffic, ExposureEntry } from './exposure.js';

/** `tcp/22,3389 udp/53`: the TCP and UDP parts of some traffic, plus `icmp` etc. when allowed. */
export function formatTraffic(protocols: ProtocolMask, ports: IntervalSet): string {
  const parts: string[] = [];
  const p = formatPorts(ports);
  if (!p) return '';
  if (protocols & Protocol.Tcp) parts.push(`tcp/${p}`);
  if (protocols & Protocol.Udp) parts.push(`udp/${p}`);
  if (protocols & Protocol.Icmp) parts.push('icmp');
  if (protocols & (Protocol.Esp | Protocol.Ah)) parts.push('esp/ah');
  return parts.join(' ');
}

/** `allow-ssh (priority 110) of nsg-web`. */
export function describeRule(r: RuleRef): string {
  if (r.isDefault) return `default rule ${r.name}`;
  return `rule ${r.name} (priority ${r.priority}) of ${r.nsg?.name ?? 'an NSG'}`;
}

/** Where traffic from the Internet comes from, in words. */
export function describeSources(t: ExposedTraffic): string {
  if (t.wholeInternet) return 'Internet';
  const v4 = t.sources.v4.intervals.length;
  const v6 = t.sources.v6.intervals.length;
  const tags = t.sources.tags.all ? ['service tags'] : [...t.sources.tags.names];
  const parts = [];
  if (v4 + v6) parts.push(`${v4 + v6} public range(s)`);
  if (tags.length) parts.push(tags.join(', '));
  return parts.join(' + ') || 'Internet';
}

/** One row of the exposure matrix reporters print (`ztkit graph`, the Markdown report). */
export interface ExposureRow {
  readonly kind: 'subnet' | 'nic';
  readonly target: string;
  readonly vnet?: string;
  readonly subnet?: string;
  /** `tcp/22 udp/53`. */
  readonly traffic: string;
  readonly sources: string;
  /** Rules that allowed it, `allow-ssh (priority 110) of nsg-web`. */
  readonly rules: readonly string[];
  /** True when a public path (public IP, LB, DNAT, gateway) forwards this traffic. */
  readonly reachable: boolean;
  readonly via: readonly string[];
  readonly uncertain: boolean;
}

/** Flatten exposure entries into rows, dropping subnets whose NICs carry the answer. */
export function exposureRows(entries: readonly ExposureEntry[]): ExposureRow[] {
  const rows: ExposureRow[] = [];
  for (const e of entries) {
    if (!e.standsForHosts) continue;
    for (const t of e.exposed) {
      const traffic = formatTraffic(t.protocols, t.ports);
      if (!traffic) continue;
      rows.push({
        kind: e.kind,
        target: e.name,
        vnet: e.subnet?.vnet.name,
        subnet: e.subnet?.name,
        traffic,
        sources: describeSources(t),
        rules: t.allowedBy.map(describeRule),
        reachable: !t.reachablePorts.isEmpty,
        via: t.paths.map((p) => p.description),
        uncertain: t.uncertain,
      });
    }
  }
  return rows;
}
