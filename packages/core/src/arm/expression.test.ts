import { describe, expect, it } from 'vitest';
import { classifyString, type Expr, parseExpression } from './expression.js';

const parse = (text: string) => parseExpression(text, 24_576, 128);

function ok(text: string): Expr {
  const r = parse(text);
  if (!r.ok) throw new Error(`${text}: ${r.message}`);
  return r.expr;
}

/** A compact rendering of the AST, to compare shapes in one line. */
function show(e: Expr): string {
  switch (e.kind) {
    case 'string':
      return JSON.stringify(e.value);
    case 'number':
    case 'literal':
      return String(e.value);
    case 'call':
      return `${e.namespace ? `${e.namespace}.` : ''}${e.name}(${e.args.map(show).join(',')})`;
    case 'member':
      return `${show(e.object)}.${e.property}`;
    case 'index':
      return `${show(e.object)}[${show(e.index)}]`;
  }
}

describe('classifyString', () => {
  it.each([
    ['plain', { kind: 'literal', value: 'plain' }],
    ['[[escaped]', { kind: 'literal', value: '[escaped]' }],
    ['[[', { kind: 'literal', value: '[[' }],
    ['[[abc', { kind: 'literal', value: '[[abc' }],
    ["[parameters('a')]", { kind: 'expression', text: "parameters('a')" }],
    ['[not closed', { kind: 'literal', value: '[not closed' }],
    ['[]', { kind: 'expression', text: '' }],
    ['', { kind: 'literal', value: '' }],
  ])('%s', (input, expected) => {
    expect(classifyString(input)).toEqual(expected);
  });
});

describe('parseExpression', () => {
  it.each([
    ["parameters('name')", 'parameters("name")'],
    ["concat('a', 'b''c')", 'concat("a","b\'c")'],
    ['resourceGroup().location', 'resourceGroup().location'],
    ["variables('x')['key'][0].prop", 'variables("x")["key"][0].prop'],
    ['add(1, -2)', 'add(1,-2)'],
    ['if(true, null, false)', 'if(true,null,false)'],
    ["__bicep.fn(1, 'x')", '__bicep.fn(1,"x")'],
    ["sys.concat('a')", 'concat("a")'],
    ["  toLower ( 'A' )  ", 'toLower("A")'],
    [
      "reference(resourceId('Microsoft.Network/publicIPAddresses', 'ip')).dnsSettings.fqdn",
      'reference(resourceId("Microsoft.Network/publicIPAddresses","ip")).dnsSettings.fqdn',
    ],
    ["''", '""'],
    ['createArray()', 'createArray()'],
    ["lambda('x', mul(lambdaVariables('x'), 2))", 'lambda("x",mul(lambdaVariables("x"),2))'],
  ])('%s', (text, expected) => {
    expect(show(ok(text))).toBe(expected);
  });

  it('records spans into the expression text', () => {
    const e = ok("concat(parameters('a'), 'b')");
    expect(e).toMatchObject({ kind: 'call', start: 0, end: 28 });
    if (e.kind !== 'call') throw new Error('call expected');
    expect(e.args[0]).toMatchObject({ start: 7, end: 22 });
  });

  it('dispatches on a lower-case key', () => {
    expect(ok('ResourceGroup()')).toMatchObject({ name: 'ResourceGroup', key: 'resourcegroup' });
  });

  it.each([
    ["concat('a'", "unclosed '('"],
    ["concat('a' 'b')", "expected ',' or ')'"],
    ["'unterminated", 'unterminated string'],
    ['foo', "expected '(' after function name 'foo'"],
    ["parameters('a').", "expected a property name after '.'"],
    ["variables('a')[0", "expected ']'"],
    ["concat('a'))", "unexpected ')'"],
    ['', 'empty expression'],
    ['@', "unexpected '@'"],
  ])('rejects %s', (text, message) => {
    const r = parse(text);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.message).toContain(message);
      expect(r.code).toBe('expression-syntax');
    }
  });

  it('refuses expressions over the length cap', () => {
    const r = parseExpression(`concat('${'x'.repeat(100)}')`, 50, 128);
    expect(r).toMatchObject({ ok: false, code: 'cap-expression-length' });
  });

  it('refuses nesting over the depth cap without overflowing the stack', () => {
    const deep = `${'not('.repeat(5000)}true${')'.repeat(5000)}`;
    expect(parseExpression(deep, 100_000, 128)).toMatchObject({ ok: false, code: 'cap-depth' });
    expect(parseExpression(`${'not('.repeat(10)}true${')'.repeat(10)}`, 100_000, 128).ok).toBe(true);
  });

  it('caches parses by text', () => {
    const a = parse("toUpper('cached')");
    expect(parse("toUpper('cached')")).toBe(a);
  });
});
