/**
 * Azure's own answer, read from the effective security rules and effective routes of a NIC (the
 * REST shapes of `.../networkInterfaces/{nic}/effectiveNetworkSecurityGroups` and
 * `.../effectiveRouteTable`). Used only to cross-check ztkit's static evaluation, so it answers
 * narrow questions: does inbound TCP from an Internet address reach this NIC on port P; where does
 * the default route send traffic.
 */

export interface AzureDecision {
  readonly allowed: boolean;
  /** The deciding rule per NSG layer, e.g. `securityRules/allow-ssh`. */
  readonly decidedBy: readonly string[];
}

interface EffectiveRule {
  readonly name?: string;
  readonly protocol?: string;
  readonly access?: string;
  readonly priority?: number;
  readonly direction?: string;
  readonly sourceAddressPrefix?: string;
  readonly sourceAddressPrefixes?: readonly string[];
  readonly expandedSourceAddressPrefix?: readonly string[] | null;
  readonly destinationAddressPrefix?: string;
  readonly destinationAddressPrefixes?: readonly string[];
  readonly expandedDestinationAddressPrefix?: readonly string[] | null;
  readonly destinationPortRange?: string;
  readonly destinationPortRanges?: readonly string[];
}

/** Inbound TCP from `source` to `destination` on `port`: every NSG layer must allow it. */
export function azureInboundDecision(
  body: unknown,
  source: string,
  destination: string | undefined,
  port: number,
): AzureDecision {
  const layers = (body as { value?: unknown } | null)?.value;
  const decidedBy: string[] = [];
  if (!Array.isArray(layers)) return { allowed: true, decidedBy };
  for (const layer of layers) {
    const rules = ((layer as { effectiveSecurityRules?: unknown }).effectiveSecurityRules ??
      []) as EffectiveRule[];
    const inbound = rules
      .filter((r) => (r.direction ?? '').toLowerCase() === 'inbound')
      .sort((a, b) => (a.priority ?? 65535) - (b.priority ?? 65535));
    const hit = inbound.find(
      (r) =>
        protocolMatchesTcp(r.protocol) &&
        portMatches(r, port) &&
        addressMatches(
          r.sourceAddressPrefix,
          r.sourceAddressPrefixes,
          r.expandedSourceAddressPrefix,
          source,
          true,
        ) &&
        addressMatches(
          r.destinationAddressPrefix,
          r.destinationAddressPrefixes,
          r.expandedDestinationAddressPrefix,
          destination,
          false,
        ),
    );
    // Azure's default rules end with DenyAllInBound; a layer without a match denies too.
    decidedBy.push(hit?.name ?? '(no matching rule)');
    if (!hit || (hit.access ?? '').toLowerCase() !== 'allow') return { allowed: false, decidedBy };
  }
  return { allowed: true, decidedBy };
}

export interface AzureDefaultRoute {
  readonly nextHopType: string;
  readonly nextHopIpAddress?: string;
}

/** The active route for 0.0.0.0/0 (there is always one: the system route to the Internet, or a UDR). */
export function azureDefaultRoute(body: unknown): AzureDefaultRoute | undefined {
  const routes = (body as { value?: unknown } | null)?.value;
  if (!Array.isArray(routes)) return undefined;
  for (const r of routes as {
    state?: string;
    addressPrefix?: string[];
    nextHopType?: string;
    nextHopIpAddress?: string[];
  }[]) {
    if ((r.state ?? '').toLowerCase() !== 'active') continue;
    if (!r.addressPrefix?.includes('0.0.0.0/0')) continue;
    return {
      nextHopType: r.nextHopType ?? 'None',
      ...(r.nextHopIpAddress?.[0] ? { nextHopIpAddress: r.nextHopIpAddress[0] } : {}),
    };
  }
  return undefined;
}

function protocolMatchesTcp(protocol: string | undefined): boolean {
  const p = (protocol ?? 'All').toLowerCase();
  return p === 'all' || p === '*' || p === 'tcp';
}

function portMatches(rule: EffectiveRule, port: number): boolean {
  const ranges = [
    ...(rule.destinationPortRanges ?? []),
    ...(rule.destinationPortRange ? [rule.destinationPortRange] : []),
  ];
  return ranges.some((range) => {
    if (range === '*') return true;
    const [lo, hi] = range.split('-').map((s) => Number(s.trim()));
    return lo !== undefined && port >= lo && port <= (hi ?? lo);
  });
}

function addressMatches(
  prefix: string | undefined,
  prefixes: readonly string[] | undefined,
  expanded: readonly string[] | null | undefined,
  address: string | undefined,
  isInternetSide: boolean,
): boolean {
  const all = [...(prefixes ?? []), ...(prefix ? [prefix] : [])];
  for (const p of all) {
    const v = p.toLowerCase();
    if (v === '*' || v === '0.0.0.0/0') return true;
    if (isInternetSide && v === 'internet') return true;
    if (!isInternetSide && v === 'virtualnetwork') return true;
    if (address && cidrContains(p, address)) return true;
  }
  return !!address && (expanded ?? []).some((p) => cidrContains(p, address));
}

export function cidrContains(cidr: string, address: string): boolean {
  const [base, bitsText] = cidr.split('/');
  const a = ipv4(address);
  const b = ipv4(base ?? '');
  if (a === undefined || b === undefined) return false;
  const bits = bitsText === undefined ? 32 : Number(bitsText);
  if (!(bits >= 0 && bits <= 32)) return false;
  const mask = bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
  return (a & mask) >>> 0 === (b & mask) >>> 0;
}

function ipv4(text: string): number | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  let n = 0;
  for (const part of parts) {
    const v = Number(part);
    if (!/^\d{1,3}$/.test(part) || v > 255) return undefined;
    n = n * 256 + v;
  }
  return n >>> 0;
}
