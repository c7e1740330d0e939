/**
 * One estate size, in its own process so that peak RSS belongs to that size alone. Writes the
 * synthetic estate as one ARM template, then times the whole scan (load + graph + analysis + every
 * rule) and prints one JSON line.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = resolve(import.meta.dirname, '../..');
const load = (pkg) => import(pathToFileURL(join(root, 'packages', pkg, 'dist/index.js')).href);
const [{ syntheticEstateTemplate }, engine] = await Promise.all([load('analysis'), load('engine')]);

const [vnets, subnetsPerVnet, rulesPerNsg] = process.argv.slice(2).map(Number);
const dir = mkdtempSync(join(tmpdir(), 'ztkit-estate-'));
const file = join(dir, 'estate.json');
const text = syntheticEstateTemplate({ vnets, subnetsPerVnet, rulesPerNsg });
writeFileSync(file, text);
const rssBefore = process.resourceUsage().maxRSS;
const t = performance.now();
const result = await engine.scan({
  paths: [file],
  cwd: dir,
  limits: { maxFileBytes: 1024 * 1024 * 1024, maxResourcesPerFile: 10_000_000 },
});
const ms = performance.now() - t;
rmSync(dir, { recursive: true, force: true });
console.log(
  JSON.stringify({
    vnets,
    subnets: vnets * subnetsPerVnet,
    rules: vnets * subnetsPerVnet * rulesPerNsg,
    megabytes: text.length / 1048576,
    ms,
    peakRssMB: process.resourceUsage().maxRSS / 1024,
    rssBeforeScanMB: rssBefore / 1024,
    resources: result.summary.resources,
    findings: result.findings.length,
    failed: result.summary.files.failed,
  }),
);
