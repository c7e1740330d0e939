/**
 * Crash test over the shared real-world corpus (skipped when it is absent): every ARM template of
 * the Azure Verified Modules (compiled main.json) and of the Azure docs samples loads without a
 * thrown exception, and at least 99% end `scanned`. Docs samples that are not JSON at all (article
 * snippets with `...` placeholders) are expected to fail as malformed JSON and are counted apart.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../loaders/limits.js';
import type { CandidateFile, LoadContext, LoadResult } from '../loaders/types.js';
import { armLoader } from './loader.js';

const CORPUS = process.env.ZTKIT_CORPUS ?? '/work/shared/corpus';
const AVM = join(CORPUS, 'avm-bicep-registry-modules');
const DOCS = join(CORPUS, 'azure-docs-json-samples');

function jsonFiles(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) {
      if (!e.name.startsWith('.') && e.name !== 'node_modules') jsonFiles(p, out);
    } else if (e.name.toLowerCase().endsWith('.json')) out.push(p);
  }
  return out;
}

function candidates(paths: string[]): CandidateFile[] {
  return paths
    .map((path) => ({ path, size: statSync(path).size, head: readFileSync(path, 'utf8').slice(0, 4096) }))
    .filter((f) => armLoader.claims(f));
}

function context(root: string): LoadContext {
  return {
    roots: [root],
    limits: DEFAULT_LIMITS,
    parameterFiles: [],
    readFile: (p) => {
      if (!p.startsWith(root))
        return { ok: false, reason: 'refused: path is outside the scanned root', status: 'failed' };
      try {
        return { ok: true, text: readFileSync(p, 'utf8') };
      } catch {
        return { ok: false, reason: 'file not found', status: 'failed' };
      }
    },
  };
}

function summarise(label: string, files: CandidateFile[], result: LoadResult) {
  const templates = new Set(
    files.filter((f) => !/deploymentParameters\.json/i.test(f.head)).map((f) => f.path),
  );
  const outcomes = result.outcomes.filter((o) => templates.has(o.path));
  const scanned = outcomes.filter((o) => o.status === 'scanned').length;
  const classes: Record<string, number> = {};
  for (const d of result.diagnostics)
    classes[`${d.severity}:${d.code}`] = (classes[`${d.severity}:${d.code}`] ?? 0) + 1;
  console.log(
    `${label}: ${scanned}/${templates.size} templates scanned (${((100 * scanned) / templates.size).toFixed(1)}%), ` +
      `${result.resources.length} resources; diagnostics ${JSON.stringify(classes)}`,
  );
  return { templates, outcomes, scanned };
}

describe.skipIf(!existsSync(AVM))('ARM corpus: Azure Verified Modules', () => {
  it('loads every compiled main.json without throwing, >= 99% scanned', () => {
    const files = candidates(jsonFiles(join(AVM, 'avm')).filter((p) => p.endsWith(`${'/'}main.json`)));
    expect(files.length).toBeGreaterThanOrEqual(570);
    const started = performance.now();
    const result = armLoader.load(files, context(AVM)) as LoadResult;
    const ms = performance.now() - started;
    const { templates, outcomes, scanned } = summarise('AVM', files, result);
    console.log(`AVM: loaded in ${ms.toFixed(0)} ms`);
    expect(outcomes).toHaveLength(templates.size);
    expect(scanned / templates.size).toBeGreaterThanOrEqual(0.99);
    expect(result.resources.length).toBeGreaterThan(files.length);
  });
});

describe.skipIf(!existsSync(DOCS))('ARM corpus: Azure docs JSON samples', () => {
  it('loads every template without throwing; >= 99% of the well-formed ones scanned', () => {
    const files = candidates(jsonFiles(DOCS));
    const result = armLoader.load(files, context(DOCS)) as LoadResult;
    const { templates, outcomes, scanned } = summarise('docs samples', files, result);
    expect(outcomes).toHaveLength(templates.size);
    const malformed = outcomes.filter((o) => o.status === 'failed' && o.reason?.startsWith('Malformed JSON'));
    // Independent check that these really are not JSON: the native parser rejects them too.
    for (const o of malformed) expect(() => JSON.parse(readFileSync(o.path, 'utf8'))).toThrow();
    const wellFormed = templates.size - malformed.length;
    console.log(
      `docs samples: ${malformed.length} article snippets are not JSON; ${scanned}/${wellFormed} well-formed scanned`,
    );
    for (const o of outcomes.filter((x) => x.status === 'failed' && !malformed.includes(x)))
      console.log(`  failed: ${o.reason}`);
    expect(scanned / wellFormed).toBeGreaterThanOrEqual(0.99);
  });
});
