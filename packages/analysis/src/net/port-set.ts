import { IntervalSet } from './interval-set.js';

/** Ports 0-65535 as an interval set, with the NSG spellings (`*`, `22`, `80-443`, lists). */
export const ALL_PORTS = IntervalSet.range(0n, 65535n);

export type PortParse =
  | { readonly ok: true; readonly set: IntervalSet }
  | { readonly ok: false; readonly text: string };

/** Parse one NSG port value: `*`, `Any`, `22`, `1000-2000`. */
export function parsePortRange(value: unknown): PortParse {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 65535)
    return { ok: true, set: IntervalSet.range(BigInt(value), BigInt(value)) };
  if (typeof value !== 'string') return { ok: false, text: String(value) };
  let parsed = portCache.get(value);
  if (!parsed) {
    if (portCache.size >= MAX_CACHED_PORTS) portCache.clear();
    parsed = parsePortText(value);
    portCache.set(value, parsed);
  }
  return parsed;
}

/** Port spellings repeat across thousands of rules: each is parsed once (results are immutable). */
const portCache = new Map<string, PortParse>();
const MAX_CACHED_PORTS = 50_000;

function parsePortText(value: string): PortParse {
  const text = value.trim();
  if (text === '*' || text.toLowerCase() === 'any') return { ok: true, set: ALL_PORTS };
  const m = /^(\d{1,5})(?:\s*-\s*(\d{1,5}))?$/.exec(text);
  if (!m) return { ok: false, text };
  const lo = Number(m[1]);
  const hi = m[2] === undefined ? lo : Number(m[2]);
  if (lo > 65535 || hi > 65535 || hi < lo) return { ok: false, text };
  return { ok: true, set: IntervalSet.range(BigInt(lo), BigInt(hi)) };
}

export function portSetOf(ports: readonly number[]): IntervalSet {
  return IntervalSet.of(ports.map((p) => [BigInt(p), BigInt(p)] as const));
}

/** `22`, `80-443`, `*`; lists joined by commas. */
export function formatPorts(set: IntervalSet): string {
  if (set.equals(ALL_PORTS)) return '*';
  return set.intervals.map(([lo, hi]) => (lo === hi ? `${lo}` : `${lo}-${hi}`)).join(',');
}

export function portCount(set: IntervalSet): number {
  return Number(set.size);
}
