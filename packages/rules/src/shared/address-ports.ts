/**
 * Address and port specifications as firewall rules write them: `*`, CIDRs, `Internet`, ranges
 * `1000-2000`. Only the questions rules need ("is this any source?", "does this port spec cover
 * 3389?"); the full address/port algebra lives in @ztkit/analysis.
 */
import { isUnknown } from '@ztkit/core';

const ANY_ADDRESSES = new Set(['*', 'any', 'internet', '0.0.0.0/0', '0.0.0.0-255.255.255.255', '::/0']);

/** True when one of the entries means "any address" (not when the list is unknown). */
export function includesAnyAddress(list: unknown): boolean {
  return (
    Array.isArray(list) &&
    list.some((a) => typeof a === 'string' && ANY_ADDRESSES.has(a.trim().toLowerCase()))
  );
}

/** True when the list is known to be empty or absent. */
export function isEmptyList(list: unknown): boolean {
  return list == null || (Array.isArray(list) && list.length === 0);
}

/** Parse one port spec (`443`, `1000-2000`, `*`) into an inclusive range. */
export function parsePortRange(spec: unknown): [number, number] | undefined {
  if (typeof spec === 'number') return Number.isInteger(spec) ? [spec, spec] : undefined;
  if (typeof spec !== 'string' || isUnknown(spec)) return undefined;
  const s = spec.trim();
  if (s === '*') return [0, 65535];
  const m = /^(\d{1,5})(?:\s*-\s*(\d{1,5}))?$/.exec(s);
  if (!m) return undefined;
  const lo = Number(m[1]);
  const hi = m[2] === undefined ? lo : Number(m[2]);
  return lo <= hi && hi <= 65535 ? [lo, hi] : undefined;
}

/** The ports of `wanted` that the list of port specs covers. */
export function coveredPorts(list: unknown, wanted: readonly number[]): number[] {
  if (!Array.isArray(list)) return [];
  const ranges = list.map(parsePortRange).filter((r): r is [number, number] => r !== undefined);
  return wanted.filter((p) => ranges.some(([lo, hi]) => lo <= p && p <= hi));
}

/** True when the list covers every port (a `*` or a range spanning 1-65535). */
export function coversAllPorts(list: unknown): boolean {
  if (!Array.isArray(list)) return false;
  // Together, not one by one: ["1-1024", "1025-65535"] opens every port as surely as "*".
  const ranges = list
    .map(parsePortRange)
    .filter((r): r is [number, number] => r !== undefined)
    .sort((a, b) => a[0] - b[0]);
  let next = 1;
  for (const [from, to] of ranges) {
    if (from > next) return false;
    next = Math.max(next, to + 1);
    if (next > 65535) return true;
  }
  return false;
}

/** Number of IPv4 addresses an IP rule admits (`a.b.c.d`, `a.b.c.d/n`), or undefined when not IPv4. */
export function ipv4RuleSize(spec: unknown): number | undefined {
  if (typeof spec !== 'string') return undefined;
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})(?:\/(\d{1,2}))?$/.exec(spec.trim());
  if (!m) return undefined;
  const prefix = m[5] === undefined ? 32 : Number(m[5]);
  return prefix <= 32 ? 2 ** (32 - prefix) : undefined;
}

/** Number of addresses from `start` to `end` inclusive (SQL / PostgreSQL / Redis firewall rules). */
export function ipv4RangeSize(start: unknown, end: unknown): number | undefined {
  const a = ipv4Number(start);
  const b = ipv4Number(end);
  return a === undefined || b === undefined || b < a ? undefined : b - a + 1;
}

function ipv4Number(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const parts = value.trim().split('.');
  if (parts.length !== 4) return undefined;
  let n = 0;
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p) || Number(p) > 255) return undefined;
    n = n * 256 + Number(p);
  }
  return n;
}
