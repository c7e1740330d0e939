// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the strings are Bicep source, whose interpolation is ${...}
import { describe, expect, it } from 'vitest';
import { bicepLoader } from './loader.js';
import { loadMemory } from './testing/memory.js';

const OK = "resource n 'Microsoft.Network/networkSecurityGroups@2023-04-01' = {\n  name: 'fine'\n}\n";

describe('bicepLoader', () => {
  it('claims .bicep and .bicepparam files only', () => {
    const claim = (path: string) => bicepLoader.claims({ path, size: 1, head: '' });
    expect([
      claim('/a/main.bicep'),
      claim('/a/main.bicepparam'),
      claim('/a/main.json'),
      claim('/a/x.tf'),
    ]).toEqual([true, true, false, false]);
  });
});

describe('bad input: the file fails with a located message, the others load', () => {
  it('syntax error', () => {
    const { outcomes, diagnostics, resources } = loadMemory({
      'bad.bicep':
        "param a string\nresource x 'Microsoft.Network/networkSecurityGroups@2023-04-01' = {\n  name: 'x'\n  properties: {\n    a: [1, 2\n  }\n}\n",
      'ok.bicep': OK,
    });
    const bad = outcomes.find((o) => o.path === '/mem/bad.bicep')!;
    expect(bad.status).toBe('failed');
    // The location is in the span; the reason names the line but not the (absolute) path, which
    // reports show relative to the working directory.
    expect(bad.reason).toBe("syntax error at line 6, column 3: expected ']' to close the array, found '}'");
    expect(diagnostics.find((d) => d.code === 'bicep-syntax')?.message).toBe(bad.reason);
    expect(diagnostics.find((d) => d.code === 'bicep-syntax')?.span).toMatchObject({
      file: '/mem/bad.bicep',
      startLine: 6,
      startColumn: 3,
    });
    expect(resources.map((r) => r.name)).toEqual(['fine']);
  });

  it('deep nesting', () => {
    const deep = `var x = ${'{a: '.repeat(300)}1${'}'.repeat(300)}\n`;
    const { outcomes } = loadMemory({ 'deep.bicep': deep, 'ok.bicep': OK });
    expect(outcomes.find((o) => o.path === '/mem/deep.bicep')?.reason).toMatch(
      /^syntax error at line 1, column \d+: nesting is deeper than the limit of 128 levels/,
    );
    expect(outcomes.find((o) => o.path === '/mem/ok.bicep')?.status).toBe('scanned');
  });

  it('huge loop', () => {
    const { outcomes, diagnostics } = loadMemory({
      'loop.bicep':
        "resource n 'Microsoft.Network/networkSecurityGroups@2023-04-01' = [for i in range(0, 100000): {\n  name: 'n${i}'\n}]\n",
      'ok.bicep': OK,
    });
    const loop = outcomes.find((o) => o.path === '/mem/loop.bicep')!;
    expect(loop.status).toBe('failed');
    expect(loop.reason).toMatch(/loop\.bicep:1:\d+: .*(800|maxCopyCount)/);
    expect(diagnostics.some((d) => d.severity === 'error' && d.span?.file === '/mem/loop.bicep')).toBe(true);
    expect(outcomes.find((o) => o.path === '/mem/ok.bicep')?.status).toBe('scanned');
  });

  it('loop longer than maxCopyCount over a literal array', () => {
    const items = Array.from({ length: 20 }, (_, i) => `'n${i}'`).join(', ');
    const { outcomes } = loadMemory(
      {
        'loop.bicep': `resource n 'Microsoft.Network/networkSecurityGroups@2023-04-01' = [for x in [${items}]: {\n  name: x\n}]\n`,
      },
      { limits: { maxCopyCount: 10 } },
    );
    expect(outcomes[0]!.reason).toBe(
      '/mem/loop.bicep:1:67: loop over 20 items exceeds the limit of 10 (limits.maxCopyCount)',
    );
  });

  it('runaway evaluation stops at the step budget', () => {
    const { outcomes } = loadMemory(
      {
        'spin.bicep':
          "var xs = [for i in range(0, 800): [for j in range(0, 800): i * j]]\nresource n 'Microsoft.Network/networkSecurityGroups@2023-04-01' = {\n  name: 'n${length(xs)}'\n}\n",
      },
      { limits: { maxEvaluationSteps: 10_000 } },
    );
    expect(outcomes[0]).toMatchObject({ status: 'failed' });
    expect(outcomes[0]!.reason).toMatch(/evaluation exceeded 10000 steps \(limits.maxEvaluationSteps\)/);
  });

  it('a very long chain of variables ends scanned or failed with a message, never a crash', () => {
    const lines = ['var v0 = 1'];
    for (let i = 1; i < 20_000; i++) lines.push(`var v${i} = v${i - 1}`);
    lines.push(
      `resource n 'Microsoft.Network/networkSecurityGroups@2023-04-01' = {\n  name: 'n\${v19999}'\n}`,
    );
    const { outcomes } = loadMemory({ 'chain.bicep': `${lines.join('\n')}\n`, 'ok.bicep': OK });
    const chain = outcomes.find((o) => o.path === '/mem/chain.bicep')!;
    if (chain.status === 'failed') expect(chain.reason).toMatch(/nested too deeply/);
    else expect(chain).toMatchObject({ status: 'scanned', resources: 1 });
    expect(outcomes.find((o) => o.path === '/mem/ok.bicep')?.status).toBe('scanned');
  });

  it('a reference cycle between variables is Unknown, not a hang', () => {
    const { outcomes, resources } = loadMemory({
      'cycle.bicep':
        "var a = b\nvar b = a\nresource n 'Microsoft.Network/networkSecurityGroups@2023-04-01' = {\n  name: a\n}\n",
    });
    expect(outcomes[0]).toMatchObject({ status: 'scanned', resources: 1 });
    expect(resources[0]!.name).toMatch(/^<unknown/);
  });

  it('binary or unreadable files are passed through the reader outcome', () => {
    const { outcomes } = loadMemory({ 'ok.bicep': OK }, { only: ['ok.bicep', 'missing.bicep'] });
    expect(outcomes.find((o) => o.path === '/mem/missing.bicep')).toMatchObject({ status: 'failed' });
    expect(outcomes.find((o) => o.path === '/mem/ok.bicep')).toMatchObject({ status: 'scanned' });
  });
});
