/**
 * Find one pointer's value in JSON(C) text without building anything: skip every sibling value by
 * scanning brackets, strings and comments. A file with a handful of findings is located at the cost
 * of one partial pass and no allocation; a file with many builds the full span tree instead (see
 * JsonDocument). Duplicate keys resolve to the last one, as JSON.parse does.
 */
import type { Pointer } from '../model/source.js';

export interface SeekResult {
  readonly start: number;
  readonly end: number;
  readonly keyStart?: number;
}

/** Where a walk may resume: the value start of an already-found prefix of the pointer. */
export interface SeekFrom {
  readonly pos: number;
  readonly depth: number;
}

/**
 * The value at `pointer`, or undefined. `from` resumes at a known ancestor; `onStep(depth, pos,
 * keyStart)` is told each prefix found and `onMiss(depth)` the first prefix that does not exist,
 * so a caller can remember them for later seeks into the same document.
 */
export function seekPointer(
  text: string,
  pointer: Pointer,
  from: SeekFrom = { pos: skipTrivia(text, 0), depth: 0 },
  onStep?: (depth: number, pos: number, keyStart: number | undefined) => void,
  onMiss?: (depth: number) => void,
): SeekResult | undefined {
  let pos = from.pos;
  let keyStart: number | undefined;
  for (let depth = from.depth; depth < pointer.length; depth++) {
    const key = pointer[depth]!;
    const next = step(text, pos, key);
    if (!next) {
      onMiss?.(depth + 1);
      return undefined;
    }
    pos = next.value;
    keyStart = next.keyStart;
    onStep?.(depth + 1, pos, keyStart);
  }
  const end = skipValue(text, pos);
  return end < 0 ? undefined : { start: pos, end, ...(keyStart !== undefined ? { keyStart } : {}) };
}

function step(
  text: string,
  pos: number,
  key: string | number,
): { value: number; keyStart?: number } | undefined {
  const c = text.charCodeAt(pos);
  if (c === 123) return seekKey(text, pos, String(key));
  if (c !== 91 || typeof key !== 'number') return undefined;
  let p = skipTrivia(text, pos + 1);
  for (let i = 0; i < key; i++) {
    if (text.charCodeAt(p) === 93) return undefined;
    p = skipValue(text, p);
    if (p < 0) return undefined;
    p = skipSeparator(text, p);
  }
  if (p >= text.length || text.charCodeAt(p) === 93) return undefined;
  return { value: p };
}

function seekKey(text: string, open: number, key: string): { value: number; keyStart: number } | undefined {
  let pos = skipTrivia(text, open + 1);
  let last: { value: number; keyStart: number } | undefined;
  while (pos < text.length && text.charCodeAt(pos) !== 125) {
    if (text.charCodeAt(pos) !== 34) return last;
    const keyStart = pos;
    const keyEnd = skipString(text, pos);
    if (keyEnd < 0) return last;
    const matches = keyEquals(text, keyStart + 1, keyEnd - 1, key);
    pos = skipTrivia(text, keyEnd);
    if (text.charCodeAt(pos) !== 58) return last;
    pos = skipTrivia(text, pos + 1);
    if (matches) last = { value: pos, keyStart };
    pos = skipValue(text, pos);
    if (pos < 0) return last;
    pos = skipSeparator(text, pos);
  }
  return last;
}

function keyEquals(text: string, from: number, to: number, key: string): boolean {
  if (to - from === key.length && text.startsWith(key, from)) return true;
  if (text.indexOf('\\', from) === -1 || text.indexOf('\\', from) >= to) return false;
  try {
    return JSON.parse(text.slice(from - 1, to + 1)) === key;
  } catch {
    return false;
  }
}

function skipSeparator(text: string, pos: number): number {
  const p = skipTrivia(text, pos);
  return text.charCodeAt(p) === 44 ? skipTrivia(text, p + 1) : p;
}

/** The characters that matter while skipping a container: strings, comments and brackets. */
const STRUCTURE = /["{}[\]/]/g;

/** Index just past the value starting at `pos`, or -1 when the text ends first. */
function skipValue(text: string, pos: number): number {
  const c = text.charCodeAt(pos);
  if (c === 34) return skipString(text, pos);
  if (c !== 123 && c !== 91) {
    let p = pos;
    while (p < text.length) {
      const d = text.charCodeAt(p);
      if (d === 44 || d === 125 || d === 93 || d === 32 || d === 10 || d === 13 || d === 9 || d === 47) break;
      p++;
    }
    return p === pos ? -1 : p;
  }
  // Jump from one structural character to the next with the native regex engine: skipping is
  // most of a seek's work, and values in templates are mostly long strings.
  let depth = 0;
  STRUCTURE.lastIndex = pos;
  for (let m = STRUCTURE.exec(text); m; m = STRUCTURE.exec(text)) {
    const p = m.index;
    const d = text.charCodeAt(p);
    if (d === 34) {
      const after = skipString(text, p);
      if (after < 0) return -1;
      STRUCTURE.lastIndex = after;
    } else if (d === 47) {
      const after = skipTrivia(text, p);
      STRUCTURE.lastIndex = after === p ? p + 1 : after;
    } else if (d === 123 || d === 91) depth++;
    else if (--depth === 0) return p + 1;
  }
  return -1;
}

function skipString(text: string, pos: number): number {
  let p = pos + 1;
  for (;;) {
    const q = text.indexOf('"', p);
    if (q < 0) return -1;
    let backslashes = 0;
    for (let b = q - 1; b > pos && text.charCodeAt(b) === 92; b--) backslashes++;
    if (backslashes % 2 === 0) return q + 1;
    p = q + 1;
  }
}

function skipTrivia(text: string, pos: number): number {
  let p = pos;
  for (;;) {
    const c = text.charCodeAt(p);
    if (c === 32 || c === 10 || c === 13 || c === 9 || c === 0xfeff) p++;
    else if (c === 47 && text.charCodeAt(p + 1) === 47) {
      const nl = text.indexOf('\n', p);
      p = nl === -1 ? text.length : nl + 1;
    } else if (c === 47 && text.charCodeAt(p + 1) === 42) {
      const close = text.indexOf('*/', p + 2);
      p = close === -1 ? text.length : close + 2;
    } else return p;
  }
}
