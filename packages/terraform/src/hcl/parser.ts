/**
 * Recursive-descent parser for HCL2 native syntax: bodies (attributes and blocks) and the full
 * expression language (templates with directives, for expressions, splats, conditionals, operators
 * with HCL's precedence, function calls with `...`). Newlines end attributes in bodies and object
 * constructors but are insignificant inside parentheses, brackets and template interpolations.
 * Nesting is capped, so hostile input cannot overflow the stack.
 */
import type { Attribute, Block, Body, Expr } from './ast.js';
import { HclSyntaxError, type Token, tokenize } from './lexer.js';
import { TemplateParser } from './templates.js';
export type ParseResult =
  | { readonly ok: true; readonly body: Body }
  | { readonly ok: false; readonly message: string; readonly offset: number };

export function parseHcl(src: string, maxDepth = 128): ParseResult {
  try {
    const tokens = tokenize(src);
    const parser = new Parser(tokens, maxDepth);
    return { ok: true, body: parser.file() };
  } catch (e) {
    if (e instanceof HclSyntaxError) return { ok: false, message: e.message, offset: e.offset };
    if (e instanceof RangeError) return { ok: false, message: 'nesting too deep', offset: 0 };
    throw e;
  }
}

export type TemplateParseResult =
  | { readonly ok: true; readonly expr: Expr }
  | { readonly ok: false; readonly message: string; readonly offset: number };

/** Parse a whole text as a template (`templatefile`): read as the body of a heredoc. */
export function parseTemplate(src: string, maxDepth = 128): TemplateParseResult {
  const marker = 'ZTKIT_TEMPLATE_END';
  const head = `<<${marker}\n`;
  const wrapped = `${head}${src}${src.endsWith('\n') ? '' : '\n'}${marker}\n`;
  try {
    const parser = new Parser(tokenize(wrapped), maxDepth);
    return { ok: true, expr: parser.expression() };
  } catch (e) {
    if (e instanceof HclSyntaxError)
      return { ok: false, message: e.message, offset: Math.max(0, e.offset - head.length) };
    if (e instanceof RangeError) return { ok: false, message: 'nesting too deep', offset: 0 };
    throw e;
  }
}

/** Bodies: attributes and (labelled) blocks, one per line. */
class Parser extends TemplateParser {
  file(): Body {
    const body = this.body(false);
    const t = this.raw();
    if (t.kind !== 'eof') throw this.unexpected(t, 'an attribute or block');
    return body;
  }

  // --- bodies -------------------------------------------------------------------------------

  private body(inBlock: boolean): Body {
    const attributes: Attribute[] = [];
    const blocks: Block[] = [];
    for (;;) {
      this.skipNewlines();
      const t = this.raw();
      if (t.kind === 'eof') break;
      if (inBlock && t.kind === 'punct' && t.text === '}') break;
      if (t.kind !== 'ident') throw this.unexpected(t, 'an attribute or block name');
      this.i++;
      const after = this.raw();
      if (after.kind === 'punct' && after.text === '=') {
        this.i++;
        const expr = this.withNewlines(true, () => this.expression());
        attributes.push({ name: t.text, nameEnd: t.end, expr, start: t.start, end: expr.end });
      } else {
        blocks.push(this.block(t));
      }
      const end = this.raw();
      if (end.kind === 'newline') this.i++;
      else if (!(end.kind === 'eof' || (inBlock && end.kind === 'punct' && end.text === '}')))
        throw this.unexpected(end, 'a newline after the attribute or block');
    }
    return { attributes, blocks };
  }

  private block(typeToken: Token): Block {
    this.enter(typeToken.start);
    const labels: string[] = [];
    for (;;) {
      const t = this.raw();
      if (t.kind === 'ident') {
        labels.push(t.text);
        this.i++;
      } else if (t.kind === 'oquote') {
        labels.push(this.quotedLabel());
      } else break;
    }
    const open = this.raw();
    if (open.kind !== 'punct' || open.text !== '{') throw this.unexpected(open, "'{' or '=' after the name");
    this.i++;
    const body = this.withNewlines(true, () => this.body(true));
    const close = this.raw();
    if (close.kind !== 'punct' || close.text !== '}') throw this.unexpected(close, "'}'");
    this.i++;
    this.depth--;
    return {
      type: typeToken.text,
      labels,
      body,
      start: typeToken.start,
      end: close.end,
      headerEnd: open.end,
    };
  }

  private quotedLabel(): string {
    const open = this.raw();
    this.i++;
    let text = '';
    for (;;) {
      const t = this.raw();
      this.i++;
      if (t.kind === 'cquote') return text;
      if (t.kind === 'lit') text += t.text;
      else throw new HclSyntaxError('block labels cannot contain template sequences', open.start);
    }
  }
}
