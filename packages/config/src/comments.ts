/**
 * Where real comments start in a source file: the offsets of `//`, `#` and `/*` that are not inside
 * a string. Suppressions are read only from these, so a `// ztkit:ignore` inside a string (a tag
 * value, a multi-line script) neither suppresses a finding nor counts as an unused suppression.
 *
 * One forward pass per file with the string syntax of its language: Bicep `'...'` and `'''...'''`,
 * JSON `"..."`, HCL `"..."` with `${ ... }` interpolations (which may hold strings of their own)
 * and heredocs (`<<EOF` / `<<-EOF` ... `EOF`).
 */
export type CommentSyntax = 'bicep' | 'json' | 'hcl';

export function commentSyntaxOf(file: string): CommentSyntax | undefined {
  const f = file.toLowerCase();
  if (f.endsWith('.bicep') || f.endsWith('.bicepparam')) return 'bicep';
  if (f.endsWith('.json') || f.endsWith('.jsonc')) return 'json';
  if (f.endsWith('.tf') || f.endsWith('.tfvars') || f.endsWith('.hcl')) return 'hcl';
  return undefined;
}

export function commentStarts(text: string, syntax: CommentSyntax): Set<number> {
  const out = new Set<number>();
  const n = text.length;
  // Each open interpolation (HCL "${...}", Bicep '${...}') remembers its brace depth and quote,
  // so the `}` that closes it resumes the string.
  const interpolations: { braces: number; quote: string }[] = [];
  let braces = 0;
  let i = 0;
  const skipLineComment = () => {
    while (i < n && text[i] !== '\n') i++;
  };
  const skipBlockComment = () => {
    const end = text.indexOf('*/', i + 2);
    i = end < 0 ? n : end + 2;
  };
  /** Past a quoted string opened at i; for HCL, stops at `${` and returns true (interpolation). */
  const skipQuoted = (quote: string, escapes: boolean, interpolate: boolean): boolean => {
    i++;
    while (i < n) {
      const c = text[i]!;
      if (escapes && c === '\\') i += 2;
      else if (c === quote) {
        i++;
        return false;
      } else if (c === '\n') {
        // An unterminated string ends at the line; the parser reports it, we only must not run on.
        return false;
      } else if (interpolate && c === '$' && text[i + 1] === '{') {
        i += 2;
        return true;
      } else i++;
    }
    return false;
  };
  while (i < n) {
    const c = text[i]!;
    const next = text[i + 1];
    if ((c === '/' && next === '/') || (c === '#' && syntax === 'hcl')) {
      out.add(i);
      skipLineComment();
    } else if (c === '/' && next === '*') {
      out.add(i);
      skipBlockComment();
    } else if (syntax === 'bicep' && text.startsWith("'''", i)) {
      const end = text.indexOf("'''", i + 3);
      i = end < 0 ? n : end + 3;
    } else if (syntax === 'bicep' && c === "'") {
      if (skipQuoted("'", true, true)) interpolations.push({ braces, quote: "'" });
    } else if (c === '"' && syntax !== 'bicep') {
      if (skipQuoted('"', true, syntax === 'hcl')) interpolations.push({ braces, quote: '"' });
    } else if (syntax === 'hcl' && c === '<' && next === '<' && /^<<-?[A-Za-z_]/.test(text.slice(i, i + 4))) {
      const m = /^<<-?([A-Za-z_][A-Za-z0-9_-]*)[^\n]*\n/.exec(text.slice(i, i + 256));
      if (!m) i += 2;
      else {
        const marker = new RegExp(`^[ \\t]*${m[1]}[ \\t]*$`, 'm');
        const body = i + m[0].length;
        const close = marker.exec(text.slice(body));
        i = close ? body + close.index + close[0].length : n;
      }
    } else if (syntax !== 'json' && c === '{') {
      braces++;
      i++;
    } else if (syntax !== 'json' && c === '}') {
      const open = interpolations[interpolations.length - 1];
      if (open && open.braces === braces) {
        // Back inside the string the interpolation interrupted.
        interpolations.pop();
        // skipQuoted steps over the character it starts on: here the closing brace.
        if (skipQuoted(open.quote, true, true)) interpolations.push(open);
      } else {
        braces--;
        i++;
      }
    } else i++;
  }
  return out;
}
