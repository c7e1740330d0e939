/**
 * Test support: write a set of files into a fresh temporary folder and load them with the
 * Terraform loader, the way the engine would (every file a candidate, reads confined to the root).
 */
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { type CandidateFile, DEFAULT_LIMITS, type Limits, type LoadResult, ResourceGraph } from '@ztkit/core';
import { terraformLoader } from '../index.js';

export interface LoadedFiles extends LoadResult {
  readonly root: string;
  readonly graph: ResourceGraph;
}

export function writeFiles(files: Readonly<Record<string, string>>): string {
  const root = realpathSync(mkdtempSync(join(tmpdir(), 'ztkit-tf-')));
  for (const [name, text] of Object.entries(files)) {
    const path = join(root, name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
  }
  return root;
}

export function loadFiles(
  files: Readonly<Record<string, string>>,
  options: { limits?: Partial<Limits>; parameterFiles?: string[]; only?: string[] } = {},
): LoadedFiles {
  const root = writeFiles(files);
  const names = options.only ?? Object.keys(files);
  const candidates: CandidateFile[] = names
    .map((n) => join(root, n))
    .map((path) => ({ path, size: statSync(path).size, head: readFileSync(path, 'utf8').slice(0, 4096) }))
    .filter((c) => terraformLoader.claims(c));
  const result = terraformLoader.load(candidates, {
    roots: [root],
    limits: { ...DEFAULT_LIMITS, ...options.limits },
    parameterFiles: (options.parameterFiles ?? []).map((p) => join(root, p)),
    readFile: (p) => {
      if (!p.startsWith(root))
        return { ok: false, reason: 'refused: path is outside the scanned root', status: 'failed' };
      try {
        return { ok: true, text: readFileSync(p, 'utf8') };
      } catch {
        return { ok: false, reason: 'file not found', status: 'failed' };
      }
    },
  }) as LoadResult;
  return { ...result, root, graph: new ResourceGraph(result.resources) };
}

/** The value at a property path (tests read deep ARM shapes without casts). */
export function valueAt(root: unknown, path: readonly (string | number)[]): unknown {
  let v: unknown = root;
  for (const k of path)
    v = typeof v === 'object' && v !== null ? (v as Record<string | number, unknown>)[k] : undefined;
  return v;
}
