import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { armLoader, DEFAULT_LIMITS, ResourceGraph, runRules } from '@ztkit/core';
import { describe, expect, it } from 'vitest';
import { allRules } from '../index.generated.js';

/**
 * A rule that throws stops for the whole graph: every finding it would have made after the throw
 * is lost. Real templates write `encryption: cond ? {...} : null`, pass strings where objects are
 * expected through parameters, and so on. So every rule runs over every ARM fixture with one
 * property at a time replaced by null, a string, a number, an empty array or an empty object, and
 * must not throw. The properties are chosen by a hash of their path, so the set is stable.
 */
const ODD_VALUES: readonly unknown[] = [null, 'x', 0, [], {}];
const PER_FILE = 48;

const root = resolve(import.meta.dirname, '..');

function armFixtures(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) {
        if (name !== 'plan') walk(path);
      } else if (name.endsWith('.json') && /[\\/](fixtures|scenarios)[\\/]/.test(path)) {
        const text = readFileSync(path, 'utf8');
        if (/deploymentTemplate\.json/.test(text.slice(0, 400))) out.push(path);
      }
    }
  };
  walk(root);
  return out.sort();
}

type Path = (string | number)[];

/** Paths of every value under each resource's `properties` (and its child resources). */
function propertyPaths(template: unknown): Path[] {
  const out: Path[] = [];
  const visit = (value: unknown, path: Path, depth: number) => {
    if (depth > 8 || value === null || typeof value !== 'object') return;
    for (const [k, v] of Object.entries(value)) {
      const next = [...path, Array.isArray(value) ? Number(k) : k];
      out.push(next);
      visit(v, next, depth + 1);
    }
  };
  const resources = (template as { resources?: unknown }).resources;
  if (resources && typeof resources === 'object')
    for (const [k, r] of Object.entries(resources)) {
      const props = (r as { properties?: unknown } | null)?.properties;
      visit(props, ['resources', Array.isArray(resources) ? Number(k) : k, 'properties'], 0);
    }
  return out;
}

function pick(paths: Path[], file: string): Path[] {
  const score = (p: Path) =>
    createHash('sha1')
      .update(`${file}\n${p.join('/')}`)
      .digest()
      .readUInt32BE(0);
  return [...paths].sort((a, b) => score(a) - score(b)).slice(0, PER_FILE);
}

function setAt(template: unknown, path: Path, value: unknown): unknown {
  const copy = structuredClone(template);
  let node = copy as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path.at(-1)!] = value;
  return copy;
}

async function errorsFor(file: string, text: string): Promise<string[]> {
  const result = await armLoader.load([{ path: file, size: text.length, head: text.slice(0, 4096) }], {
    roots: [resolve(file, '..'), root],
    limits: DEFAULT_LIMITS,
    parameterFiles: [],
    readFile: (p) =>
      p === file
        ? { ok: true, text }
        : existsSync(p)
          ? { ok: true, text: readFileSync(p, 'utf8') }
          : { ok: false, status: 'failed', reason: 'not found' },
  });
  const { errors } = runRules(new ResourceGraph(result.resources), allRules, { cwd: root });
  return errors.map((e) => `${e.ruleId}: ${e.message.split('\n').slice(0, 2).join(' ')}`);
}

describe('rules never throw on odd property values', () => {
  const files = armFixtures();
  it('finds the ARM fixtures', () => {
    expect(files.length).toBeGreaterThan(100);
  });
  for (const file of files) {
    it(relative(root, file), async () => {
      const template: unknown = JSON.parse(readFileSync(file, 'utf8'));
      const failures: string[] = [];
      const paths = pick(propertyPaths(template), file);
      for (const [i, path] of paths.entries()) {
        const value = ODD_VALUES[i % ODD_VALUES.length];
        const mutated = JSON.stringify(setAt(template, path, value), null, 2);
        for (const e of await errorsFor(file, mutated))
          failures.push(`${path.join('.')} = ${JSON.stringify(value)}: ${e}`);
      }
      expect(failures).toEqual([]);
    });
  }
});
