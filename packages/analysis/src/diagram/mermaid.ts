import type { ExposureEntry } from '../exposure/exposure.js';
import { formatTraffic } from '../exposure/summary.js';
import { IntervalSet } from '../net/interval-set.js';
import type { ProtocolMask } from '../net/protocol.js';
import type { NetworkAnalysis } from '../network-analysis.js';
import type { SubnetInfo, VnetInfo } from '../topology/topology.js';

export interface MermaidOptions {
  /** VNets drawn at most (the rest are counted in a note). Default 60. */
  readonly maxVnets?: number;
  /** Subnets drawn per VNet. Default 12. */
  readonly maxSubnetsPerVnet?: number;
}

/**
 * Text safe inside a quoted Mermaid label: quotes, `#`, angle brackets, ampersands, backticks and
 * every non-ASCII character become Mermaid's numeric entities (`#34;`), line breaks become spaces.
 */
export function mermaidLabel(text: string): string {
  let out = '';
  for (const ch of text.replace(/[\r\n\t]+/g, ' ')) {
    const code = ch.codePointAt(0)!;
    if (code > 126 || code < 32 || '"#<>&`|{}[]()\\;'.includes(ch)) out += `#${code};`;
    else out += ch;
  }
  return `"${out}"`;
}

/**
 * The network as a Mermaid flowchart: each VNet a box with its subnets, hubs marked and their
 * firewalls drawn, peerings as links (dotted and labelled when they bypass the hub firewall), and
 * an edge from the Internet to every subnet some public path reaches, labelled with the ports.
 */
export function renderTopologyMermaid(analysis: NetworkAnalysis, options: MermaidOptions = {}): string {
  const maxVnets = options.maxVnets ?? 60;
  const maxSubnets = options.maxSubnetsPerVnet ?? 12;
  const { topology } = analysis;
  const exposed = reachableBySubnet(analysis.exposure());
  const lines = ['flowchart LR', '  internet((Internet))'];
  const order = [...topology.vnets].sort((a, b) => rank(a) - rank(b));
  const drawn = order.slice(0, maxVnets);
  const vnetId = new Map<VnetInfo, string>();
  const subnetId = new Map<SubnetInfo, string>();
  drawn.forEach((v, i) => {
    const id = `v${i}`;
    vnetId.set(v, id);
    lines.push(`  subgraph ${id}[${mermaidLabel(`${v.name} (${v.role}) ${v.prefixes.join(', ')}`)}]`);
    for (const fw of v.firewalls) lines.push(`    ${id}fw{{${mermaidLabel(`Azure Firewall ${fw.name}`)}}}`);
    for (const gw of v.gateways) lines.push(`    ${id}gw[/${mermaidLabel(`Gateway ${gw.name}`)}/]`);
    v.subnets.slice(0, maxSubnets).forEach((s, j) => {
      const sid = `${id}s${j}`;
      subnetId.set(s, sid);
      lines.push(`    ${sid}[${mermaidLabel(`${s.name} ${s.prefixes.join(', ')}`)}]`);
    });
    if (v.subnets.length > maxSubnets)
      lines.push(`    ${id}more[${mermaidLabel(`… ${v.subnets.length - maxSubnets} more subnets`)}]`);
    if (v.subnets.length === 0 && !v.firewalls.length && !v.gateways.length)
      lines.push(`    ${id}empty[${mermaidLabel('(no subnets)')}]`);
    lines.push('  end');
    if (v.role === 'hub') lines.push(`  class ${id} hub`);
  });
  if (order.length > maxVnets)
    lines.push(`  morevnets[${mermaidLabel(`… ${order.length - maxVnets} more VNets`)}]`);
  const bypass = new Set(analysis.lateral().bypasses.map((b) => b.peering));
  const seen = new Set<string>();
  for (const p of topology.peerings) {
    const a = vnetId.get(p.from);
    const b = p.to ? vnetId.get(p.to) : undefined;
    if (!a || !b) continue;
    const key = a < b ? `${a}|${b}` : `${b}|${a}`;
    const isBypass = bypass.has(p) || (p.reverse !== undefined && bypass.has(p.reverse));
    if (seen.has(key)) continue;
    seen.add(key);
    lines.push(isBypass ? `  ${a} -.-|${mermaidLabel('bypasses hub firewall')}| ${b}` : `  ${a} --- ${b}`);
  }
  for (const [subnet, traffic] of exposed) {
    const sid = subnetId.get(subnet);
    if (!sid) continue;
    lines.push(`  internet -->|${mermaidLabel(traffic)}| ${sid}`);
    lines.push(`  class ${sid} exposed`);
  }
  lines.push('  classDef hub fill:#e8f0fe,stroke:#1a73e8', '  classDef exposed fill:#fde8e8,stroke:#d93025');
  return `${lines.join('\n')}\n`;
}

function rank(v: VnetInfo): number {
  return v.role === 'hub' ? 0 : v.role === 'spoke' ? 1 : v.role === 'peered' ? 2 : 3;
}

/** Per subnet, the traffic some public path forwards and the NSGs let in (NIC entries included). */
function reachableBySubnet(entries: readonly ExposureEntry[]): Map<SubnetInfo, string> {
  const acc = new Map<SubnetInfo, Map<ProtocolMask, IntervalSet>>();
  for (const e of entries) {
    if (!e.subnet || !e.standsForHosts) continue;
    for (const t of e.exposed) {
      if (t.reachablePorts.isEmpty) continue;
      const byProto = acc.get(e.subnet) ?? new Map<ProtocolMask, IntervalSet>();
      const key = t.reachableProtocols;
      byProto.set(key, (byProto.get(key) ?? IntervalSet.EMPTY).union(t.reachablePorts));
      acc.set(e.subnet, byProto);
    }
  }
  const out = new Map<SubnetInfo, string>();
  for (const [s, byProto] of acc)
    out.set(
      s,
      [...byProto]
        .map(([p, ports]) => formatTraffic(p, ports))
        .filter(Boolean)
        .join(' '),
    );
  return out;
}
