/**
 * Bicep tokenizer. Newlines are tokens (they end statements and separate object/array items);
 * comments and `#pragma` lines are dropped. Interpolated strings are split into pieces
 * (`'a${` `}b${` `}c'`) with the expression tokens in between, so the parser never re-lexes text.
 */

export type TokenKind =
  | 'ident'
  | 'number'
  /** A complete string without interpolation (`'abc'` or `'''abc'''`); `value` is the decoded text. */
  | 'string'
  /** `'abc${`: opens an interpolated string. */
  | 'stringLeft'
  /** `}abc${`: between two holes. */
  | 'stringMiddle'
  /** `}abc'`: closes an interpolated string. */
  | 'stringRight'
  | 'symbol'
  | 'newline'
  | 'eof';

export interface Token {
  readonly kind: TokenKind;
  /** Identifier name, symbol text, or decoded string piece. */
  readonly value: string;
  /** UTF-16 offsets in the file text, end exclusive. */
  readonly start: number;
  readonly end: number;
}

export interface LexError {
  readonly message: string;
  readonly offset: number;
}

export type LexResult = { ok: true; tokens: Token[] } | { ok: false; error: LexError };

// Longest first: the scanner takes the first symbol that matches at the current offset.
const SYMBOLS = [
  '...',
  '.?',
  '[?',
  '::',
  '=>',
  '==',
  '!=',
  '=~',
  '!~',
  '<=',
  '>=',
  '&&',
  '||',
  '??',
  '{',
  '}',
  '[',
  ']',
  '(',
  ')',
  ',',
  ':',
  '.',
  '@',
  '=',
  '<',
  '>',
  '+',
  '-',
  '*',
  '/',
  '%',
  '!',
  '?',
  '|',
];

const ESCAPES: Record<string, string> = {
  n: '\n',
  r: '\r',
  t: '\t',
  '\\': '\\',
  "'": "'",
  $: '$',
};

function isIdentStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
}

function isIdentPart(c: number): boolean {
  return isIdentStart(c) || (c >= 48 && c <= 57);
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Tokenize a whole file. Stops at the first error (unterminated string or comment, stray character). */
export function tokenize(text: string): LexResult {
  const tokens: Token[] = [];
  // One entry per open `${`: the number of `{` opened inside that hole and not yet closed.
  const holes: number[] = [];
  let i = 0;
  const n = text.length;

  const fail = (message: string, offset: number): LexResult => ({ ok: false, error: { message, offset } });

  /** Scan string characters from `i` (after the opening quote or the `}` of a hole). */
  const scanStringPiece = (pieceStart: number, opening: boolean): LexError | undefined => {
    let value = '';
    while (i < n) {
      const c = text[i]!;
      if (c === "'") {
        i++;
        tokens.push({ kind: opening ? 'string' : 'stringRight', value, start: pieceStart, end: i });
        return undefined;
      }
      if (c === '\\') {
        const next = text[i + 1];
        if (next === undefined) break;
        if (next === 'u' && text[i + 2] === '{') {
          const close = text.indexOf('}', i + 3);
          const hex = close > 0 ? text.slice(i + 3, close) : '';
          if (!/^[0-9a-fA-F]{1,6}$/.test(hex) || Number.parseInt(hex, 16) > 0x10ffff)
            return { message: 'invalid unicode escape in string (expected \\u{hex})', offset: i };
          value += String.fromCodePoint(Number.parseInt(hex, 16));
          i = close + 1;
          continue;
        }
        const decoded = ESCAPES[next];
        if (decoded === undefined)
          return {
            message: `unknown escape sequence '\\${next}' in string (valid: \\n \\r \\t \\\\ \\' \\$ \\u{...})`,
            offset: i,
          };
        value += decoded;
        i += 2;
        continue;
      }
      if (c === '$' && text[i + 1] === '{') {
        i += 2;
        tokens.push({ kind: opening ? 'stringLeft' : 'stringMiddle', value, start: pieceStart, end: i });
        holes.push(0);
        return undefined;
      }
      if (c === '\n' || c === '\r')
        return { message: 'string is not closed before the end of the line', offset: pieceStart };
      value += c;
      i++;
    }
    return { message: 'string is not closed before the end of the file', offset: pieceStart };
  };

  while (i < n) {
    const c = text.charCodeAt(i);
    // Whitespace other than newlines.
    if (c === 32 || c === 9 || c === 0xfeff || c === 11 || c === 12) {
      i++;
      continue;
    }
    if (c === 13 || c === 10) {
      const start = i;
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      i++;
      tokens.push({ kind: 'newline', value: '\n', start, end: i });
      continue;
    }
    if (c === 47 /* / */) {
      const next = text.charCodeAt(i + 1);
      if (next === 47) {
        while (i < n && text[i] !== '\n' && text[i] !== '\r') i++;
        continue;
      }
      if (next === 42) {
        const close = text.indexOf('*/', i + 2);
        if (close < 0) return fail('block comment /* is not closed before the end of the file', i);
        i = close + 2;
        continue;
      }
    }
    if (c === 35 /* # */) {
      // `#disable-next-line`, `#disable-diagnostics`...: pragmas apply to the linter only.
      while (i < n && text[i] !== '\n' && text[i] !== '\r') i++;
      continue;
    }
    const start = i;
    if (isIdentStart(c)) {
      i++;
      while (i < n && isIdentPart(text.charCodeAt(i))) i++;
      tokens.push({ kind: 'ident', value: text.slice(start, i), start, end: i });
      continue;
    }
    if (isDigit(c)) {
      i++;
      while (i < n && isDigit(text.charCodeAt(i))) i++;
      // Bicep numbers are integers; a fraction is accepted so that the parser can report it kindly.
      if (text[i] === '.' && isDigit(text.charCodeAt(i + 1))) {
        i++;
        while (i < n && isDigit(text.charCodeAt(i))) i++;
      }
      tokens.push({ kind: 'number', value: text.slice(start, i), start, end: i });
      continue;
    }
    if (c === 39 /* ' */) {
      if (text.startsWith("'''", i)) {
        const close = text.indexOf("'''", i + 3);
        if (close < 0) return fail("multi-line string ''' is not closed before the end of the file", i);
        // Up to two extra quotes before the closing ''' belong to the string.
        let end = close;
        while (text[end + 3] === "'" && end - close < 2) end++;
        let value = text.slice(i + 3, end);
        // A line break right after the opening ''' is not part of the value.
        if (value.startsWith('\r\n')) value = value.slice(2);
        else if (value.startsWith('\n')) value = value.slice(1);
        i = end + 3;
        tokens.push({ kind: 'string', value, start, end: i });
        continue;
      }
      i++;
      const err = scanStringPiece(start, true);
      if (err) return { ok: false, error: err };
      continue;
    }
    if (c === 123 /* { */ && holes.length) holes[holes.length - 1]!++;
    if (c === 125 /* } */ && holes.length) {
      if (holes[holes.length - 1] === 0) {
        holes.pop();
        i++;
        const err = scanStringPiece(start, false);
        if (err) return { ok: false, error: err };
        continue;
      }
      holes[holes.length - 1]!--;
    }
    const symbol = matchSymbol(text, i);
    if (!symbol) return fail(`unexpected character '${text[i]}'`, i);
    i += symbol.length;
    tokens.push({ kind: 'symbol', value: symbol, start, end: i });
  }
  if (holes.length)
    return fail('string interpolation is not closed (a } is missing) before the end of the file', n);
  tokens.push({ kind: 'eof', value: '', start: n, end: n });
  return { ok: true, tokens };
}

function matchSymbol(text: string, at: number): string | undefined {
  for (const s of SYMBOLS) if (text.startsWith(s, at)) return s;
  return undefined;
}
