/**
 * Source positions. Every value in the model can be traced back to the place in the file the user
 * wrote, so that a finding lands on the exact line. Positions are 1-based, end inclusive of the last
 * character's column + 1 (LSP-like, as SARIF regions expect).
 */
export interface SourceSpan {
  readonly file: string;
  readonly startLine: number;
  readonly startColumn: number;
  readonly endLine: number;
  readonly endColumn: number;
}

/** A path of object keys and array indices, from a value down to one of its parts. */
export type Pointer = ReadonlyArray<string | number>;

/**
 * Where an object or array of the model was written. Loaders attach origins to the objects they
 * build (see {@link setOrigin}); {@link locateValue} uses them to find the most specific span for a
 * property path. `locate([])` is the span of the node itself; `locate(['a', 0])` the span of the
 * node reached by those keys in the source, or undefined when the source has no such node (the value
 * was computed, not written).
 */
export interface Origin {
  readonly file: string;
  locate(keys: Pointer): SourceSpan | undefined;
}

/**
 * The origin rides on the object itself as a hidden (symbol-keyed, non-enumerable) property: a
 * WeakMap entry per model object cost more in garbage collection than the scan's evaluation did
 * (ephemeron tables are re-traced on every GC). Hidden means JSON, spread, Object.keys and deep
 * equality never see it; objects that cannot take a property fall back to the WeakMap.
 */
const ORIGIN = Symbol('ztkit.origin');
const sealedOrigins = new WeakMap<object, Origin>();

export function setOrigin<T extends object>(value: T, origin: Origin): T {
  if (Object.isExtensible(value))
    Object.defineProperty(value, ORIGIN, {
      value: origin,
      writable: true,
      configurable: true,
      enumerable: false,
    });
  else sealedOrigins.set(value, origin);
  return value;
}

export function originOf(value: unknown): Origin | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  return Object.hasOwn(value, ORIGIN) ? (value as { [ORIGIN]: Origin })[ORIGIN] : sealedOrigins.get(value);
}

/** An origin with a fixed span and, optionally, explicit spans for some keys (used by translators). */
export class SpanOrigin implements Origin {
  readonly file: string;
  constructor(
    readonly span: SourceSpan,
    private readonly keySpans?: ReadonlyMap<string | number, SourceSpan>,
  ) {
    this.file = span.file;
  }
  locate(keys: Pointer): SourceSpan | undefined {
    if (keys.length === 0) return this.span;
    if (keys.length === 1 && this.keySpans) return this.keySpans.get(keys[0]!);
    return undefined;
  }
}

/**
 * The most specific span that explains `path` inside `root`: walks the value along the path,
 * remembers the deepest object with an origin and asks it for the remaining keys, dropping keys
 * from the end until the source has a node for them.
 */
export function locateValue(root: unknown, path: Pointer, fallback?: Origin): SourceSpan | undefined {
  let best: { origin: Origin; depth: number } | undefined = fallback
    ? { origin: fallback, depth: 0 }
    : undefined;
  let current: unknown = root;
  const rootOrigin = originOf(root);
  if (rootOrigin) best = { origin: rootOrigin, depth: 0 };
  for (let i = 0; i < path.length; i++) {
    if (typeof current !== 'object' || current === null) break;
    current = (current as Record<string | number, unknown>)[path[i] as string];
    const origin = originOf(current);
    if (origin) best = { origin, depth: i + 1 };
  }
  if (!best) return undefined;
  const rest = path.slice(best.depth);
  for (let n = rest.length; n >= 0; n--) {
    const span = best.origin.locate(rest.slice(0, n));
    if (span) return span;
  }
  return undefined;
}

/** Parse 'properties.securityRules[0].properties.access' into a pointer. */
export function parsePath(path: string | Pointer): Pointer {
  if (typeof path !== 'string') return path;
  const out: (string | number)[] = [];
  const re = /([^.[\]]+)|\[(\d+)\]/g;
  for (let m = re.exec(path); m; m = re.exec(path)) {
    if (m[1] !== undefined) out.push(m[1]);
    else out.push(Number(m[2]));
  }
  return out;
}

export function formatPath(path: Pointer): string {
  let s = '';
  for (const key of path) s += typeof key === 'number' ? `[${key}]` : s ? `.${key}` : key;
  return s;
}

/** Line/column of a UTF-16 offset, computed from a precomputed table of line starts. */
export class LineMap {
  private readonly starts: number[];
  constructor(text: string) {
    const starts = [0];
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    this.starts = starts;
  }
  position(offset: number): { line: number; column: number } {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - this.starts[lo]! + 1 };
  }
  span(file: string, start: number, end: number): SourceSpan {
    const a = this.position(start);
    const b = this.position(end);
    return { file, startLine: a.line, startColumn: a.column, endLine: b.line, endColumn: b.column };
  }
}
