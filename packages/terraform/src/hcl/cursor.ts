/** Token access shared by the HCL parser layers: newline significance, expectations, depth cap. */
import { HclSyntaxError, type Token } from './lexer.js';

export abstract class TokenCursor {
  protected i = 0;
  /** True where newlines separate items (bodies, object constructors). */
  protected readonly newlineModes: boolean[] = [true];
  protected depth = 0;

  constructor(
    protected readonly tokens: readonly Token[],
    protected readonly maxDepth: number,
  ) {}

  // --- token access -------------------------------------------------------------------------

  protected raw(): Token {
    return this.tokens[this.i]!;
  }

  protected peek(): Token {
    if (!this.newlineModes[this.newlineModes.length - 1]) this.skipNewlines();
    return this.tokens[this.i]!;
  }

  protected skipNewlines(): void {
    while (this.tokens[this.i]!.kind === 'newline') this.i++;
  }

  protected next(): Token {
    const t = this.peek();
    if (t.kind !== 'eof') this.i++;
    return t;
  }

  protected isPunct(text: string): boolean {
    const t = this.peek();
    return t.kind === 'punct' && t.text === text;
  }

  protected eat(text: string): boolean {
    if (!this.isPunct(text)) return false;
    this.i++;
    return true;
  }

  protected expect(text: string): Token {
    const t = this.peek();
    if (t.kind !== 'punct' || t.text !== text) throw this.unexpected(t, `'${text}'`);
    this.i++;
    return t;
  }

  protected unexpected(t: Token, wanted: string): HclSyntaxError {
    const got =
      t.kind === 'eof'
        ? 'end of file'
        : t.kind === 'newline'
          ? 'a newline'
          : t.kind === 'lit'
            ? 'template text'
            : `'${t.text}'`;
    return new HclSyntaxError(`expected ${wanted}, found ${got}`, t.start);
  }

  protected withNewlines<T>(significant: boolean, f: () => T): T {
    this.newlineModes.push(significant);
    try {
      return f();
    } finally {
      this.newlineModes.pop();
    }
  }

  protected enter(offset: number): void {
    if (++this.depth > this.maxDepth)
      throw new HclSyntaxError(`nesting deeper than ${this.maxDepth} levels (limits.maxDepth)`, offset);
  }
}
