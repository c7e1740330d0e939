/**
 * String functions (learn.microsoft.com: ARM template string functions). ARM runs on .NET: string
 * conversion of booleans is `True`/`False`; `startsWith`, `endsWith`, `indexOf` and `lastIndexOf`
 * on strings compare case-insensitively, while `contains` and `replace` are case-sensitive.
 */
import { isUnknown, type Unknown } from '../model/unknown.js';
import { formatComposite } from './format.js';
import { type FunctionDefinition, FunctionError } from './types.js';
import { dependsOnDeployment, holdsPlaceholder, int, knownSegments, str, toArmString } from './values.js';

/** Upper bound on strings built by padLeft, so a template cannot ask for gigabytes. */
const MAX_BUILT_STRING = 1 << 20;

function lowerIndexOf(s: string, find: string, last: boolean): number {
  const a = s.toLowerCase();
  const b = find.toLowerCase();
  return last ? a.lastIndexOf(b) : a.indexOf(b);
}

function dotnetTrim(s: string): string {
  return s.trim();
}

export const STRING_FUNCTIONS: readonly FunctionDefinition[] = [
  {
    name: 'string',
    minArgs: 1,
    maxArgs: 1,
    evaluate: ([v]) => toArmString(v),
  },
  {
    name: 'format',
    minArgs: 1,
    maxArgs: Number.POSITIVE_INFINITY,
    evaluate: (args) => formatComposite(str('format', args, 0), args.slice(1)),
  },
  {
    name: 'replace',
    minArgs: 3,
    maxArgs: 3,
    evaluate: (args) => {
      const s = str('replace', args, 0);
      const from = str('replace', args, 1);
      const to = str('replace', args, 2);
      if (from === '') throw new FunctionError('replace() cannot replace an empty string');
      return s.split(from).join(to);
    },
  },
  {
    name: 'split',
    minArgs: 2,
    maxArgs: 2,
    evaluate: (args) => {
      const s = str('split', args, 0);
      const d = args[1];
      const delimiters = Array.isArray(d) ? d : [d];
      if (!delimiters.every((x): x is string => typeof x === 'string'))
        throw new FunctionError('split() expects a string or an array of strings as delimiter');
      const seps = delimiters.filter((x) => x !== '');
      if (seps.length === 0) return [s];
      // .NET String.Split(string[]): at each position the first matching separator wins; empty entries stay.
      const out: string[] = [];
      let start = 0;
      let i = 0;
      while (i <= s.length) {
        const hit = seps.find((sep) => s.startsWith(sep, i));
        if (hit === undefined) {
          i++;
          continue;
        }
        out.push(s.slice(start, i));
        i += hit.length;
        start = i;
      }
      out.push(s.slice(start));
      return out;
    },
  },
  {
    name: 'substring',
    minArgs: 1,
    maxArgs: 3,
    evaluate: (args) => {
      const s = str('substring', args, 0);
      const start = args.length > 1 ? int('substring', args, 1) : 0;
      const length = args.length > 2 ? int('substring', args, 2) : s.length - start;
      if (start < 0 || start > s.length)
        throw new FunctionError(
          `substring() start index ${start} is outside the string (length ${s.length})`,
        );
      if (length < 0 || start + length > s.length)
        throw new FunctionError(
          `substring() length ${length} from index ${start} runs past the end of the string (length ${s.length})`,
        );
      return s.slice(start, start + length);
    },
  },
  { name: 'tolower', minArgs: 1, maxArgs: 1, evaluate: (args) => str('toLower', args, 0).toLowerCase() },
  { name: 'toupper', minArgs: 1, maxArgs: 1, evaluate: (args) => str('toUpper', args, 0).toUpperCase() },
  { name: 'trim', minArgs: 1, maxArgs: 1, evaluate: (args) => dotnetTrim(str('trim', args, 0)) },
  {
    name: 'startswith',
    minArgs: 2,
    maxArgs: 2,
    evaluate: (args) =>
      startsOrEnds('startsWith()', str('startsWith', args, 0), str('startsWith', args, 1), true),
  },
  {
    name: 'endswith',
    minArgs: 2,
    maxArgs: 2,
    evaluate: (args) => startsOrEnds('endsWith()', str('endsWith', args, 0), str('endsWith', args, 1), false),
  },
  {
    name: 'indexof',
    minArgs: 2,
    maxArgs: 2,
    evaluate: (args) => {
      if (Array.isArray(args[0])) return searchArray(args[0], args[1], false);
      const text = str('indexOf', args, 0);
      const needle = str('indexOf', args, 1);
      const at = lowerIndexOf(text, needle, false);
      if (!holdsPlaceholder(text) && !holdsPlaceholder(needle)) return at;
      // Only a match wholly before the first placeholder has a known position.
      const head = knownSegments(text)[0]!;
      return !holdsPlaceholder(needle) && at >= 0 && at + needle.length <= head.length
        ? at
        : dependsOnDeployment('indexOf()');
    },
  },
  {
    name: 'lastindexof',
    minArgs: 2,
    maxArgs: 2,
    evaluate: (args) => {
      if (Array.isArray(args[0])) return searchArray(args[0], args[1], true);
      const text = str('lastIndexOf', args, 0);
      const needle = str('lastIndexOf', args, 1);
      // A later occurrence could sit in or after a placeholder, whose length is not known.
      if (holdsPlaceholder(text) || holdsPlaceholder(needle)) return dependsOnDeployment('lastIndexOf()');
      return lowerIndexOf(text, needle, true);
    },
  },
  {
    name: 'padleft',
    minArgs: 2,
    maxArgs: 3,
    evaluate: (args) => {
      const v = args[0];
      if (typeof v !== 'string' && typeof v !== 'number')
        throw new FunctionError('padLeft() expects a string or an integer to pad');
      const s = String(v);
      const total = int('padLeft', args, 1);
      const pad = args.length > 2 ? str('padLeft', args, 2) : ' ';
      if (pad.length !== 1) throw new FunctionError('padLeft() padding must be a single character');
      if (total > MAX_BUILT_STRING)
        throw new FunctionError(`padLeft() length ${total} is too large`, 'cap-size');
      return s.padStart(total, pad);
    },
  },
];

/** Index of `item` in `list`; Unknown when not found but an unknown element might have matched. */
function searchArray(list: readonly unknown[], item: unknown, last: boolean): number | Unknown {
  let unknownSeen: Unknown | undefined;
  for (let n = 0; n < list.length; n++) {
    const i = last ? list.length - 1 - n : n;
    const v = list[i];
    if (isUnknown(v)) unknownSeen ??= v;
    else if (sameItem(v, item)) return unknownSeen ?? i;
  }
  return unknownSeen ?? -1;
}

/** Array search equality (indexOf/lastIndexOf on arrays): case-sensitive, primitives and deep values. */
export function sameItem(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (isUnknown(a) || isUnknown(b)) return false;
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * startsWith/endsWith over text that may hold deployment placeholders (`{resourceGroupName}`):
 * decided by the literal text before the first (after the last) placeholder when that is long
 * enough, false when it already differs, unknown otherwise.
 */
function startsOrEnds(expression: string, text: string, affix: string, start: boolean): boolean | Unknown {
  const t = text.toLowerCase();
  const a = affix.toLowerCase();
  if (!holdsPlaceholder(text) && !holdsPlaceholder(affix)) return start ? t.startsWith(a) : t.endsWith(a);
  // The same placeholder stands for the same value: a textual match holds, a miss proves nothing.
  if (holdsPlaceholder(affix))
    return (start ? t.startsWith(a) : t.endsWith(a)) ? true : dependsOnDeployment(expression);
  const segments = knownSegments(text).map((part) => part.toLowerCase());
  const edge = start ? segments[0]! : segments[segments.length - 1]!;
  if (edge.length >= a.length) return start ? edge.startsWith(a) : edge.endsWith(a);
  const consistent = start ? a.startsWith(edge) : a.endsWith(edge);
  return consistent ? dependsOnDeployment(expression) : false;
}
