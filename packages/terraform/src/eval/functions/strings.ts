/** Terraform string functions. Regex inputs are size-capped: patterns come from user files. */
import { formatNumber, TfEvalError, toList, toNum, toStr } from '../values.js';
import { type FunctionTable, fn, VARIADIC } from './types.js';

const MAX_REGEX_INPUT = 64 * 1024;
const MAX_PATTERN = 1024;

/**
 * A quantified group that itself contains a quantifier (`(a+)+`, `(x*)*`, `(.*a){9}`), or a
 * backreference: linear in RE2 (Terraform's engine), possibly exponential in a backtracking engine.
 */
const NESTED_QUANTIFIER = /\((?:[^()\\]|\\.)*[+*}](?:[^()\\]|\\.)*\)[+*{?]|\\[1-9]/;

/** Terraform uses RE2 syntax; the common subset maps onto JS regular expressions. */
function compile(pattern: string, flags = ''): RegExp {
  if (pattern.length > MAX_PATTERN) throw new TfEvalError('regular expression is too long');
  if (NESTED_QUANTIFIER.test(pattern))
    throw new TfEvalError(
      `regular expression ${JSON.stringify(pattern)} may backtrack without bound; not evaluated`,
    );
  let src = pattern;
  let f = flags;
  const inline = /^\(\?([imsU]+)\)/.exec(src);
  if (inline) {
    src = src.slice(inline[0].length);
    for (const c of inline[1]!) if (c !== 'U' && !f.includes(c)) f += c;
  }
  src = src.replace(/\(\?P</g, '(?<');
  try {
    return new RegExp(src, f);
  } catch {
    throw new TfEvalError(`invalid regular expression ${JSON.stringify(pattern)}`);
  }
}

function capped(s: string): string {
  if (s.length > MAX_REGEX_INPUT) throw new TfEvalError('string too long for a regular expression');
  return s;
}

function matchValue(m: RegExpExecArray): unknown {
  if (m.groups && Object.keys(m.groups).length) return { ...m.groups };
  if (m.length > 1) return m.slice(1).map((x) => x ?? null);
  return m[0];
}

/** `format` verbs: %s %d %f %t %v %q %% with optional width/precision. */
export function formatString(spec: string, args: readonly unknown[]): string {
  let argIndex = 0;
  return spec.replace(
    /%(-?\d*)(?:\.(\d+))?([sdftvqb%])/g,
    (_all, width: string, prec: string, verb: string) => {
      if (verb === '%') return '%';
      if (argIndex >= args.length) throw new TfEvalError('not enough arguments for format string');
      const a = args[argIndex++];
      let out: string;
      switch (verb) {
        case 'd':
          out = formatNumber(Math.trunc(toNum(a)));
          break;
        case 'f':
          out = toNum(a).toFixed(prec ? Number(prec) : 6);
          break;
        case 't':
          out = String(a === true || a === 'true');
          break;
        case 'q':
          out = JSON.stringify(toStr(a));
          break;
        case 'b':
          out = Math.trunc(toNum(a)).toString(2);
          break;
        case 'v':
          out = typeof a === 'object' && a !== null ? JSON.stringify(a) : toStr(a);
          break;
        default:
          out = toStr(a);
      }
      if (width) {
        const w = Math.abs(Number(width));
        out = width.startsWith('-')
          ? out.padEnd(w)
          : out.padStart(w, verb === 'd' && width.startsWith('0') ? '0' : ' ');
      }
      return out;
    },
  );
}

export const STRING_FUNCTIONS: FunctionTable = {
  lower: fn(1, 1, ([s]) => toStr(s).toLowerCase()),
  upper: fn(1, 1, ([s]) => toStr(s).toUpperCase()),
  title: fn(1, 1, ([s]) => toStr(s).replace(/\b\w/g, (c) => c.toUpperCase())),
  trimspace: fn(1, 1, ([s]) => toStr(s).trim()),
  trim: fn(2, 2, ([s, cut]) => {
    const chars = new Set(toStr(cut));
    let v = toStr(s);
    while (v && chars.has(v[0]!)) v = v.slice(1);
    while (v && chars.has(v[v.length - 1]!)) v = v.slice(0, -1);
    return v;
  }),
  trimprefix: fn(2, 2, ([s, p]) =>
    toStr(s).startsWith(toStr(p)) ? toStr(s).slice(toStr(p).length) : toStr(s),
  ),
  trimsuffix: fn(2, 2, ([s, p]) =>
    toStr(p) !== '' && toStr(s).endsWith(toStr(p)) ? toStr(s).slice(0, -toStr(p).length) : toStr(s),
  ),
  startswith: fn(2, 2, ([s, p]) => toStr(s).startsWith(toStr(p))),
  endswith: fn(2, 2, ([s, p]) => toStr(s).endsWith(toStr(p))),
  strcontains: fn(2, 2, ([s, p]) => toStr(s).includes(toStr(p))),
  strrev: fn(1, 1, ([s]) => [...toStr(s)].reverse().join('')),
  substr: fn(3, 3, ([s, o, l]) => {
    const chars = [...toStr(s)];
    let offset = toNum(o);
    if (offset < 0) offset = chars.length + offset;
    const len = toNum(l);
    return chars.slice(offset, len < 0 ? undefined : offset + len).join('');
  }),
  join: fn(2, VARIADIC, ([sep, ...lists]) =>
    lists.flatMap((l) => toList(l).map((x) => toStr(x, 'join element'))).join(toStr(sep)),
  ),
  split: fn(2, 2, ([sep, s]) => (toStr(s) === '' ? [''] : toStr(s).split(toStr(sep)))),
  replace: fn(3, 3, ([s, find, rep]) => {
    const f = toStr(find);
    const text = toStr(s);
    if (f.length > 2 && f.startsWith('/') && f.endsWith('/')) {
      const re = compile(f.slice(1, -1), 'g');
      return capped(text).replace(re, toStr(rep).replace(/\$\{(\w+)\}/g, '$<$1>'));
    }
    return text.split(f).join(toStr(rep));
  }),
  format: fn(1, VARIADIC, ([spec, ...args]) => formatString(toStr(spec), args)),
  formatlist: fn(1, VARIADIC, ([spec, ...args]) => {
    const lists = args.filter(Array.isArray) as unknown[][];
    const n = lists.length ? lists[0]!.length : 1;
    if (lists.some((l) => l.length !== n))
      throw new TfEvalError('formatlist: lists must have the same length');
    const out: string[] = [];
    for (let i = 0; i < n; i++)
      out.push(
        formatString(
          toStr(spec),
          args.map((a) => (Array.isArray(a) ? a[i] : a)),
        ),
      );
    return out;
  }),
  regex: fn(2, 2, ([pattern, s]) => {
    const m = compile(toStr(pattern)).exec(capped(toStr(s)));
    if (!m) throw new TfEvalError('regex: pattern did not match');
    return matchValue(m);
  }),
  regexall: fn(2, 2, ([pattern, s]) => {
    const re = compile(toStr(pattern), 'g');
    const text = capped(toStr(s));
    const out: unknown[] = [];
    for (let m = re.exec(text); m && out.length < 10_000; m = re.exec(text)) {
      out.push(matchValue(m));
      if (m[0] === '') re.lastIndex++;
    }
    return out;
  }),
  chomp: fn(1, 1, ([s]) => toStr(s).replace(/(\r?\n)+$/, '')),
  indent: fn(2, 2, ([n, s]) => toStr(s).replace(/\n/g, `\n${' '.repeat(toNum(n))}`)),
};
