/**
 * Fuzz worker: runs the checks of one target over batches of inputs sent by run.mjs. Before each
 * input it writes the input's index into shared memory, so the watchdog in the main thread knows
 * which input a stuck worker is on without a message round-trip per input.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { kit } from './kit-dist.mjs';
import { reach, runCheck } from './targets.mjs';

const empty = { json: [], arm: [], expression: [], bicep: [], hcl: [], plan: [], config: [] };
const { createTargets } = await import(workerData.targetsModule ?? './targets.mjs');
const target = createTargets(kit, empty).find((t) => t.name === workerData.target);
const progress = new Int32Array(workerData.progress);

parentPort.on('message', ({ inputs, from }) => {
  const problems = [];
  const slow = [];
  for (let i = from; i < inputs.length; i++) {
    Atomics.store(progress, 0, i + 1);
    const { problem, ms } = runCheck(target, inputs[i]);
    if (problem) problems.push({ index: i, problem });
    if (ms > workerData.slowMs) slow.push({ index: i, ms: Math.round(ms) });
  }
  Atomics.store(progress, 0, 0);
  parentPort.postMessage({ problems, slow, reach: reach[workerData.target] ?? {} });
  delete reach[workerData.target];
});
