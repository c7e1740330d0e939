import { LineMap, type Pointer, type SourceSpan } from '../model/source.js';
import { type SeekFrom, seekPointer } from './seek.js';

/**
 * Locates answered by seeking before the whole span tree is built: a few findings in a large file
 * cost a partial pass each (resumed from remembered ancestors); many findings in one file pay for
 * the tree once.
 */
const SEEKS_BEFORE_TREE = 64;

/**
 * JSON with comments, as ARM reads it: `//` and `/* *\/` comments, trailing commas and raw line
 * breaks inside strings are tolerated. Values come from the native `JSON.parse` whenever the text
 * allows it (the fast path: ARM scans are measured against it); source spans are computed lazily,
 * in one pass, only when a finding or an error needs one.
 */

export interface JsonError {
  readonly message: string;
  readonly span: SourceSpan;
}

export type JsonParseResult =
  | { ok: true; value: unknown; document: JsonDocument }
  | { ok: false; error: JsonError };

export interface JsonParseOptions {
  /** Nesting deeper than this is an error, not a stack overflow. */
  readonly maxDepth?: number;
  /**
   * Skip the whole-text depth pre-check on the native path. For callers that bound depth themselves
   * while walking the value (V8's JSON.parse does not recurse on the stack; the pre-check costs about
   * as much as JSON.parse itself). The tolerant scanner still enforces `maxDepth`.
   */
  readonly skipDepthPrecheck?: boolean;
}

const DEFAULT_MAX_DEPTH = 256;

export function parseJsonc(text: string, file: string, options: JsonParseOptions = {}): JsonParseResult {
  const maxDepth = options.maxDepth ?? DEFAULT_MAX_DEPTH;
  const source = text.charCodeAt(0) === 0xfeff ? ` ${text.slice(1)}` : text;
  const document = new JsonDocument(source, file, maxDepth);
  // Depth is checked by the scanner, since JSON.parse would overflow the stack on hostile input.
  if (!options.skipDepthPrecheck && exceedsDepth(source, maxDepth)) {
    const r = new JsonScanner(source, file, maxDepth, false);
    try {
      r.parseDocument();
    } catch (e) {
      if (e instanceof JsonSyntaxError) return { ok: false, error: r.errorAt(e) };
      throw e;
    }
  }
  try {
    return { ok: true, value: JSON.parse(source), document };
  } catch {
    // Comments, trailing commas or raw newlines: fall through to the tolerant scanner.
  }
  const scanner = new JsonScanner(source, file, maxDepth, true);
  try {
    const value = scanner.parseDocument();
    return { ok: true, value, document };
  } catch (e) {
    if (e instanceof JsonSyntaxError) return { ok: false, error: scanner.errorAt(e) };
    throw e;
  }
}

/** Cheap bracket-depth pre-check that skips strings; avoids recursion entirely. */
function exceedsDepth(text: string, maxDepth: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++;
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      if (++depth > maxDepth) return true;
    } else if (c === 125 || c === 93) depth--;
  }
  return false;
}

interface SpanNode {
  start: number;
  end: number;
  keyStart?: number;
  children?: Map<string, SpanNode> | SpanNode[];
}

/** The parsed text of one JSON file, able to locate any pointer lazily. */
export class JsonDocument {
  private root?: SpanNode | null;
  private lines?: LineMap;
  private seeks = 0;
  /** Value offsets of pointer prefixes found by earlier seeks, and prefixes known to be absent. */
  private readonly found = new Map<string, { pos: number; keyStart: number | undefined }>();
  private readonly absent = new Set<string>();
  constructor(
    readonly text: string,
    readonly file: string,
    private readonly maxDepth: number = DEFAULT_MAX_DEPTH,
  ) {}

  /** Span of the value at `pointer` (e.g. `['resources', 3, 'properties']`), or undefined. */
  locate(pointer: Pointer): SourceSpan | undefined {
    const node = this.node(pointer);
    if (!node) return undefined;
    return this.lineMap().span(this.file, node.start, node.end);
  }

  /** Span of the key of the property at `pointer` (its last segment must be a key). */
  locateKey(pointer: Pointer): SourceSpan | undefined {
    const node = this.node(pointer);
    if (!node || node.keyStart === undefined) return undefined;
    return this.lineMap().span(this.file, node.keyStart, node.end);
  }

  lineMap(): LineMap {
    this.lines ??= new LineMap(this.text);
    return this.lines;
  }

  private seek(pointer: Pointer): SpanNode | undefined {
    let from: SeekFrom | undefined;
    for (let depth = pointer.length; depth > 0 && !from; depth--) {
      const key = prefixKey(pointer, depth);
      if (this.absent.has(key)) return undefined;
      const hit = this.found.get(key);
      if (hit) from = { pos: hit.pos, depth };
    }
    from = this.nearerElement(pointer, from);
    const bases = new Map<number, string>();
    const base = (depth: number) => {
      let b = bases.get(depth);
      if (b === undefined) {
        b = prefixKey(pointer, depth);
        bases.set(depth, b);
      }
      return b;
    };
    const result = seekPointer(
      this.text,
      pointer,
      from,
      (depth, pos, keyStart) => this.found.set(prefixKey(pointer, depth), { pos, keyStart }),
      (depth) => this.absent.add(prefixKey(pointer, depth)),
      // Every element and member passed on the way is remembered: the next finding in the same
      // template (the next resource) starts from it or its nearest earlier sibling.
      (depth, key, pos, keyStart) => this.found.set(elementKey(base(depth - 1), key), { pos, keyStart }),
    );
    if (!result) return undefined;
    const last = this.found.get(prefixKey(pointer, pointer.length));
    return { start: result.start, end: result.end, keyStart: result.keyStart ?? last?.keyStart };
  }

  /** When the next step is into an array, the nearest remembered element before the one sought. */
  private nearerElement(pointer: Pointer, from: SeekFrom | undefined): SeekFrom | undefined {
    const depth = from?.depth ?? 0;
    const key = pointer[depth];
    if (typeof key !== 'number') return from;
    const base = prefixKey(pointer, depth);
    for (let j = key - 1; j > 0 && j >= key - MAX_SIBLING_LOOKBACK; j--) {
      const hit = this.found.get(elementKey(base, j));
      if (hit) return { pos: hit.pos, depth, index: j };
    }
    return from;
  }

  private node(pointer: Pointer): SpanNode | undefined {
    if (this.root === undefined && this.seeks < SEEKS_BEFORE_TREE) {
      this.seeks++;
      return this.seek(pointer);
    }
    if (this.root === undefined) {
      try {
        const scanner = new JsonScanner(this.text, this.file, this.maxDepth, false);
        scanner.parseDocument();
        this.root = scanner.rootSpan ?? null;
      } catch {
        this.root = null;
      }
    }
    let node: SpanNode | undefined = this.root ?? undefined;
    for (const key of pointer) {
      if (!node?.children) return undefined;
      node = Array.isArray(node.children)
        ? typeof key === 'number'
          ? node.children[key]
          : undefined
        : node.children.get(String(key));
    }
    return node;
  }
}

const prefixKey = (pointer: Pointer, depth: number): string => pointer.slice(0, depth).join('\u0000');
/** The prefix key of child `key` of the value at prefix key `base` (as prefixKey would make it). */
const elementKey = (base: string, key: number | string): string =>
  base === '' ? String(key) : `${base}\u0000${key}`;
/** How many earlier siblings a seek looks back through for a remembered one. */
const MAX_SIBLING_LOOKBACK = 4096;

class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

/** A recursive-descent JSONC scanner recording spans; builds values only when asked. */
class JsonScanner {
  private pos = 0;
  rootSpan?: SpanNode;
  constructor(
    private readonly text: string,
    private readonly file: string,
    private readonly maxDepth: number,
    private readonly buildValues: boolean,
  ) {}

  errorAt(e: JsonSyntaxError): JsonError {
    const lines = new LineMap(this.text);
    const at = Math.min(e.offset, this.text.length);
    const span = lines.span(this.file, at, Math.min(at + 1, this.text.length));
    return { message: `${e.message} at line ${span.startLine}, column ${span.startColumn}`, span };
  }

  parseDocument(): unknown {
    this.skipTrivia();
    if (this.pos >= this.text.length) throw new JsonSyntaxError('Empty document', this.pos);
    const holder: { span?: SpanNode } = {};
    const value = this.parseValue(0, holder);
    this.rootSpan = holder.span;
    this.skipTrivia();
    if (this.pos < this.text.length)
      throw new JsonSyntaxError('Unexpected content after the JSON value', this.pos);
    return value;
  }

  private parseValue(depth: number, holder: { span?: SpanNode }): unknown {
    if (depth > this.maxDepth)
      throw new JsonSyntaxError(`Nesting deeper than ${this.maxDepth} levels`, this.pos);
    const c = this.text.charCodeAt(this.pos);
    const start = this.pos;
    if (c === 123) return this.parseObject(depth, holder);
    if (c === 91) return this.parseArray(depth, holder);
    let value: unknown;
    if (c === 34) value = this.parseString();
    else if (c === 45 || (c >= 48 && c <= 57)) value = this.parseNumber();
    else if (this.text.startsWith('true', this.pos)) {
      this.pos += 4;
      value = true;
    } else if (this.text.startsWith('false', this.pos)) {
      this.pos += 5;
      value = false;
    } else if (this.text.startsWith('null', this.pos)) {
      this.pos += 4;
      value = null;
    } else if (this.pos >= this.text.length) throw new JsonSyntaxError('Unexpected end of file', this.pos);
    else throw new JsonSyntaxError(`Unexpected character '${this.text[this.pos]}'`, this.pos);
    holder.span = { start, end: this.pos };
    return value;
  }

  private parseObject(depth: number, holder: { span?: SpanNode }): unknown {
    const start = this.pos++;
    const children = new Map<string, SpanNode>();
    const value: Record<string, unknown> | undefined = this.buildValues ? {} : undefined;
    this.skipTrivia();
    while (this.text.charCodeAt(this.pos) !== 125) {
      if (this.pos >= this.text.length) throw new JsonSyntaxError("Unterminated object: expected '}'", start);
      if (this.text.charCodeAt(this.pos) !== 34)
        throw new JsonSyntaxError('Expected a property name in double quotes', this.pos);
      const keyStart = this.pos;
      const key = this.parseString();
      this.skipTrivia();
      if (this.text.charCodeAt(this.pos) !== 58)
        throw new JsonSyntaxError(`Expected ':' after property name "${key}"`, this.pos);
      this.pos++;
      this.skipTrivia();
      const child: { span?: SpanNode } = {};
      const v = this.parseValue(depth + 1, child);
      if (child.span) {
        child.span.keyStart = keyStart;
        children.set(key, child.span);
      }
      if (value) {
        // defineProperty keeps a "__proto__" key as data, exactly like JSON.parse.
        Object.defineProperty(value, key, { value: v, enumerable: true, writable: true, configurable: true });
      }
      this.skipTrivia();
      const c = this.text.charCodeAt(this.pos);
      if (c === 44) {
        this.pos++;
        this.skipTrivia();
      } else if (c !== 125) {
        if (this.pos >= this.text.length)
          throw new JsonSyntaxError("Unterminated object: expected '}'", start);
        throw new JsonSyntaxError("Expected ',' or '}' after a property value", this.pos);
      }
    }
    this.pos++;
    holder.span = { start, end: this.pos, children };
    return value;
  }

  private parseArray(depth: number, holder: { span?: SpanNode }): unknown {
    const start = this.pos++;
    const children: SpanNode[] = [];
    const value: unknown[] | undefined = this.buildValues ? [] : undefined;
    this.skipTrivia();
    while (this.text.charCodeAt(this.pos) !== 93) {
      if (this.pos >= this.text.length) throw new JsonSyntaxError("Unterminated array: expected ']'", start);
      const child: { span?: SpanNode } = {};
      const v = this.parseValue(depth + 1, child);
      children.push(child.span ?? { start: this.pos, end: this.pos });
      value?.push(v);
      this.skipTrivia();
      const c = this.text.charCodeAt(this.pos);
      if (c === 44) {
        this.pos++;
        this.skipTrivia();
      } else if (c !== 93) {
        if (this.pos >= this.text.length)
          throw new JsonSyntaxError("Unterminated array: expected ']'", start);
        throw new JsonSyntaxError("Expected ',' or ']' after an array element", this.pos);
      }
    }
    this.pos++;
    holder.span = { start, end: this.pos, children };
    return value;
  }

  private parseString(): string {
    const start = this.pos++;
    let out = '';
    let chunk = this.pos;
    for (;;) {
      if (this.pos >= this.text.length) throw new JsonSyntaxError('Unterminated string', start);
      const c = this.text.charCodeAt(this.pos);
      if (c === 34) break;
      if (c === 92) {
        out += this.text.slice(chunk, this.pos);
        const e = this.text[this.pos + 1];
        const simple: Record<string, string> = {
          '"': '"',
          '\\': '\\',
          '/': '/',
          b: '\b',
          f: '\f',
          n: '\n',
          r: '\r',
          t: '\t',
        };
        if (e !== undefined && e in simple) {
          out += simple[e];
          this.pos += 2;
        } else if (e === 'u') {
          const hex = this.text.slice(this.pos + 2, this.pos + 6);
          if (!/^[0-9a-fA-F]{4}$/.test(hex))
            throw new JsonSyntaxError('Invalid \\u escape in string', this.pos);
          out += String.fromCharCode(Number.parseInt(hex, 16));
          this.pos += 6;
        } else throw new JsonSyntaxError('Invalid escape in string', this.pos);
        chunk = this.pos;
        continue;
      }
      this.pos++;
    }
    out += this.text.slice(chunk, this.pos);
    this.pos++;
    return out;
  }

  private parseNumber(): number {
    const re = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
    re.lastIndex = this.pos;
    const m = re.exec(this.text);
    if (!m || m[0] === '-' || m[0] === '') throw new JsonSyntaxError('Invalid number', this.pos);
    this.pos += m[0].length;
    return Number(m[0]);
  }

  private skipTrivia(): void {
    const t = this.text;
    for (;;) {
      const c = t.charCodeAt(this.pos);
      if (c === 32 || c === 10 || c === 13 || c === 9) this.pos++;
      else if (c === 47 && t.charCodeAt(this.pos + 1) === 47) {
        const nl = t.indexOf('\n', this.pos);
        this.pos = nl === -1 ? t.length : nl + 1;
      } else if (c === 47 && t.charCodeAt(this.pos + 1) === 42) {
        const close = t.indexOf('*/', this.pos + 2);
        if (close === -1) throw new JsonSyntaxError('Unterminated block comment', this.pos);
        this.pos = close + 2;
      } else return;
    }
  }
}
