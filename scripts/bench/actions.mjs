/** Action bundles: size on disk and cold start (no-op input), median of several runs. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { summarize } from './stats.mjs';

const ROOT = resolve(import.meta.dirname, '../..');

export function benchActions({ runs }) {
  const dir = join(ROOT, 'actions');
  if (!existsSync(dir)) return [];
  const empty = mkdtempSync(join(tmpdir(), 'ztkit-bench-empty-'));
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const bundle = join(dir, name, 'dist', 'index.js');
    if (!existsSync(bundle)) continue;
    const tmp = mkdtempSync(join(tmpdir(), `ztkit-bench-${name}-`));
    const env = {
      PATH: process.env.PATH,
      GITHUB_WORKSPACE: empty,
      GITHUB_OUTPUT: join(tmp, 'output'),
      GITHUB_STEP_SUMMARY: join(tmp, 'summary'),
      GITHUB_EVENT_PATH: join(tmp, 'event.json'),
      GITHUB_EVENT_NAME: 'push',
      GITHUB_REPOSITORY: 'octo/bench',
      GITHUB_API_URL: 'http://127.0.0.1:9',
      INPUT_PATHS: empty,
      'INPUT_FAIL-ON': 'none',
      INPUT_MODE: 'all',
      INPUT_RESULTS: '',
      INPUT_TOKEN: '',
    };
    writeFileSync(env.GITHUB_EVENT_PATH, '{}');
    const samples = [];
    for (let i = 0; i < runs; i++) {
      writeFileSync(env.GITHUB_OUTPUT, '');
      writeFileSync(env.GITHUB_STEP_SUMMARY, '');
      const t = performance.now();
      spawnSync(process.execPath, [bundle], { env, cwd: empty, stdio: 'ignore' });
      samples.push(performance.now() - t);
    }
    out.push({ action: name, bytes: statSync(bundle).size, start: summarize(samples) });
  }
  return out;
}
