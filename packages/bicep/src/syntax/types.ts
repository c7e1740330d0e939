/**
 * Type expressions (`string`, `'a' | 'b'`, `{ name: string, tags: object? }`, `int[]`, `[string, int]`,
 * `resource 'Microsoft.Storage/storageAccounts@2023-01-01'`, `resourceInput<'...'>.properties`,
 * `myTypes.config`). Parsed for their shape only; the evaluator reads literal unions as allowed values.
 */
import type { TypeNode, TypeProperty } from './ast.js';
import { BicepSyntaxError } from './cursor.js';
import { ExpressionParser } from './expressions.js';

export class TypeParser extends ExpressionParser {
  parseType(): TypeNode {
    return this.nested(() => {
      // A union may open with `|` on the next line (`type t =\n  | 'a'\n  | 'b'`).
      if (this.continuesWithUnion()) this.skipNewlines();
      const start = this.peek().start;
      this.eatSymbol('|');
      const members = [this.parsePostfixType()];
      while (this.isSymbol('|') || this.continuesWithUnion()) {
        this.skipNewlines();
        this.next();
        this.skipNewlines();
        members.push(this.parsePostfixType());
      }
      if (members.length === 1) return members[0]!;
      return { kind: 'type', form: 'union', members, start, end: this.previousEnd() };
    });
  }

  /** A union may continue on the next line when that line starts with `|`. */
  private continuesWithUnion(): boolean {
    const t = this.peekPastNewlines();
    return t.kind === 'symbol' && t.value === '|';
  }

  private parsePostfixType(): TypeNode {
    let type = this.parsePrimaryType();
    for (let steps = 0; steps < this.maxDepth; steps++) {
      const t = this.peek();
      if (t.kind !== 'symbol') return type;
      if (t.value === '?') {
        this.next();
        type = { kind: 'type', form: 'nullable', members: [type], start: type.start, end: t.end };
      } else if (t.value === '!') {
        // `nullable!`: the non-null form of a type; for our purposes the type itself.
        this.next();
        type = { kind: 'type', form: 'paren', members: [type], start: type.start, end: t.end };
      } else if (t.value === '[' && this.isSymbol(']', 1)) {
        this.next();
        const close = this.next();
        type = { kind: 'type', form: 'array', members: [type], start: type.start, end: close.end };
      } else if (t.value === '[') {
        // Index access type: `tuple[0]`, `arrayType[*]`.
        this.next();
        const index = this.next();
        if (index.kind !== 'number' && !(index.kind === 'symbol' && index.value === '*'))
          throw this.unexpected('expected an index or * in the type', index);
        const close = this.expectSymbol(']', 'to close the type index');
        type = {
          kind: 'type',
          form: 'member',
          name: index.value,
          members: [type],
          start: type.start,
          end: close.end,
        };
      } else if (t.value === '.' || t.value === '.?') {
        this.next();
        const name = this.next();
        if (name.kind !== 'ident' && !(name.kind === 'symbol' && name.value === '*'))
          throw this.unexpected('expected a property name in the type', name);
        type = {
          kind: 'type',
          form: 'member',
          name: name.value,
          members: [type],
          start: type.start,
          end: name.end,
        };
      } else {
        return type;
      }
    }
    throw new BicepSyntaxError('type expression is too long', this.peek().start);
  }

  private parsePrimaryType(): TypeNode {
    const t = this.peek();
    const literal = (value: unknown): TypeNode => {
      this.next();
      return { kind: 'type', form: 'literal', value, start: t.start, end: t.end };
    };
    switch (t.kind) {
      case 'string':
        return literal(t.value);
      case 'number':
        return literal(Number(t.value));
      case 'ident': {
        if (t.value === 'true' || t.value === 'false') return literal(t.value === 'true');
        if (t.value === 'null') return literal(null);
        if (t.value === 'resource' && this.peek(1).kind === 'string') {
          this.next();
          const type = this.next();
          return { kind: 'type', form: 'resource', name: type.value, start: t.start, end: type.end };
        }
        this.next();
        let name = t.value;
        if (this.isSymbol('<')) name += this.parseTypeArguments();
        return { kind: 'type', form: 'ref', name, start: t.start, end: this.previousEnd() };
      }
      case 'symbol':
        if (t.value === '!' && this.peek(1).kind === 'ident' && /^(true|false)$/.test(this.peek(1).value)) {
          this.next();
          const b = this.next();
          return { kind: 'type', form: 'literal', value: b.value !== 'true', start: t.start, end: b.end };
        }
        if (t.value === '-' && this.peek(1).kind === 'number') {
          this.next();
          const n = this.next();
          return { kind: 'type', form: 'literal', value: -Number(n.value), start: t.start, end: n.end };
        }
        if (t.value === '(') {
          this.next();
          const inner = this.withNewlines(true, () => this.parseType());
          const close = this.expectSymbol(')', 'to close the parenthesised type');
          return { kind: 'type', form: 'paren', members: [inner], start: t.start, end: close.end };
        }
        if (t.value === '{') return this.parseObjectType();
        if (t.value === '[') return this.parseTupleType();
        break;
    }
    throw this.unexpected('expected a type');
  }

  /** `<'Microsoft.X/y@2024-01-01'>` after `resourceInput`/`resourceOutput`. */
  private parseTypeArguments(): string {
    let text = '';
    this.withNewlines(true, () => {
      this.next();
      while (!this.isSymbol('>')) {
        const arg = this.next();
        if (arg.kind === 'eof') throw this.unexpected("expected '>' to close the type arguments", arg);
        text += arg.value;
      }
      this.next();
    });
    return `<${text}>`;
  }

  private parseObjectType(): TypeNode {
    const open = this.next();
    return this.withNewlines(false, () => {
      const properties: TypeProperty[] = [];
      this.skipItemSeparators();
      while (!this.isSymbol('}')) {
        const decorators = this.parseDecorators();
        const key = this.next();
        let name: string;
        if (key.kind === 'ident' || key.kind === 'string') name = key.value;
        else if (key.kind === 'symbol' && key.value === '*') name = '*';
        else throw this.unexpected('expected a property name in the object type', key);
        this.expectSymbol(':', `after '${name}' in the object type`);
        const type = this.parseType();
        properties.push({ name, type, decorators, start: key.start, end: type.end });
        this.requireItemEnd('}');
      }
      const close = this.next();
      return { kind: 'type', form: 'object', properties, start: open.start, end: close.end };
    });
  }

  private parseTupleType(): TypeNode {
    const open = this.next();
    return this.withNewlines(false, () => {
      const members: TypeNode[] = [];
      this.skipItemSeparators();
      while (!this.isSymbol(']')) {
        this.parseDecorators();
        members.push(this.parseType());
        this.requireItemEnd(']');
      }
      const close = this.next();
      return { kind: 'type', form: 'tuple', members, start: open.start, end: close.end };
    });
  }

  private requireItemEnd(close: string): void {
    const t = this.peek();
    const separator = t.kind === 'newline' || (t.kind === 'symbol' && t.value === ',');
    if (!separator && !this.isSymbol(close))
      throw this.unexpected(`expected a new line, a comma or '${close}' in the type`);
    this.skipItemSeparators();
  }

  private skipItemSeparators(): void {
    for (;;) {
      const t = this.tokens[this.pos]!;
      if (t.kind === 'newline' || (t.kind === 'symbol' && t.value === ',')) this.pos++;
      else return;
    }
  }
}
