/** Estate scale: three sizes up to 1,000 VNets / 10,000 subnets / 100,000 NSG rules, a process each. */
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { growthExponent, summarize } from './stats.mjs';

export const ESTATE_SIZES = [
  [100, 10, 10],
  [300, 10, 10],
  [1000, 10, 10],
];

export function benchEstate({ runs }) {
  const child = resolve(import.meta.dirname, 'estate-child.mjs');
  const rows = [];
  for (const [vnets, subnets, rules] of ESTATE_SIZES) {
    const samples = [];
    for (let i = 0; i < runs; i++) {
      const out = execFileSync(
        process.execPath,
        ['--max-old-space-size=4096', child, vnets, subnets, rules],
        {
          encoding: 'utf8',
          maxBuffer: 1 << 20,
        },
      );
      samples.push(JSON.parse(out.trim().split('\n').pop()));
    }
    const time = summarize(samples.map((s) => s.ms));
    const rss = summarize(samples.map((s) => s.peakRssMB));
    rows.push({ ...samples[0], time, rss });
  }
  const exponent = growthExponent(rows.map((r) => ({ size: r.rules, ms: r.time.median })));
  return { rows, exponent };
}
