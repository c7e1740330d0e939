import { IntervalSet } from './interval-set.js';

export type IpFamily = 'ipv4' | 'ipv6';

export interface ParsedPrefix {
  readonly family: IpFamily;
  readonly set: IntervalSet;
  /** Prefix length (32 / 128 for a single address). */
  readonly length: number;
}

export const IPV4_ALL = IntervalSet.range(0n, (1n << 32n) - 1n);
export const IPV6_ALL = IntervalSet.range(0n, (1n << 128n) - 1n);

/** Parse a dotted IPv4 address into its 32-bit value. */
export function parseIpv4(text: string): bigint | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  let value = 0n;
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p)) return undefined;
    const n = Number(p);
    if (n > 255) return undefined;
    value = (value << 8n) | BigInt(n);
  }
  return value;
}

/** Parse an IPv6 address (with `::` compression and an optional embedded IPv4 tail). */
export function parseIpv6(text: string): bigint | undefined {
  if (!text.includes(':') || text.length > 45) return undefined;
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const groups = (s: string): string[] | undefined => {
    if (s === '') return [];
    const out: string[] = [];
    const parts = s.split(':');
    for (let i = 0; i < parts.length; i++) {
      const p = parts[i]!;
      if (i === parts.length - 1 && p.includes('.')) {
        const v4 = parseIpv4(p);
        if (v4 === undefined) return undefined;
        out.push(((v4 >> 16n) & 0xffffn).toString(16), (v4 & 0xffffn).toString(16));
      } else if (/^[0-9a-f]{1,4}$/i.test(p)) out.push(p);
      else return undefined;
    }
    return out;
  };
  const head = groups(halves[0]!);
  const tail = halves.length === 2 ? groups(halves[1]!) : [];
  if (!head || !tail) return undefined;
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return undefined;
  const all = [...head, ...Array(halves.length === 2 ? missing : 0).fill('0'), ...tail];
  let value = 0n;
  for (const g of all) value = (value << 16n) | BigInt(Number.parseInt(g, 16));
  return value;
}

/**
 * Parse `10.0.0.0/16`, `10.0.0.4`, `2001:db8::/32` into an interval. Host bits set below the prefix
 * are ignored (Azure normalises them the same way for NSG rules).
 */
export function parsePrefix(text: string): ParsedPrefix | undefined {
  const trimmed = text.trim();
  const slash = trimmed.indexOf('/');
  const addr = slash < 0 ? trimmed : trimmed.slice(0, slash);
  const lenText = slash < 0 ? undefined : trimmed.slice(slash + 1);
  if (lenText !== undefined && !/^\d{1,3}$/.test(lenText)) return undefined;
  const v4 = parseIpv4(addr);
  if (v4 !== undefined) return toPrefix('ipv4', v4, lenText === undefined ? 32 : Number(lenText), 32);
  const v6 = parseIpv6(addr);
  if (v6 !== undefined) return toPrefix('ipv6', v6, lenText === undefined ? 128 : Number(lenText), 128);
  return undefined;
}

function toPrefix(family: IpFamily, value: bigint, length: number, bits: number): ParsedPrefix | undefined {
  if (length > bits) return undefined;
  const hostBits = BigInt(bits - length);
  const lo = (value >> hostBits) << hostBits;
  const hi = lo + (1n << hostBits) - 1n;
  return { family, set: IntervalSet.range(lo, hi), length };
}

export function formatIpv4(value: bigint): string {
  return [24n, 16n, 8n, 0n].map((s) => ((value >> s) & 0xffn).toString()).join('.');
}
