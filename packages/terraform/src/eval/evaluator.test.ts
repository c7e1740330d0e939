// biome-ignore-all lint/suspicious/noTemplateCurlyInString: HCL source text uses ${} in ordinary strings
import { isUnknown, unknown } from '@ztkit/core';
import { describe, expect, it } from 'vitest';
import { parseHcl } from '../hcl/parser.js';
import { Evaluator, Namespace, type Scope } from './evaluator.js';
import { TfEvalError } from './values.js';

const VARS: Record<string, unknown> = {
  list: ['a', 'b', 'c'],
  map: { x: 1, y: 2 },
  objs: [
    { name: 'web', port: 443 },
    { name: 'db', port: 5432 },
  ],
  nothing: null,
  later: unknown('known after apply', 'azurerm_public_ip.pip.ip_address'),
  cidr: '10.0.0.0/16',
};

function run(src: string, vars: Record<string, unknown> = VARS): unknown {
  const parsed = parseHcl(`x = ${src}\n`);
  if (!parsed.ok) throw new Error(parsed.message);
  const scope: Scope = {
    lookup: (name) => {
      if (name === 'var') return new Namespace('var', (n) => vars[n]);
      throw new TfEvalError(`undeclared ${name}`);
    },
  };
  const ev = new Evaluator(
    {
      maxItems: 800,
      readFile: (p) => (p === 'tpl.txt' ? 'Hi ${who}' : undefined),
      renderTemplate: () => 'rendered',
    },
    { steps: 0, maxSteps: 100_000 },
  );
  return ev.eval(parsed.body.attributes[0]!.expr, scope);
}

describe('evaluator: operators and expressions', () => {
  it('evaluates arithmetic, comparison, logic and conditionals', () => {
    expect(run('1 + 2 * 3')).toBe(7);
    expect(run('"5" + 1')).toBe(6);
    expect(run('10 % 4 == 2 && !false')).toBe(true);
    expect(run('length(var.list) > 2 ? "many" : "few"')).toBe('many');
  });

  it('keeps a single interpolation unconverted and renders mixed templates', () => {
    expect(run('"${var.map}"')).toEqual({ x: 1, y: 2 });
    expect(run('"n=${var.map.x}, ${true}"')).toBe('n=1, true');
    expect(run('"%{ for s in var.list }${s};%{ endfor }"')).toBe('a;b;c;');
    expect(run('"%{ if var.map.x == 1 }one%{ else }other%{ endif }"')).toBe('one');
  });

  it('evaluates for expressions, grouping and splats', () => {
    expect(run('[for s in var.list : upper(s) if s != "b"]')).toEqual(['A', 'C']);
    expect(run('{ for o in var.objs : o.name => o.port }')).toEqual({ web: 443, db: 5432 });
    expect(run('{ for s in ["a", "b", "a"] : s => s... }')).toEqual({ a: ['a', 'a'], b: ['b'] });
    expect(run('var.objs[*].name')).toEqual(['web', 'db']);
    expect(run('var.objs.*.port')).toEqual([443, 5432]);
    expect(run('var.nothing[*]')).toEqual([]);
  });

  it('propagates Unknown through operators, templates and functions', () => {
    expect(isUnknown(run('var.later'))).toBe(true);
    expect(isUnknown(run('"ip: ${var.later}"'))).toBe(true);
    expect(isUnknown(run('upper(var.later)'))).toBe(true);
    expect(isUnknown(run('var.later == "x" ? 1 : 2'))).toBe(true);
    expect(run('var.later == "x" ? 1 : 1')).toBe(1);
    expect(run('false && var.later')).toBe(false);
    expect(run('coalesce(null, "", "x")')).toBe('x');
  });

  it('try and can catch evaluation errors but not caps', () => {
    expect(run('try(var.map.missing, "fallback")')).toBe('fallback');
    expect(run('can(var.map.missing)')).toBe(false);
    expect(run('can(var.map.x)')).toBe(true);
    expect(() => run('var.map.missing')).toThrow(/unsupported attribute "missing"/);
  });
});

describe('evaluator: functions', () => {
  it.each([
    ['merge({a = 1}, {b = 2}, {a = 3})', { a: 3, b: 2 }],
    ['lookup(var.map, "y", 0)', 2],
    ['lookup(var.map, "z", 0)', 0],
    ['concat(["a"], ["b", "c"])', ['a', 'b', 'c']],
    ['format("%s-%03d", "vm", 7)', 'vm-007'],
    ['formatlist("%s.example", ["a", "b"])', ['a.example', 'b.example']],
    ['join(",", var.list)', 'a,b,c'],
    ['split(",", "a,b")', ['a', 'b']],
    ['replace("a-b-c", "-", "_")', 'a_b_c'],
    ['replace("abc123", "/[0-9]+/", "#")', 'abc#'],
    ['lower("AbC")', 'abc'],
    ['trimspace("  x ")', 'x'],
    ['coalescelist([], ["x"])', ['x']],
    ['length("héllo")', 5],
    ['keys({b = 1, a = 2})', ['a', 'b']],
    ['values({b = 1, a = 2})', [2, 1]],
    ['element(var.list, 4)', 'b'],
    ['flatten([["a"], [["b"]], "c"])', ['a', 'b', 'c']],
    ['distinct(["a", "b", "a"])', ['a', 'b']],
    ['contains(var.list, "c")', true],
    ['toset(["b", "a", "b"])', ['b', 'a']],
    ['tonumber("42")', 42],
    ['tostring(42)', '42'],
    ['tobool("true")', true],
    ['cidrsubnet(var.cidr, 8, 2)', '10.0.2.0/24'],
    ['cidrsubnet("10.1.0.0/16", 4, 15)', '10.1.240.0/20'],
    ['cidrhost("10.0.1.0/24", 5)', '10.0.1.5'],
    ['cidrsubnets("10.0.0.0/16", 8, 8, 4)', ['10.0.0.0/24', '10.0.1.0/24', '10.0.16.0/20']],
    ['zipmap(["a", "b"], [1, 2])', { a: 1, b: 2 }],
    ['range(3)', [0, 1, 2]],
    ['range(1, 7, 2)', [1, 3, 5]],
    ['jsonencode({a = [1, true]})', '{"a":[1,true]}'],
    ['jsondecode("{\\"k\\": 3}").k', 3],
    ['startswith("azurerm", "azure")', true],
    ['endswith("azurerm", "rm")', true],
    ['regex("^(\\\\w+)-(\\\\d+)$", "vm-12")', ['vm', '12']],
    ['regexall("[0-9]", "a1b2")', ['1', '2']],
    ['one(["x"])', 'x'],
    ['one([])', null],
    ['sum([1, 2, 3])', 6],
    ['min(3, 1, 2)', 1],
    ['max(3, 1, 2)', 3],
    ['abs(-4)', 4],
    ['ceil(1.2)', 2],
    ['floor(1.8)', 1],
    ['file("tpl.txt")', 'Hi ${who}'],
    ['templatefile("tpl.txt", {who = "you"})', 'rendered'],
    [
      'setproduct(["a"], [1, 2])',
      [
        ['a', 1],
        ['a', 2],
      ],
    ],
    ['substr("hello", 1, 3)', 'ell'],
    ['title("hello world")', 'Hello World'],
  ])('%s', (src, want) => {
    expect(run(src)).toEqual(want);
  });

  it('leaves provider-defined functions unknown', () => {
    expect(isUnknown(run('provider::azurerm::normalise_resource_id("x")'))).toBe(true);
  });

  it('refuses files outside the root and unknown functions', () => {
    expect(() => run('file("../../etc/passwd")')).toThrow(/cannot read/);
    expect(() => run('nosuch(1)')).toThrow(/unknown function nosuch\(\)/);
  });

  it('caps range and the step budget', () => {
    expect(() => run('range(100000)')).toThrow(/over the cap of 800/);
    expect(() => run('[for i in range(700) : [for j in range(700) : i * j]]')).toThrow(
      /limits.maxEvaluationSteps/,
    );
  });

  it('refuses patterns that could backtrack without bound', () => {
    const hostile = `regex("^(a+)+$", "${'a'.repeat(40)}b")`;
    const started = performance.now();
    expect(() => run(hostile)).toThrow(/may backtrack without bound/);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(run('regex("^(ab)+$", "abab")')).toEqual(['ab']);
  });

  it('caps regex input size', () => {
    expect(() => run(`regex("a", "${'x'.repeat(70_000)}")`)).toThrow(/too long/);
  });
});
