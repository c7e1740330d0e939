// biome-ignore-all lint/suspicious/noTemplateCurlyInString: Bicep and HCL source text uses ${} in ordinary strings
import { describe, expect, it } from 'vitest';
import { commentStarts } from './comments.js';

/** The text from each comment start to the end of its line, for readable assertions. */
function comments(text: string, syntax: Parameters<typeof commentStarts>[1]): string[] {
  return [...commentStarts(text, syntax)].map((at) => text.slice(at, text.indexOf('\n', at) >>> 0));
}

describe('commentStarts', () => {
  it('Bicep: skips single-quoted and triple-quoted strings', () => {
    const text = [
      "var a = 'x // not a comment'",
      "var s = '''",
      '// ztkit:ignore ZT-S18-01 -- inside a multi-line string',
      "'''",
      "var t = 'it\\'s ${'// nope'}' // real",
      '/* block */ var u = 1',
      '',
    ].join('\n');
    expect(comments(text, 'bicep')).toEqual(['// real', '/* block */ var u = 1']);
  });

  it('JSON: skips strings with escaped quotes', () => {
    const text = '{\n  "a": "http://x \\" // still a string",\n  // real\n  "b": 1\n}\n';
    expect(comments(text, 'json')).toEqual(['// real']);
  });

  it('HCL: skips strings, interpolations holding strings, and heredocs', () => {
    const text = [
      'a = "x # not a comment"',
      'b = "${lookup(var.m, "k # no", "d")} # still string" # real one',
      'c = <<-EOT',
      '  # ztkit:ignore S02 -- heredoc text',
      '  EOT',
      '// slash comment',
      'd = { e = 1 } # after braces',
      '',
    ].join('\n');
    expect(comments(text, 'hcl')).toEqual(['# real one', '// slash comment', '# after braces']);
  });
});
