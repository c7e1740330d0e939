#!/usr/bin/env node
/**
 * `npm run bench`: every benchmark in one run, against the physical floor measured in the same
 * process where one exists. Writes bench-results/report.json and regenerates docs/performance.md.
 * Options: --runs N (default 5), --only arm,bicep,terraform,estate,actions.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { benchActions } from './actions.mjs';
import { benchArm } from './arm.mjs';
import { benchBicep } from './bicep.mjs';
import { corpusPresent } from './corpus.mjs';
import { benchEstate } from './estate.mjs';
import { renderPerformance } from './report.mjs';
import { benchTerraform } from './terraform.mjs';

const root = resolve(import.meta.dirname, '../..');
const { values } = parseArgs({
  options: { runs: { type: 'string', default: '5' }, only: { type: 'string' } },
});
const runs = Math.max(1, Number(values.runs));
const only = values.only ? new Set(values.only.split(',')) : undefined;
const want = (name) => !only || only.has(name);
const engine = await import(pathToFileURL(join(root, 'packages/engine/dist/index.js')).href);

const report = {
  date: new Date().toISOString(),
  node: process.version,
  cpus: `${cpus().length} × ${cpus()[0]?.model ?? 'unknown'}`,
  runs,
  sections: {},
  skipped: {},
};
const step = async (name, needsCorpus, fn) => {
  if (!want(name)) return;
  if (needsCorpus && !corpusPresent()) {
    report.skipped[name] = 'corpus not found at ../shared/corpus';
    return;
  }
  process.stderr.write(`bench: ${name}...\n`);
  try {
    report.sections[name] = await fn();
  } catch (e) {
    report.skipped[name] = `failed: ${e instanceof Error ? e.message : String(e)}`;
    process.stderr.write(`bench: ${name} failed: ${e?.stack ?? e}\n`);
  }
};
await step('arm', true, () => benchArm({ engine, runs }));
await step('bicep', true, () => benchBicep({ engine, runs }));
await step('terraform', true, () => benchTerraform({ engine, runs }));
await step('estate', false, () => benchEstate({ runs: Math.max(1, Math.min(runs, 3)) }));
await step('actions', false, () => benchActions({ runs: Math.max(5, runs) }));

mkdirSync(join(root, 'bench-results'), { recursive: true });
writeFileSync(join(root, 'bench-results', 'report.json'), `${JSON.stringify(report, null, 2)}\n`);
const markdown = renderPerformance(report);
writeFileSync(join(root, 'bench-results', 'report.md'), markdown);
if (!only) writeFileSync(join(root, 'docs', 'performance.md'), markdown);
process.stdout.write(markdown);
