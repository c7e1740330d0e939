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

/**
 * Where a walk may resume: the value start of an already-found prefix of the pointer (`depth` is
 * its length), or, with `index`, the start of element `index` of the array that prefix holds, so a
 * seek for a later element skips only the elements between.
 */
export interface SeekFrom {
  readonly pos: number;
  readonly depth: number;
  readonly index?: number;
}

/**
 * Told each array element and object member a walk passes (their values' starts): `depth` is the
 * child's pointer length, `key` its index or key. Members are told only where they are known to be
 * the last of their key, so a caller may remember them all.
 */
export type OnElement = (depth: number, key: number | string, pos: number, keyStart?: number) => void;

/**
 * The value at `pointer`, or undefined. `from` resumes at a known ancestor; `onStep(depth, pos,
 * keyStart)` is told each prefix found and `onMiss(depth)` the first prefix that does not exist,
 * so a caller can remember them for later seeks into the same document.
 *
 * Two passes, each forward only: the walk takes the first key that matches at every level, then one
 * pass from the value found to the end of the container the walk started in looks for a later
 * duplicate of any key on the way (JSON.parse keeps the last). Checking each level's tail as the
 * walk went would re-read the rest of the file once per level: nested deployments in compiled
 * templates are seven levels deep and several megabytes long.
 */
export function seekPointer(
  text: string,
  pointer: Pointer,
  from: SeekFrom = { pos: skipTrivia(text, 0), depth: 0 },
  onStep?: (depth: number, pos: number, keyStart: number | undefined) => void,
  onMiss?: (depth: number) => void,
  onElement?: OnElement,
): SeekResult | undefined {
  const steps: { depth: number; pos: number; keyStart: number | undefined }[] = [];
  const elements: { depth: number; key: number | string; pos: number; keyStart: number | undefined }[] = [];
  const element: OnElement = (depth, key, pos, keyStart) => elements.push({ depth, key, pos, keyStart });
  let pos = from.pos;
  let keyStart: number | undefined;
  let missed: number | undefined;
  for (let depth = from.depth; depth < pointer.length; depth++) {
    const key = pointer[depth]!;
    const next: { value: number; keyStart?: number } | undefined =
      depth === from.depth && from.index !== undefined
        ? typeof key === 'number' && key >= from.index
          ? stepElements(text, pos, from.index, key, depth + 1, element)
          : undefined
        : step(text, pos, key, depth + 1, element);
    if (!next) {
      missed = depth + 1;
      break;
    }
    pos = next.value;
    keyStart = next.keyStart;
    steps.push({ depth: depth + 1, pos, keyStart });
  }
  // Where the second pass starts: past the value found, or past the container that lacks the key.
  const level = missed === undefined ? pointer.length - 1 : missed - 2;
  const after = skipValue(text, pos);
  const duplicate =
    after < 0 || level < from.depth
      ? undefined
      : laterDuplicate(text, pointer, after, level, from.depth, element);
  if (duplicate) {
    // The last occurrence of pointer[level] holds the value: what was found below it does not count.
    const valid = (depth: number) => depth <= duplicate.level;
    for (const s of steps) if (valid(s.depth)) onStep?.(s.depth, s.pos, s.keyStart);
    for (const e of elements) if (valid(e.depth - 1)) onElement?.(e.depth, e.key, e.pos, e.keyStart);
    const depth = duplicate.level + 1;
    onStep?.(depth, duplicate.value, duplicate.keyStart);
    const result = seekPointer(text, pointer, { pos: duplicate.value, depth }, onStep, onMiss, onElement);
    return result && depth === pointer.length ? { ...result, keyStart: duplicate.keyStart } : result;
  }
  for (const s of steps) onStep?.(s.depth, s.pos, s.keyStart);
  for (const e of elements) onElement?.(e.depth, e.key, e.pos, e.keyStart);
  if (missed !== undefined) {
    onMiss?.(missed);
    return undefined;
  }
  return after < 0 ? undefined : { start: pos, end: after, ...(keyStart !== undefined ? { keyStart } : {}) };
}

/**
 * One pass from `pos` (inside the container at `level`, just past a value) out to the end of the
 * container at `top`: the shallowest level whose key (pointer[level]) occurs again later, with the
 * value and key start of its last occurrence.
 */
function laterDuplicate(
  text: string,
  pointer: Pointer,
  start: number,
  startLevel: number,
  top: number,
  onMember: OnElement,
): { level: number; value: number; keyStart: number } | undefined {
  const last = new Map<number, { value: number; keyStart: number }>();
  // Arrays have no duplicate keys: once the pass is out of the last object level on the pointer's
  // way, nothing is left to find (a finding deep in one element of a 40 MB resources array must not
  // read every element after it).
  let floor = top;
  while (floor <= startLevel && typeof pointer[floor] !== 'string') floor++;
  let p = start;
  let level = startLevel;
  while (level >= floor) {
    p = skipTrivia(text, p);
    if (p >= text.length) break;
    const c = text.charCodeAt(p);
    if (c === 44) p++;
    else if (c === 125 || c === 93) {
      level--;
      p++;
    } else if (c === 34) {
      const keyEnd = skipString(text, p);
      if (keyEnd < 0) break;
      const colon = skipTrivia(text, keyEnd);
      if (text.charCodeAt(colon) !== 58) {
        p = keyEnd; // a string element of an array
        continue;
      }
      const value = skipTrivia(text, colon + 1);
      const key = pointer[level];
      if (typeof key === 'string' && keyEquals(text, p + 1, keyEnd - 1, key))
        last.set(level, { value, keyStart: p });
      // Members after the walk are the last of their key as far as this container goes on.
      const name = keyText(text, p, keyEnd);
      if (name !== undefined) onMember(level + 1, name, value, p);
      p = skipValue(text, value);
      if (p < 0) break;
    } else {
      p = skipValue(text, p);
      if (p < 0) break;
    }
  }
  let shallowest: number | undefined;
  for (const l of last.keys()) if (shallowest === undefined || l < shallowest) shallowest = l;
  return shallowest === undefined ? undefined : { level: shallowest, ...last.get(shallowest)! };
}

function step(
  text: string,
  pos: number,
  key: string | number,
  depth: number,
  onElement: OnElement | undefined,
): { value: number; keyStart?: number } | undefined {
  const c = text.charCodeAt(pos);
  if (c === 123) return seekKey(text, pos, String(key), depth, onElement);
  if (c !== 91 || typeof key !== 'number') return undefined;
  return stepElements(text, skipTrivia(text, pos + 1), 0, key, depth, onElement);
}

/** From the start of element `index` of an array to the start of element `key`. */
function stepElements(
  text: string,
  start: number,
  index: number,
  key: number,
  depth: number,
  onElement: OnElement | undefined,
): { value: number } | undefined {
  let p = start;
  for (let i = index; i < key; i++) {
    if (text.charCodeAt(p) === 93) return undefined;
    p = skipValue(text, p);
    if (p < 0) return undefined;
    p = skipSeparator(text, p);
    if (p < text.length && text.charCodeAt(p) !== 93) onElement?.(depth, i + 1, p);
  }
  if (p >= text.length || text.charCodeAt(p) === 93) return undefined;
  return { value: p };
}

function seekKey(
  text: string,
  open: number,
  key: string,
  depth: number,
  onMember: OnElement | undefined,
): { value: number; keyStart: number } | undefined {
  let pos = skipTrivia(text, open + 1);
  while (pos < text.length && text.charCodeAt(pos) !== 125) {
    if (text.charCodeAt(pos) !== 34) return undefined;
    const keyStart = pos;
    const keyEnd = skipString(text, pos);
    if (keyEnd < 0) return undefined;
    const matches = keyEquals(text, keyStart + 1, keyEnd - 1, key);
    pos = skipTrivia(text, keyEnd);
    if (text.charCodeAt(pos) !== 58) return undefined;
    pos = skipTrivia(text, pos + 1);
    // The first match: seekPointer's second pass finds a later duplicate, for every level at once.
    if (matches) return { value: pos, keyStart };
    // A member before the match: a later duplicate of it, if any, is told after it.
    if (onMember) {
      const name = keyText(text, keyStart, keyEnd);
      if (name !== undefined) onMember(depth, name, pos, keyStart);
    }
    pos = skipValue(text, pos);
    if (pos < 0) return undefined;
    pos = skipSeparator(text, pos);
  }
  return undefined;
}

/** The key of a member whose string runs from `start` (the quote) to `end` (past the quote). */
function keyText(text: string, start: number, end: number): string | undefined {
  const raw = text.slice(start + 1, end - 1);
  if (!raw.includes('\\')) return raw;
  try {
    return JSON.parse(text.slice(start, end)) as string;
  } catch {
    return undefined;
  }
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
