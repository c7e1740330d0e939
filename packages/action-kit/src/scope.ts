import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { basename, extname, posix, resolve } from 'node:path';
import type { PullRequestRef } from './event.js';

export type ChangedFiles =
  | { readonly ok: true; readonly files: string[]; readonly how: string }
  | { readonly ok: false; readonly reason: string };

/**
 * Files the pull request changes, relative to the repository root. `base...head` needs the merge
 * base, so the checkout needs history (`fetch-depth: 0`). With the default shallow checkout of the
 * merge commit, `HEAD^1..HEAD` is the same set and needs `fetch-depth: 2`.
 */
export function changedFiles(cwd: string, pr: PullRequestRef): ChangedFiles {
  const errors: string[] = [];
  const diff = (how: string, range: string[]): ChangedFiles | undefined => {
    try {
      return {
        ok: true,
        files: git(cwd, ['diff', '--name-only', '--diff-filter=ACMRT', ...range])
          .split('\n')
          .filter(Boolean),
        how,
      };
    } catch (e) {
      errors.push(`${how}: ${firstLine(e)}`);
      return undefined;
    }
  };
  const full = diff(`${pr.baseSha}...${pr.headSha}`, [`${pr.baseSha}...${pr.headSha}`]);
  if (full) return full;
  // Only a merge commit's first parent is the base branch; on any other commit HEAD^1 is not the base.
  let parents = 0;
  try {
    parents = git(cwd, ['rev-list', '--parents', '-n', '1', 'HEAD']).trim().split(' ').length - 1;
  } catch (e) {
    errors.push(`rev-list: ${firstLine(e)}`);
  }
  if (parents === 2) {
    const merge = diff('HEAD^1..HEAD (merge commit)', ['HEAD^1', 'HEAD']);
    if (merge) return merge;
  }
  return { ok: false, reason: errors.join('; ') };
}

function git(cwd: string, args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

function firstLine(e: unknown): string {
  return (
    String((e as { stderr?: string }).stderr || e)
      .trim()
      .split('\n')[0] ?? ''
  );
}

const IAC_EXT = new Set(['.json', '.jsonc', '.bicep', '.bicepparam', '.tf', '.tfvars']);
const MAX_READ = 1 << 20;
const STRING_LITERAL = /['"]([^'"\n]{1,300})['"]/g;

/**
 * The change scope: the changed IaC files plus every file that depends on one of them, transitively.
 * "Depends" is read from the text: a string literal that is a relative path to a changed file or to
 * its folder (Bicep `module`, `using`, ARM `relativePath`, Terraform `source`); a Terraform file in
 * the same folder (a module is its folder); a parameter file beside its template and the other way
 * round. Cheap and conservative: a false dependent costs a few extra findings, a missed one a blind spot.
 */
export function changeScope(
  changed: readonly string[],
  candidates: readonly string[],
  cwd: string,
): Set<string> {
  const scope = new Set(changed.filter((f) => IAC_EXT.has(extname(f).toLowerCase())));
  const pool = candidates.filter((f) => IAC_EXT.has(extname(f).toLowerCase()));
  const references = new Map(pool.map((f) => [f, relativeReferences(f, cwd)]));
  let grew = true;
  while (grew) {
    grew = false;
    for (const file of pool) {
      if (scope.has(file)) continue;
      if ([...scope].some((c) => dependsOn(file, c, references.get(file) ?? new Set()))) {
        scope.add(file);
        grew = true;
      }
    }
  }
  return scope;
}

function dependsOn(file: string, changed: string, refs: ReadonlySet<string>): boolean {
  const dir = posix.dirname(changed);
  if (refs.has(changed) || refs.has(dir)) return true;
  if (posix.dirname(file) !== dir) return false;
  if (extname(file) === '.tf' || extname(file) === '.tfvars')
    return extname(changed) === '.tf' || extname(changed) === '.tfvars';
  return isParameterPairOf(file, changed) || isParameterPairOf(changed, file);
}

/** `main.parameters.json`, `main.dev.parameters.json`, `main.bicepparam` belong to `main.json` / `main.bicep`. */
function isParameterPairOf(parameters: string, template: string): boolean {
  const stem = basename(template).replace(/\.(json|jsonc|bicep)$/i, '');
  const name = basename(parameters);
  return name !== basename(template) && name.startsWith(`${stem}.`) && /param/i.test(name);
}

function relativeReferences(file: string, cwd: string): Set<string> {
  const refs = new Set<string>();
  let text: string;
  try {
    const abs = resolve(cwd, file);
    if (statSync(abs).size > MAX_READ) return refs;
    text = readFileSync(abs, 'utf8');
  } catch {
    return refs;
  }
  for (const m of text.matchAll(STRING_LITERAL)) {
    const literal = m[1] ?? '';
    if (!literal.startsWith('./') && !literal.startsWith('../') && !IAC_EXT.has(extname(literal))) continue;
    if (/^[a-z]+:/i.test(literal)) continue; // registries, URLs: not in this repository
    refs.add(posix.normalize(posix.join(posix.dirname(file), literal)).replace(/\/$/, ''));
  }
  return refs;
}
