/**
 * ARM template expressions: the language inside `"[...]"` strings. A hand-written tokenizer and
 * recursive-descent parser producing a small AST with offsets into the expression text. Parses are
 * cached by text, because compiled templates repeat the same expressions many times.
 */

export type Expr =
  | { readonly kind: 'string'; readonly value: string; readonly start: number; readonly end: number }
  | { readonly kind: 'number'; readonly value: number; readonly start: number; readonly end: number }
  | { readonly kind: 'literal'; readonly value: boolean | null; readonly start: number; readonly end: number }
  | {
      readonly kind: 'call';
      /** As written, e.g. `resourceId`; `namespace` is set for user functions `ns.fn(...)`. */
      readonly name: string;
      /** Lower case, without a `sys.` prefix: the key the evaluator dispatches on (computed once per parse). */
      readonly key: string;
      /** Non-zero for the functions the evaluator implements itself (see SPECIAL_FUNCTIONS). */
      readonly op: number;
      /** For `parameters('x')` / `variables('x')` with a literal name: the name in lower case. */
      readonly argKey?: string;
      readonly namespace?: string;
      readonly args: readonly Expr[];
      readonly start: number;
      readonly end: number;
    }
  | {
      readonly kind: 'member';
      readonly object: Expr;
      readonly property: string;
      readonly start: number;
      readonly end: number;
    }
  | {
      readonly kind: 'index';
      readonly object: Expr;
      readonly index: Expr;
      readonly start: number;
      readonly end: number;
    };

/** Functions the evaluator handles itself (scope access, lazy evaluation), numbered for a fast dispatch. */
export const SPECIAL_FUNCTIONS: Readonly<Record<string, number>> = {
  parameters: 1,
  variables: 2,
  copyindex: 3,
  lambda: 4,
  lambdavariables: 5,
  if: 6,
  and: 7,
  or: 8,
  coalesce: 9,
  reference: 10,
};

const SPECIAL_BY_KEY = new Map(Object.entries(SPECIAL_FUNCTIONS));

/** Function and parameter names repeat across expressions: lower-case each spelling once. */
const lowerNames = new Map<string, string>();
function lowerName(name: string): string {
  let l = lowerNames.get(name);
  if (l === undefined) {
    if (lowerNames.size > 50_000) lowerNames.clear();
    l = name.toLowerCase();
    lowerNames.set(name, l);
  }
  return l;
}

export type ParseResult =
  | { readonly ok: true; readonly expr: Expr; readonly text: string }
  | { readonly ok: false; readonly message: string; readonly offset: number; readonly code: string };

/** What a JSON string means to ARM: a literal (maybe after `[[` unescaping) or an expression. */
export type TemplateString =
  | { readonly kind: 'literal'; readonly value: string }
  | { readonly kind: 'expression'; readonly text: string };

export function classifyString(s: string): TemplateString {
  if (s.length < 2 || s.charCodeAt(0) !== 91 || s.charCodeAt(s.length - 1) !== 93)
    return { kind: 'literal', value: s };
  if (s.charCodeAt(1) === 91) return { kind: 'literal', value: s.slice(1) };
  return { kind: 'expression', text: s.slice(1, -1) };
}

class SyntaxFailure {
  constructor(
    readonly message: string,
    readonly offset: number,
    readonly code = 'expression-syntax',
  ) {}
}

const CACHE_MAX = 100_000;
const cache = new Map<string, { readonly result: ParseResult; readonly maxDepth: number }>();

/**
 * Parse the text inside the brackets. `maxLength` and `maxDepth` come from Limits: over-long or
 * over-deep expressions are errors, never a stack overflow.
 */
export function parseExpression(text: string, maxLength: number, maxDepth: number): ParseResult {
  if (text.length > maxLength)
    return {
      ok: false,
      message: `expression is ${text.length} characters long, over the cap of ${maxLength} (limits.maxExpressionLength)`,
      offset: 0,
      code: 'cap-expression-length',
    };
  const hit = cache.get(text);
  if (hit && (hit.result.ok || hit.maxDepth === maxDepth)) return hit.result;
  const result = parseUncached(text, maxLength, maxDepth);
  if (cache.size >= CACHE_MAX) cache.clear();
  cache.set(text, { result, maxDepth });
  return result;
}

function parseUncached(text: string, maxLength: number, maxDepth: number): ParseResult {
  if (text.length > maxLength)
    return {
      ok: false,
      message: `expression is ${text.length} characters long, over the cap of ${maxLength} (limits.maxExpressionLength)`,
      offset: 0,
      code: 'cap-expression-length',
    };
  let result: ParseResult;
  try {
    const p = new Parser(text, maxDepth);
    const expr = p.parseTop();
    result = { ok: true, expr, text };
  } catch (e) {
    if (!(e instanceof SyntaxFailure)) throw e;
    result = { ok: false, message: e.message, offset: e.offset, code: e.code };
  }
  return result;
}

/** Forget cached parses (benchmarks measure cold runs; long-lived processes may free memory). */
export function clearExpressionCache(): void {
  cache.clear();
  templateCache.clear();
}

const templateCache = new Map<string, { readonly result: ParseResult; readonly maxDepth: number }>();

/**
 * Parse a whole template string `"[...]"` (the caller has checked the brackets), cached by the
 * string itself: slicing off the brackets first would copy and re-hash every occurrence.
 */
export function parseTemplateString(s: string, maxLength: number, maxDepth: number): ParseResult {
  if (s.length - 2 > maxLength) return parseUncached(s.slice(1, -1), maxLength, maxDepth);
  const hit = templateCache.get(s);
  if (hit && (hit.result.ok || hit.maxDepth === maxDepth)) return hit.result;
  const result = parseUncached(s.slice(1, -1), maxLength, maxDepth);
  if (templateCache.size >= CACHE_MAX) templateCache.clear();
  templateCache.set(s, { result, maxDepth });
  return result;
}

function isIdentStart(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 36;
}

function isIdentPart(c: number): boolean {
  return isIdentStart(c) || (c >= 48 && c <= 57);
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

class Parser {
  private pos = 0;
  constructor(
    private readonly text: string,
    private readonly maxDepth: number,
  ) {}

  parseTop(): Expr {
    this.skipSpace();
    if (this.pos >= this.text.length) throw new SyntaxFailure('empty expression', 0);
    const e = this.parseExpr(0);
    this.skipSpace();
    if (this.pos < this.text.length)
      throw new SyntaxFailure(`unexpected '${this.text[this.pos]}' after the expression`, this.pos);
    return e;
  }

  private skipSpace(): void {
    while (this.pos < this.text.length) {
      const c = this.text.charCodeAt(this.pos);
      if (c === 32 || c === 9 || c === 10 || c === 13) this.pos++;
      else break;
    }
  }

  private parseExpr(depth: number): Expr {
    if (depth > this.maxDepth)
      throw new SyntaxFailure(
        `expression nested deeper than ${this.maxDepth} levels (limits.maxDepth)`,
        this.pos,
        'cap-depth',
      );
    let e = this.parsePrimary(depth);
    for (;;) {
      this.skipSpace();
      const c = this.text.charCodeAt(this.pos);
      if (c === 46) {
        this.pos++;
        this.skipSpace();
        const name = this.ident();
        if (!name) throw new SyntaxFailure("expected a property name after '.'", this.pos);
        e = { kind: 'member', object: e, property: name, start: e.start, end: this.pos };
      } else if (c === 91) {
        this.pos++;
        this.skipSpace();
        const index = this.parseExpr(depth + 1);
        this.skipSpace();
        if (this.text.charCodeAt(this.pos) !== 93) throw new SyntaxFailure("expected ']'", this.pos);
        this.pos++;
        e = { kind: 'index', object: e, index, start: e.start, end: this.pos };
      } else return e;
    }
  }

  private ident(): string {
    const start = this.pos;
    if (!isIdentStart(this.text.charCodeAt(this.pos))) return '';
    this.pos++;
    while (this.pos < this.text.length && isIdentPart(this.text.charCodeAt(this.pos))) this.pos++;
    return this.text.slice(start, this.pos);
  }

  private parsePrimary(depth: number): Expr {
    this.skipSpace();
    const start = this.pos;
    const c = this.text.charCodeAt(this.pos);
    if (Number.isNaN(c)) throw new SyntaxFailure('unexpected end of expression', this.pos);
    if (c === 39) return this.parseString();
    if (isDigit(c) || (c === 45 && isDigit(this.text.charCodeAt(this.pos + 1)))) return this.parseNumber();
    const name = this.ident();
    if (!name) throw new SyntaxFailure(`unexpected '${this.text[this.pos]}'`, this.pos);
    this.skipSpace();
    let namespace: string | undefined;
    let fn = name;
    if (this.text.charCodeAt(this.pos) === 46) {
      // `ns.fn(` is a user-defined function; anything else after a bare name is an error.
      const save = this.pos;
      this.pos++;
      this.skipSpace();
      const member = this.ident();
      this.skipSpace();
      if (member && this.text.charCodeAt(this.pos) === 40) {
        namespace = name;
        fn = member;
      } else this.pos = save;
    }
    if (this.text.charCodeAt(this.pos) !== 40) {
      const lower = name.toLowerCase();
      if (namespace === undefined && (lower === 'true' || lower === 'false' || lower === 'null'))
        return { kind: 'literal', value: lower === 'null' ? null : lower === 'true', start, end: this.pos };
      throw new SyntaxFailure(`expected '(' after function name '${name}'`, this.pos);
    }
    this.pos++;
    const args: Expr[] = [];
    this.skipSpace();
    if (this.text.charCodeAt(this.pos) === 41) this.pos++;
    else {
      for (;;) {
        args.push(this.parseExpr(depth + 1));
        this.skipSpace();
        const d = this.text.charCodeAt(this.pos);
        if (d === 44) {
          this.pos++;
          continue;
        }
        if (d === 41) {
          this.pos++;
          break;
        }
        if (Number.isNaN(d)) throw new SyntaxFailure(`unclosed '(' in call to '${fn}'`, start);
        throw new SyntaxFailure(`expected ',' or ')' in call to '${fn}'`, this.pos);
      }
    }
    if (namespace !== undefined && lowerName(namespace) === 'sys') namespace = undefined;
    const key = lowerName(fn);
    const op = namespace === undefined ? (SPECIAL_BY_KEY.get(key) ?? 0) : 0;
    const first = args[0];
    const argKey =
      (op === 1 || op === 2) && args.length === 1 && first?.kind === 'string'
        ? lowerName(first.value)
        : undefined;
    // One object shape for every call node keeps the evaluator's property loads monomorphic.
    return { kind: 'call', name: fn, key, op, namespace, argKey, args, start, end: this.pos };
  }

  private parseString(): Expr {
    const start = this.pos++;
    let out = '';
    for (;;) {
      const at = this.text.indexOf("'", this.pos);
      if (at < 0) throw new SyntaxFailure('unterminated string literal', start);
      out += this.text.slice(this.pos, at);
      if (this.text.charCodeAt(at + 1) === 39) {
        out += "'";
        this.pos = at + 2;
        continue;
      }
      this.pos = at + 1;
      return { kind: 'string', value: out, start, end: this.pos };
    }
  }

  private parseNumber(): Expr {
    const start = this.pos;
    if (this.text.charCodeAt(this.pos) === 45) this.pos++;
    while (isDigit(this.text.charCodeAt(this.pos))) this.pos++;
    if (this.text.charCodeAt(this.pos) === 46 && isDigit(this.text.charCodeAt(this.pos + 1))) {
      this.pos++;
      while (isDigit(this.text.charCodeAt(this.pos))) this.pos++;
    }
    const value = Number(this.text.slice(start, this.pos));
    if (!Number.isFinite(value)) throw new SyntaxFailure('number out of range', start);
    return { kind: 'number', value, start, end: this.pos };
  }
}
