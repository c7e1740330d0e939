/**
 * CIDR functions (parseCidr, cidrSubnet, cidrHost) for IPv4, the address plans rules reason about.
 * IPv6 ranges are Unknown with a reason rather than a wrong answer.
 */
import { unknown } from '../model/unknown.js';
import { type FunctionDefinition, FunctionError } from './types.js';
import { int, str } from './values.js';

interface Cidr {
  readonly base: number;
  readonly bits: number;
}

function parseV4(fn: string, text: string): Cidr | undefined {
  if (text.includes(':')) return undefined;
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(text.trim());
  if (!m) throw new FunctionError(`${fn}() cannot read '${text}' as a CIDR range`);
  const octets = m.slice(1, 5).map(Number);
  const bits = Number(m[5]);
  if (octets.some((o) => o > 255) || bits > 32)
    throw new FunctionError(`${fn}() range '${text}' is out of bounds`);
  const addr = octets.reduce((a, o) => a * 256 + o, 0);
  const size = 2 ** (32 - bits);
  return { base: addr - (addr % size), bits };
}

function ip(n: number): string {
  return [24, 16, 8, 0].map((s) => Math.floor(n / 2 ** s) % 256).join('.');
}

const ipv6 = (fn: string) => unknown(`${fn}() on IPv6 ranges is not evaluated`, `${fn}(…)`);

export const NETWORK_FUNCTIONS: readonly FunctionDefinition[] = [
  {
    name: 'parsecidr',
    minArgs: 1,
    maxArgs: 1,
    evaluate: (args) => {
      const c = parseV4('parseCidr', str('parseCidr', args, 0));
      if (!c) return ipv6('parseCidr');
      const size = 2 ** (32 - c.bits);
      const last = c.base + size - 1;
      return {
        network: ip(c.base),
        netmask: ip(2 ** 32 - size),
        broadcast: ip(last),
        firstUsable: ip(c.bits >= 31 ? c.base : c.base + 1),
        lastUsable: ip(c.bits >= 31 ? last : last - 1),
        cidr: c.bits,
      };
    },
  },
  {
    name: 'cidrsubnet',
    minArgs: 3,
    maxArgs: 3,
    evaluate: (args) => {
      const c = parseV4('cidrSubnet', str('cidrSubnet', args, 0));
      if (!c) return ipv6('cidrSubnet');
      const bits = int('cidrSubnet', args, 1);
      const index = int('cidrSubnet', args, 2);
      if (bits < c.bits || bits > 32)
        throw new FunctionError(`cidrSubnet() new prefix /${bits} does not fit in /${c.bits}`);
      const count = 2 ** (bits - c.bits);
      if (index < 0 || index >= count)
        throw new FunctionError(`cidrSubnet() index ${index} is outside 0..${count - 1}`);
      return `${ip(c.base + index * 2 ** (32 - bits))}/${bits}`;
    },
  },
  {
    name: 'cidrhost',
    minArgs: 2,
    maxArgs: 2,
    evaluate: (args) => {
      const c = parseV4('cidrHost', str('cidrHost', args, 0));
      if (!c) return ipv6('cidrHost');
      const index = int('cidrHost', args, 1);
      const size = 2 ** (32 - c.bits);
      const usable = c.bits >= 31 ? size : size - 2;
      if (index < 0 || index >= usable)
        throw new FunctionError(`cidrHost() index ${index} is outside 0..${usable - 1}`);
      return ip(c.base + (c.bits >= 31 ? 0 : 1) + index);
    },
  },
];
