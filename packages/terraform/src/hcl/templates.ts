/** HCL templates: literal text, `${}` interpolation, `%{ if }` / `%{ for }` directives, strip markers. */
import type { Expr, TemplatePart } from './ast.js';
import { ExpressionParser } from './expressions.js';
import { HclSyntaxError, type Token } from './lexer.js';

export abstract class TemplateParser extends ExpressionParser {
  // --- templates ----------------------------------------------------------------------------

  protected template(open: Token, closeKind: 'cquote' | 'cheredoc'): Expr {
    const { parts, end, closer } = this.templateParts([]);
    if (closer !== closeKind) throw new HclSyntaxError(`unexpected %{${closer}} in template`, end);
    return { kind: 'template', parts, heredoc: closeKind === 'cheredoc', start: open.start, end };
  }

  /** Parts up to the template's end or one of the given directive keywords (`else`, `endif`, `endfor`). */
  protected templateParts(terminators: readonly string[]): {
    parts: TemplatePart[];
    end: number;
    closer: string;
    strip: boolean;
  } {
    const parts: TemplatePart[] = [];
    let stripNext = false;
    const stripBefore = (): void => {
      const last = parts[parts.length - 1];
      if (last?.kind === 'literal') parts[parts.length - 1] = { kind: 'literal', text: last.text.trimEnd() };
    };
    for (;;) {
      const t = this.raw();
      this.i++;
      switch (t.kind) {
        case 'lit':
          parts.push({ kind: 'literal', text: stripNext ? t.text.trimStart() : t.text });
          stripNext = false;
          break;
        case 'cquote':
        case 'cheredoc':
          return { parts, end: t.end, closer: t.kind, strip: false };
        case 'interp': {
          if (t.strip) stripBefore();
          const expr = this.withNewlines(false, () => this.expression());
          stripNext = this.closeSequence();
          parts.push({ kind: 'interp', expr });
          break;
        }
        case 'directive': {
          if (t.strip) stripBefore();
          const kw = this.withNewlines(false, () => this.next());
          if (kw.kind !== 'ident') throw this.unexpected(kw, 'a template directive');
          if (terminators.includes(kw.text)) {
            const strip = this.closeSequence();
            return { parts, end: t.end, closer: kw.text, strip };
          }
          if (kw.text === 'if') {
            this.enter(t.start);
            const cond = this.withNewlines(false, () => this.expression());
            stripNext = this.closeSequence();
            const branch = this.templateParts(['else', 'endif']);
            let otherwise: TemplatePart[] | undefined;
            stripNext = branch.strip;
            if (branch.closer === 'else') {
              const e = this.templateParts(['endif']);
              if (e.closer !== 'endif') throw new HclSyntaxError('missing %{endif}', t.start);
              otherwise = e.parts;
              stripNext = e.strip;
            } else if (branch.closer !== 'endif') throw new HclSyntaxError('missing %{endif}', t.start);
            this.depth--;
            parts.push({ kind: 'if', cond, whenTrue: branch.parts, whenFalse: otherwise });
          } else if (kw.text === 'for') {
            this.enter(t.start);
            const { keyVar, valueVar, collection } = this.withNewlines(false, () => {
              const first = this.identifier();
              let k: string | undefined;
              let v = first;
              if (this.eat(',')) {
                k = first;
                v = this.identifier();
              }
              const inKw = this.next();
              if (inKw.kind !== 'ident' || inKw.text !== 'in') throw this.unexpected(inKw, "'in'");
              return { keyVar: k, valueVar: v, collection: this.expression() };
            });
            stripNext = this.closeSequence();
            const body = this.templateParts(['endfor']);
            if (body.closer !== 'endfor') throw new HclSyntaxError('missing %{endfor}', t.start);
            stripNext = body.strip;
            this.depth--;
            parts.push({ kind: 'for', keyVar, valueVar, collection, body: body.parts });
          } else throw new HclSyntaxError(`unknown template directive '${kw.text}'`, kw.start);
          break;
        }
        default:
          throw this.unexpected(t, 'template text');
      }
    }
  }

  /** Consume the `}` closing a template sequence; returns whether it was `~}`. */
  protected closeSequence(): boolean {
    const t = this.withNewlines(false, () => this.peek());
    if (t.kind !== 'tclose') throw this.unexpected(t, "'}' closing the template sequence");
    this.i++;
    return t.strip === true;
  }
}
