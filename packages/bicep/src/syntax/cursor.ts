/**
 * Token cursor shared by the expression, type and declaration parsers: lookahead, newline
 * significance (newlines separate items in `{}`/`[]` and end statements, but not inside `()`),
 * nesting depth and syntax errors.
 */
import type { Token } from './lexer.js';

/** Thrown inside the parser only; `parseBicep` turns it into a value. */
export class BicepSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

export class Cursor {
  protected pos = 0;
  private depth = 0;
  /** Top: true when newlines are insignificant (inside parentheses). */
  private readonly newlineModes: boolean[] = [false];

  constructor(
    protected readonly tokens: readonly Token[],
    protected readonly maxDepth: number,
  ) {}

  private get skipsNewlines(): boolean {
    return this.newlineModes[this.newlineModes.length - 1]!;
  }

  /** The next token that matters (newlines skipped inside parentheses). */
  protected peek(ahead = 0): Token {
    let p = this.pos;
    for (;;) {
      const t = this.tokens[p]!;
      if (t.kind === 'eof') return t;
      if (t.kind === 'newline' && this.skipsNewlines) {
        p++;
        continue;
      }
      if (ahead === 0) return t;
      ahead--;
      p++;
    }
  }

  /** The next token after any newlines, whatever the mode. */
  protected peekPastNewlines(): Token {
    let p = this.pos;
    while (this.tokens[p]!.kind === 'newline') p++;
    return this.tokens[p]!;
  }

  protected next(): Token {
    if (this.skipsNewlines) this.skipNewlines();
    const t = this.tokens[this.pos]!;
    if (t.kind !== 'eof') this.pos++;
    return t;
  }

  protected skipNewlines(): void {
    while (this.tokens[this.pos]!.kind === 'newline') this.pos++;
  }

  protected previousEnd(): number {
    return this.tokens[Math.max(0, this.pos - 1)]!.end;
  }

  protected isSymbol(value: string, ahead = 0): boolean {
    const t = this.peek(ahead);
    return t.kind === 'symbol' && t.value === value;
  }

  protected isKeyword(value: string, ahead = 0): boolean {
    const t = this.peek(ahead);
    return t.kind === 'ident' && t.value === value;
  }

  protected eatSymbol(value: string): boolean {
    if (!this.isSymbol(value)) return false;
    this.next();
    return true;
  }

  protected expectSymbol(value: string, context: string): Token {
    if (!this.isSymbol(value)) throw this.unexpected(`expected '${value}' ${context}`);
    return this.next();
  }

  protected expectIdent(context: string): Token {
    const t = this.peek();
    if (t.kind !== 'ident') throw this.unexpected(`expected ${context}`);
    return this.next();
  }

  protected unexpected(expectation: string, token: Token = this.peek()): BicepSyntaxError {
    return new BicepSyntaxError(`${expectation}, found ${describe(token)}`, token.start);
  }

  /** Run `body` with newlines significant (`{}`/`[]`) or not (`()`). */
  protected withNewlines<T>(insignificant: boolean, body: () => T): T {
    this.newlineModes.push(insignificant);
    try {
      return body();
    } finally {
      this.newlineModes.pop();
    }
  }

  /** Count one level of nesting; fails clearly past the cap instead of exhausting the stack. */
  protected nested<T>(body: () => T): T {
    if (++this.depth > this.maxDepth) {
      throw new BicepSyntaxError(
        `nesting is deeper than the limit of ${this.maxDepth} levels (expressions, objects and arrays)`,
        this.peek().start,
      );
    }
    try {
      return body();
    } finally {
      this.depth--;
    }
  }
}

export function describe(t: Token): string {
  switch (t.kind) {
    case 'eof':
      return 'the end of the file';
    case 'newline':
      return 'the end of the line';
    case 'string':
    case 'stringLeft':
      return 'a string';
    case 'stringMiddle':
    case 'stringRight':
      return "'}'";
    case 'number':
      return `number ${t.value}`;
    case 'ident':
      return `'${t.value}'`;
    default:
      return `'${t.value}'`;
  }
}
