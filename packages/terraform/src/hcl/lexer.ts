/**
 * HCL2 native-syntax tokenizer. Templates (quoted strings and heredocs) are lexed in modes: their
 * literal text becomes `lit` tokens and each `${` / `%{` switches back to expression tokens until
 * the matching `}`, so the parser sees one flat token stream with exact offsets.
 */

export type TokenKind =
  | 'ident'
  | 'number'
  | 'punct'
  | 'newline'
  | 'oquote'
  | 'cquote'
  | 'oheredoc'
  | 'cheredoc'
  | 'lit'
  | 'interp'
  | 'directive'
  | 'tclose'
  | 'eof';

export interface Token {
  readonly kind: TokenKind;
  readonly start: number;
  readonly end: number;
  /** Identifier name, punctuation text, or the decoded literal text of a `lit` token. */
  readonly text: string;
  /** `interp`/`directive`: `${~`; `tclose`: `~}`. */
  readonly strip?: boolean;
}

export class HclSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

const PUNCT3 = ['...'];
const PUNCT2 = ['==', '!=', '<=', '>=', '&&', '||', '=>'];
const PUNCT1 = '+-*/%<>!=?:.,()[]{}';

type Frame =
  | { kind: 'expr'; depth: number; template: boolean }
  | { kind: 'quoted' }
  | { kind: 'heredoc'; marker: string; indent: number };

function isIdentStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c > 127;
}
function isIdentPart(c: number): boolean {
  return isIdentStart(c) || (c >= 48 && c <= 57) || c === 45;
}
function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

export function tokenize(src: string): Token[] {
  return new Lexer(src).run();
}

class Lexer {
  private pos = 0;
  private readonly out: Token[] = [];
  private readonly stack: Frame[] = [{ kind: 'expr', depth: 0, template: false }];

  constructor(private readonly src: string) {
    if (src.charCodeAt(0) === 0xfeff) this.pos = 1;
  }

  run(): Token[] {
    const src = this.src;
    while (this.pos < src.length) {
      const frame = this.stack[this.stack.length - 1]!;
      if (frame.kind === 'expr') this.expr(frame);
      else if (frame.kind === 'quoted') this.quoted();
      else this.heredocLine(frame);
    }
    const top = this.stack[this.stack.length - 1]!;
    if (this.stack.length > 1) {
      const what =
        top.kind === 'quoted'
          ? 'unterminated string'
          : top.kind === 'heredoc'
            ? `unterminated heredoc (missing ${top.marker})`
            : 'unterminated template interpolation';
      throw new HclSyntaxError(what, this.src.length);
    }
    this.push('eof', this.pos, this.pos, '');
    return this.out;
  }

  private push(kind: TokenKind, start: number, end: number, text: string, strip?: boolean): void {
    this.out.push(strip ? { kind, start, end, text, strip } : { kind, start, end, text });
  }

  private expr(frame: { kind: 'expr'; depth: number; template: boolean }): void {
    const src = this.src;
    const c = src.charCodeAt(this.pos);
    const start = this.pos;
    if (c === 32 || c === 9 || c === 13) {
      this.pos++;
      return;
    }
    if (c === 10) {
      this.pos++;
      this.push('newline', start, this.pos, '\n');
      return;
    }
    if (c === 35 || (c === 47 && src.charCodeAt(start + 1) === 47)) {
      const nl = src.indexOf('\n', start);
      this.pos = nl < 0 ? src.length : nl;
      return;
    }
    if (c === 47 && src.charCodeAt(start + 1) === 42) {
      const close = src.indexOf('*/', start + 2);
      if (close < 0) throw new HclSyntaxError('unterminated /* comment', start);
      // A block comment spanning lines still ends the attribute it follows.
      const hadNewline = src.slice(start, close).includes('\n');
      this.pos = close + 2;
      if (hadNewline) this.push('newline', close, close + 2, '\n');
      return;
    }
    if (isIdentStart(c)) {
      let i = start + 1;
      while (i < src.length && isIdentPart(src.charCodeAt(i))) i++;
      this.pos = i;
      this.push('ident', start, i, src.slice(start, i));
      return;
    }
    if (isDigit(c)) {
      this.pos = this.number(start);
      this.push('number', start, this.pos, src.slice(start, this.pos));
      return;
    }
    if (c === 34) {
      this.pos++;
      this.push('oquote', start, this.pos, '"');
      this.stack.push({ kind: 'quoted' });
      return;
    }
    if (c === 60 && src.charCodeAt(start + 1) === 60 && this.heredocStart(start)) return;
    if (c === 126 && src.charCodeAt(start + 1) === 125 && frame.template && frame.depth === 0) {
      this.pos += 2;
      this.stack.pop();
      this.push('tclose', start, this.pos, '}', true);
      return;
    }
    if (c === 123) frame.depth++;
    if (c === 125) {
      if (frame.depth === 0 && frame.template) {
        this.pos++;
        this.stack.pop();
        this.push('tclose', start, this.pos, '}');
        return;
      }
      frame.depth--;
    }
    for (const p of PUNCT3)
      if (src.startsWith(p, start)) {
        this.pos += 3;
        this.push('punct', start, this.pos, p);
        return;
      }
    const two = src.slice(start, start + 2);
    if (PUNCT2.includes(two)) {
      this.pos += 2;
      this.push('punct', start, this.pos, two);
      return;
    }
    if (PUNCT1.includes(src[start]!)) {
      this.pos++;
      this.push('punct', start, this.pos, src[start]!);
      return;
    }
    throw new HclSyntaxError(`unexpected character '${src[start]}'`, start);
  }

  private number(start: number): number {
    const src = this.src;
    let i = start;
    while (isDigit(src.charCodeAt(i))) i++;
    if (src.charCodeAt(i) === 46 && isDigit(src.charCodeAt(i + 1))) {
      i++;
      while (isDigit(src.charCodeAt(i))) i++;
    }
    const e = src.charCodeAt(i);
    if (e === 101 || e === 69) {
      let j = i + 1;
      if (src[j] === '+' || src[j] === '-') j++;
      if (isDigit(src.charCodeAt(j))) {
        i = j;
        while (isDigit(src.charCodeAt(i))) i++;
      }
    }
    return i;
  }

  private heredocStart(start: number): boolean {
    const m = /^<<(-?)([A-Za-z_][A-Za-z0-9_-]*)[ \t]*\r?\n/.exec(this.src.slice(start, start + 260));
    if (!m) return false;
    const marker = m[2]!;
    const bodyStart = start + m[0].length;
    let indent = 0;
    if (m[1] === '-') indent = this.heredocIndent(bodyStart, marker);
    this.pos = bodyStart;
    this.push('oheredoc', start, bodyStart, marker);
    this.stack.push({ kind: 'heredoc', marker, indent });
    return true;
  }

  /** `<<-`: the smallest indentation of the non-blank lines up to the closing marker. */
  private heredocIndent(from: number, marker: string): number {
    let min = Number.POSITIVE_INFINITY;
    let i = from;
    while (i < this.src.length) {
      let nl = this.src.indexOf('\n', i);
      if (nl < 0) nl = this.src.length;
      const line = this.src.slice(i, nl).replace(/\r$/, '');
      if (line.trim() === marker) break;
      if (line.trim() !== '') min = Math.min(min, line.length - line.trimStart().length);
      i = nl + 1;
    }
    return Number.isFinite(min) ? min : 0;
  }

  private quoted(): void {
    const src = this.src;
    const start = this.pos;
    let text = '';
    let i = start;
    while (i < src.length) {
      const c = src.charCodeAt(i);
      if (c === 34) break;
      if (c === 10) throw new HclSyntaxError('unterminated string (newline in quoted string)', start);
      if (c === 92) {
        const [decoded, next] = this.escape(i);
        text += decoded;
        i = next;
        continue;
      }
      if ((c === 36 || c === 37) && src.charCodeAt(i + 1) === 123) break;
      if ((c === 36 || c === 37) && src.charCodeAt(i + 1) === c && src.charCodeAt(i + 2) === 123) {
        text += src[i] + '{';
        i += 3;
        continue;
      }
      text += src[i];
      i++;
    }
    if (i > start) this.push('lit', start, i, text);
    this.pos = i;
    if (i >= src.length) throw new HclSyntaxError('unterminated string', start);
    if (src.charCodeAt(i) === 34) {
      this.pos = i + 1;
      this.stack.pop();
      this.push('cquote', i, i + 1, '"');
      return;
    }
    this.openTemplateSequence(i);
  }

  private openTemplateSequence(i: number): void {
    const kind = this.src.charCodeAt(i) === 36 ? 'interp' : 'directive';
    const strip = this.src.charCodeAt(i + 2) === 126;
    this.pos = i + (strip ? 3 : 2);
    this.push(kind, i, this.pos, kind === 'interp' ? '${' : '%{', strip);
    this.stack.push({ kind: 'expr', depth: 0, template: true });
  }

  private escape(i: number): [string, number] {
    const src = this.src;
    const n = src[i + 1];
    switch (n) {
      case 'n':
        return ['\n', i + 2];
      case 'r':
        return ['\r', i + 2];
      case 't':
        return ['\t', i + 2];
      case '"':
        return ['"', i + 2];
      case '\\':
        return ['\\', i + 2];
      case 'u':
      case 'U': {
        const len = n === 'u' ? 4 : 8;
        const hex = src.slice(i + 2, i + 2 + len);
        if (!/^[0-9a-fA-F]+$/.test(hex) || hex.length !== len)
          throw new HclSyntaxError('invalid unicode escape', i);
        const cp = Number.parseInt(hex, 16);
        if (cp > 0x10ffff) throw new HclSyntaxError('invalid unicode escape', i);
        return [String.fromCodePoint(cp), i + 2 + len];
      }
      default:
        throw new HclSyntaxError(`invalid escape sequence '\\${n ?? ''}'`, i);
    }
  }

  private heredocLine(frame: { kind: 'heredoc'; marker: string; indent: number }): void {
    const src = this.src;
    // At the start of a line: the closing marker, or indentation to strip.
    const atLineStart = this.pos === 0 || src.charCodeAt(this.pos - 1) === 10;
    if (atLineStart) {
      let nl = src.indexOf('\n', this.pos);
      if (nl < 0) nl = src.length;
      const line = src.slice(this.pos, nl);
      if (line.trim() === frame.marker) {
        const lead = line.length - line.trimStart().length;
        const s = this.pos + lead;
        this.pos = s + frame.marker.length;
        this.stack.pop();
        this.push('cheredoc', s, this.pos, frame.marker);
        return;
      }
      let skip = 0;
      while (skip < frame.indent && (line[skip] === ' ' || line[skip] === '\t')) skip++;
      this.pos += skip;
    }
    const start = this.pos;
    let text = '';
    let i = start;
    let sequence = false;
    while (i < src.length) {
      const c = src.charCodeAt(i);
      if ((c === 36 || c === 37) && src.charCodeAt(i + 1) === 123) {
        sequence = true;
        break;
      }
      if ((c === 36 || c === 37) && src.charCodeAt(i + 1) === c && src.charCodeAt(i + 2) === 123) {
        text += src[i] + '{';
        i += 3;
        continue;
      }
      text += src[i];
      i++;
      if (c === 10) break;
    }
    if (i > start) this.push('lit', start, i, text);
    this.pos = i;
    if (sequence) this.openTemplateSequence(i);
  }
}
