/**
 * Encoding, URI and identity functions: base64, data URIs, `uri()` with ARM's documented joining
 * rules, `guid()` (RFC 4122 name-based UUID v5 over ARM's namespace 11fb06fb-712d-4ddd-98c7-e71bbd588830
 * with the arguments joined by '-', the algorithm ARM documents) and `uniqueString()`.
 *
 * uniqueString: ARM hashes the '-'-joined arguments with an unpublished 64-bit MurmurHash variant
 * and base32-encodes it into 13 lowercase characters. We keep the shape and the determinism (same
 * inputs, same 13 chars of [a-z2-7], case-sensitive) but hash with SHA-256: the value is stable
 * across scans and between the ARM and Bicep loaders, yet it is NOT the string Azure would produce.
 * Names built from it are therefore only compared with names built the same way.
 */
import { createHash } from 'node:crypto';
import { unknown } from '../model/unknown.js';
import { type FunctionDefinition, FunctionError } from './types.js';
import { str, toArmString } from './values.js';

const GUID_NAMESPACE = Buffer.from('11fb06fb712d4ddd98c7e71bbd588830', 'hex');
const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';

function joinedText(fn: string, args: readonly unknown[]): string {
  return args
    .map((a, i) => {
      if (typeof a !== 'string')
        throw new FunctionError(`${fn}() expects string arguments (argument ${i + 1})`);
      return a;
    })
    .join('-');
}

/** Templates hash the same few inputs over and over (resourceGroup().id, deployment().name...). */
const hashCache = new Map<string, string>();
function cached(kind: string, text: string, compute: () => string): string {
  const key = `${kind}\u0000${text}`;
  let v = hashCache.get(key);
  if (v === undefined) {
    if (hashCache.size > 50_000) hashCache.clear();
    v = compute();
    hashCache.set(key, v);
  }
  return v;
}

export function armGuid(parts: readonly string[]): string {
  return cached('guid', parts.join('-'), () => computeGuid(parts));
}

function computeGuid(parts: readonly string[]): string {
  const hash = createHash('sha1').update(GUID_NAMESPACE).update(parts.join('-'), 'utf8').digest();
  const b = Buffer.from(hash.subarray(0, 16));
  b[6] = (b[6]! & 0x0f) | 0x50;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export function stableUniqueString(parts: readonly string[]): string {
  return cached('unique', parts.join('-'), () => computeUniqueString(parts));
}

function computeUniqueString(parts: readonly string[]): string {
  const digest = createHash('sha256').update(parts.join('-'), 'utf8').digest();
  let bits = digest.readBigUInt64BE(0);
  let out = '';
  for (let i = 0; i < 13; i++) {
    out = BASE32[Number(bits & 31n)]! + out;
    bits >>= 5n;
  }
  return out;
}

/** `uri(base, relative)` as documented: trailing slash joins, otherwise the last segment is replaced. */
export function joinUri(base: string, relative: string): string {
  if (base.endsWith('/')) return relative.startsWith('/') ? base + relative.slice(1) : base + relative;
  const afterScheme = base.indexOf('//') >= 0 ? base.indexOf('//') + 2 : 0;
  const lastSlash = base.lastIndexOf('/');
  if (lastSlash < afterScheme) return `${base}/${relative.startsWith('/') ? relative.slice(1) : relative}`;
  const trimmed = base.slice(0, lastSlash + 1);
  return relative.startsWith('/') ? trimmed + relative.slice(1) : trimmed + relative;
}

/** RFC 3986 escaping of everything but unreserved characters, like .NET Uri.EscapeDataString. */
function escapeDataString(s: string): string {
  return encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function decodeBase64(fn: string, s: string): string {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(s.trim()) || s.trim().length % 4 !== 0)
    throw new FunctionError(`${fn}() was given text that is not valid base64`);
  return Buffer.from(s.trim(), 'base64').toString('utf8');
}

export const ENCODING_FUNCTIONS: readonly FunctionDefinition[] = [
  {
    name: 'base64',
    minArgs: 1,
    maxArgs: 1,
    evaluate: (args) => Buffer.from(str('base64', args, 0), 'utf8').toString('base64'),
  },
  {
    name: 'base64tostring',
    minArgs: 1,
    maxArgs: 1,
    evaluate: (args) => decodeBase64('base64ToString', str('base64ToString', args, 0)),
  },
  {
    name: 'base64tojson',
    minArgs: 1,
    maxArgs: 1,
    evaluate: (args) => {
      const text = decodeBase64('base64ToJson', str('base64ToJson', args, 0));
      try {
        return JSON.parse(text);
      } catch {
        throw new FunctionError('base64ToJson() decoded text that is not JSON');
      }
    },
  },
  {
    name: 'uri',
    minArgs: 2,
    maxArgs: 2,
    evaluate: (args) => joinUri(str('uri', args, 0), str('uri', args, 1)),
  },
  {
    name: 'uricomponent',
    minArgs: 1,
    maxArgs: 1,
    evaluate: (args) => escapeDataString(str('uriComponent', args, 0)),
  },
  {
    name: 'uricomponenttostring',
    minArgs: 1,
    maxArgs: 1,
    evaluate: (args) => {
      try {
        return decodeURIComponent(str('uriComponentToString', args, 0));
      } catch {
        throw new FunctionError('uriComponentToString() was given a malformed escape sequence');
      }
    },
  },
  {
    name: 'datauri',
    minArgs: 1,
    maxArgs: 1,
    evaluate: ([v]) => {
      const text = toArmString(v);
      if (typeof text !== 'string') return text;
      return `data:text/plain;charset=utf8;base64,${Buffer.from(text, 'utf8').toString('base64')}`;
    },
  },
  {
    name: 'datauritostring',
    minArgs: 1,
    maxArgs: 1,
    evaluate: (args) => {
      const s = str('dataUriToString', args, 0);
      const m = /^data:([^,]*),(.*)$/s.exec(s);
      if (!m) throw new FunctionError('dataUriToString() was given text that is not a data URI');
      if (/;base64$/i.test(m[1]!)) return decodeBase64('dataUriToString', m[2]!);
      try {
        return decodeURIComponent(m[2]!);
      } catch {
        throw new FunctionError('dataUriToString() was given a malformed escape sequence');
      }
    },
  },
  {
    name: 'guid',
    minArgs: 1,
    maxArgs: Number.POSITIVE_INFINITY,
    evaluate: (args) => armGuid([joinedText('guid', args)]),
  },
  {
    name: 'uniquestring',
    minArgs: 1,
    maxArgs: Number.POSITIVE_INFINITY,
    evaluate: (args) => stableUniqueString([joinedText('uniqueString', args)]),
  },
  {
    name: 'newguid',
    minArgs: 0,
    maxArgs: 0,
    evaluate: () => unknown('newGuid() returns a new value at every deployment', 'newGuid()'),
  },
  {
    name: 'utcnow',
    minArgs: 0,
    maxArgs: 1,
    evaluate: () => unknown('utcNow() is the time of the deployment', 'utcNow()'),
  },
];
