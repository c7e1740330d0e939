import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  httpsLineOf,
  insecureStorageTemplate,
  type PullRequestRepo,
  pullRequestRepo,
  runAction,
  workflowCommands,
} from './harness.js';

const BROKEN = [
  '{',
  '  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",',
  '  "resources": [',
  '    { "type": ,',
  '  ]',
  '}',
  '',
].join('\n');

describe('check-encryption, as the runner runs it', () => {
  let repo: PullRequestRepo;
  beforeAll(() => {
    // Base: one account; the pull request adds a template with 15 more (30 high findings).
    repo = pullRequestRepo(
      { 'infra/old.json': insecureStorageTemplate(1, 'old'), 'README.md': '# infra\n' },
      { 'infra/new.json': insecureStorageTemplate(15, 'new') },
    );
  });

  it('annotates the most severe findings on their lines within GitHub limits, and fails at fail-on', async () => {
    const run = await runAction('check-encryption', {
      workspace: repo.workspace,
      eventPath: repo.eventPath,
      inputs: {
        paths: 'infra',
        mode: 'all',
        'fail-on': 'high',
        'sarif-file': 'out/enc.sarif',
        'json-file': 'out/enc.json',
      },
    });
    expect(run.code).toBe(1);
    expect(run.outputs).toMatchObject({
      findings: '32',
      high: '32',
      critical: '0',
      failing: '32',
      'files-scanned': '2',
    });
    const errors = workflowCommands(run.stdout, 'error').filter((c) => c.properties.file);
    expect(errors).toHaveLength(10); // GitHub keeps 10 error annotations per step
    for (const e of errors) {
      expect(e.properties.file).toMatch(/^infra\/(new|old)\.json$/);
      expect(Number(e.properties.line)).toBeGreaterThan(0);
      expect(e.properties.title).toContain('ZT-E08-01');
    }
    const first = errors.find(
      (e) =>
        e.properties.file === 'infra/new.json' && e.message.includes("'new0'") && e.message.includes('HTTP'),
    );
    expect(first?.properties.line).toBe(String(httpsLineOf(0)));
    expect(run.stdout).toContain('::group::22 more not annotated');
    expect(run.summary).toContain('## ztkit: encryption of network traffic');
    expect(run.summary).toContain('| 🔴 High | 32 |');
    expect(run.summary).toContain('22 more are listed here');
    expect(run.summary).toMatch(
      /\[infra\/new\.json:\d+\]\(https:\/\/github\.com\/contoso\/landing-zone\/blob\/[0-9a-f]{40}\/infra\/new\.json#L\d+\)/,
    );
    const report = JSON.parse(readFileSync(join(repo.workspace, 'out/enc.json'), 'utf8'));
    expect(report.version).toBe(1);
    expect(report.findings).toHaveLength(32);
    expect(run.outputs['sarif-file']).toBe('out/enc.sarif');
    expect(existsSync(join(repo.workspace, 'out/enc.sarif'))).toBe(true);
  });

  it('passes below fail-on, still reporting', async () => {
    const run = await runAction('check-encryption', {
      workspace: repo.workspace,
      eventPath: repo.eventPath,
      inputs: { paths: 'infra', mode: 'all', 'fail-on': 'critical' },
    });
    expect(run.code).toBe(0);
    expect(run.outputs).toMatchObject({ findings: '32', failing: '0' });
    expect(workflowCommands(run.stdout, 'error').filter((c) => c.properties.file)).toHaveLength(10);
  });

  it('in changed mode reports only what the pull request changed', async () => {
    const run = await runAction('check-encryption', {
      workspace: repo.workspace,
      eventPath: repo.eventPath,
      inputs: { paths: 'infra', mode: 'changed', 'fail-on': 'none' },
    });
    expect(run.code).toBe(0);
    expect(run.outputs.findings).toBe('30');
    expect(workflowCommands(run.stdout, 'error').every((c) => c.properties.file === 'infra/new.json')).toBe(
      true,
    );
    expect(run.summary).toContain('Changed mode');
  });

  it('in diff mode annotates and gates only what the pull request introduces', async () => {
    // The change moves the old account down two lines (an unchanged finding must survive that),
    // removes another one (fixed) and adds 15 (new).
    const pr = pullRequestRepo(
      {
        'infra/old.json': insecureStorageTemplate(1, 'old'),
        'infra/gone.json': insecureStorageTemplate(1, 'gone'),
      },
      {
        'infra/old.json': `\n\n${insecureStorageTemplate(1, 'old')}`,
        'infra/gone.json': insecureStorageTemplate(0),
        'infra/new.json': insecureStorageTemplate(15, 'new'),
      },
    );
    const run = await runAction('check-encryption', {
      workspace: pr.workspace,
      eventPath: pr.eventPath,
      inputs: { paths: 'infra', mode: 'diff', 'fail-on': 'high', 'json-file': 'out/enc.json' },
    });
    expect(run.code).toBe(1);
    expect(run.outputs).toMatchObject({
      findings: '32',
      new: '30',
      fixed: '2',
      base: pr.baseSha,
      failing: '30',
    });
    const errors = workflowCommands(run.stdout, 'error').filter((c) => c.properties.file);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.every((e) => e.properties.file === 'infra/new.json')).toBe(true);
    expect(run.summary).toContain('**30 new**, **2 fixed**, 2 unchanged');
    const report = JSON.parse(readFileSync(join(pr.workspace, 'out/enc.json'), 'utf8'));
    expect(report.findings).toHaveLength(32);
    expect(report.diff.base).toBe(pr.baseSha);
    expect(report.diff.new).toHaveLength(30);
    expect(report.diff.fixed.map((f: { resource: { name: string } }) => f.resource.name)).toEqual([
      'gone0',
      'gone0',
    ]);
    expect(report.diff.unchanged).toBe(2);
  });

  it('in diff mode passes a pull request that adds no finding, whatever the base holds', async () => {
    const pr = pullRequestRepo(
      { 'infra/old.json': insecureStorageTemplate(2, 'old') },
      { 'README.md': '# docs\n' },
    );
    const run = await runAction('check-encryption', {
      workspace: pr.workspace,
      eventPath: pr.eventPath,
      inputs: { paths: 'infra', mode: 'diff', 'fail-on': 'low' },
    });
    expect(run.code).toBe(0);
    expect(run.outputs).toMatchObject({ findings: '4', new: '0', fixed: '0', failing: '0' });
    expect(workflowCommands(run.stdout, 'error').filter((c) => c.properties.file)).toHaveLength(0);
  });

  it('in diff mode without the base commit warns and gates on everything', async () => {
    const pr = pullRequestRepo(
      { 'infra/old.json': insecureStorageTemplate(1, 'old') },
      { 'README.md': '# docs\n' },
    );
    const event = JSON.parse(readFileSync(pr.eventPath, 'utf8'));
    event.pull_request.base.sha = 'f'.repeat(40);
    writeFileSync(pr.eventPath, JSON.stringify(event));
    const run = await runAction('check-encryption', {
      workspace: pr.workspace,
      eventPath: pr.eventPath,
      inputs: { paths: 'infra', mode: 'diff', 'fail-on': 'high' },
    });
    expect(run.code).toBe(1);
    expect(
      workflowCommands(run.stdout, 'warning')
        .map((w) => w.message)
        .join('\n'),
    ).toMatch(/base commit.*fetch-depth: 0/);
    expect(run.outputs).toMatchObject({ findings: '2', failing: '2' });
  });

  it('ignores files matching ignore before reading them', async () => {
    const run = await runAction('check-encryption', {
      workspace: repo.workspace,
      eventPath: repo.eventPath,
      inputs: { paths: 'infra', ignore: '**/new.json', mode: 'all', 'fail-on': 'none' },
    });
    expect(run.outputs).toMatchObject({ findings: '2', 'files-scanned': '1' });
  });

  it('rejects an invalid fail-on with a clear error', async () => {
    const run = await runAction('check-encryption', {
      workspace: repo.workspace,
      inputs: { paths: 'infra', 'fail-on': 'severe' },
    });
    expect(run.code).toBe(1);
    expect(workflowCommands(run.stdout, 'error')[0]?.message).toMatch(/fail-on must be one of/);
  });
});

describe('check-segmentation, as the runner runs it', () => {
  it('runs the segmentation and analysis packs and writes its reports', async () => {
    const repo = pullRequestRepo(
      { 'infra/a.json': insecureStorageTemplate(1) },
      { 'infra/b.json': insecureStorageTemplate(1, 'b') },
    );
    const run = await runAction('check-segmentation', {
      workspace: repo.workspace,
      eventPath: repo.eventPath,
      inputs: { paths: 'infra', mode: 'all', 'sarif-file': 'seg.sarif', 'json-file': 'seg.json' },
    });
    // Storage findings belong to the encryption pack: none of them may show up here.
    const report = JSON.parse(readFileSync(join(repo.workspace, 'seg.json'), 'utf8'));
    expect(report.findings.every((f: { ruleId: string }) => !f.ruleId.startsWith('ZT-E'))).toBe(true);
    expect(run.outputs.findings).toBe(String(report.findings.length));
    expect(run.outputs['files-scanned']).toBe('2');
    expect(run.summary).toContain('## ztkit: network segmentation');
    expect(run.code).toBe(Number(run.outputs.failing) > 0 ? 1 : 0);
  });
});

const VNET = JSON.stringify(
  {
    $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
    contentVersion: '1.0.0.0',
    resources: [
      {
        type: 'Microsoft.Network/virtualNetworks',
        apiVersion: '2023-09-01',
        name: 'vnet-spoke',
        location: 'westeurope',
        properties: {
          addressSpace: { addressPrefixes: ['10.1.0.0/16'] },
          subnets: [{ name: 'snet-web', properties: { addressPrefix: '10.1.1.0/24' } }],
        },
      },
    ],
  },
  null,
  2,
);

describe('check-segmentation topology diagram', () => {
  it('writes a Mermaid diagram of the network when asked', async () => {
    const repo = pullRequestRepo({ 'net/vnet.json': VNET }, { 'net/more.json': insecureStorageTemplate(1) });
    const run = await runAction('check-segmentation', {
      workspace: repo.workspace,
      eventPath: repo.eventPath,
      inputs: { paths: 'net', mode: 'all', 'fail-on': 'none', 'diagram-file': 'out/topology.mmd' },
    });
    expect(run.code).toBe(0);
    expect(run.outputs['diagram-file']).toBe('out/topology.mmd');
    const diagram = readFileSync(join(repo.workspace, 'out/topology.mmd'), 'utf8');
    expect(diagram).toMatch(/^flowchart/);
    expect(diagram).toContain('vnet-spoke');
    expect(run.summary).toContain('```mermaid');
  });
});

describe('validate-iac, as the runner runs it', () => {
  it('annotates a syntax error on its line, fails, and writes the inventory', async () => {
    const repo = pullRequestRepo(
      { 'infra/ok.json': insecureStorageTemplate(2) },
      { 'infra/broken.json': BROKEN, 'notes.txt': 'x' },
    );
    const run = await runAction('validate-iac', {
      workspace: repo.workspace,
      eventPath: repo.eventPath,
      inputs: { paths: '.', mode: 'all', 'json-file': 'out/validate.json' },
    });
    expect(run.code).toBe(1);
    const errors = workflowCommands(run.stdout, 'error').filter((c) => c.properties.file);
    expect(errors).toHaveLength(1);
    expect(errors[0]?.properties).toMatchObject({ file: 'infra/broken.json', line: '4' });
    expect(run.outputs).toMatchObject({
      'files-failed': '1',
      'files-scanned': '1',
      errors: '1',
      resources: '2',
    });
    expect(run.outputs['files-skipped']).toBe('1');
    const inventory = JSON.parse(readFileSync(join(repo.workspace, run.outputs['inventory-file']!), 'utf8'));
    expect(inventory.model.byType['Microsoft.Storage/storageAccounts']).toBe(2);
    expect(inventory.files.find((f: { path: string }) => f.path === 'infra/broken.json').status).toBe(
      'failed',
    );
    expect(inventory.files.find((f: { path: string }) => f.path === 'notes.txt')).toMatchObject({
      status: 'skipped',
      reason: 'not an IaC file (.txt)',
    });
    expect(run.summary).toContain('## ztkit: IaC validation');
    expect(run.summary).toContain('infra/broken.json');
  });

  it('passes with fail-on-error false and reports the same', async () => {
    const repo = pullRequestRepo({ 'a.json': BROKEN }, { 'b.json': insecureStorageTemplate(1) });
    const run = await runAction('validate-iac', {
      workspace: repo.workspace,
      eventPath: repo.eventPath,
      inputs: { mode: 'all', 'fail-on-error': 'false' },
    });
    expect(run.code).toBe(0);
    expect(run.outputs).toMatchObject({ errors: '1', 'files-failed': '1' });
  });
});
