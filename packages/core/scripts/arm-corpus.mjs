#!/usr/bin/env node
/**
 * Loads every ARM template of the shared corpus through the ARM loader and compares the time with
 * a plain read + JSON.parse of the same files, in one process. Needs a build (`npx tsc -b packages/core`).
 * Usage: node packages/core/scripts/arm-corpus.mjs [corpusDir] [--json]
 * Prints: files, scanned/failed counts, failure classes, loader ms, read+parse ms, ratio.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { armLoader, clearExpressionCache, DEFAULT_LIMITS } from '../dist/index.js';

const args = process.argv.slice(2);
const asJson = args.includes('--json');
const corpus = resolve(
  args.find((a) => !a.startsWith('--')) ?? '/work/shared/corpus/avm-bicep-registry-modules',
);

function walk(dir, out) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) {
      if (e.name !== 'node_modules' && !e.name.startsWith('.')) walk(p, out);
    } else if (e.name.toLowerCase().endsWith('.json')) out.push(p);
  }
  return out;
}

const all = walk(corpus, []);
const candidates = all
  .map((path) => ({ path, size: statSync(path).size, head: readFileSync(path, 'utf8').slice(0, 4096) }))
  .filter((f) => armLoader.claims(f) && !/\.parameters\.jsonc?$/i.test(f.path));

const ctx = {
  roots: [corpus],
  limits: DEFAULT_LIMITS,
  parameterFiles: [],
  readFile: (p) => {
    try {
      return { ok: true, text: readFileSync(p, 'utf8') };
    } catch {
      return { ok: false, reason: 'file not found', status: 'failed' };
    }
  },
};

/** CPU time (all threads, GC included) since `start`: less sensitive than wall time to a busy machine. */
function cpuMs(start) {
  const d = process.cpuUsage(start);
  return (d.user + d.system) / 1000;
}

function baseline() {
  const cpu = process.cpuUsage();
  const t = performance.now();
  let n = 0;
  for (const f of candidates) {
    const text = readFileSync(f.path, 'utf8');
    try {
      n += Object.keys(JSON.parse(text)).length;
    } catch {
      n++;
    }
  }
  return { ms: performance.now() - t, n, cpu: cpuMs(cpu) };
}

function loadAll() {
  // Cold expression cache every time: a CLI run parses each distinct expression once.
  if (!process.env.WARM_CACHE) clearExpressionCache();
  const cpu = process.cpuUsage();
  const t = performance.now();
  const result = armLoader.load(candidates, ctx);
  return { ms: performance.now() - t, result, cpu: cpuMs(cpu) };
}

// Warm up both paths once, then measure interleaved pairs: each pair runs back to back, so machine
// load hits both alike; we report the best times and the median of the per-pair ratios.
baseline();
loadAll();
globalThis.gc?.();
let base = Infinity;
let load = Infinity;
let result;
const ratios = [];
const cpuRatios = [];
for (let i = 0; i < 9; i++) {
  // Let the previous result go first: a CLI run holds one scan's resources, not two.
  result = undefined;
  const b = baseline();
  const r = loadAll();
  base = Math.min(base, b.ms);
  load = Math.min(load, r.ms);
  ratios.push(r.ms / b.ms);
  cpuRatios.push(r.cpu / b.cpu);
  result = r.result;
}
ratios.sort((a, b) => a - b);
cpuRatios.sort((a, b) => a - b);
const outcomes = result.outcomes.filter((o) => candidates.some((c) => c.path === o.path));
const scanned = outcomes.filter((o) => o.status === 'scanned').length;
const failed = outcomes.filter((o) => o.status === 'failed');
const classes = {};
for (const d of result.diagnostics) {
  const key = `${d.severity}:${d.code}`;
  classes[key] = (classes[key] ?? 0) + 1;
}
const summary = {
  corpus,
  templates: candidates.length,
  scanned,
  failed: failed.length,
  resources: result.resources.length,
  loaderMs: Math.round(load),
  readParseMs: Math.round(base),
  ratio: Number((load / base).toFixed(2)),
  medianPairRatio: Number(ratios[Math.floor(ratios.length / 2)].toFixed(2)),
  medianCpuRatio: Number(cpuRatios[Math.floor(cpuRatios.length / 2)].toFixed(2)),
  diagnostics: classes,
  failures: failed.slice(0, 20).map((f) => f.reason),
};
console.log(asJson ? JSON.stringify(summary) : summary);
