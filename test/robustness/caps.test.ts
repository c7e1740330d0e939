// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the strings are Bicep and HCL source, whose interpolation is ${...}
/**
 * Every cap of Limits, through the real engine: the offending file ends failed with a message that
 * names the cap (and the file and line where there is one), and the other file of the same scan
 * still produces its finding.
 */
import { DEFAULT_LIMITS } from '@ztkit/core';
import { describe, expect, it } from 'vitest';
import { armTemplate, expectScanWentOn, fileReport, nsg, scanRoot, workspace } from './workspace.js';

function nestedObject(levels: number): unknown {
  let value: unknown = { leaf: true };
  for (let i = 0; i < levels; i++) value = { n: value };
  return value;
}

function lineOf(text: string, needle: string): number {
  return text.split('\n').findIndex((l) => l.includes(needle)) + 1;
}

/** The failed file's reason and its error diagnostic both carry the message. */
async function expectCapBreach(
  files: Record<string, string>,
  limits: Parameters<typeof scanRoot>[1],
  file: string,
  code: string,
  message: RegExp,
  line?: number,
) {
  const { root } = workspace(files);
  const result = await scanRoot(root, limits);
  const report = fileReport(result, file);
  expect(report.status).toBe('failed');
  expect(report.reason).toMatch(message);
  const diagnostic = result.diagnostics.find((d) => d.code === code && d.severity === 'error');
  expect(diagnostic?.message).toMatch(message);
  if (line !== undefined) {
    expect(diagnostic?.span?.file).toBe(file);
    expect(diagnostic?.span?.startLine).toBe(line);
  }
  expectScanWentOn(result);
  return result;
}

describe('Limits have sane defaults', () => {
  it('keeps the documented defaults', () => {
    expect(DEFAULT_LIMITS).toEqual({
      maxFileBytes: 16 * 1024 * 1024,
      maxDepth: 128,
      maxCopyCount: 800,
      maxExpressionLength: 24_576,
      maxModuleDepth: 16,
      maxResourcesPerFile: 50_000,
      maxEvaluationSteps: 20_000_000,
    });
  });
});

describe('caps: the offending file fails with a clear message, the rest of the scan goes on', () => {
  it('file size (engine guard)', async () => {
    const big = armTemplate([nsg('n', { properties: { pad: 'x'.repeat(1_300_000) } })]);
    await expectCapBreach(
      { 'big.json': big },
      { maxFileBytes: 1024 * 1024 },
      'big.json',
      'file-unreadable',
      /^big\.json:1: file is 1\.2 MB, over the 1 MB cap \(limits\.maxFileBytes\)$/,
    );
  });

  it('nesting depth: ARM', async () => {
    await expectCapBreach(
      { 'deep.json': armTemplate([nsg('n', { properties: { deep: nestedObject(40) } })]) },
      { maxDepth: 20 },
      'deep.json',
      'cap-depth',
      /nested deeper than 20 levels \(limits\.maxDepth\) \(deep\.json:\d+\)/,
    );
  });

  it('nesting depth: Bicep', async () => {
    await expectCapBreach(
      { 'deep.bicep': `var x = ${'['.repeat(40)}${']'.repeat(40)}\n` },
      { maxDepth: 20 },
      'deep.bicep',
      'bicep-syntax',
      /line 1, column \d+: .*nesting is deeper than the limit of 20 levels/,
      1,
    );
  });

  it('nesting depth: HCL', async () => {
    await expectCapBreach(
      { 'main.tf': `locals {\n  x = ${'['.repeat(40)}${']'.repeat(40)}\n}\n` },
      { maxDepth: 20 },
      'main.tf',
      'hcl-syntax',
      /nesting deeper than 20 levels \(limits\.maxDepth\)/,
      2,
    );
  });

  it('copy count: ARM copy loop', async () => {
    const text = armTemplate([nsg("[concat('n', copyIndex())]", { copy: { name: 'c', count: 801 } })]);
    await expectCapBreach(
      { 'copy.json': text },
      {},
      'copy.json',
      'cap-copy-count',
      /copy loop 'c' has count 801, over the cap of 800 \(limits\.maxCopyCount\) \(copy\.json:\d+\)/,
      lineOf(text, '"count": 801'),
    );
  });

  it('copy count: Bicep loop', async () => {
    const text =
      "resource n 'Microsoft.Network/networkSecurityGroups@2023-04-01' = [for i in range(0, 1000): {\n" +
      "  name: 'n${i}'\n  location: 'westeurope'\n}]\n";
    await expectCapBreach(
      { 'loop.bicep': text },
      {},
      'loop.bicep',
      'cap-copy-count',
      /loop\.bicep:1:\d+: range\(\) count 1000 is over the cap of 800 \(limits\.maxCopyCount\)/,
      1,
    );
  });

  it('copy count: Terraform count', async () => {
    const text =
      'resource "azurerm_network_security_group" "n" {\n  count = 1000\n  name = "n${count.index}"\n' +
      '  location = "westeurope"\n  resource_group_name = "rg"\n}\n';
    await expectCapBreach(
      { 'main.tf': text },
      {},
      'main.tf',
      'cap-copy-count',
      /count is 1000, over the cap of 800 instances \(limits\.maxCopyCount\)/,
      1,
    );
  });

  it('expression length', async () => {
    const text = armTemplate([nsg(`[concat('${'a'.repeat(200)}')]`)]);
    await expectCapBreach(
      { 'expr.json': text },
      { maxExpressionLength: 100 },
      'expr.json',
      'cap-expression-length',
      /expression is 210 characters long, over the cap of 100 \(limits\.maxExpressionLength\).*\(expr\.json:\d+\)/,
      lineOf(text, '"name": "[concat'),
    );
  });

  it('resources per file', async () => {
    await expectCapBreach(
      { 'many.json': armTemplate([nsg("[concat('n', copyIndex())]", { copy: { name: 'c', count: 50 } })]) },
      { maxResourcesPerFile: 10 },
      'many.json',
      'cap-resources',
      /more than 10 resources \(limits\.maxResourcesPerFile\) \(many\.json:\d+\)/,
    );
  });

  it('evaluation steps', async () => {
    const heavy =
      "[string(length(reduce(range(0, 800), createArray(), lambda('a', 'i', concat(lambdaVariables('a'), range(0, 100))))))]";
    const text = armTemplate([nsg(heavy)]);
    await expectCapBreach(
      { 'steps.json': text },
      { maxEvaluationSteps: 500 },
      'steps.json',
      'cap-evaluation-steps',
      /more than 500 steps \(limits\.maxEvaluationSteps\) \(steps\.json:\d+\)/,
      lineOf(text, '"name": "[string'),
    );
  });

  it('module depth: Bicep modules nested deeper than maxModuleDepth', async () => {
    const call = (to: string) => `module m '${to}' = {\n  name: 'm'\n}\n`;
    await expectCapBreach(
      {
        'm0.bicep': call('m1.bicep'),
        'm1.bicep': call('m2.bicep'),
        'm2.bicep': call('m3.bicep'),
        'm3.bicep': "param x string = 'a'\n",
      },
      { maxModuleDepth: 2 },
      'm0.bicep',
      'cap-module-depth',
      /m2\.bicep:1:\d+: modules are nested deeper than the limit of 2 \(limits\.maxModuleDepth\)/,
    );
  });

  it('module cycles: Bicep', async () => {
    const call = (to: string) => `module m '${to}' = {\n  name: 'm'\n}\n`;
    await expectCapBreach(
      { 'a.bicep': call('b.bicep'), 'b.bicep': call('a.bicep') },
      {},
      'a.bicep',
      'module-cycle',
      /b\.bicep:1:\d+: module cycle: a\.bicep -> b\.bicep -> a\.bicep/,
    );
  });

  it('linked template cycles: ARM templateLink.relativePath', async () => {
    const link = (name: string, to: string) =>
      armTemplate([
        {
          type: 'Microsoft.Resources/deployments',
          apiVersion: '2022-09-01',
          name,
          properties: { mode: 'Incremental', templateLink: { relativePath: to } },
        },
      ]);
    await expectCapBreach(
      { 'a.json': link('toB', 'b.json'), 'b.json': link('toA', 'a.json') },
      {},
      'a.json',
      'cap-module-depth',
      /nested deployments go deeper than 16 levels \(limits\.maxModuleDepth\) \(a\.json:\d+\)/,
    );
  });

  it('module cycles: Terraform (reported on the calling line; the folders stay scanned)', async () => {
    const { root } = workspace({
      'a/main.tf': 'module "b" {\n  source = "../b"\n}\n',
      'b/main.tf': 'module "a" {\n  source = "../a"\n}\n',
    });
    const result = await scanRoot(root);
    const cycle = result.diagnostics.find((d) => d.code === 'module-cycle');
    expect(cycle?.severity).toBe('error');
    expect(cycle?.message).toMatch(/module source "\.\.\/a" calls itself/);
    expect(cycle?.span?.file).toBe('b/main.tf');
    expect(cycle?.span?.startLine).toBe(1);
    expectScanWentOn(result);
  });
});

describe('module depth through linked templates and Terraform modules', () => {
  it('ARM: a chain of linked templates deeper than maxModuleDepth', async () => {
    const link = (to: string) =>
      armTemplate([
        {
          type: 'Microsoft.Resources/deployments',
          apiVersion: '2022-09-01',
          name: `to-${to}`,
          properties: { mode: 'Incremental', templateLink: { relativePath: to } },
        },
      ]);
    await expectCapBreach(
      {
        'l0.json': link('l1.json'),
        'l1.json': link('l2.json'),
        'l2.json': link('l3.json'),
        'l3.json': armTemplate([]),
      },
      { maxModuleDepth: 2 },
      'l0.json',
      'cap-module-depth',
      /nested deployments go deeper than 2 levels \(limits\.maxModuleDepth\)/,
    );
  });

  it('Terraform: a chain of local modules deeper than maxModuleDepth', async () => {
    const call = (to: string) => `module "next" {\n  source = "../${to}"\n}\n`;
    const { root } = workspace({
      'm0/main.tf': call('m1'),
      'm1/main.tf': call('m2'),
      'm2/main.tf': call('m3'),
      'm3/main.tf': 'locals {\n  x = 1\n}\n',
    });
    const result = await scanRoot(root, { maxModuleDepth: 2 });
    const cap = result.diagnostics.find((d) => d.code === 'cap-module-depth');
    expect(cap?.message).toMatch(/maxModuleDepth/);
    expect(cap?.span?.file).toMatch(/^m\d\/main\.tf$/);
    expect(cap?.span?.startLine).toBe(1);
    expectScanWentOn(result);
  });
});
