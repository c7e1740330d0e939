/**
 * Expression grammar, lowest precedence first: lambda, ternary, `??`, `||`, `&&`, equality,
 * relational, additive, multiplicative, unary, postfix (`.` `.?` `[]` `[?]` `::` `()` `!`), primary.
 */
import type { BinaryOp, Expr } from './ast.js';
import { CollectionParser } from './collections.js';
import { BicepSyntaxError } from './cursor.js';
import type { Token } from './lexer.js';

const BINARY_LEVELS: readonly (readonly BinaryOp[])[] = [
  ['??'],
  ['||'],
  ['&&'],
  ['==', '!=', '=~', '!~'],
  ['<', '<=', '>', '>='],
  ['+', '-'],
  ['*', '/', '%'],
];

const LEVEL_OF = new Map<string, number>();
BINARY_LEVELS.forEach((ops, level) => {
  for (const op of ops) LEVEL_OF.set(op, level);
});

/** Operators that may start a continuation line (none of them can start an array item). */
const CONTINUATION = new Set(['??', '||', '&&', '==', '!=', '=~', '!~', '<', '<=', '>', '>=', '*', '/', '%']);

export class ExpressionParser extends CollectionParser {
  override parseExpression(): Expr {
    return this.nested(() => this.parseLambdaOrTernary());
  }

  private parseLambdaOrTernary(): Expr {
    const lambda = this.tryLambda();
    if (lambda) return lambda;
    const condition = this.parseBinary(0);
    if (!this.continuesWith('?')) return condition;
    this.skipNewlines();
    this.next();
    const whenTrue = this.withNewlines(true, () => this.parseExpression());
    this.skipNewlines();
    this.expectSymbol(':', 'between the two branches of the ? : operator');
    this.skipNewlines();
    const whenFalse = this.parseExpression();
    return {
      kind: 'ternary',
      condition,
      whenTrue,
      whenFalse,
      start: condition.start,
      end: whenFalse.end,
    };
  }

  /** `x => body`, `(a, b) => body`, `() => body`. */
  private tryLambda(): Expr | undefined {
    const first = this.peek();
    let params: string[] | undefined;
    if (first.kind === 'ident' && this.isSymbol('=>', 1)) {
      params = [first.value];
      this.next();
    } else if (first.kind === 'symbol' && first.value === '(') {
      params = this.lambdaParams();
    }
    if (!params) return undefined;
    this.expectSymbol('=>', 'after lambda parameters');
    this.skipNewlines();
    const body = this.parseExpression();
    return { kind: 'lambda', params, body, start: first.start, end: body.end };
  }

  /** Consumes `(a, b)` only when it is followed by `=>`. */
  private lambdaParams(): string[] | undefined {
    let p = this.pos;
    while (this.tokens[p]!.kind === 'newline') p++;
    p++;
    const names: string[] = [];
    const at = (): Token => {
      while (this.tokens[p]!.kind === 'newline') p++;
      return this.tokens[p]!;
    };
    if (!(at().kind === 'symbol' && at().value === ')')) {
      for (;;) {
        const t = at();
        if (t.kind !== 'ident') return undefined;
        names.push(t.value);
        p++;
        const sep = at();
        if (sep.kind === 'symbol' && sep.value === ',') {
          p++;
          continue;
        }
        if (sep.kind === 'symbol' && sep.value === ')') break;
        return undefined;
      }
    }
    p++;
    const arrow = at();
    if (!(arrow.kind === 'symbol' && arrow.value === '=>')) return undefined;
    this.pos = p;
    return names;
  }

  /** True when the next token (possibly on the next line, for a continuation) is `symbol`. */
  private continuesWith(symbol: string): boolean {
    if (this.isSymbol(symbol)) return true;
    const t = this.peekPastNewlines();
    return t.kind === 'symbol' && t.value === symbol;
  }

  /** Precedence climbing: operators at `minLevel` or tighter, left-associative. */
  private parseBinary(minLevel: number): Expr {
    let left = this.parseUnary();
    for (;;) {
      let t = this.peek();
      if (t.kind === 'newline') {
        const after = this.peekPastNewlines();
        if (after.kind === 'symbol' && CONTINUATION.has(after.value)) t = after;
      }
      const level = t.kind === 'symbol' ? LEVEL_OF.get(t.value) : undefined;
      if (level === undefined || level < minLevel) return left;
      this.skipNewlines();
      this.next();
      this.skipNewlines();
      const right = this.nested(() => this.parseBinary(level + 1));
      left = { kind: 'binary', op: t.value as BinaryOp, left, right, start: left.start, end: right.end };
    }
  }

  private parseUnary(): Expr {
    const t = this.peek();
    if (t.kind === 'symbol' && (t.value === '!' || t.value === '-' || t.value === '+')) {
      this.next();
      const operand = this.nested(() => this.parseUnary());
      return { kind: 'unary', op: t.value, operand, start: t.start, end: operand.end };
    }
    return this.parsePostfix(this.parsePrimary());
  }

  private parsePostfix(target: Expr): Expr {
    let expr = target;
    for (let steps = 0; ; steps++) {
      if (steps > this.maxDepth)
        throw new BicepSyntaxError('member access chain is too long', this.peek().start);
      const t = this.peek();
      if (t.kind !== 'symbol') return expr;
      if (t.value === '.' || t.value === '.?') {
        this.next();
        const name = this.expectIdent(`a property name after '${t.value}'`);
        if (t.value === '.' && this.isSymbol('(')) {
          const args = this.parseArguments();
          expr = {
            kind: 'call',
            receiver: expr,
            name: name.value,
            args,
            start: expr.start,
            end: this.previousEnd(),
          };
        } else {
          expr = {
            kind: 'member',
            object: expr,
            name: name.value,
            safe: t.value === '.?',
            start: expr.start,
            end: name.end,
          };
        }
      } else if (t.value === '[' || t.value === '[?') {
        this.next();
        const index = this.withNewlines(true, () => this.parseExpression());
        this.expectSymbol(']', 'to close the index');
        expr = {
          kind: 'index',
          object: expr,
          index,
          safe: t.value === '[?',
          start: expr.start,
          end: this.previousEnd(),
        };
      } else if (t.value === '::') {
        this.next();
        const name = this.expectIdent("a child resource name after '::'");
        expr = { kind: 'childAccess', object: expr, name: name.value, start: expr.start, end: name.end };
      } else if (t.value === '!') {
        this.next();
        expr = { kind: 'nonNull', operand: expr, start: expr.start, end: t.end };
      } else {
        return expr;
      }
    }
  }

  protected override parseArguments(): Expr[] {
    return this.withNewlines(true, () => {
      this.expectSymbol('(', 'to start the arguments');
      const args: Expr[] = [];
      while (!this.isSymbol(')')) {
        args.push(this.parseExpression());
        if (!this.eatSymbol(',')) break;
      }
      this.expectSymbol(')', 'to close the argument list');
      return args;
    });
  }

  private parsePrimary(): Expr {
    const t = this.peek();
    switch (t.kind) {
      case 'number': {
        this.next();
        if (t.value.includes('.'))
          throw new BicepSyntaxError(
            `Bicep numbers are integers; '${t.value}' has a fraction (use json('${t.value}'))`,
            t.start,
          );
        return { kind: 'literal', value: Number(t.value), start: t.start, end: t.end };
      }
      case 'string':
        this.next();
        return { kind: 'literal', value: t.value, start: t.start, end: t.end };
      case 'stringLeft':
        return this.parseInterpolation();
      case 'ident':
        return this.parseIdentifierPrimary();
      case 'symbol':
        if (t.value === '(') {
          this.next();
          const inner = this.withNewlines(true, () => this.parseExpression());
          this.expectSymbol(')', 'to close the parenthesis');
          return { kind: 'paren', inner, start: t.start, end: this.previousEnd() };
        }
        if (t.value === '[') return this.parseArrayOrFor();
        if (t.value === '{') return this.parseObject();
        break;
    }
    throw this.unexpected('expected a value (a literal, a name, an array, an object or a function call)');
  }

  private parseIdentifierPrimary(): Expr {
    const t = this.next();
    if (t.value === 'true' || t.value === 'false')
      return { kind: 'literal', value: t.value === 'true', start: t.start, end: t.end };
    if (t.value === 'null') return { kind: 'literal', value: null, start: t.start, end: t.end };
    if (this.isSymbol('(')) {
      const args = this.parseArguments();
      return {
        kind: 'call',
        receiver: undefined,
        name: t.value,
        args,
        start: t.start,
        end: this.previousEnd(),
      };
    }
    return { kind: 'ident', name: t.value, start: t.start, end: t.end };
  }

  protected override parseInterpolation(): Expr {
    const first = this.next();
    const parts = [first.value];
    const holes: Expr[] = [];
    for (;;) {
      holes.push(this.withNewlines(true, () => this.parseExpression()));
      const piece = this.tokens[this.pos]!;
      if (piece.kind === 'stringMiddle') {
        this.pos++;
        parts.push(piece.value);
        continue;
      }
      if (piece.kind === 'stringRight') {
        this.pos++;
        parts.push(piece.value);
        return { kind: 'interpolation', parts, holes, start: first.start, end: piece.end };
      }
      throw this.unexpected("expected '}' to close the interpolation hole in the string", piece);
    }
  }
}
