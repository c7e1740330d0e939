import { resolve } from 'node:path';
import { scan } from '@ztkit/engine';
import type { FakeRow } from './fake-azure.js';
import { liveStateFrom } from './live-estate.js';

export const repo = resolve(import.meta.dirname, '../..');

/** The landing zone's IaC scan, once per test file. */
export async function landingZoneScan() {
  return scan({ paths: ['examples/landing-zone/arm'], cwd: repo });
}

/** The landing zone deployed into each subscription (one resource group each). */
export async function landingZoneIn(subscriptions: readonly string[]) {
  const iac = await landingZoneScan();
  const rows: FakeRow[] = [];
  const armGet = new Map<string, unknown>();
  for (const sub of subscriptions) {
    const live = liveStateFrom(iac.graph, sub, 'rg-lz');
    rows.push(...live.rows);
    for (const [k, v] of live.armGet) armGet.set(k, v);
  }
  return { iac, rows, armGet };
}
