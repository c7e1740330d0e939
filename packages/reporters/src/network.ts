import { exposureRows, type NetworkAnalysis, renderTopologyMermaid, type VnetInfo } from '@ztkit/analysis';
import { palette } from './ansi.js';

export interface NetworkTextOptions {
  readonly color: boolean;
  /** Names the estate in the heading when a scan holds several (e.g. the source language). */
  readonly label?: string;
}

/**
 * The network section of the terminal report: VNets by role with their peerings, peerings that
 * bypass the hub firewall, and the Internet exposure matrix (what reaches each subnet or NIC, which
 * rule allowed it and whether a public path actually delivers it).
 */
export function renderNetworkText(analysis: NetworkAnalysis, options: NetworkTextOptions): string {
  const p = palette(options.color);
  const { topology } = analysis;
  if (!topology.vnets.length) return '';
  const label = options.label ? `, ${options.label}` : '';
  const out = [p.bold(`Network topology (${topology.vnets.length} virtual networks${label})`)];
  const ordered = [...topology.vnets].sort(
    (a, b) => roleRank(a) - roleRank(b) || a.name.localeCompare(b.name),
  );
  for (const v of ordered) {
    const extras = [
      ...v.firewalls.map((f) => `firewall ${f.name}`),
      ...v.gateways.map((g) => `gateway ${g.name}`),
    ];
    out.push(
      `  ${v.role.padEnd(8)} ${v.name}${v.outsideScan ? ' (not in scan)' : ''} ${p.dim(v.prefixes.join(', '))}${extras.length ? ` · ${extras.join(', ')}` : ''}`,
    );
    const peers = v.peerings.map((x) => x.to?.name ?? `${x.remoteName} (not in scan)`);
    if (peers.length) out.push(`           ${p.dim(`peers with ${peers.join(', ')}`)}`);
  }
  const lateral = analysis.lateral();
  if (lateral.bypasses.length) {
    out.push('', p.bold('Paths that bypass the hub firewall'));
    for (const b of lateral.bypasses)
      out.push(`  ${p.yellow(`${b.from.name} -> ${b.to.name}`)} via ${b.peering.resource.name}: ${b.reason}`);
  }
  const rows = exposureRows(analysis.exposure());
  // Targets with no NSG at all accept anything; listing each protocol for them is noise, so they
  // share one line, while NSG rules that let the Internet in are shown with the rule to fix.
  const unguarded = rows.filter((r) => !r.reachable && !r.rules.length).map((r) => r.target);
  const shown = rows.filter((r) => r.reachable || r.rules.length);
  out.push('', p.bold('Internet exposure'));
  if (!shown.length) out.push(`  ${p.green('nothing is reachable from the Internet')}`);
  for (const r of shown) {
    const status = r.reachable
      ? p.red(`reachable via ${r.via.join(', ') || 'a public path'}`)
      : 'no public path today';
    out.push(`  ${r.target}: ${r.traffic} from ${r.sources}, ${status}${r.uncertain ? ' (uncertain)' : ''}`);
    if (r.rules.length) out.push(`    ${p.dim(`allowed by ${r.rules.join('; ')}`)}`);
  }
  if (unguarded.length)
    out.push(
      `  ${p.dim(`no NSG, so open to any public path added later: ${[...new Set(unguarded)].join(', ')}`)}`,
    );
  return `${out.join('\n')}\n`;
}

const ROLES: Record<string, number> = { hub: 0, spoke: 1 };

function roleRank(v: VnetInfo): number {
  return ROLES[v.role] ?? 2;
}

/** The diagram, then the exposure matrix as Mermaid comments so the output stays one valid diagram. */
export function renderNetworkMermaid(analysis: NetworkAnalysis, label?: string): string {
  const lines = [...(label ? [`%% ${label}`] : []), renderTopologyMermaid(analysis).trimEnd()];
  const rows = exposureRows(analysis.exposure());
  lines.push('%% Internet exposure (after effective NSG evaluation)');
  if (!rows.length) lines.push('%%   nothing is reachable from the Internet');
  for (const r of rows)
    lines.push(
      `%%   ${r.kind} ${r.target}: ${r.traffic} from ${r.sources}: ${r.reachable ? `reachable via ${r.via.join(', ')}` : 'allowed, no public path'}`,
    );
  return `${lines.join('\n')}\n`;
}

/** The topology, hub bypasses and exposure matrix as plain JSON (`ztkit graph --format json`). */
export function toNetworkJson(analysis: NetworkAnalysis) {
  const { topology } = analysis;
  return {
    vnets: topology.vnets.map((v) => ({
      name: v.name,
      id: v.resource.id,
      role: v.role,
      ...(v.hubReason && { hubReason: v.hubReason }),
      ...(v.outsideScan && { outsideScan: true }),
      prefixes: v.prefixes,
      firewalls: v.firewalls.map((f) => f.name),
      gateways: v.gateways.map((g) => g.name),
      subnets: v.subnets.map((s) => ({ name: s.name, prefixes: s.prefixes })),
      peerings: v.peerings.map((p) => ({
        name: p.resource.name,
        remote: p.to?.name ?? p.remoteName,
        inScan: Boolean(p.to),
        allowForwardedTraffic: p.allowForwardedTraffic,
        allowGatewayTransit: p.allowGatewayTransit,
        useRemoteGateways: p.useRemoteGateways,
      })),
    })),
    hubBypasses: analysis.lateral().bypasses.map((b) => ({
      peering: b.peering.resource.name,
      from: b.from.name,
      to: b.to.name,
      reason: b.reason,
    })),
    exposure: exposureRows(analysis.exposure()),
  };
}
