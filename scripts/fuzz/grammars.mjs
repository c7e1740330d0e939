// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the strings are Bicep and HCL source, whose interpolation is ${...}
/**
 * Well-formed inputs, generated from small grammars of each expression language. Damaged files
 * mostly exercise the parsers' error paths; these reach the evaluators and the function libraries
 * with odd but valid combinations (wrong types, empty collections, negative indexes, Unknowns).
 */
import fc from 'fast-check';

const binary = (ops, operand) =>
  fc.tuple(operand, fc.constantFrom(...ops), operand).map(([a, op, b]) => `(${a} ${op} ${b})`);

/**
 * ARM expressions: calls of the real function library (names from `functionNames`) on literals,
 * parameters (including an Unknown one), nested calls, lambdas, member and index access.
 */
export function armExpressions(functionNames) {
  const names = [...functionNames, 'if', 'and', 'or', 'coalesce', 'copyIndex'];
  const { expr } = fc.letrec((tie) => ({
    expr: fc.oneof({ depthSize: 'small' }, tie('leaf'), tie('call'), tie('lambdaCall'), tie('access')),
    leaf: fc.oneof(
      fc.constantFrom("'abc'", "''", "'10.0.0.0/16'", "'a,b'", "'{0}-{1}'", "'Allow'", "'*'", "'2023-01-01'"),
      fc.integer({ min: -5, max: 900 }).map(String),
      fc.constantFrom('true', 'false', 'null', '9007199254740993', '-0'),
      fc.constantFrom(
        "parameters('p')",
        "parameters('n')",
        "parameters('arr')",
        "parameters('obj')",
        "parameters('u')",
        "variables('arr')",
      ),
      fc.constantFrom('createArray(1, 2, 3)', "createObject('a', 1)", 'json(\'{"a":[1,2]}\')', 'range(0, 3)'),
    ),
    call: fc
      .tuple(fc.constantFrom(...names), fc.array(tie('expr'), { maxLength: 4 }))
      .map(([name, args]) => `${name}(${args.join(', ')})`),
    lambdaCall: fc
      .tuple(
        fc.constantFrom('map', 'filter', 'sort', 'reduce', 'toObject', 'groupBy', 'mapValues'),
        tie('expr'),
        tie('expr'),
      )
      .map(([fn, coll, body]) =>
        fn === 'reduce'
          ? `reduce(${coll}, 0, lambda('acc', 'x', ${body}))`
          : fn === 'sort'
            ? `sort(${coll}, lambda('a', 'b', ${body}))`
            : `${fn}(${coll}, lambda('x', ${body.replace(/parameters\('n'\)/g, "lambdaVariables('x')")}))`,
      ),
    access: fc
      .tuple(
        tie('expr'),
        fc.oneof(
          fc.constantFrom('.a', '.b', '.length'),
          fc.integer({ min: -1, max: 4 }).map((i) => `[${i}]`),
        ),
      )
      .map(([e, a]) => `${e}${a}`),
  }));
  return expr;
}

// biome-ignore format: a word list reads better packed
const BICEP_FUNCTIONS = [
  'concat', 'length', 'string', 'int', 'bool', 'empty', 'first', 'last', 'take', 'skip', 'union',
  'intersection', 'contains', 'split', 'join', 'replace', 'toLower', 'toUpper', 'substring', 'indexOf',
  'padLeft', 'format', 'uniqueString', 'guid', 'base64', 'json', 'range', 'min', 'max', 'flatten',
  'items', 'objectKeys', 'cidrSubnet', 'parseCidr', 'cidrHost', 'resourceId', 'subscription',
  'resourceGroup', 'loadTextContent', 'any', 'array', 'sys.concat',
];

/** A Bicep file: a parameter set, a variable from a generated expression, a looped resource using it. */
export function bicepFiles() {
  const { expr } = fc.letrec((tie) => ({
    expr: fc.oneof(
      { depthSize: 'small' },
      tie('leaf'),
      tie('call'),
      tie('op'),
      tie('cond'),
      tie('coll'),
      tie('loop'),
      tie('lambda'),
      tie('access'),
    ),
    leaf: fc.oneof(
      fc.constantFrom(
        "'abc'",
        "''",
        "'10.0.0.0/16'",
        "'x${p}y'",
        "'''multi\nline'''",
        'true',
        'false',
        'null',
      ),
      fc.integer({ min: -3, max: 900 }).map(String),
      fc.constantFrom('p', 'n', 'arr', 'obj', 'u', 'x'),
    ),
    call: fc
      .tuple(fc.constantFrom(...BICEP_FUNCTIONS), fc.array(tie('expr'), { maxLength: 3 }))
      .map(([f, args]) => `${f}(${args.join(', ')})`),
    op: binary(['+', '-', '*', '/', '%', '==', '!=', '<', '>=', '&&', '||', '??', '=~', '!~'], tie('expr')),
    cond: fc.tuple(tie('expr'), tie('expr'), tie('expr')).map(([c, a, b]) => `(${c} ? ${a} : ${b})`),
    coll: fc.oneof(
      fc.array(tie('expr'), { maxLength: 3 }).map((xs) => `[\n${xs.join('\n')}\n]`),
      fc
        .array(tie('expr'), { maxLength: 3 })
        .map((xs) => `{\n${xs.map((x, i) => `k${i}: ${x}`).join('\n')}\n}`),
    ),
    loop: fc
      .tuple(tie('expr'), tie('expr'), fc.boolean())
      .map(([c, body, guarded]) => `[for (x, i) in ${c}: ${guarded ? `if (i > 0) ` : ''}${body}]`),
    lambda: fc
      .tuple(fc.constantFrom('map', 'filter', 'sort', 'reduce', 'toObject'), tie('expr'), tie('expr'))
      .map(([f, c, body]) =>
        f === 'reduce'
          ? `reduce(${c}, 0, (acc, x) => ${body})`
          : f === 'sort'
            ? `sort(${c}, (a, b) => ${body})`
            : `${f}(${c}, x => ${body})`,
      ),
    access: fc
      .tuple(tie('expr'), fc.constantFrom('.a', '.?a', '[0]', '[?1]', "['b']", '[-1]', '!'))
      .map(([e, a]) => (a === '!' ? `!${e}` : `${e}${a}`)),
  }));
  return fc
    .tuple(expr, expr)
    .map(([v, name]) =>
      [
        "param p string = 'a'",
        'param n int = 3',
        'param arr array = [1, 2, 3]',
        "param obj object = { a: 1, b: 'c' }",
        'param u string',
        "var x = 'x'",
        `var v = ${v}`,
        "resource nsg 'Microsoft.Network/networkSecurityGroups@2023-04-01' = [for (item, i) in range(0, n): {",
        `  name: 'nsg-\${i}-\${string(${name})}'`,
        "  location: 'westeurope'",
        '  properties: {',
        '    securityRules: []',
        '  }',
        '  tags: {',
        '    v: string(v)',
        '  }',
        '}]',
        'output o string = string(v)',
        '',
      ].join('\n'),
    );
}

// biome-ignore format: a word list reads better packed
const HCL_FUNCTIONS = [
  'concat', 'length', 'tostring', 'tonumber', 'tolist', 'toset', 'tomap', 'keys', 'values', 'lookup',
  'merge', 'flatten', 'distinct', 'contains', 'element', 'coalesce', 'compact', 'join', 'split',
  'replace', 'lower', 'upper', 'substr', 'format', 'formatlist', 'cidrsubnet', 'cidrhost', 'range',
  'min', 'max', 'try', 'can', 'jsonencode', 'jsondecode', 'zipmap', 'setproduct', 'slice', 'one',
  'alltrue', 'anytrue', 'regex', 'file', 'templatefile', 'base64encode',
];

/** A Terraform file: variables, a local from a generated expression, a counted azurerm resource using it. */
export function terraformFiles() {
  const { expr } = fc.letrec((tie) => ({
    expr: fc.oneof(
      { depthSize: 'small' },
      tie('leaf'),
      tie('call'),
      tie('op'),
      tie('cond'),
      tie('coll'),
      tie('forExpr'),
      tie('access'),
    ),
    leaf: fc.oneof(
      fc.constantFrom(
        '"abc"',
        '""',
        '"10.0.0.0/16"',
        '"x${var.p}y"',
        '"%{ if true }a%{ endif }"',
        'true',
        'null',
      ),
      fc.integer({ min: -3, max: 900 }).map(String),
      fc.constantFrom('var.p', 'var.n', 'var.arr', 'var.obj', 'var.u', 'local.x', 'count.index'),
    ),
    call: fc
      .tuple(fc.constantFrom(...HCL_FUNCTIONS), fc.array(tie('expr'), { maxLength: 3 }))
      .map(([f, args]) => `${f}(${args.join(', ')})`),
    op: binary(['+', '-', '*', '/', '%', '==', '!=', '<', '>=', '&&', '||'], tie('expr')),
    cond: fc.tuple(tie('expr'), tie('expr'), tie('expr')).map(([c, a, b]) => `(${c} ? ${a} : ${b})`),
    coll: fc.oneof(
      fc.array(tie('expr'), { maxLength: 3 }).map((xs) => `[${xs.join(', ')}]`),
      fc
        .array(tie('expr'), { maxLength: 3 })
        .map((xs) => `{ ${xs.map((x, i) => `k${i} = ${x}`).join(', ')} }`),
    ),
    forExpr: fc
      .tuple(tie('expr'), tie('expr'), fc.boolean())
      .map(([c, body, asMap]) =>
        asMap ? `{ for k, v in ${c} : tostring(k) => ${body}... }` : `[for i, v in ${c} : ${body} if i > 0]`,
      ),
    access: fc
      .tuple(tie('expr'), fc.constantFrom('.a', '[0]', '["b"]', '[*]', '[*].a', '[-1]'))
      .map(([e, a]) => `${e}${a}`),
  }));
  return fc
    .tuple(expr, expr)
    .map(([v, tag]) =>
      [
        'variable "p" {\n  default = "a"\n}',
        'variable "n" {\n  type    = number\n  default = 3\n}',
        'variable "arr" {\n  default = [1, 2, 3]\n}',
        'variable "obj" {\n  default = { a = 1, b = "c" }\n}',
        'variable "u" {\n  type = string\n}',
        `locals {\n  x = "x"\n  v = ${v}\n}`,
        'resource "azurerm_network_security_group" "n" {',
        '  count               = var.n',
        '  name                = "nsg-${count.index}"',
        '  location            = "westeurope"',
        '  resource_group_name = "rg"',
        `  tags = {\n    v = tostring(jsonencode(local.v))\n    t = tostring(jsonencode(${tag}))\n  }`,
        '  dynamic "security_rule" {',
        '    for_each = try(tolist(local.v), [])',
        '    content {',
        '      name = "r${security_rule.key}"',
        '      priority = 100 + security_rule.key',
        '      direction = "Inbound"',
        '      access = "Allow"',
        '      protocol = "Tcp"',
        '      source_port_range = "*"',
        '      destination_port_range = "22"',
        '      source_address_prefix = "*"',
        '      destination_address_prefix = "*"',
        '    }',
        '  }',
        '}',
        '',
      ].join('\n'),
    );
}
