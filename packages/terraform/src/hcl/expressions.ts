/**
 * HCL expressions: operators with HCL's precedence, conditionals, traversals and splats, calls
 * with `...`, tuples, objects and for expressions. Templates are parsed by the subclass.
 */
import type { Expr, ObjectItem, TraversalStep } from './ast.js';
import { TokenCursor } from './cursor.js';
import type { Token } from './lexer.js';

const BINARY_LEVELS: readonly (readonly string[])[] = [
  ['||'],
  ['&&'],
  ['==', '!='],
  ['<', '>', '<=', '>='],
  ['+', '-'],
  ['*', '/', '%'],
];

export abstract class ExpressionParser extends TokenCursor {
  protected abstract template(open: Token, closeKind: 'cquote' | 'cheredoc'): Expr;

  // --- expressions --------------------------------------------------------------------------

  expression(): Expr {
    const t = this.peek();
    this.enter(t.start);
    const cond = this.binary(0);
    let result = cond;
    if (this.eat('?')) {
      const whenTrue = this.expression();
      this.expect(':');
      const otherwise = this.expression();
      result = {
        kind: 'conditional',
        cond,
        whenTrue,
        whenFalse: otherwise,
        start: cond.start,
        end: otherwise.end,
      };
    }
    this.depth--;
    return result;
  }

  protected binary(level: number): Expr {
    if (level >= BINARY_LEVELS.length) return this.unary();
    const ops = BINARY_LEVELS[level]!;
    let left = this.binary(level + 1);
    for (;;) {
      const t = this.peek();
      if (t.kind !== 'punct' || !ops.includes(t.text)) return left;
      this.i++;
      this.enter(t.start);
      const right = this.binary(level + 1);
      this.depth--;
      left = { kind: 'binary', op: t.text, left, right, start: left.start, end: right.end };
    }
  }

  protected unary(): Expr {
    const t = this.peek();
    if (t.kind === 'punct' && (t.text === '!' || t.text === '-')) {
      this.i++;
      this.enter(t.start);
      const operand = this.unary();
      this.depth--;
      return { kind: 'unary', op: t.text, operand, start: t.start, end: operand.end };
    }
    return this.postfix(this.primary());
  }

  protected postfix(base: Expr): Expr {
    let expr = base;
    for (;;) {
      const t = this.peek();
      if (t.kind !== 'punct') return expr;
      if (t.text === '.') {
        this.i++;
        const n = this.raw();
        if (n.kind === 'ident') {
          this.i++;
          expr = { kind: 'getattr', object: expr, name: n.text, start: expr.start, end: n.end };
        } else if (n.kind === 'number') {
          this.i++;
          // Legacy index syntax `a.0`; `a.0.1` lexes as the number `0.1`.
          for (const part of n.text.split('.')) {
            const key: Expr = { kind: 'literal', value: Number(part), start: n.start, end: n.end };
            expr = { kind: 'index', object: expr, key, start: expr.start, end: n.end };
          }
        } else if (n.kind === 'punct' && n.text === '*') {
          this.i++;
          expr = this.splat(expr, n.end, true);
        } else throw this.unexpected(n, 'an attribute name after "."');
      } else if (t.text === '[') {
        this.i++;
        const star = this.withNewlines(false, () => this.peek());
        if (star.kind === 'punct' && star.text === '*') {
          this.withNewlines(false, () => {
            this.i++;
            this.expect(']');
          });
          expr = this.splat(expr, this.tokens[this.i - 1]!.end, false);
        } else {
          const key = this.withNewlines(false, () => this.expression());
          const close = this.withNewlines(false, () => this.expect(']'));
          expr = { kind: 'index', object: expr, key, start: expr.start, end: close.end };
        }
      } else return expr;
    }
  }

  /** The traversal after `[*]` / `.*` applies to each element. */
  protected splat(source: Expr, end: number, attrOnly: boolean): Expr {
    const steps: TraversalStep[] = [];
    let last = end;
    for (;;) {
      const t = this.raw();
      if (t.kind === 'punct' && t.text === '.') {
        const n = this.tokens[this.i + 1]!;
        if (n.kind === 'ident') {
          steps.push({ kind: 'attr', name: n.text });
          this.i += 2;
          last = n.end;
          continue;
        }
        if (n.kind === 'number') {
          steps.push({
            kind: 'index',
            key: { kind: 'literal', value: Number(n.text), start: n.start, end: n.end },
          });
          this.i += 2;
          last = n.end;
          continue;
        }
        break;
      }
      if (!attrOnly && t.kind === 'punct' && t.text === '[') {
        this.i++;
        const key = this.withNewlines(false, () => this.expression());
        const close = this.withNewlines(false, () => this.expect(']'));
        steps.push({ kind: 'index', key });
        last = close.end;
        continue;
      }
      break;
    }
    return { kind: 'splat', source, steps, start: source.start, end: last };
  }

  protected primary(): Expr {
    const t = this.peek();
    switch (t.kind) {
      case 'number':
        this.i++;
        return { kind: 'literal', value: Number(t.text), start: t.start, end: t.end };
      case 'ident':
        this.i++;
        if (t.text === 'true' || t.text === 'false')
          return { kind: 'literal', value: t.text === 'true', start: t.start, end: t.end };
        if (t.text === 'null') return { kind: 'literal', value: null, start: t.start, end: t.end };
        if (t.text === 'provider' && this.atDoubleColon()) return this.call(this.providerFunctionName(t));
        if (this.isPunct('(')) return this.call(t);
        return { kind: 'variable', name: t.text, start: t.start, end: t.end };
      case 'oquote':
        this.i++;
        return this.template(t, 'cquote');
      case 'oheredoc':
        this.i++;
        return this.template(t, 'cheredoc');
      case 'punct':
        if (t.text === '(') {
          this.i++;
          const expr = this.withNewlines(false, () => this.expression());
          const close = this.withNewlines(false, () => this.expect(')'));
          return { kind: 'parens', expr, start: t.start, end: close.end };
        }
        if (t.text === '[') return this.tuple();
        if (t.text === '{') return this.object();
        break;
    }
    throw this.unexpected(t, 'an expression');
  }

  /** Two adjacent ':' tokens at the cursor (the lexer has no '::' token). */
  private atDoubleColon(): boolean {
    const a = this.tokens[this.i];
    const b = this.tokens[this.i + 1];
    return (
      a?.kind === 'punct' && a.text === ':' && b?.kind === 'punct' && b.text === ':' && b.start === a.end
    );
  }

  /**
   * `provider::<name>::<function>` (Terraform 1.8+, e.g. azurerm's normalise_resource_id): one
   * function name token spanning the whole path. The evaluator does not run provider functions, so
   * the call's value is unknown; the file still parses.
   */
  private providerFunctionName(first: Token): Token {
    let text = first.text;
    let end = first.end;
    while (this.atDoubleColon()) {
      this.i += 2;
      const part = this.tokens[this.i];
      if (part?.kind !== 'ident') throw this.unexpected(part ?? first, 'a provider function name');
      this.i++;
      text += `::${part.text}`;
      end = part.end;
    }
    return { ...first, text, end };
  }

  protected call(name: Token): Expr {
    return this.withNewlines(false, () => {
      this.expect('(');
      const args: Expr[] = [];
      let expandFinal = false;
      while (!this.isPunct(')')) {
        args.push(this.expression());
        if (this.eat('...')) {
          expandFinal = true;
          this.eat(',');
          break;
        }
        if (!this.eat(',')) break;
      }
      const close = this.expect(')');
      return { kind: 'call', name: name.text, args, expandFinal, start: name.start, end: close.end };
    });
  }

  protected isForKeyword(): boolean {
    const t = this.peek();
    if (t.kind !== 'ident' || t.text !== 'for') return false;
    const n = this.tokens[this.i + 1]!;
    return n.kind === 'ident';
  }

  protected tuple(): Expr {
    return this.withNewlines(false, () => {
      const open = this.expect('[');
      if (this.isForKeyword()) return this.forExpr(open, ']');
      const items: Expr[] = [];
      while (!this.isPunct(']')) {
        items.push(this.expression());
        if (!this.eat(',')) break;
      }
      const close = this.expect(']');
      return { kind: 'tuple', items, start: open.start, end: close.end };
    });
  }

  protected object(): Expr {
    const open = this.peek();
    this.i++;
    if (this.withNewlines(false, () => this.isForKeyword()))
      return this.withNewlines(false, () => this.forExpr(open, '}'));
    return this.withNewlines(true, () => {
      const items: ObjectItem[] = [];
      for (;;) {
        this.skipNewlines();
        if (this.isPunct('}')) break;
        const k = this.raw();
        const after = this.tokens[this.i + 1]!;
        let item: ObjectItem;
        if (k.kind === 'ident' && after.kind === 'punct' && (after.text === '=' || after.text === ':')) {
          this.i += 2;
          const key: Expr = { kind: 'literal', value: k.text, start: k.start, end: k.end };
          item = { key, value: this.expression(), bareKey: k.text };
        } else {
          const key = this.expression();
          const sep = this.peek();
          if (sep.kind !== 'punct' || (sep.text !== '=' && sep.text !== ':'))
            throw this.unexpected(sep, "'=' after the object key");
          this.i++;
          item = { key, value: this.expression() };
        }
        items.push(item);
        const t = this.raw();
        if (t.kind === 'punct' && t.text === ',') this.i++;
        else if (t.kind === 'newline') this.i++;
        else if (!(t.kind === 'punct' && t.text === '}')) throw this.unexpected(t, "',' or a newline or '}'");
      }
      const close = this.expect('}');
      return { kind: 'object', items, start: open.start, end: close.end };
    });
  }

  protected forExpr(open: Token, closer: ']' | '}'): Expr {
    this.i++; // for
    const first = this.identifier();
    let keyVar: string | undefined;
    let valueVar = first;
    if (this.eat(',')) {
      keyVar = first;
      valueVar = this.identifier();
    }
    const kw = this.next();
    if (kw.kind !== 'ident' || kw.text !== 'in') throw this.unexpected(kw, "'in'");
    const collection = this.expression();
    this.expect(':');
    let keyExpr: Expr | undefined;
    if (closer === '}') {
      keyExpr = this.expression();
      this.expect('=>');
    }
    const valueExpr = this.expression();
    const grouping = closer === '}' && this.eat('...');
    let cond: Expr | undefined;
    const t = this.peek();
    if (t.kind === 'ident' && t.text === 'if') {
      this.i++;
      cond = this.expression();
    }
    const close = this.expect(closer);
    return {
      kind: 'for',
      keyVar,
      valueVar,
      collection,
      keyExpr,
      valueExpr,
      cond,
      grouping,
      start: open.start,
      end: close.end,
    };
  }

  protected identifier(): string {
    const t = this.next();
    if (t.kind !== 'ident') throw this.unexpected(t, 'a name');
    return t.text;
  }
}
