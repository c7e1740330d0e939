// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the strings are Bicep source, whose interpolation is ${...}
import { describe, expect, it } from 'vitest';
import type { Declaration, Expr, ObjectExpr, ResourceDecl } from './ast.js';
import { tokenize } from './lexer.js';
import { parseBicep } from './parser.js';

function parse(text: string): readonly Declaration[] {
  const r = parseBicep(text, '/t/main.bicep');
  if (!r.ok) {
    const s = r.file.span(r.error.offset, r.error.offset);
    throw new Error(`${s.startLine}:${s.startColumn} ${r.error.message}`);
  }
  return r.file.declarations;
}

function exprOf(text: string): Expr {
  const d = parse(`var v = ${text}\n`)[0]!;
  if (d.kind !== 'var') throw new Error('not a var');
  return d.value;
}

function prop(obj: Expr, key: string): Expr {
  if (obj.kind !== 'object') throw new Error(`not an object: ${obj.kind}`);
  for (const p of obj.properties) if (p.kind === 'property' && p.key === key) return p.value;
  throw new Error(`no ${key}`);
}

function errorOf(text: string): { line: number; column: number; message: string } {
  const r = parseBicep(text, '/t/bad.bicep');
  if (r.ok) throw new Error('expected a syntax error');
  const s = r.file.span(r.error.offset, r.error.offset);
  return { line: s.startLine, column: s.startColumn, message: r.error.message };
}

describe('lexer', () => {
  it('splits interpolated strings into pieces and decodes escapes', () => {
    const lexed = tokenize("'a${x}b\\'c${y}'");
    expect(lexed.ok).toBe(true);
    if (!lexed.ok) return;
    expect(lexed.tokens.map((t) => `${t.kind}:${t.value}`)).toEqual([
      'stringLeft:a',
      'ident:x',
      "stringMiddle:b'c",
      'ident:y',
      'stringRight:',
      'eof:',
    ]);
  });

  it('keeps nested braces inside an interpolation hole', () => {
    const lexed = tokenize("'${{a: 1}.a}'");
    expect(lexed.ok && lexed.tokens.map((t) => t.value)).toEqual([
      '',
      '{',
      'a',
      ':',
      '1',
      '}',
      '.',
      'a',
      '',
      '',
    ]);
  });

  it('reads multi-line strings verbatim, without the first line break', () => {
    const lexed = tokenize("'''\nline ${x}\n'''");
    expect(lexed.ok && lexed.tokens[0]).toMatchObject({ kind: 'string', value: 'line ${x}\n' });
  });

  it('keeps up to two extra quotes before the closing of a multi-line string', () => {
    const lexed = tokenize("''''abc''''\n''''''");
    expect(lexed.ok && lexed.tokens.filter((t) => t.kind === 'string').map((t) => t.value)).toEqual([
      "'abc'",
      '',
    ]);
  });

  it('drops comments and pragmas', () => {
    const lexed = tokenize('// c\n#disable-next-line no-unused-params\n/* b\n */ x');
    expect(lexed.ok && lexed.tokens.filter((t) => t.kind === 'ident').map((t) => t.value)).toEqual(['x']);
  });
});

describe('declarations', () => {
  it('parses targetScope, metadata, params with decorators and defaults', () => {
    const ds = parse(`targetScope = 'subscription'
metadata name = 'x'
@description('TLS')
@allowed([
  'TLS1_0'
  'TLS1_2'
])
param tls string = 'TLS1_2'
@secure()
param password string
@minValue(1)
@maxValue(10)
param count int = 2
param tags object?
`);
    expect(ds.map((d) => d.kind)).toEqual(['targetScope', 'metadata', 'param', 'param', 'param', 'param']);
    const tls = ds[2]!;
    expect(tls.kind === 'param' && tls.decorators.map((d) => d.name)).toEqual(['description', 'allowed']);
    const tags = ds[5]!;
    expect(tags.kind === 'param' && tags.type?.form).toBe('nullable');
  });

  it('parses resources: existing, nested children, parent, conditions and loops', () => {
    const ds = parse(`resource vnet 'Microsoft.Network/virtualNetworks@2023-04-01' existing = {
  name: 'vnet'
  resource subnet 'subnets' = {
    name: 'a'
  }
}
resource sn 'Microsoft.Network/virtualNetworks/subnets@2023-04-01' = if (deploy) {
  parent: vnet
  name: 'b'
}
@batchSize(2)
resource nsgs 'Microsoft.Network/networkSecurityGroups@2023-04-01' = [for (n, i) in names: if (i > 0) {
  name: n
}]
`);
    const vnet = ds[0] as ResourceDecl;
    expect(vnet.existing).toBe(true);
    expect(vnet.children.map((c) => c.name)).toEqual(['subnet']);
    const sn = ds[1] as ResourceDecl;
    expect(sn.body.kind).toBe('if');
    const nsgs = ds[2] as ResourceDecl;
    expect(nsgs.decorators[0]!.name).toBe('batchSize');
    expect(nsgs.body).toMatchObject({ kind: 'for', item: 'n', index: 'i', body: { kind: 'if' } });
  });

  it('parses modules, outputs, types, functions, imports, extensions and using', () => {
    const ds = parse(`import * as types from './types.bicep'
import { subnetType, nsgType as nt } from './types.bicep'
import 'az@1.0.0'
extension microsoftGraphV1
extension 'br:mcr.microsoft.com/bicep/extensions/microsoftgraph/v1.0:0.1.8-preview' as graph
module net './net.bicep' = {
  name: 'net'
  params: { x: 1 }
}
output id string = net.outputs.id
output st resource 'Microsoft.Storage/storageAccounts@2023-01-01' = st
@export()
@sealed()
type config = {
  @description('d')
  name: string
  mode: 'a' | 'b'
  tags: { *: string }?
  list: int[]
  pair: [string, int]
}
@discriminator('kind')
type union = { kind: 'a', x: int } | { kind: 'b', y: string }
func fullName(prefix string, n int) string => '\${prefix}-\${n}'
`);
    expect(ds.map((d) => d.kind)).toEqual([
      'import',
      'import',
      'import',
      'import',
      'import',
      'module',
      'output',
      'output',
      'typeDecl',
      'typeDecl',
      'func',
    ]);
    expect(ds[1]).toMatchObject({ names: ['subnetType', 'nt'], from: './types.bicep' });
    expect(ds[7]).toMatchObject({ type: { form: 'resource' } });
    expect(ds[8]).toMatchObject({ value: { form: 'object' } });
    expect(ds[10]).toMatchObject({ kind: 'func', params: [{ name: 'prefix' }, { name: 'n' }] });
    const param = parse("using './main.bicep'\nparam x = 'y'\n");
    expect(param.map((d) => d.kind)).toEqual(['using', 'param']);
  });

  it('parses negated literals and non-null forms in types', () => {
    const ds = parse(
      "type m = ('a' | !true | -10 | null)[]\ntype n = string?\ntype nn = n!\ntype d = (a | b)!\n",
    );
    expect(ds[0]).toMatchObject({
      value: { form: 'array', members: [{ form: 'paren', members: [{ form: 'union' }] }] },
    });
    const union = (ds[0] as { value: { members: { members: { members: { value: unknown }[] }[] }[] } }).value;
    expect(union.members[0]!.members[0]!.members.map((m) => m.value)).toEqual(['a', false, -10, null]);
    expect(ds.map((d) => d.kind)).toEqual(['typeDecl', 'typeDecl', 'typeDecl', 'typeDecl']);
  });

  it('accepts keywords as variable names and in expressions', () => {
    const ds = parse('var if = true\nparam mod bool = true\nvar all = if && mod\n');
    expect(ds[2]).toMatchObject({
      value: { kind: 'binary', op: '&&', left: { name: 'if' }, right: { name: 'mod' } },
    });
  });

  it('parses multi-line union types that open with |', () => {
    const ds = parse("type mode =\n  | 'a'\n  | 'b'\n");
    expect(ds[0]).toMatchObject({ value: { form: 'union', members: [{ value: 'a' }, { value: 'b' }] } });
  });
});

describe('expressions', () => {
  it('honours precedence: ?? below ||, && below ==, * over +', () => {
    expect(exprOf('a ?? b || c')).toMatchObject({ op: '??', right: { op: '||' } });
    expect(exprOf('a == b && c')).toMatchObject({ op: '&&', left: { op: '==' } });
    expect(exprOf('1 + 2 * 3')).toMatchObject({ op: '+', right: { op: '*' } });
  });

  it('parses ternaries over several lines, inside calls', () => {
    const v = exprOf('concat(\n  [\n    1\n  ],\n  (x)\n    ? [2]\n    : []\n)');
    expect(v).toMatchObject({ kind: 'call', name: 'concat', args: [{ kind: 'array' }, { kind: 'ternary' }] });
  });

  it('parses safe access, non-null assertions, child access and method calls', () => {
    expect(exprOf('a.?b[?0]!')).toMatchObject({
      kind: 'nonNull',
      operand: { kind: 'index', safe: true, object: { kind: 'member', safe: true, name: 'b' } },
    });
    expect(exprOf('vnet::subnet.id')).toMatchObject({
      kind: 'member',
      object: { kind: 'childAccess', name: 'subnet' },
    });
    expect(exprOf('st.listKeys().keys[0].value')).toMatchObject({ kind: 'member', name: 'value' });
    expect(exprOf('sys.concat(a)')).toMatchObject({
      kind: 'call',
      name: 'concat',
      receiver: { name: 'sys' },
    });
  });

  it('parses lambdas with one or several parameters', () => {
    expect(exprOf('filter(xs, x => x > 1)')).toMatchObject({
      args: [{}, { kind: 'lambda', params: ['x'] }],
    });
    expect(exprOf('reduce(xs, 0, (acc, x) => acc + x)')).toMatchObject({
      args: [{}, {}, { kind: 'lambda', params: ['acc', 'x'] }],
    });
    expect(exprOf('map(xs, () => 1)')).toMatchObject({ args: [{}, { kind: 'lambda', params: [] }] });
  });

  it('parses spreads, comma-separated objects and string keys', () => {
    const v = exprOf("{ ...base, 'a-b': 1, c: [...xs, 2] }") as ObjectExpr;
    expect(v.properties.map((p) => p.kind)).toEqual(['spread', 'property', 'property']);
    expect(prop(v, 'a-b')).toMatchObject({ value: 1 });
  });

  it('parses for loops over ranges, items() and with an index', () => {
    expect(exprOf('[for i in range(0, 3): i]')).toMatchObject({
      kind: 'for',
      item: 'i',
      iterable: { name: 'range' },
    });
    expect(exprOf('[\n  for (e, i) in items(obj): e.key\n]')).toMatchObject({ kind: 'for', index: 'i' });
  });

  it('keeps the span of every node', () => {
    const r = parseBicep("var v = {\n  a: 'x'\n}\n", '/t/s.bicep');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const v = r.file.declarations[0]!;
    const a = v.kind === 'var' && v.value.kind === 'object' ? v.value.properties[0]! : undefined;
    expect(r.file.spanOf(a!)).toMatchObject({ file: '/t/s.bicep', startLine: 2, startColumn: 3, endLine: 2 });
  });
});

describe('syntax errors', () => {
  it('names the line, column and what was expected', () => {
    expect(errorOf("param a string\nresource x 'T@1' = {\n  name: \n}\n")).toEqual({
      line: 3,
      column: 9,
      message:
        'expected a value (a literal, a name, an array, an object or a function call), found the end of the line',
    });
    expect(errorOf("var s = 'abc\n")).toMatchObject({
      line: 1,
      column: 9,
      message: 'string is not closed before the end of the line',
    });
    expect(errorOf('var x = {\n  a: 1 b: 2\n}\n')).toMatchObject({
      line: 2,
      column: 8,
      message: "expected a new line, a comma or '}' after an object property, found 'b'",
    });
    expect(errorOf('output x = 1\n').message).toBe("expected a type, found '='");
    expect(errorOf('var x = 1.5\n').message).toMatch(/integers/);
  });

  it('refuses nesting deeper than the cap with a clear message, without exhausting the stack', () => {
    const deep = `var x = ${'['.repeat(5000)}${']'.repeat(5000)}\n`;
    const r = parseBicep(deep, '/t/deep.bicep', { maxDepth: 128 });
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.error.message).toBe(
        'nesting is deeper than the limit of 128 levels (expressions, objects and arrays)',
      );
    const parens = `var x = ${'('.repeat(5000)}1${')'.repeat(5000)}\n`;
    expect(parseBicep(parens, '/t/deep.bicep').ok).toBe(false);
  });
});
