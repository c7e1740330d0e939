#!/usr/bin/env node
/**
 * Bundle sizes and cold-start times of the actions, as the runner starts them: a new `node` process
 * on dist/index.js with a no-op input (an empty folder to scan). Prints the median of N starts.
 * Usage: node test/e2e/measure.mjs [runs=15]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..');
const runs = Number(process.argv[2] ?? 15);
const workspace = mkdtempSync(join(tmpdir(), 'ztkit-measure-'));
const files = mkdtempSync(join(tmpdir(), 'ztkit-measure-files-'));
for (const f of ['output', 'summary']) writeFileSync(join(files, f), '');

console.log('| action | dist/index.js | median start (ms) | min | max |');
console.log('|---|---:|---:|---:|---:|');
for (const name of ['validate-iac', 'check-encryption', 'check-segmentation', 'post-pr-summary']) {
  const main = join(root, 'actions', name, 'dist', 'index.js');
  const times = [];
  for (let i = 0; i < runs; i++) {
    const started = process.hrtime.bigint();
    const r = spawnSync(process.execPath, [main], {
      cwd: workspace,
      env: {
        PATH: process.env.PATH,
        GITHUB_WORKSPACE: workspace,
        GITHUB_OUTPUT: join(files, 'output'),
        GITHUB_STEP_SUMMARY: join(files, 'summary'),
        INPUT_PATHS: '.',
        INPUT_MODE: 'all',
        INPUT_RESULTS: 'none-*.json',
        INPUT_COMMENT: 'false',
      },
      encoding: 'utf8',
    });
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
    if (r.status !== 0) throw new Error(`${name} exited ${r.status}: ${r.stdout}${r.stderr}`);
  }
  times.sort((a, b) => a - b);
  const kib = statSync(main).size / 1024;
  const median = times[Math.floor(times.length / 2)];
  console.log(
    `| ${name} | ${kib.toFixed(0)} KiB | ${median.toFixed(0)} | ${times[0].toFixed(0)} | ${times.at(-1).toFixed(0)} |`,
  );
}
console.log(`\nnode ${process.version}, ${runs} starts each`);
