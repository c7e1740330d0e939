/**
 * ARM: scan the corpus templates through the whole engine and, in the same process, the physical
 * floor: read every file and JSON.parse it. The ratio scan/floor is the figure that matters.
 */
import { readFileSync, statSync } from 'node:fs';
import { avmTemplates, CORPUS, docsTemplates } from './corpus.mjs';
import { timeRuns } from './stats.mjs';

export async function benchArm({ engine, runs }) {
  const sets = { 'AVM main.json': avmTemplates(), 'azure-docs-json-samples': docsTemplates() };
  const out = [];
  for (const [name, files] of Object.entries(sets)) {
    const bytes = files.reduce((n, f) => n + statSync(f).size, 0);
    // A few documentation samples carry comments, which JSON.parse rejects; the attempt still costs
    // its time, which is what the floor measures.
    const floorFn = () => {
      for (const f of files) {
        try {
          JSON.parse(readFileSync(f, 'utf8'));
        } catch {}
      }
    };
    let last;
    const scanFn = async () => {
      last = await engine.scan({ paths: files, cwd: CORPUS });
    };
    // Warm the page cache and the JIT once for each, then measure alternately.
    floorFn();
    await scanFn();
    const floor = await timeRuns(runs, floorFn);
    const scan = await timeRuns(runs, scanFn);
    const s = last.summary;
    out.push({
      set: name,
      files: files.length,
      megabytes: bytes / 1048576,
      floor,
      scan,
      ratio: scan.median / floor.median,
      floorMBps: bytes / 1048576 / (floor.median / 1000),
      scanMBps: bytes / 1048576 / (scan.median / 1000),
      scanned: s.files.scanned,
      failed: s.files.failed,
      resources: s.resources,
      findings: s.findings,
    });
  }
  return out;
}
