// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the strings are Bicep and HCL source, whose interpolation is ${...}
/**
 * Template content is data. The kit never evaluates it as code (no eval, no Function, no shell),
 * never talks to the network while scanning, and never reads a file outside the scanned root,
 * whatever a template asks for: such paths are refused with a message and the scan goes on.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  armTemplate,
  expectNothingFromOutside,
  expectScanWentOn,
  fileReport,
  nsg,
  scanRoot,
  workspace,
} from './workspace.js';

const REPO = resolve(import.meta.dirname, '../..');

function* sources(dir: string): Generator<string> {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, e.name);
    if (e.isDirectory()) {
      if (e.name !== 'node_modules' && e.name !== 'dist' && e.name !== 'fixtures') yield* sources(full);
    } else if (/\.(ts|mts|js|mjs)$/.test(e.name)) yield full;
  }
}

/** Test code may spawn processes and serve HTTP; the shipped code may not. */
const isTestCode = (path: string) => /\.test\.[mc]?[jt]s$|\/testing\/|\/test-support\//.test(path);

interface Capability {
  readonly what: string;
  readonly pattern: RegExp;
  /** Files (relative to the repository, forward slashes) allowed to use it, and why. */
  readonly allowed: Readonly<Record<string, string>>;
  /** Lines that look alike but are not a use (e.g. a class method named eval). */
  readonly unlike?: RegExp;
}

const NETWORK_CLIENT_DIRS = ['packages/azure/src/', 'actions/post-pr-summary/src/'];

const CAPABILITIES: Capability[] = [
  {
    what: 'eval',
    // A call of the global, not a method named eval (the Terraform evaluator has `evaluator.eval(...)`).
    pattern: /(?<![.\w$])eval\s*\(|globalThis\.eval|\(0,\s*eval\)/,
    allowed: {},
    unlike: /^\s*(?:(?:public|private|protected|static)\s+)*eval\s*\([^)]*\)\s*:[^=]*\{\s*$/,
  },
  {
    what: 'the Function constructor',
    pattern: /\bnew\s+Function\s*\(|(?<![.\w$])Function\s*\(\s*['"`]/,
    allowed: {},
  },
  { what: 'node:vm', pattern: /(?:from\s+|import\s*\(\s*|require\s*\(\s*)['"](?:node:)?vm['"]/, allowed: {} },
  {
    what: 'child_process',
    pattern: /(?:from\s+|import\s*\(\s*|require\s*\(\s*)['"](?:node:)?child_process['"]/,
    allowed: {
      'packages/config/src/git.ts':
        'git cat-file / ls-tree for `ztkit diff --base` (execFileSync, fixed argv, no shell)',
      'packages/action-kit/src/scope.ts':
        'git diff --name-only for `mode: changed` (execFileSync, fixed argv, no shell)',
      'packages/action-kit/src/diff.ts':
        'git merge-base / rev-list for `mode: diff` (execFileSync, fixed argv, no shell)',
    },
  },
  {
    what: 'network modules',
    pattern:
      /(?:from\s+|import\s*\(\s*|require\s*\(\s*)['"](?:node:)?(?:https?|http2|net|tls|dgram|dns|undici|axios|node-fetch|got)['"]|(?:from\s+|import\s*\(\s*)['"](?:@octokit|@azure|@azure-rest)\/|(?<![.\w$])fetch\s*\(|\bnew\s+(?:XMLHttpRequest|WebSocket)\b/,
    allowed: {},
  },
];

function offenders(cap: Capability): string[] {
  const found: string[] = [];
  const roots = [
    ...readdirSync(join(REPO, 'packages')).map((p) => join(REPO, 'packages', p, 'src')),
    ...readdirSync(join(REPO, 'actions'), { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => join(REPO, 'actions', e.name, 'src')),
  ];
  for (const root of roots) {
    let files: string[];
    try {
      files = [...sources(root)];
    } catch {
      continue;
    }
    for (const file of files) {
      const rel = relative(REPO, file).split(sep).join('/');
      if (isTestCode(rel) || cap.allowed[rel]) continue;
      if (cap.what === 'network modules' && NETWORK_CLIENT_DIRS.some((d) => rel.startsWith(d))) continue;
      const text = readFileSync(file, 'utf8');
      text.split('\n').forEach((line, i) => {
        const code = line.replace(/\/\/.*$/, '');
        if (cap.pattern.test(code) && !/^\s*\*/.test(code) && !cap.unlike?.test(code))
          found.push(`${rel}:${i + 1}: ${line.trim()}`);
      });
    }
  }
  return found;
}

describe('the shipped code holds no way to run template content or reach the network', () => {
  for (const cap of CAPABILITIES)
    it(`no ${cap.what} outside its allowed files`, () => {
      expect(offenders(cap)).toEqual([]);
    });

  it('the allow-list names files that exist (a moved file must be re-reviewed)', () => {
    for (const cap of CAPABILITIES)
      for (const file of Object.keys(cap.allowed))
        expect(() => readFileSync(join(REPO, file)), `${cap.what}: ${file}`).not.toThrow();
  });

  it('the grep itself finds what it looks for', () => {
    const sample = [
      'const x = eval("1")',
      'new Function("return 1")',
      "import { exec } from 'node:child_process'",
      "import https from 'node:https'",
      'await fetch(url)',
      "import { Octokit } from '@octokit/core';",
    ];
    const hits = sample.map((s) => CAPABILITIES.filter((c) => c.pattern.test(s)).map((c) => c.what));
    expect(hits).toEqual([
      ['eval'],
      ['the Function constructor'],
      ['child_process'],
      ['network modules'],
      ['network modules'],
      ['network modules'],
    ]);
    const isUse = (line: string) => CAPABILITIES.some((c) => c.pattern.test(line) && !c.unlike?.test(line));
    expect(isUse('return evaluator.eval(expr, scope)')).toBe(false);
    expect(isUse('  eval(e: Expr, scope: Scope): unknown {')).toBe(false);
    expect(isUse("if (protocol === 'https') return 1;")).toBe(false);
  });
});

const deployment = (name: string, relativePath: string) => ({
  type: 'Microsoft.Resources/deployments',
  apiVersion: '2022-09-01',
  name,
  properties: { mode: 'Incremental', templateLink: { relativePath } },
});

describe('paths in templates that leave the scanned root are refused; the scan goes on', () => {
  it('ARM templateLink.relativePath', async () => {
    const { root } = workspace({ 'sub/main.json': armTemplate([deployment('out', '../../outside.json')]) });
    const result = await scanRoot(root);
    expect(fileReport(result, 'sub/main.json').status).toBe('scanned');
    const refusal = result.diagnostics.find((d) => d.code === 'module-not-resolved');
    expect(refusal?.message).toMatch(
      /linked template '\.\.\/\.\.\/outside\.json' was not loaded \(refused: path is outside the scanned root\).*\(sub\/main\.json:\d+\)/,
    );
    expect(refusal?.span?.file).toBe('sub/main.json');
    expectScanWentOn(result);
    expectNothingFromOutside(result);
  });

  it('ARM templateLink to a URL is not fetched', async () => {
    const { root } = workspace({
      'main.json': armTemplate([
        {
          type: 'Microsoft.Resources/deployments',
          apiVersion: '2022-09-01',
          name: 'remote',
          properties: { mode: 'Incremental', templateLink: { uri: 'https://example.invalid/t.json' } },
        },
      ]),
    });
    const result = await scanRoot(root);
    expect(fileReport(result, 'main.json').status).toBe('scanned');
    expectScanWentOn(result);
  });

  it('Bicep module path', async () => {
    const { root } = workspace({ 'sub/main.bicep': "module m '../../outside.bicep' = {\n  name: 'm'\n}\n" });
    const result = await scanRoot(root);
    const refusal = result.diagnostics.find((d) => d.code === 'module-not-resolved');
    expect(refusal?.message).toMatch(/module 'm' \('\.\.\/\.\.\/outside\.bicep'\).*outside the scanned root/);
    expect(refusal?.span?.file).toBe('sub/main.bicep');
    expect(refusal?.span?.startLine).toBe(1);
    expectScanWentOn(result);
    expectNothingFromOutside(result);
  });

  it('Bicep loadTextContent()', async () => {
    const { root } = workspace({
      'sub/main.bicep':
        "resource n 'Microsoft.Network/networkSecurityGroups@2023-04-01' = {\n  name: 'n'\n" +
        "  location: 'westeurope'\n  tags: {\n    t: loadTextContent('../../secret.txt')\n  }\n}\n",
    });
    const result = await scanRoot(root);
    expect(fileReport(result, 'sub/main.bicep').status).toBe('scanned');
    const refusal = result.diagnostics.find((d) => d.code === 'load-content');
    expect(refusal?.message).toMatch(
      /cannot read '\.\.\/\.\.\/secret\.txt': refused: path is outside the scanned root/,
    );
    expect(refusal?.span?.file).toBe('sub/main.bicep');
    expect(refusal?.span?.startLine).toBe(5);
    expectScanWentOn(result);
    expectNothingFromOutside(result);
  });

  it('Terraform module source', async () => {
    const { root } = workspace({ 'sub/main.tf': 'module "x" {\n  source = "../../outside-module"\n}\n' });
    const result = await scanRoot(root);
    const refusal = result.diagnostics.find((d) => d.code === 'module-outside-root');
    expect(refusal?.message).toMatch(
      /module source "\.\.\/\.\.\/outside-module" is outside the scanned root/,
    );
    expect(refusal?.span?.file).toBe('sub/main.tf');
    expect(refusal?.span?.startLine).toBe(1);
    expectScanWentOn(result);
    expectNothingFromOutside(result);
  });

  it('Terraform file()', async () => {
    const { root } = workspace({
      'sub/main.tf':
        'resource "azurerm_network_security_group" "n" {\n  name = "n"\n  location = "westeurope"\n' +
        '  resource_group_name = "rg"\n  tags = {\n    t = file("../../secret.txt")\n  }\n}\n',
    });
    const result = await scanRoot(root);
    expect(fileReport(result, 'sub/main.tf').status).toBe('scanned');
    const refusal = result.diagnostics.find((d) => /file\(\)/.test(d.message));
    expect(refusal?.message).toMatch(/cannot read "\.\.\/\.\.\/secret\.txt" inside the scanned root/);
    expect(refusal?.span?.file).toBe('sub/main.tf');
    expect(refusal?.span?.startLine).toBeGreaterThanOrEqual(5);
    expect(refusal?.span?.startLine).toBeLessThanOrEqual(6);
    expectScanWentOn(result);
    expectNothingFromOutside(result);
  });

  it('an ARM parameter-file reference out of the root is not read either', async () => {
    const { root } = workspace({
      'main.json': armTemplate([nsg("[parameters('n')]")], { parameters: { n: { type: 'string' } } }),
    });
    const result = await scanRoot(root);
    expect(fileReport(result, 'main.json').status).toBe('scanned');
    expectScanWentOn(result);
    expectNothingFromOutside(result);
  });
});
