/**
 * Input generators for the parser fuzzing: real files (the seeds) damaged in the ways real files
 * get damaged (cut short, edited by hand, re-encoded, pasted from a web page), plus pure noise and
 * pathological shapes (deep nesting, huge numbers). Shared by the quick run in `npm test` and the
 * long run (`npm run fuzz`), so both explore the same space.
 */
import fc from 'fast-check';

/** Characters that break naive text handling: lone surrogates, bidi overrides, zero-width, NUL, BOM. */
export const ODD_CHARACTERS = [
  '\uD800', // lone high surrogate
  '\uDFFF', // lone low surrogate
  '\u202E', // right-to-left override
  '\u2067', // right-to-left isolate
  '\u200B', // zero-width space
  '\u200D', // zero-width joiner
  '\uFEFF', // BOM / zero-width no-break space in the middle of a file
  '\u0000',
  '\u0085', // next line, a line break to some parsers only
  '\u2028', // line separator
  '\r',
  '\u0301', // combining accent with no base
  '\u{1F512}', // astral character (a surrogate pair)
  'İ', // changes length when lower-cased
  'ß',
  '\\',
  '"',
  "'",
  '$',
  '${',
  '%{',
];

const HUGE_NUMBERS = [
  '1e309',
  '-1e309',
  '99999999999999999999999999999999',
  '9007199254740993',
  '-0',
  '0.0000000000000000000000000001',
  '1'.repeat(400),
  '1e-400',
  '0x7fffffff',
  'NaN',
  'Infinity',
];

/** Token-ish boundaries shared by JSON, Bicep, HCL, ARM expressions and YAML. */
const TOKEN = /[A-Za-z_$][\w$-]*|\d+(?:\.\d+)?|"(?:[^"\\\n]|\\.)*"|'(?:[^'\n])*'|\s+|./gsu;

function tokenSpans(text) {
  const spans = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m && spans.length < 20_000; m = TOKEN.exec(text))
    spans.push([m.index, m.index + m[0].length]);
  return spans;
}

const at = (n, len) => (len === 0 ? 0 : n % (len + 1));

/** One damage applied to a text; `n`, `m` pick positions and counts, `pick` picks from lists. */
function applyMutation(text, { kind, n, m, pick }, language) {
  const pos = at(n, text.length);
  switch (kind) {
    case 'truncate':
      return text.slice(0, pos);
    case 'flip': {
      if (!text.length) return String.fromCharCode(pick % 0x10000);
      const i = pos % text.length;
      return (
        text.slice(0, i) + String.fromCharCode(text.charCodeAt(i) ^ (1 << (pick % 16))) + text.slice(i + 1)
      );
    }
    case 'delete-token':
    case 'duplicate-token':
    case 'swap-tokens': {
      const spans = tokenSpans(text);
      if (!spans.length) return text;
      const [s, e] = spans[n % spans.length];
      if (kind === 'delete-token') return text.slice(0, s) + text.slice(e);
      if (kind === 'duplicate-token')
        return text.slice(0, e) + text.slice(s, e).repeat(1 + (m % 4)) + text.slice(e);
      const [s2, e2] = spans[m % spans.length];
      if (s2 <= e) return text;
      return text.slice(0, s) + text.slice(s2, e2) + text.slice(e, s2) + text.slice(s, e) + text.slice(e2);
    }
    case 'insert-token':
      return text.slice(0, pos) + language.tokens[pick % language.tokens.length] + text.slice(pos);
    case 'nest': {
      const [open, close] = language.nesting[pick % language.nesting.length];
      const depth = 50 + (m % Math.min(4000, language.maxNesting ?? 20_000));
      const closed = m % 3 !== 0; // sometimes unbalanced on purpose
      return text.slice(0, pos) + open.repeat(depth) + (closed ? close.repeat(depth) : '') + text.slice(pos);
    }
    case 'huge-number':
      return text.slice(0, pos) + HUGE_NUMBERS[pick % HUGE_NUMBERS.length] + text.slice(pos);
    case 'odd-unicode':
      return text.slice(0, pos) + ODD_CHARACTERS[pick % ODD_CHARACTERS.length] + text.slice(pos);
    case 'bom':
      return `\uFEFF${text}`;
    case 'crlf':
      return pick % 2 ? text.replace(/\n/g, '\r\n') : text.replace(/\n/g, '\r');
    case 'nul':
      return text.slice(0, pos) + '\0'.repeat(1 + (m % 8)) + text.slice(pos);
    case 'repeat-block': {
      // Copy a stretch of the file many times: many resources, long lines, many keys.
      const len = Math.min(text.length - pos, 1 + (m % 400));
      return text.slice(0, pos) + text.slice(pos, pos + len).repeat(2 + (pick % 60)) + text.slice(pos);
    }
    default:
      throw new Error(`unknown mutation ${kind}`);
  }
}

export const MUTATION_KINDS = [
  'truncate',
  'flip',
  'delete-token',
  'duplicate-token',
  'swap-tokens',
  'insert-token',
  'nest',
  'huge-number',
  'odd-unicode',
  'bom',
  'crlf',
  'nul',
  'repeat-block',
];

const mutation = fc.record({
  kind: fc.constantFrom(...MUTATION_KINDS),
  n: fc.nat(),
  m: fc.nat(),
  pick: fc.nat(),
});

/**
 * Inputs for one language: mostly mutated seeds, some token soup, some raw noise, some pure deep
 * nesting. `language` = { seeds: string[], tokens: string[], nesting: [open, close][], maxNesting?,
 * grammar? (an arbitrary of well-formed inputs) }.
 */
export function inputsFor(language) {
  const soup = fc
    .array(fc.constantFrom(...language.tokens), { maxLength: 300 })
    .map((parts) => parts.join(''));
  const noise = fc.string({ unit: 'binary', maxLength: 400 });
  const nested = fc
    .tuple(
      fc.constantFrom(...language.nesting),
      fc.integer({ min: 1, max: language.maxNesting ?? 20_000 }),
      fc.boolean(),
    )
    .map(([[open, close], depth, closed]) => open.repeat(depth) + (closed ? close.repeat(depth) : ''));
  const arbitraries = [
    { weight: 2, arbitrary: soup },
    { weight: 1, arbitrary: noise },
    { weight: 1, arbitrary: nested },
  ];
  // Well-formed inputs from a grammar, so that evaluators are exercised, not only parsers' error paths.
  if (language.grammar) arbitraries.push({ weight: 6, arbitrary: language.grammar });
  if (language.seeds.length) {
    const mutated = fc
      .tuple(fc.constantFrom(...language.seeds), fc.array(mutation, { minLength: 1, maxLength: 5 }))
      .map(([seed, mutations]) => mutations.reduce((text, mu) => applyMutation(text, mu, language), seed));
    arbitraries.push({ weight: 8, arbitrary: mutated });
    arbitraries.push({ weight: 1, arbitrary: fc.constantFrom(...language.seeds) });
  }
  return fc.oneof(...arbitraries);
}
