/**
 * What "robust" means for each parser, as a check on one input. A check returns undefined when the
 * parser answered properly (a result, or a structured error with a location) and a sentence naming
 * the problem otherwise; a check that throws means the parser threw, which is always a bug.
 *
 * The parsers come in as `kit` (see kit-dist.mjs and test/robustness/kit.ts), so the same checks
 * run against the TypeScript sources in `npm test` and against the built dist in `npm run fuzz`.
 */

import fc from 'fast-check';
import { armExpressions, bicepFiles, terraformFiles } from './grammars.mjs';

const ROOT = '/fuzz';
const ARM_SCHEMA = 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#';

/**
 * How far inputs got, per target and outcome status (scanned / failed / skipped / parsed / refused):
 * a fuzz run whose inputs all die at the first byte proves little, so the run reports this.
 */
export const reach = {};
function tally(target, status) {
  reach[target] ??= {};
  reach[target][status] = (reach[target][status] ?? 0) + 1;
}

/** Messages of JavaScript's own errors: a loader that caught one and reported it hid a bug. */
const ENGINE_ERROR =
  /Cannot read propert|Cannot set propert|is not a function|is not iterable|is not a constructor|(?:undefined|null) is not (?:an object|a function|iterable)|Maximum call stack|Invalid array length|Invalid string length|is not defined|Cannot convert|Cannot destructure|Reduce of empty array|Invalid time value/;

let lastStatus;

/** A template whose resource name, a property and a copy count come from generated expressions. */
function armTemplateAround(name, value, count) {
  return JSON.stringify(
    {
      $schema: ARM_SCHEMA,
      contentVersion: '1.0.0.0',
      parameters: {
        p: { type: 'string', defaultValue: 'x' },
        n: { type: 'int', defaultValue: 3 },
        arr: { type: 'array', defaultValue: [1, 2, 3] },
        obj: { type: 'object', defaultValue: { a: 1, b: { c: 'd' } } },
        u: { type: 'string' },
      },
      variables: { arr: "[range(0, parameters('n'))]", v: `[${value}]` },
      resources: [
        {
          type: 'Microsoft.Network/networkSecurityGroups',
          apiVersion: '2023-04-01',
          name: `[concat(string(${name}), copyIndex())]`,
          location: 'westeurope',
          copy: { name: 'c', count: count % 3 === 0 ? `[length(string(${value}))]` : count },
          properties: { securityRules: [], x: `[${value}]`, y: "[variables('v')]" },
        },
      ],
      outputs: { o: { type: 'string', value: `[string(${name})]` } },
    },
    null,
    2,
  );
}

/** A LoadContext over files held in memory under /fuzz: what the engine's guard gives a loader. */
export function memoryContext(files, limits) {
  return {
    roots: [ROOT],
    limits,
    parameterFiles: [],
    readFile(path) {
      if (!path.startsWith(`${ROOT}/`))
        return { ok: false, reason: 'refused: path is outside the scanned root', status: 'failed' };
      const text = files[path];
      if (text === undefined) return { ok: false, reason: 'file not found', status: 'failed' };
      if (text.includes('\0'))
        return { ok: false, reason: 'binary file (contains NUL bytes)', status: 'skipped' };
      return { ok: true, text };
    },
  };
}

function lineCount(text) {
  let n = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/** A span must point inside the file it names (lines may be one past the end for "unexpected end"). */
function spanProblem(span, text, file) {
  if (!span) return 'an error without a location';
  if (file && span.file !== file) return `a span in ${span.file}, expected ${file}`;
  const ints = [span.startLine, span.startColumn, span.endLine, span.endColumn];
  if (!ints.every((v) => Number.isInteger(v) && v >= 1)) return `a malformed span ${JSON.stringify(span)}`;
  if (span.endLine < span.startLine) return `a span ending before it starts ${JSON.stringify(span)}`;
  if (text !== undefined && span.startLine > lineCount(text) + 1)
    return `a span at line ${span.startLine} of a ${lineCount(text)}-line file`;
  return undefined;
}

function offsetProblem(offset, text) {
  if (!Number.isInteger(offset) || offset < 0 || offset > text.length)
    return `an error offset ${offset} outside the text (length ${text.length})`;
  return undefined;
}

/**
 * What every loader owes each file it was given: one outcome with a status, a reason when skipped
 * or failed, error diagnostics with a message that names the file or carries a span, and no
 * JavaScript error dressed up as a diagnostic.
 */
function loadProblem(result, paths, texts) {
  if (!result || !Array.isArray(result.outcomes) || !Array.isArray(result.resources))
    return 'the loader returned no LoadResult';
  lastStatus = result.outcomes.find((o) => o.path === paths[0])?.status;
  for (const path of paths) {
    const own = result.outcomes.filter((o) => o.path === path);
    if (own.length !== 1) return `${own.length} outcomes for ${path}`;
  }
  for (const o of result.outcomes) {
    if (!['scanned', 'skipped', 'failed'].includes(o.status)) return `an outcome with status ${o.status}`;
    if (o.status !== 'scanned' && !o.reason) return `a ${o.status} outcome without a reason`;
    if (o.reason && ENGINE_ERROR.test(o.reason)) return `a JavaScript error as a reason: ${o.reason}`;
  }
  for (const d of result.diagnostics) {
    if (!d.message) return `a ${d.code} diagnostic without a message`;
    if (d.code === 'internal-error' || d.code === 'loader-crashed' || ENGINE_ERROR.test(d.message))
      return `an internal error reported as a diagnostic: ${d.code}: ${d.message}`;
    if (d.severity !== 'error') continue;
    if (d.span) {
      const bad = spanProblem(d.span, texts[d.span.file]);
      if (bad) return `diagnostic ${d.code} has ${bad}`;
    } else if (!paths.some((p) => d.message.includes(p.slice(ROOT.length + 1))))
      return `error diagnostic ${d.code} names no file and has no span: ${d.message}`;
  }
  for (const r of result.resources)
    if (typeof r.type !== 'string' || typeof r.name !== 'string' || typeof r.properties !== 'object')
      return `a malformed resource ${String(r?.type)}`;
  return undefined;
}

function acceptsJson(text) {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

function candidate(path, text) {
  return { path, size: text.length, head: text.slice(0, 4096) };
}

/** Loaders may be async by contract; ours are sync, and the harness needs a sync answer to time it. */
function sync(result) {
  if (result && typeof result.then === 'function') throw new Error('the loader returned a Promise');
  return result;
}

const JSON_TOKENS = [
  '{',
  '}',
  '[',
  ']',
  ':',
  ',',
  '"',
  '"a"',
  '1',
  '-',
  '.',
  'e',
  'true',
  'null',
  '//',
  '/*',
  '*/',
  '\n',
  ' ',
  '\\',
  '"[',
  ']"',
  '\\u',
  '\\ud800',
];
const EXPR_TOKENS = [
  '(',
  ')',
  '[',
  ']',
  '.',
  ',',
  "'",
  "''",
  ' ',
  '1',
  '-1',
  'true',
  'null',
  'concat',
  'parameters',
  'variables',
  "'p'",
  "'arr'",
  "'obj'",
  'copyIndex',
  'if',
  'and',
  'or',
  'coalesce',
  'lambda',
  "'x'",
  'lambdaVariables',
  'map',
  'filter',
  'reduce',
  'range',
  'string',
  'int',
  'json',
  'format',
  "'{0}'",
  'resourceId',
  'reference',
  'union',
  'split',
  'substring',
  'replace',
  'padLeft',
  'ns.f',
  'sys.concat',
  '0',
  '800',
  '99999999999',
];
const BICEP_TOKENS = [
  'param',
  'var',
  'resource',
  'module',
  'output',
  'type',
  'func',
  'import',
  'for',
  'in',
  'if',
  'existing',
  '=',
  '==',
  '?',
  ':',
  '??',
  '.?',
  '[?',
  '::',
  '...',
  '=>',
  '(',
  ')',
  '[',
  ']',
  '{',
  '}',
  ',',
  '.',
  '!',
  '@',
  "'",
  "'''",
  '${',
  '}',
  '\n',
  ' ',
  'x',
  '1',
  "'s'",
  '//c\n',
  '/*',
  '*/',
  'string',
  'int',
  "'Microsoft.Network/networkSecurityGroups@2023-04-01'",
  "'m.bicep'",
  "'../escape.bicep'",
  'loadTextContent',
  "'/etc/passwd'",
  'range(0, 100000)',
];
const HCL_TOKENS = [
  'resource',
  'variable',
  'locals',
  'module',
  'data',
  'output',
  'dynamic',
  'for_each',
  'count',
  'for',
  'in',
  'if',
  'content',
  'each.value',
  'count.index',
  '"azurerm_network_security_group"',
  '"x"',
  '=',
  '==',
  '?',
  ':',
  '=>',
  '...',
  '(',
  ')',
  '[',
  ']',
  '{',
  '}',
  ',',
  '.',
  '*',
  '[*]',
  '!',
  '"',
  '${',
  '%{',
  '~}',
  '<<EOT\n',
  '\nEOT\n',
  '\n',
  ' ',
  'x',
  '1',
  '#c\n',
  '//c\n',
  '/*',
  '*/',
  'source',
  '"../.."',
  'file',
  '"/etc/passwd"',
  'range(1000000)',
  'try',
  'can',
  'lookup',
  'merge',
  'var.x',
  'local.y',
];
const YAML_TOKENS = [
  'failOn',
  ':',
  ' ',
  '\n',
  '  ',
  '- ',
  'rules',
  'paths',
  'include',
  'exclude',
  'suppressions',
  'rule',
  'ZT-E08-01',
  'off',
  'high',
  '"',
  "'",
  '[',
  ']',
  '{',
  '}',
  ',',
  '&a',
  '*a',
  '<<',
  '!!binary',
  '!!str',
  '---',
  '...',
  '#',
  '|',
  '>',
  '?',
  'baseline',
  'expires',
  '2027-01-31',
  'justification',
  'severity',
  'options',
  '%YAML 1.2',
];
const PLAN_TOKENS = [
  ...JSON_TOKENS,
  '"format_version"',
  '"planned_values"',
  '"root_module"',
  '"resources"',
  '"child_modules"',
  '"values"',
  '"address"',
  '"type"',
  '"azurerm_storage_account"',
  '"after_unknown"',
  '"resource_changes"',
  '"configuration"',
  '"expressions"',
  '"references"',
];

const BRACKETS = [
  ['[', ']'],
  ['{"a":', '}'],
];

/** Build the fuzz targets over the given parsers (`kit`) and seeds (see seeds.mjs). */
export function createTargets(kit, seeds) {
  const limits = { ...kit.DEFAULT_LIMITS, maxEvaluationSteps: 2_000_000 };

  const symbols = (fn) => {
    const params = new Map([
      ['p', 'x'],
      ['n', 3],
      ['arr', [1, 2, 3]],
      ['obj', { a: 1, b: { c: 'd' } }],
    ]);
    const lookup = (kind, name) => {
      const key = String(name).toLowerCase();
      if (params.has(key)) return params.get(key);
      if (key === 'u') return kit.unknown(`${kind} '${name}' has no value`);
      throw new kit.FunctionError(`the template has no ${kind} '${name}'`, `unknown-${kind}`);
    };
    return {
      fn,
      parameter: (name) => lookup('parameter', name),
      variable: (name) => lookup('variable', name),
      parameterByKey: (_key, name) => lookup('parameter', name),
      variableByKey: (_key, name) => lookup('variable', name),
      deploymentReference: () => undefined,
      userFunction: () => undefined,
    };
  };

  return [
    {
      name: 'jsonc',
      ext: 'json',
      language: { seeds: seeds.json, tokens: JSON_TOKENS, nesting: BRACKETS },
      check(text) {
        const file = `${ROOT}/in.json`;
        const r = kit.parseJsonc(text, file, { maxDepth: limits.maxDepth });
        lastStatus = r.ok ? 'parsed' : 'refused';
        if (!r.ok) {
          if (!r.error.message) return 'an error without a message';
          const bad = spanProblem(r.error.span, text, file);
          if (bad) return bad;
          // JSONC is a superset of JSON: what the native parser takes must not be refused (depth aside).
          if (acceptsJson(text) && !/deeper than/.test(r.error.message))
            return `refused valid JSON: ${r.error.message}`;
        }
        return undefined;
      },
    },
    {
      name: 'arm-expression',
      ext: 'txt',
      language: {
        seeds: seeds.expression,
        tokens: EXPR_TOKENS,
        grammar: armExpressions(kit.templateFunctionNames()),
        nesting: [
          ['concat(', ')'],
          ['[', ']'],
          ['if(true,', ',1)'],
        ],
      },
      check(text) {
        const r = kit.parseExpression(text, limits.maxExpressionLength, limits.maxDepth);
        lastStatus = r.ok ? 'evaluated' : 'refused';
        if (!r.ok)
          return r.message && r.code ? offsetProblem(r.offset, text) : 'an error without a message or code';
        const fn = kit.simpleFunctionContext({ limits, maxSteps: 200_000 });
        const env = { symbols: symbols(fn), copy: { name: 'loop', index: 1, resource: true } };
        try {
          kit.evaluateExpr(r.expr, text, env);
        } catch (e) {
          if (!(e instanceof kit.FunctionError)) throw e;
          lastStatus = 'evaluation error';
          if (!e.message || ENGINE_ERROR.test(e.message)) return `a FunctionError hiding a bug: ${e.message}`;
        }
        return undefined;
      },
    },
    {
      name: 'arm-template',
      ext: 'json',
      language: {
        seeds: seeds.arm,
        tokens: [...JSON_TOKENS, ...EXPR_TOKENS.map((t) => `"[${t}]"`)],
        nesting: BRACKETS,
        grammar: fc
          .tuple(
            armExpressions(kit.templateFunctionNames()),
            armExpressions(kit.templateFunctionNames()),
            fc.nat(900),
          )
          .map(([name, value, count]) => armTemplateAround(name, value, count)),
      },
      check(input) {
        const path = `${ROOT}/main.json`;
        // The loader claims a file by the $schema in its head; a comment carrying it makes damaged and
        // random text reach the parser and the evaluator instead of being skipped as "not ARM".
        const claimed = /"\$schema"\s*:\s*"[^"]*deploymentTemplate\.json/i.test(input.slice(0, 4096));
        const text = claimed ? input : `// "$schema": "${ARM_SCHEMA}"\n${input}`;
        const files = { [path]: text };
        const result = sync(kit.armLoader.load([candidate(path, text)], memoryContext(files, limits)));
        return loadProblem(result, [path], files);
      },
    },
    {
      name: 'bicep',
      ext: 'bicep',
      language: {
        seeds: seeds.bicep,
        tokens: BICEP_TOKENS,
        grammar: bicepFiles(),
        nesting: [
          ['(', ')'],
          ['[', ']'],
          ['{\n', '\n}'],
          ["'${", "}'"],
        ],
      },
      check(text) {
        const path = `${ROOT}/main.bicep`;
        const lexed = kit.tokenize(text);
        if (!lexed.ok && (!lexed.error.message || offsetProblem(lexed.error.offset, text)))
          return `lexer: ${offsetProblem(lexed.error.offset, text) ?? 'an error without a message'}`;
        const parsed = kit.parseBicep(text, path, { maxDepth: limits.maxDepth });
        if (!parsed.ok && (!parsed.error.message || offsetProblem(parsed.error.offset, text)))
          return `parser: ${offsetProblem(parsed.error.offset, text) ?? 'an error without a message'}`;
        const files = { [path]: text };
        const result = sync(kit.bicepLoader.load([candidate(path, text)], memoryContext(files, limits)));
        return loadProblem(result, [path], files);
      },
    },
    {
      name: 'hcl',
      ext: 'tf',
      language: {
        seeds: seeds.hcl,
        tokens: HCL_TOKENS,
        grammar: terraformFiles(),
        nesting: [
          ['(', ')'],
          ['[', ']'],
          ['{', '}'],
          ['x {\n', '\n}\n'],
          ['"${', '}"'],
        ],
      },
      check(text) {
        const path = `${ROOT}/main.tf`;
        const parsed = kit.parseHcl(text, limits.maxDepth);
        if (!parsed.ok && (!parsed.message || offsetProblem(parsed.offset, text)))
          return `parser: ${offsetProblem(parsed.offset, text) ?? 'an error without a message'}`;
        const files = { [path]: text };
        const result = sync(kit.terraformLoader.load([candidate(path, text)], memoryContext(files, limits)));
        return loadProblem(result, [path], files);
      },
    },
    {
      name: 'terraform-plan',
      ext: 'json',
      language: { seeds: seeds.plan, tokens: PLAN_TOKENS, nesting: BRACKETS },
      check(text) {
        const path = `${ROOT}/plan.json`;
        const files = { [path]: text };
        const result = sync(kit.terraformLoader.load([candidate(path, text)], memoryContext(files, limits)));
        return loadProblem(result, [path], files);
      },
    },
    {
      name: 'config',
      ext: 'yml',
      language: {
        seeds: seeds.config,
        tokens: YAML_TOKENS,
        // yaml gives up (a located error) near 3,000 levels; deeper only costs time.
        maxNesting: 4_000,
        nesting: [
          ['[', ']'],
          ['{a: ', '}'],
          ['- ', ''],
        ],
      },
      check(text) {
        const file = `${ROOT}/.ztkit.yml`;
        const r = kit.parseConfig(text, file);
        lastStatus = r.ok ? 'valid' : 'refused';
        if (r.ok) return r.loaded && typeof r.loaded.config === 'object' ? undefined : 'ok without a config';
        if (!r.errors.length) return 'a failure without errors';
        for (const e of r.errors) {
          if (e.file !== file || !e.message)
            return `an error without a file or message: ${JSON.stringify(e)}`;
          if (!Number.isInteger(e.line) || e.line < 1 || !Number.isInteger(e.column) || e.column < 1)
            return `an error at line ${e.line}, column ${e.column}`;
        }
        return undefined;
      },
    },
  ];
}

/** Run one check, turning a throw into a problem and measuring the time it took. */
export function runCheck(target, text) {
  const started = performance.now();
  let problem;
  lastStatus = undefined;
  try {
    problem = target.check(text);
  } catch (e) {
    problem = `threw ${e?.constructor?.name ?? typeof e}: ${e?.message ?? String(e)}`.slice(0, 500);
  }
  tally(target.name, problem ? 'problem' : (lastStatus ?? 'unknown'));
  return { problem, ms: performance.now() - started };
}
