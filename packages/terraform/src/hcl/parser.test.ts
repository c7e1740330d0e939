// biome-ignore-all lint/suspicious/noTemplateCurlyInString: HCL source text uses ${} in ordinary strings
import { LineMap } from '@ztkit/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Expr } from './ast.js';
import { tokenize } from './lexer.js';
import { parseHcl, parseTemplate } from './parser.js';

function body(src: string) {
  const r = parseHcl(src);
  if (!r.ok) throw new Error(`parse failed: ${r.message} at ${r.offset}`);
  return r.body;
}

function expr(src: string): Expr {
  return body(`x = ${src}\n`).attributes[0]!.expr;
}

/** A compact rendering of an expression tree, to assert structure and precedence. */
function show(e: Expr): string {
  switch (e.kind) {
    case 'literal':
      return JSON.stringify(e.value);
    case 'variable':
      return e.name;
    case 'getattr':
      return `${show(e.object)}.${e.name}`;
    case 'index':
      return `${show(e.object)}[${show(e.key)}]`;
    case 'splat':
      return `${show(e.source)}[*]${e.steps.map((s) => (s.kind === 'attr' ? `.${s.name}` : `[${show(s.key)}]`)).join('')}`;
    case 'call':
      return `${e.name}(${e.args.map(show).join(', ')}${e.expandFinal ? '...' : ''})`;
    case 'tuple':
      return `[${e.items.map(show).join(', ')}]`;
    case 'object':
      return `{${e.items.map((i) => `${i.bareKey ?? show(i.key)}=${show(i.value)}`).join(', ')}}`;
    case 'for':
      return `for(${e.keyVar ? `${e.keyVar},` : ''}${e.valueVar} in ${show(e.collection)}: ${e.keyExpr ? `${show(e.keyExpr)} => ` : ''}${show(e.valueExpr)}${e.grouping ? '...' : ''}${e.cond ? ` if ${show(e.cond)}` : ''})`;
    case 'conditional':
      return `(${show(e.cond)} ? ${show(e.whenTrue)} : ${show(e.whenFalse)})`;
    case 'binary':
      return `(${show(e.left)} ${e.op} ${show(e.right)})`;
    case 'unary':
      return `(${e.op}${show(e.operand)})`;
    case 'parens':
      return show(e.expr);
    case 'template':
      return `tpl(${e.parts.map((p) => (p.kind === 'literal' ? JSON.stringify(p.text) : p.kind === 'interp' ? `\${${show(p.expr)}}` : `%{${p.kind}}`)).join(' ')})`;
  }
}

describe('HCL parser: bodies', () => {
  it('parses attributes and labelled, nested and one-line blocks with spans', () => {
    const src = 'a = 1\nresource "azurerm_x" "y" {\n  b = "c"\n  inner { d = true }\n}\n';
    const b = body(src);
    expect(b.attributes.map((a) => a.name)).toEqual(['a']);
    const block = b.blocks[0]!;
    expect(block.type).toBe('resource');
    expect(block.labels).toEqual(['azurerm_x', 'y']);
    expect(block.body.blocks[0]!.type).toBe('inner');
    expect(block.body.blocks[0]!.body.attributes[0]!.name).toBe('d');
    const lines = new LineMap(src);
    expect(lines.position(block.start).line).toBe(2);
    expect(lines.position(block.end).line).toBe(5);
    expect(lines.position(block.body.attributes[0]!.start)).toEqual({ line: 3, column: 3 });
  });

  it('skips #, // and /* */ comments', () => {
    const b = body('# one\n// two\n/* three\n four */ a = 1 // tail\nb = /* inline */ 2\n');
    expect(b.attributes.map((a) => a.name)).toEqual(['a', 'b']);
  });

  it('accepts identifier labels and dashes in names', () => {
    expect(body('block label-one {\n}\n').blocks[0]!.labels).toEqual(['label-one']);
  });
});

describe('HCL parser: expressions', () => {
  it('applies HCL operator precedence', () => {
    expect(show(expr('1 + 2 * 3 - -4'))).toBe('((1 + (2 * 3)) - (-4))');
    expect(show(expr('a || b && !c == d'))).toBe('(a || (b && ((!c) == d)))');
    expect(show(expr('a < b == c >= d'))).toBe('((a < b) == (c >= d))');
    expect(show(expr('a ? b : c ? d : e'))).toBe('(a ? b : (c ? d : e))');
  });

  it('parses traversals, legacy indexes and both splats', () => {
    expect(show(expr('var.a.b["k"][0]'))).toBe('var.a.b[tpl("k")][0]');
    expect(show(expr('a.0.b'))).toBe('a[0].b');
    expect(show(expr('a[*].b.c'))).toBe('a[*].b.c');
    expect(show(expr('a.*.b'))).toBe('a[*].b');
    expect(show(expr('a[*].b[0]'))).toBe('a[*].b[0]');
  });

  it('parses provider-defined function calls (provider::ns::fn)', () => {
    const e = expr('provider::azurerm::normalise_resource_id(var.id)');
    expect(e).toMatchObject({ kind: 'call', name: 'provider::azurerm::normalise_resource_id', start: 4 });
    expect(() => expr('provider::azurerm::(1)')).toThrow(/provider function name/);
    // A variable named provider is still a variable.
    expect(show(expr('provider.x'))).toBe('provider.x');
  });

  it('parses function calls with expansion and newlines inside', () => {
    expect(show(expr('f(a, b...)'))).toBe('f(a, b...)');
    expect(show(expr('concat(\n  a,\n  b,\n)'))).toBe('concat(a, b)');
  });

  it('parses tuples and objects with = and :, commas or newlines', () => {
    expect(show(expr('[1, "a",\n 2,]'))).toBe('[1, tpl("a"), 2]');
    expect(show(expr('{\n a = 1\n "b" : 2, (c) = 3\n}'))).toBe('{a=1, tpl("b")=2, c=3}');
  });

  it('parses list and object for expressions with if and grouping', () => {
    expect(show(expr('[for s in var.l : upper(s) if s != ""]'))).toBe(
      'for(s in var.l: upper(s) if (s != tpl()))',
    );
    expect(show(expr('{ for k, v in var.m : v.name => k... }'))).toBe('for(k,v in var.m: v.name => k...)');
  });

  it('parses templates with interpolation, escapes and directives', () => {
    expect(show(expr('"a${b}c"'))).toBe('tpl("a" ${b} "c")');
    expect(show(expr('"$${x} \\n"'))).toBe('tpl("${x} \\n")');
    const e = expr('"%{ if a }yes%{ else }no%{ endif }"');
    expect(e.kind === 'template' && e.parts[0]!.kind).toBe('if');
    const f = expr('"%{ for x in xs }${x},%{ endfor }"');
    expect(f.kind === 'template' && f.parts[0]!.kind).toBe('for');
  });

  it('parses heredocs, with <<- removing the common indentation', () => {
    const e = body('x = <<EOF\nline ${a}\nEOF\ny = <<-EOT\n    one\n      two\n    EOT\n');
    expect(show(e.attributes[0]!.expr)).toBe('tpl("line " ${a} "\\n")');
    expect(show(e.attributes[1]!.expr)).toBe('tpl("one\\n" "  two\\n")');
  });

  it('honours strip markers', () => {
    expect(show(expr('"a  ${~ b ~}  c"'))).toBe('tpl("a" ${b} "c")');
  });

  it('parses a whole template file (templatefile)', () => {
    const r = parseTemplate('Hello ${name}!');
    expect(r.ok && show(r.expr)).toBe('tpl("Hello " ${name} "!\\n")');
  });
});

describe('HCL parser: errors', () => {
  it('names the offset of a syntax error', () => {
    const src = 'a = 1\nb = [1, 2\n';
    const r = parseHcl(src);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.message).toMatch(/expected/);
      expect(new LineMap(src).position(r.offset).line).toBe(3);
    }
  });

  it('reports unterminated strings and heredocs', () => {
    const a = parseHcl('a = "abc\n');
    expect(!a.ok && a.message).toMatch(/unterminated string/);
    const b = parseHcl('a = <<EOF\nabc\n');
    expect(!b.ok && b.message).toMatch(/unterminated heredoc \(missing EOF\)/);
  });

  it('requires a newline between attributes', () => {
    const r = parseHcl('a = 1 b = 2\n');
    expect(!r.ok && r.message).toMatch(/expected a newline/);
  });

  it('caps nesting depth instead of overflowing the stack', () => {
    const deep = `x = ${'['.repeat(5000)}${']'.repeat(5000)}\n`;
    const r = parseHcl(deep, 128);
    expect(!r.ok && r.message).toMatch(/nesting deeper than 128 levels/);
    const blocks = `${'a {\n'.repeat(300)}${'}\n'.repeat(300)}`;
    const rb = parseHcl(blocks, 128);
    expect(!rb.ok && rb.message).toMatch(/nesting deeper/);
  });

  it('rejects stray characters with a location', () => {
    const r = parseHcl('a = 1\n@\n');
    expect(!r.ok && r.message).toBe("unexpected character '@'");
  });

  it('tokenizes without hanging on hostile input', () => {
    for (const s of ['"${', '${}', '%{ if', '<<', '/*', '"\\', 'a = "${"${"${"}"}"}"\n'])
      expect(() => {
        try {
          tokenize(s);
        } catch (e) {
          if (!(e instanceof Error)) throw e;
        }
      }).not.toThrow();
  });

  it('never throws on arbitrary text or on truncations and splices of real HCL', () => {
    const sample = `resource "azurerm_network_security_group" "n" {
  name = "\${var.prefix}-nsg" # comment
  tags = { for k, v in var.tags : k => upper(v) if v != "" }
  dynamic "security_rule" {
    for_each = [for r in local.rules : r]
    content { name = security_rule.value.name }
  }
  x = <<-EOT
    %{ for s in var.l ~}
    \${s}
    %{ endfor }
  EOT
  y = var.a ? [1, 2][*] : try(local.b.c[0], null)
}
`;
    const holds = (text: string): boolean => {
      const r = parseHcl(text, 64);
      return r.ok || (typeof r.message === 'string' && r.offset >= 0 && r.offset <= text.length);
    };
    fc.assert(fc.property(fc.string({ maxLength: 200 }), holds), { numRuns: 2000 });
    fc.assert(
      fc.property(fc.nat(sample.length), fc.nat(sample.length), fc.string({ maxLength: 8 }), (a, b, insert) =>
        holds(sample.slice(0, Math.min(a, b)) + insert + sample.slice(Math.max(a, b))),
      ),
      { numRuns: 2000 },
    );
    expect(holds(sample)).toBe(true);
    expect(parseHcl(sample).ok).toBe(true);
  });
});
