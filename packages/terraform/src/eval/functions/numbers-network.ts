/** Terraform numeric, IP network, encoding and filesystem functions. */
import { createHash } from 'node:crypto';
import { unknown } from '@ztkit/core';
import { isObject, TfEvalError, toNum, toStr } from '../values.js';
import { type FunctionTable, fn, VARIADIC } from './types.js';

// --- IPv4 CIDR arithmetic (IPv6 prefixes are rare in azurerm network configs: reported, not guessed) ---

function parseCidr(cidr: string): { addr: number; bits: number } {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(cidr.trim());
  if (!m) throw new TfEvalError(`${JSON.stringify(cidr)} is not an IPv4 CIDR prefix`);
  const octets = m.slice(1, 5).map(Number);
  if (octets.some((o) => o > 255) || Number(m[5]) > 32) throw new TfEvalError(`invalid CIDR ${cidr}`);
  const addr = ((octets[0]! << 24) | (octets[1]! << 16) | (octets[2]! << 8) | octets[3]!) >>> 0;
  return { addr, bits: Number(m[5]) };
}

function ipString(addr: number): string {
  return [24, 16, 8, 0].map((s) => (addr >>> s) & 255).join('.');
}

function networkOf(addr: number, bits: number): number {
  return bits === 0 ? 0 : (addr & (~0 << (32 - bits))) >>> 0;
}

export function cidrSubnet(prefix: string, newbits: number, netnum: number): string {
  const { addr, bits } = parseCidr(prefix);
  const total = bits + newbits;
  if (newbits < 0 || total > 32)
    throw new TfEvalError(`cidrsubnet: ${newbits} extra bits do not fit in ${prefix}`);
  if (netnum < 0 || netnum >= 2 ** newbits)
    throw new TfEvalError(`cidrsubnet: netnum ${netnum} out of range`);
  const base = networkOf(addr, bits);
  const sub = (base + netnum * 2 ** (32 - total)) >>> 0;
  return `${ipString(sub)}/${total}`;
}

function cidrHost(prefix: string, hostnum: number): string {
  const { addr, bits } = parseCidr(prefix);
  const size = 2 ** (32 - bits);
  const n = hostnum < 0 ? size + hostnum : hostnum;
  if (n < 0 || n >= size)
    throw new TfEvalError(`cidrhost: host number ${hostnum} out of range for ${prefix}`);
  return ipString((networkOf(addr, bits) + n) >>> 0);
}

function cidrNetmask(prefix: string): string {
  const { bits } = parseCidr(prefix);
  return ipString(bits === 0 ? 0 : (~0 << (32 - bits)) >>> 0);
}

function cidrSubnets(prefix: string, newbits: number[]): string[] {
  const { addr, bits } = parseCidr(prefix);
  let cursor = networkOf(addr, bits);
  const end = cursor + 2 ** (32 - bits);
  const out: string[] = [];
  for (const nb of newbits) {
    const size = 2 ** (32 - bits - nb);
    cursor = Math.ceil(cursor / size) * size;
    if (cursor + size > end) throw new TfEvalError(`cidrsubnets: not enough space in ${prefix}`);
    out.push(`${ipString(cursor)}/${bits + nb}`);
    cursor += size;
  }
  return out;
}

// --- JSON -------------------------------------------------------------------------------------

function jsonEncode(v: unknown): string {
  return JSON.stringify(v, (_k, x) => (x === undefined ? null : x));
}

export const NUMBER_NETWORK_FUNCTIONS: FunctionTable = {
  abs: fn(1, 1, ([n]) => Math.abs(toNum(n))),
  ceil: fn(1, 1, ([n]) => Math.ceil(toNum(n))),
  floor: fn(1, 1, ([n]) => Math.floor(toNum(n))),
  max: fn(1, VARIADIC, (args) => Math.max(...args.map((a) => toNum(a)))),
  min: fn(1, VARIADIC, (args) => Math.min(...args.map((a) => toNum(a)))),
  pow: fn(2, 2, ([a, b]) => toNum(a) ** toNum(b)),
  signum: fn(1, 1, ([n]) => Math.sign(toNum(n))),
  log: fn(2, 2, ([a, b]) => Math.log(toNum(a)) / Math.log(toNum(b))),
  parseint: fn(2, 2, ([s, b]) => {
    const n = Number.parseInt(toStr(s), toNum(b));
    if (Number.isNaN(n)) throw new TfEvalError(`parseint: cannot parse ${JSON.stringify(s)}`);
    return n;
  }),
  cidrsubnet: fn(3, 3, ([p, nb, nn]) => cidrSubnet(toStr(p), toNum(nb), toNum(nn))),
  cidrhost: fn(2, 2, ([p, n]) => cidrHost(toStr(p), toNum(n))),
  cidrnetmask: fn(1, 1, ([p]) => cidrNetmask(toStr(p))),
  cidrsubnets: fn(1, VARIADIC, ([p, ...nb]) =>
    cidrSubnets(
      toStr(p),
      nb.map((x) => toNum(x)),
    ),
  ),
  jsonencode: fn(1, 1, ([v]) => jsonEncode(v)),
  jsondecode: fn(1, 1, ([s]) => {
    try {
      return JSON.parse(toStr(s));
    } catch {
      throw new TfEvalError('jsondecode: invalid JSON');
    }
  }),
  yamlencode: fn(1, 1, ([v]) => jsonEncode(v)),
  base64encode: fn(1, 1, ([s]) => Buffer.from(toStr(s), 'utf8').toString('base64')),
  base64decode: fn(1, 1, ([s]) => Buffer.from(toStr(s), 'base64').toString('utf8')),
  urlencode: fn(1, 1, ([s]) => encodeURIComponent(toStr(s))),
  file: fn(1, 1, ([p], env) => {
    const text = env.readFile(toStr(p));
    if (text === undefined)
      throw new TfEvalError(
        `file: cannot read ${JSON.stringify(env.showPath?.(toStr(p)) ?? p)} inside the scanned root`,
      );
    return text;
  }),
  fileexists: fn(1, 1, ([p], env) => env.readFile(toStr(p)) !== undefined),
  templatefile: fn(2, 2, ([p, vars], env) => {
    const text = env.readFile(toStr(p));
    if (text === undefined)
      throw new TfEvalError(
        `templatefile: cannot read ${JSON.stringify(env.showPath?.(toStr(p)) ?? p)} inside the scanned root`,
      );
    if (!isObject(vars)) throw new TfEvalError('templatefile: variables must be an object');
    return env.renderTemplate(text, vars, toStr(p));
  }),
  // Values that differ per run or depend on the machine: never guessed.
  timestamp: fn(0, 0, () => unknown('timestamp() is known only at apply time', 'timestamp()')),
  uuid: fn(0, 0, () => unknown('uuid() is known only at apply time', 'uuid()')),
  // Time arithmetic is only ever applied to timestamps in practice: not evaluated.
  timeadd: fn(2, 2, () => unknown('time arithmetic is not evaluated', 'timeadd()')),
  formatdate: fn(2, 2, () => unknown('date formatting is not evaluated', 'formatdate()')),
  timecmp: fn(2, 2, () => unknown('time comparison is not evaluated', 'timecmp()')),
  plantimestamp: fn(0, 0, () => unknown('plantimestamp() is known only at plan time', 'plantimestamp()')),
  bcrypt: fn(1, 2, () => unknown('bcrypt() is random', 'bcrypt()')),
  md5: fn(1, 1, ([s]) => createHash('md5').update(toStr(s)).digest('hex')),
  sha1: fn(1, 1, ([s]) => createHash('sha1').update(toStr(s)).digest('hex')),
  sha256: fn(1, 1, ([s]) => createHash('sha256').update(toStr(s)).digest('hex')),
  list: fn(0, VARIADIC, (args) => [...args]),
  map: fn(0, VARIADIC, (args) => {
    const out: Record<string, unknown> = {};
    for (let i = 0; i + 1 < args.length; i += 2) out[toStr(args[i])] = args[i + 1];
    return out;
  }),
  abspath: fn(1, 1, ([p]) => toStr(p)),
  basename: fn(1, 1, ([p]) => toStr(p).split('/').pop() ?? ''),
  dirname: fn(1, 1, ([p]) => toStr(p).split('/').slice(0, -1).join('/') || '.'),
  pathexpand: fn(1, 1, ([p]) => toStr(p)),
};
