/** The shared corpus beside the repository, listed once. Benchmarks read it in place, never copy it. */
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const CORPUS = resolve(import.meta.dirname, '../../../shared/corpus');

export function corpusPresent() {
  return existsSync(CORPUS);
}

export function listFiles(dir, predicate, out = []) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules' && entry.name !== '.git') listFiles(full, predicate, out);
    } else if (entry.isFile() && predicate(full)) out.push(full);
  }
  return out.sort();
}

export const avmTemplates = () =>
  listFiles(join(CORPUS, 'avm-bicep-registry-modules'), (f) => f.endsWith('/main.json'));
export const docsTemplates = () =>
  listFiles(join(CORPUS, 'azure-docs-json-samples'), (f) => f.endsWith('.json'));
export const bicepFiles = () =>
  listFiles(join(CORPUS, 'avm-bicep-registry-modules'), (f) => f.endsWith('.bicep'));
export const terraformFiles = () => [
  ...listFiles(join(CORPUS, 'azure-terraform'), (f) => f.endsWith('.tf')),
  ...listFiles(join(CORPUS, 'aztfmod-caf'), (f) => f.endsWith('.tf')),
];
