/**
 * Collections and bodies: arrays, `[for ...]` loops, objects (with nested resource declarations),
 * `if (...)` bodies, spreads and decorators. Newlines separate items here; the expression
 * grammar itself lives in the subclass.
 */
import type {
  ArrayExpr,
  Decorator,
  Expr,
  ForExpr,
  ObjectExpr,
  PropertyNode,
  ResourceDecl,
  SpreadExpr,
} from './ast.js';
import { Cursor } from './cursor.js';

export abstract class CollectionParser extends Cursor {
  abstract parseExpression(): Expr;
  protected abstract parseInterpolation(): Expr;
  protected abstract parseArguments(): Expr[];

  protected parseArrayOrFor(): Expr {
    const open = this.peek();
    if (this.isForAfterBracket()) return this.parseFor();
    this.next();
    return this.withNewlines(false, () => {
      const items: (Expr | SpreadExpr)[] = [];
      this.skipSeparators();
      while (!this.isSymbol(']')) {
        this.refuseCloser(']', 'array');
        items.push(this.parseSpreadOr(() => this.parseExpression()));
        if (!this.isSymbol(']') && !this.atSeparator())
          throw this.unexpected("expected a new line, a comma or ']' after an array item");
        this.skipSeparators();
      }
      this.next();
      return { kind: 'array', items, start: open.start, end: this.previousEnd() } satisfies ArrayExpr;
    });
  }

  private isForAfterBracket(): boolean {
    let p = this.pos;
    while (this.tokens[p]!.kind === 'newline') p++;
    p++;
    while (this.tokens[p]!.kind === 'newline') p++;
    const t = this.tokens[p]!;
    return t.kind === 'ident' && t.value === 'for';
  }

  private parseFor(): ForExpr {
    return this.withNewlines(true, () => {
      const open = this.next();
      this.next(); // for
      let item: string | undefined;
      let index: string | undefined;
      if (this.eatSymbol('(')) {
        item = this.expectIdent('a loop item name').value;
        if (this.eatSymbol(',')) index = this.expectIdent('a loop index name').value;
        this.expectSymbol(')', 'after the loop variables');
      } else {
        item = this.expectIdent('a loop item name').value;
      }
      if (!this.isKeyword('in')) throw this.unexpected("expected 'in' in the for loop");
      this.next();
      const iterable = this.parseExpression();
      this.expectSymbol(':', 'after the loop source');
      const body = this.withNewlines(false, () => this.parseForBody());
      this.expectSymbol(']', 'to close the for loop');
      return { kind: 'for', item, index, iterable, body, start: open.start, end: this.previousEnd() };
    });
  }

  /** A loop or declaration body: `if (cond) value` or a value. */
  protected parseForBody(): Expr {
    const t = this.peek();
    if (t.kind === 'ident' && t.value === 'if' && this.isSymbol('(', 1)) {
      this.next();
      this.next();
      const condition = this.withNewlines(true, () => this.parseExpression());
      this.withNewlines(true, () => this.expectSymbol(')', 'to close the if condition'));
      const body = this.parseExpression();
      return { kind: 'if', condition, body, start: t.start, end: body.end };
    }
    return this.parseExpression();
  }

  protected parseObject(): ObjectExpr {
    const open = this.next();
    return this.withNewlines(false, () => {
      const properties: (PropertyNode | SpreadExpr)[] = [];
      const resources: ResourceDecl[] = [];
      this.skipSeparators();
      while (!this.isSymbol('}')) {
        this.refuseCloser('}', 'object');
        const decorators = this.parseDecorators();
        const nested = this.parseNestedResource(decorators);
        if (nested) resources.push(nested);
        else properties.push(this.parseSpreadOr(() => this.parseProperty(decorators)));
        if (!this.isSymbol('}') && !this.atSeparator())
          throw this.unexpected("expected a new line, a comma or '}' after an object property");
        this.skipSeparators();
      }
      this.next();
      const end = this.previousEnd();
      if (resources.length) return { kind: 'object', properties, resources, start: open.start, end };
      return { kind: 'object', properties, start: open.start, end };
    });
  }

  /** Overridden by the declaration parser: `resource child 'type' = {...}` inside a resource body. */
  protected parseNestedResource(_decorators: Decorator[]): ResourceDecl | undefined {
    return undefined;
  }

  private parseProperty(decorators: Decorator[]): PropertyNode {
    const t = this.peek();
    let key: string | undefined;
    let keyExpr: Expr;
    if (t.kind === 'ident') {
      this.next();
      key = t.value;
      keyExpr = { kind: 'literal', value: t.value, start: t.start, end: t.end };
    } else if (t.kind === 'string') {
      this.next();
      key = t.value;
      keyExpr = { kind: 'literal', value: t.value, start: t.start, end: t.end };
    } else if (t.kind === 'stringLeft') {
      keyExpr = this.parseInterpolation();
    } else {
      throw this.unexpected('expected a property name');
    }
    this.expectSymbol(':', `after the property name${key ? ` '${key}'` : ''}`);
    const value = this.parseExpression();
    return { kind: 'property', key, keyExpr, value, decorators, start: t.start, end: value.end };
  }

  private parseSpreadOr<T>(parse: () => T): T | SpreadExpr {
    const t = this.peek();
    if (t.kind === 'symbol' && t.value === '...') {
      this.next();
      const value = this.parseExpression();
      return { kind: 'spread', value, start: t.start, end: value.end };
    }
    return parse();
  }

  /** A closer of another kind (or the end of the file) where an item should be: say which bracket is missing. */
  private refuseCloser(expected: string, what: string): void {
    const t = this.peek();
    if (t.kind === 'eof' || (t.kind === 'symbol' && (t.value === '}' || t.value === ']' || t.value === ')')))
      throw this.unexpected(`expected '${expected}' to close the ${what}`);
  }

  private atSeparator(): boolean {
    const t = this.peek();
    return t.kind === 'newline' || (t.kind === 'symbol' && t.value === ',');
  }

  private skipSeparators(): void {
    while (this.atSeparator()) this.pos++;
  }

  /** `@name(args)` / `@ns.name(args)`, each on its own line (or followed by the declaration). */
  protected parseDecorators(): Decorator[] {
    const out: Decorator[] = [];
    while (this.isSymbol('@')) {
      const at = this.next();
      let name = this.expectIdent('a decorator name after @');
      if (this.isSymbol('.')) {
        this.next();
        name = this.expectIdent('a decorator name');
      }
      const args = this.isSymbol('(') ? this.parseArguments() : [];
      out.push({ name: name.value, args, start: at.start, end: this.previousEnd() });
      this.skipNewlines();
    }
    return out;
  }
}
