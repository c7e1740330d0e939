#!/usr/bin/env node
/**
 * The long fuzz run (`npm run fuzz`, after `npm run build`): for each parser, N random and mutated
 * inputs (default 100,000) through the built dist, in worker threads watched by a watchdog that
 * kills a worker stuck on one input longer than --timeout ms and records the input as a hang.
 * Crashing and hanging inputs are saved under test/robustness/fixtures/regressions/, where the
 * quick run in `npm test` replays them.
 *
 *   node scripts/fuzz/run.mjs [--runs 100000] [--targets jsonc,bicep] [--seed 1] [--timeout 5000]
 *                             [--workers 2] [--batch 250] [--slow 1000] [--json results.json]
 *                             [--save-dir dir] [--targets-module path]
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import fc from 'fast-check';
import { kit } from './kit-dist.mjs';
import { inputsFor } from './mutations.mjs';
import { loadSeeds, REPO } from './seeds.mjs';

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '100000' },
    targets: { type: 'string' },
    seed: { type: 'string', default: String(Date.now() % 1_000_000) },
    timeout: { type: 'string', default: '5000' },
    workers: { type: 'string', default: String(Math.max(1, Math.min(4, availableParallelism()))) },
    batch: { type: 'string', default: '250' },
    slow: { type: 'string', default: '1000' },
    json: { type: 'string' },
    // Where crashing and hanging inputs go (default: the regression fixtures the quick run replays).
    'save-dir': { type: 'string' },
    // Another set of targets with the same shape as targets.mjs (the harness's own test uses one).
    'targets-module': { type: 'string' },
  },
});
const RUNS = Number(args.runs);
const TIMEOUT_MS = Number(args.timeout);
const WORKERS = Number(args.workers);
const BATCH = Number(args.batch);
const SEED = Number(args.seed);
const REGRESSIONS = resolve(args['save-dir'] ?? join(REPO, 'test/robustness/fixtures/regressions'));
const TARGETS_MODULE = args['targets-module']
  ? pathToFileURL(resolve(args['targets-module'])).href
  : new URL('./targets.mjs', import.meta.url).href;
const { createTargets } = await import(TARGETS_MODULE);

const targets = createTargets(kit, loadSeeds(400));
const wanted = args.targets?.split(',');
const selected = wanted ? targets.filter((t) => wanted.includes(t.name)) : targets;

/** Save an input that crashed or hung, named by its hash so reruns do not duplicate it. */
function saveRegression(target, input, problem) {
  mkdirSync(REGRESSIONS, { recursive: true });
  const hash = createHash('sha256').update(input).digest('hex').slice(0, 12);
  const file = join(REGRESSIONS, `${target}-${hash}.json`);
  writeFileSync(file, `${JSON.stringify({ target, problem, input }, null, 2)}\n`);
  return file;
}

/** One worker slot: runs batches, restarted by the watchdog when it hangs. */
class Slot {
  constructor(target) {
    this.target = target;
    this.progress = new SharedArrayBuffer(4);
    this.view = new Int32Array(this.progress);
    this.start();
  }

  start() {
    this.worker = new Worker(new URL('./worker.mjs', import.meta.url), {
      workerData: {
        target: this.target,
        progress: this.progress,
        slowMs: Number(args.slow),
        targetsModule: TARGETS_MODULE,
      },
      // About the main thread's stack (V8 default ~1 MB): a recursion bug overflows here as it would in the CLI.
      resourceLimits: { stackSizeMb: 1 },
    });
    this.worker.unref();
  }

  /** Run a batch; resolves with its problems, slow inputs and hangs (the index a worker was killed on). */
  run(inputs) {
    return new Promise((resolve, reject) => {
      const result = { problems: [], slow: [], hangs: [] };
      let lastIndex = -1;
      let since = performance.now();
      const send = (from) => {
        Atomics.store(this.view, 0, 0);
        lastIndex = -1;
        since = performance.now();
        this.worker.postMessage({ inputs, from });
      };
      const onMessage = (m) => {
        clearInterval(watchdog);
        this.worker.off('message', onMessage);
        this.worker.off('error', onError);
        result.problems.push(...m.problems);
        result.slow.push(...m.slow);
        result.reach = m.reach;
        resolve(result);
      };
      const onError = (e) => {
        clearInterval(watchdog);
        reject(e);
      };
      const watchdog = setInterval(() => {
        const index = Atomics.load(this.view, 0) - 1;
        if (index !== lastIndex) {
          lastIndex = index;
          since = performance.now();
          return;
        }
        if (index < 0 || performance.now() - since < TIMEOUT_MS) return;
        // Stuck on one input: kill the worker, record the input, go on with the next one.
        result.hangs.push({ index, ms: Math.round(performance.now() - since) });
        this.worker.off('message', onMessage);
        this.worker.off('error', onError);
        void this.worker.terminate();
        this.start();
        this.worker.on('message', onMessage);
        this.worker.on('error', onError);
        send(index + 1);
      }, 100);
      this.worker.on('message', onMessage);
      this.worker.on('error', onError);
      send(0);
    });
  }

  close() {
    return this.worker.terminate();
  }
}

async function fuzzTarget(target) {
  const arbitrary = inputsFor(target.language);
  const slots = Array.from({ length: WORKERS }, () => new Slot(target.name));
  const counts = {
    target: target.name,
    inputs: 0,
    crashes: 0,
    hangs: 0,
    slow: 0,
    maxMs: 0,
    reach: {},
    saved: [],
  };
  const started = performance.now();
  let batchNo = 0;
  const nextBatch = () => {
    const left = RUNS - batchNo * BATCH;
    if (left <= 0) return undefined;
    const n = Math.min(BATCH, left);
    // Seeded per batch: any batch can be regenerated alone from (seed, batch number).
    return fc.sample(arbitrary, { numRuns: n, seed: SEED + 7919 * batchNo++ });
  };
  await Promise.all(
    slots.map(async (slot) => {
      for (let inputs = nextBatch(); inputs; inputs = nextBatch()) {
        const r = await slot.run(inputs);
        counts.inputs += inputs.length;
        for (const p of r.problems) {
          counts.crashes++;
          if (counts.saved.length < 20)
            counts.saved.push(saveRegression(target.name, inputs[p.index], p.problem));
          console.log(`  ${target.name}: ${p.problem.slice(0, 200)}`);
        }
        for (const h of r.hangs) {
          counts.hangs++;
          const problem = `hang: no answer after ${h.ms} ms`;
          if (counts.saved.length < 20)
            counts.saved.push(saveRegression(target.name, inputs[h.index], problem));
          console.log(`  ${target.name}: ${problem}`);
        }
        counts.slow += r.slow.length;
        for (const [status, n] of Object.entries(r.reach ?? {}))
          counts.reach[status] = (counts.reach[status] ?? 0) + n;
        for (const s of r.slow) counts.maxMs = Math.max(counts.maxMs, s.ms);
      }
    }),
  );
  await Promise.all(slots.map((s) => s.close()));
  counts.seconds = Math.round((performance.now() - started) / 1000);
  return counts;
}

console.log(
  `fuzz: ${RUNS} inputs per parser, seed ${SEED}, ${WORKERS} workers, watchdog ${TIMEOUT_MS} ms` +
    ` (seeds: ${selected.map((t) => `${t.name} ${t.language.seeds.length}`).join(', ')})`,
);
const results = [];
for (const target of selected) {
  const r = await fuzzTarget(target);
  results.push(r);
  console.log(
    `${r.target.padEnd(15)} inputs ${r.inputs}  crashes ${r.crashes}  hangs ${r.hangs}  slow(>${args.slow}ms) ${r.slow}  ${r.seconds}s`,
  );
  // Inputs killed by the watchdog never report their status, so these may add up to fewer than `inputs`.
  console.log(
    `${''.padEnd(15)} reached: ${Object.entries(r.reach)
      .map(([s, n]) => `${s} ${n}`)
      .join(', ')}`,
  );
}
if (args.json) writeFileSync(args.json, `${JSON.stringify({ seed: SEED, runs: RUNS, results }, null, 2)}\n`);
const bad = results.some((r) => r.crashes || r.hangs);
if (bad) console.log(`Inputs saved under ${REGRESSIONS}; \`npx vitest run test/robustness\` replays them.`);
process.exitCode = bad ? 1 : 0;
