#!/usr/bin/env node
/**
 * Live posture at scale: 100,000 resources (units of VNet, NSGs, route table, NICs, public IP,
 * storage, web app over 20 subscriptions) behind a local Resource Graph stand-in, read through the
 * real SDK client with paging, turned into the model, and run through every rule. The posture runs
 * in its own process so that its peak RSS is its own. Needs a build (`npm run build`).
 *
 *   node scripts/bench/azure-scale.mjs [resources=100000] [typical|dense]
 *
 * `typical` (default): networks are a few percent of the estate (2,000 VNets, 8,000 subnets, the
 * rest NICs, VMs, storage accounts, web apps). `dense`: every tenth resource is a VNet (10,000
 * VNets, 40,000 subnets): the worst case for the network analysis.
 *
 * Targets: under 60 s and under 1.5 GB peak RSS for 100,000 resources.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';

const root = resolve(import.meta.dirname, '../..');
const [mode, ...args] = process.argv.slice(2);

if (mode === '--posture') {
  // The measured process: read + model + rules, nothing else.
  const [url, caFile, subscriptions] = args;
  const { runPosture } = await import(pathToFileURL(join(root, 'packages/azure/dist/index.js')).href);
  const t = performance.now();
  const result = await runPosture({
    cloud: {
      name: 'custom',
      armEndpoint: url,
      authorityHost: 'https://login.invalid',
      armScope: `${url}/.default`,
      portal: 'https://portal.azure.com',
    },
    credential: { getToken: async () => ({ token: 'bench', expiresOnTimestamp: Date.now() + 3_600_000 }) },
    scope: { subscriptions: subscriptions.split(',') },
    cwd: root,
    ca: readFileSync(caFile, 'utf8'),
  });
  const ms = performance.now() - t;
  console.log(
    JSON.stringify({
      seconds: +(ms / 1000).toFixed(1),
      peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
      liveResources: result.posture.subscriptions.reduce((n, s) => n + s.resources, 0),
      modelResources: result.summary.resources,
      pages: result.posture.pages,
      findings: result.findings.length,
      partial: result.posture.partial,
      ruleErrors: result.ruleErrors.length,
    }),
  );
  process.exit(0);
}

const total = Number(mode ?? 100_000);
const mix = args[0] === 'dense' ? 'dense' : 'typical';
const server = spawn(
  process.execPath,
  [join(import.meta.dirname, 'azure-fake-arg.mjs'), String(total), mix],
  {
    stdio: ['ignore', 'pipe', 'inherit'],
  },
);
const first = await new Promise((resolveLine) =>
  createInterface({ input: server.stdout }).once('line', resolveLine),
);
const { url, ca, subscriptions } = JSON.parse(first);
const posture = spawn(
  process.execPath,
  [import.meta.filename, '--posture', url, ca, subscriptions.join(',')],
  {
    stdio: ['ignore', 'pipe', 'inherit'],
  },
);
let out = '';
posture.stdout.on('data', (d) => (out += d));
const code = await new Promise((r) => posture.on('exit', r));
server.kill('SIGTERM');
if (code !== 0) {
  console.error(`posture run failed (exit ${code})`);
  process.exit(1);
}
const figures = JSON.parse(out.trim().split('\n').pop());
console.log(JSON.stringify({ resources: total, mix, ...figures }, null, 2));
const ok =
  figures.seconds < 60 && figures.peakRssMB < 1536 && figures.liveResources === total && !figures.partial;
console.log(ok ? 'within targets (< 60 s, < 1.5 GB, nothing lost)' : 'OUTSIDE targets');
process.exit(ok ? 0 : 1);
