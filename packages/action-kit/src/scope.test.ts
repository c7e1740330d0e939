import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { changedFiles, changeScope } from './scope.js';
import { resolveTargets } from './targets.js';

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'ztkit-scope-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

describe('changeScope', () => {
  const files = {
    'infra/main.bicep': "module net './modules/network.bicep' = {\n}\n",
    'infra/main.bicepparam': "using './main.bicep'\n",
    'infra/modules/network.bicep': 'resource vnet ...',
    'infra/other.bicep': 'resource x ...',
    'arm/app.json': '{}',
    'arm/app.parameters.json': '{}',
    'tf/main.tf': 'module "m" { source = "../tfmod" }',
    'tf/vars.tf': 'variable "x" {}',
    'tfmod/main.tf': 'resource "azurerm_subnet" "s" {}',
  };
  const root = tree(files);
  const all = Object.keys(files);

  it('adds what depends on a changed module, transitively', () => {
    const scope = changeScope(['infra/modules/network.bicep'], all, root);
    expect([...scope].sort()).toEqual([
      'infra/main.bicep',
      'infra/main.bicepparam',
      'infra/modules/network.bicep',
    ]);
  });

  it('pairs ARM templates with their parameter files', () => {
    expect([...changeScope(['arm/app.json'], all, root)].sort()).toEqual([
      'arm/app.json',
      'arm/app.parameters.json',
    ]);
  });

  it('treats a Terraform folder as one module and follows module sources', () => {
    expect([...changeScope(['tfmod/main.tf'], all, root)].sort()).toEqual([
      'tf/main.tf',
      'tf/vars.tf',
      'tfmod/main.tf',
    ]);
  });

  it('ignores changed files that are not IaC', () => {
    expect(changeScope(['README.md'], all, root).size).toBe(0);
  });
});

describe('resolveTargets', () => {
  const root = tree({ 'a/x.json': '{}', 'a/test/y.json': '{}', 'b/z.bicep': '' });

  it('passes plain paths through when nothing is ignored', () => {
    expect(resolveTargets(['a', 'b'], [], root)).toEqual({ paths: ['a', 'b'], ignored: 0 });
  });

  it('expands globs and drops ignored files', () => {
    expect(resolveTargets(['**/*.json', 'b'], ['**/test/**'], root)).toEqual({
      paths: ['a/x.json', 'b/z.bicep'],
      ignored: 1,
    });
  });
});

describe('changedFiles', () => {
  const git = (cwd: string, ...args: string[]) =>
    execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();

  function repo(): { root: string; base: string; head: string } {
    const root = tree({ 'a.json': '{}' });
    git(root, 'init', '-q', '-b', 'main');
    git(root, 'config', 'user.email', 't@example.com');
    git(root, 'config', 'user.name', 't');
    git(root, 'add', '-A');
    git(root, 'commit', '-q', '-m', 'base');
    const base = git(root, 'rev-parse', 'HEAD');
    writeFileSync(join(root, 'b.bicep'), 'x');
    git(root, 'add', '-A');
    git(root, 'commit', '-q', '-m', 'one');
    writeFileSync(join(root, 'c.tf'), 'x');
    git(root, 'add', '-A');
    git(root, 'commit', '-q', '-m', 'two');
    return { root, base, head: git(root, 'rev-parse', 'HEAD') };
  }

  it('diffs base...head when the history is there', () => {
    const { root, base, head } = repo();
    expect(changedFiles(root, { number: 1, baseSha: base, headSha: head, fromFork: false })).toEqual({
      ok: true,
      files: ['b.bicep', 'c.tf'],
      how: `${base}...${head}`,
    });
  });

  it('does not mistake the last commit for the pull request when the base is missing', () => {
    const { root, head } = repo();
    const r = changedFiles(root, { number: 1, baseSha: 'f'.repeat(40), headSha: head, fromFork: false });
    expect(r.ok).toBe(false);
  });
});
