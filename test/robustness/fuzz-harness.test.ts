/**
 * The long run's harness (scripts/fuzz/run.mjs) itself: a worker stuck on one input is killed by the
 * watchdog, the input is recorded as a hang and saved, the run goes on with the next input, and a
 * throwing input is recorded as a crash. Runs the real script on a target that misbehaves on purpose.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const REPO = resolve(import.meta.dirname, '../..');
const out = mkdtempSync(join(tmpdir(), 'ztkit-fuzz-harness-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

interface RunResult {
  readonly results: { target: string; inputs: number; crashes: number; hangs: number }[];
}

describe('npm run fuzz harness', () => {
  it('kills a hung worker, records the input, and finishes the run', () => {
    const json = join(out, 'results.json');
    const saved = join(out, 'saved');
    let status = 0;
    try {
      execFileSync(
        process.execPath,
        [
          'scripts/fuzz/run.mjs',
          ...['--targets-module', 'test/robustness/fixtures/watchdog-targets.mjs'],
          ...['--runs', '40', '--batch', '20', '--workers', '2', '--timeout', '400', '--seed', '3'],
          ...['--json', json, '--save-dir', saved],
        ],
        { cwd: REPO, stdio: 'pipe', timeout: 60_000 },
      );
    } catch (e) {
      status = (e as { status: number }).status;
    }
    expect(status).toBe(1);
    const [result] = (JSON.parse(readFileSync(json, 'utf8')) as RunResult).results;
    expect(result?.target).toBe('misbehaving');
    expect(result?.inputs).toBe(40);
    expect(result?.hangs).toBeGreaterThan(0);
    expect(result?.crashes).toBeGreaterThan(0);
    const inputs = readdirSync(saved).map((f) => JSON.parse(readFileSync(join(saved, f), 'utf8')).input);
    expect(new Set(inputs)).toEqual(new Set(['hang', 'crash']));
  });
});
