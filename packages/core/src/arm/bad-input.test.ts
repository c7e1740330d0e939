/**
 * Bad input never throws, never hangs: each case ends as a FileOutcome plus a Diagnostic whose
 * message names the file and the line. Fatal problems fail the file; value-level problems leave
 * the file scanned with a warning and the value Unknown (see the policy in loader.ts).
 */
import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  statSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, type Limits } from '../loaders/limits.js';
import type { LoadContext, LoadResult } from '../loaders/types.js';
import { isUnknown } from '../model/unknown.js';
import { armLoader } from './loader.js';

const SCHEMA = 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#';
const root = realpathSync(mkdtempSync(join(tmpdir(), 'ztkit-arm-bad-')));
let counter = 0;

/** The engine's guard, reduced to what these tests need: root and size checks. */
function context(dir: string, limits: Partial<Limits>): LoadContext {
  const all = { ...DEFAULT_LIMITS, ...limits };
  return {
    roots: [dir],
    limits: all,
    parameterFiles: [],
    readFile: (p) => {
      if (!p.startsWith(dir + sep))
        return { ok: false, reason: 'refused: path is outside the scanned root', status: 'failed' };
      const size = statSync(p).size;
      if (size > all.maxFileBytes)
        return {
          ok: false,
          reason: `file is ${(size / 1048576).toFixed(1)} MB, over the ${(all.maxFileBytes / 1048576).toFixed(0)} MB cap (limits.maxFileBytes)`,
          status: 'failed',
        };
      return { ok: true, text: readFileSync(p, 'utf8') };
    },
  };
}

function run(text: string, limits: Partial<Limits> = {}): { result: LoadResult; text: string } {
  const dir = join(root, `case${++counter}`);
  mkdirSync(dir);
  const path = join(dir, 'main.json');
  writeFileSync(path, text);
  const result = armLoader.load(
    [{ path, size: text.length, head: text.slice(0, 4096) }],
    context(dir, limits),
  );
  if (result instanceof Promise) throw new Error('the ARM loader is synchronous');
  return { result, text };
}

function lineOf(text: string, needle: string): number {
  const i = text.split('\n').findIndex((l) => l.includes(needle));
  if (i < 0) throw new Error(`${needle} not found`);
  return i + 1;
}

const doc = (body: Record<string, unknown>) =>
  JSON.stringify({ $schema: SCHEMA, contentVersion: '1.0.0.0', ...body }, null, 2);

function expectFailure(result: LoadResult, code: string, line: number): void {
  expect(result.outcomes).toHaveLength(1);
  const outcome = result.outcomes[0]!;
  expect(outcome.status).toBe('failed');
  const error = result.diagnostics.find((d) => d.severity === 'error');
  expect(error?.code).toBe(code);
  expect(error?.span?.startLine).toBe(line);
  expect(error?.message).toMatch(new RegExp(`main\\.json(:${line}\\b|: .* at line ${line},)`));
  expect(outcome.reason).toBe(error?.message);
  expect(result.resources).toEqual([]);
}

describe('bad input', () => {
  it('malformed JSON fails the file, naming file and line', () => {
    const text = `{\n  "$schema": "${SCHEMA}",\n  "resources": [\n    { "type": "x" "name": "y" }\n  ]\n}\n`;
    const { result } = run(text);
    expectFailure(result, 'json-syntax', 4);
  });

  it('an unparsable expression fails the file', () => {
    const text = doc({
      resources: [
        {
          type: 'Microsoft.Storage/storageAccounts',
          apiVersion: '2023-05-01',
          name: "[concat('a', ]",
          properties: {},
        },
      ],
    });
    const { result } = run(text);
    expectFailure(result, 'expression-syntax', lineOf(text, "concat('a', ]"));
    expect(result.diagnostics[0]!.message).toContain(
      'Invalid template expression: unexpected end of expression',
    );
  });

  it('an unknown function makes only that value unknown, with a warning', () => {
    const text = doc({
      resources: [
        {
          type: 'Microsoft.Storage/storageAccounts',
          apiVersion: '2023-05-01',
          name: 'st',
          properties: { minimumTlsVersion: "[noSuchFunction('x')]", supportsHttpsTrafficOnly: true },
        },
      ],
    });
    const { result } = run(text);
    expect(result.outcomes[0]).toMatchObject({ status: 'scanned', resources: 1 });
    expect(isUnknown(result.resources[0]!.properties.minimumTlsVersion)).toBe(true);
    expect(result.resources[0]!.properties.supportsHttpsTrafficOnly).toBe(true);
    expect(result.diagnostics).toHaveLength(1);
    const d = result.diagnostics[0]!;
    expect(d).toMatchObject({ severity: 'warning', code: 'unknown-function' });
    const line = lineOf(text, 'noSuchFunction');
    expect(d.span?.startLine).toBe(line);
    expect(d.message).toContain(`main.json:${line})`);
    expect(d.message).toContain("Unknown function 'noSuchFunction'");
  });

  it('a bad argument makes only that value unknown, with a warning', () => {
    const text = doc({
      resources: [
        {
          type: 'Microsoft.Storage/storageAccounts',
          apiVersion: '2023-05-01',
          name: 'st',
          properties: { a: "[substring('abc', 5)]" },
        },
      ],
    });
    const { result } = run(text);
    expect(result.outcomes[0]!.status).toBe('scanned');
    expect(result.diagnostics[0]).toMatchObject({ severity: 'warning', code: 'bad-arguments' });
    expect(result.diagnostics[0]!.message).toContain(`main.json:${lineOf(text, 'substring')})`);
  });

  it('a cyclic variable fails the file, naming the chain', () => {
    const text = doc({
      variables: { a: "[variables('b')]", b: "[concat(variables('a'), 'x')]" },
      resources: [
        {
          type: 'Microsoft.Storage/storageAccounts',
          apiVersion: '2023-05-01',
          name: "[variables('a')]",
          properties: {},
        },
      ],
    });
    const { result } = run(text);
    expectFailure(result, 'cyclic-variable', lineOf(text, '"b": "[concat('));
    expect(result.diagnostics[0]!.message).toContain("variable 'a' -> variable 'b' -> variable 'a'");
  });

  it('a copy count over the cap fails the file', () => {
    const text = doc({
      resources: [
        {
          type: 'Microsoft.Storage/storageAccounts',
          apiVersion: '2023-05-01',
          name: "[concat('st', copyIndex())]",
          copy: { name: 'many', count: 801 },
          properties: {},
        },
      ],
    });
    const { result } = run(text);
    expectFailure(result, 'cap-copy-count', lineOf(text, '"count": 801'));
    expect(result.diagnostics[0]!.message).toContain('over the cap of 800 (limits.maxCopyCount)');
  });

  it('nesting over the cap fails the file instead of overflowing the stack', () => {
    let value: unknown = 'leaf';
    for (let i = 0; i < 20; i++) value = { level: value };
    const text = doc({
      resources: [
        {
          type: 'Microsoft.Storage/storageAccounts',
          apiVersion: '2023-05-01',
          name: 'st',
          properties: value,
        },
      ],
    });
    const { result } = run(text, { maxDepth: 12 });
    expect(result.outcomes[0]!.status).toBe('failed');
    const d = result.diagnostics[0]!;
    expect(d.code).toBe('cap-depth');
    expect(d.message).toContain('limits.maxDepth');
    expect(d.message).toMatch(/main\.json:\d+\)$/);
    expect(d.span!.startLine).toBeGreaterThan(5);
  });

  it('hostile nesting a million levels deep does not throw', () => {
    const text = `{"$schema": "${SCHEMA}", "resources": [{"type": "a.b/c", "name": "n", "properties": ${'['.repeat(1_000_000)}${']'.repeat(1_000_000)}}]}`;
    const { result } = run(text);
    expect(result.outcomes[0]!.status).toBe('failed');
    expect(result.diagnostics[0]!.code).toBe('cap-depth');
    expect(result.diagnostics[0]!.message).toMatch(/main\.json:\d+\)$/);
  });

  it('nested deployments deeper than the module cap fail the file', () => {
    const level = (inner: unknown[]) => ({
      type: 'Microsoft.Resources/deployments',
      apiVersion: '2022-09-01',
      name: 'nested',
      properties: { mode: 'Incremental', template: { $schema: SCHEMA, resources: inner } },
    });
    const text = doc({ resources: [level([level([level([])])])] });
    const { result } = run(text, { maxModuleDepth: 2 });
    expect(result.outcomes[0]!.status).toBe('failed');
    const d = result.diagnostics[0]!;
    expect(d.code).toBe('cap-module-depth');
    expect(d.message).toMatch(/deeper than 2 levels \(limits\.maxModuleDepth\) \(main\.json:\d+\)$/);
  });

  it('an expression over the length cap fails the file', () => {
    const text = doc({
      resources: [{ type: 'a.b/c', apiVersion: '1', name: `[concat('${'x'.repeat(300)}')]`, properties: {} }],
    });
    const { result } = run(text, { maxExpressionLength: 100 });
    expectFailure(result, 'cap-expression-length', lineOf(text, "concat('xxx"));
  });

  it('a runaway evaluation stops at the step budget', () => {
    const text = doc({
      variables: {
        big: "[map(range(0, 800), lambda('i', map(range(0, 800), lambda('j', add(lambdaVariables('i'), lambdaVariables('j'))))))]",
      },
      resources: [{ type: 'a.b/c', apiVersion: '1', name: 'n', properties: { v: "[variables('big')]" } }],
    });
    const { result } = run(text, { maxEvaluationSteps: 10_000 });
    expect(result.outcomes[0]!.status).toBe('failed');
    expect(result.diagnostics[0]!.code).toBe('cap-evaluation-steps');
    expect(result.diagnostics[0]!.message).toMatch(/main\.json:\d+\)$/);
  });

  it("a 50 MB file is refused by the reader and reported failed with the reader's reason", () => {
    const dir = join(root, `case${++counter}`);
    mkdirSync(dir);
    const path = join(dir, 'huge.json');
    const head = `{\n  "$schema": "${SCHEMA}",\n  "resources": [\n`;
    writeFileSync(path, head);
    truncateSync(path, 50 * 1024 * 1024);
    const result = armLoader.load([{ path, size: 50 * 1024 * 1024, head }], context(dir, {})) as LoadResult;
    expect(result.outcomes).toEqual([
      expect.objectContaining({
        path,
        status: 'failed',
        reason: expect.stringContaining('50.0 MB, over the 16 MB cap'),
      }),
    ]);
    expect(result.diagnostics[0]!.message).toMatch(/^huge\.json:1: file is 50\.0 MB/);
  });

  it('a template that is not a JSON object fails the file', () => {
    const { result } = run(`[{ "$schema": "${SCHEMA}" }]`);
    expect(result.outcomes[0]!.status).toBe('failed');
    expect(result.diagnostics[0]!.message).toContain('main.json:1: an ARM template must be a JSON object');
  });
});
