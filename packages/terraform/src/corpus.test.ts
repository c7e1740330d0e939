/**
 * Crash test and throughput over the real public Terraform corpus (read in place, never copied):
 * every .tf file must parse, or fail with a located error that we list here. Skips when the corpus
 * is absent.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { type CandidateFile, DEFAULT_LIMITS, LineMap, ResourceGraph } from '@ztkit/core';
import { describe, expect, it } from 'vitest';
import { tokenize } from './hcl/lexer.js';
import { parseHcl } from './hcl/parser.js';
import { terraformLoader } from './index.js';

const CORPUS = join(import.meta.dirname, '../../../../shared/corpus');
const DIRS = ['azure-terraform', 'aztfmod-caf'].map((d) => join(CORPUS, d));
const present = DIRS.every((d) => existsSync(d));

function tfFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) tfFiles(p, out);
    else if (name.endsWith('.tf')) out.push(p);
  }
  return out;
}

describe.skipIf(!present)('Terraform corpus', () => {
  it('parses every .tf file of azure-terraform and aztfmod-caf', () => {
    const files = DIRS.flatMap((d) => tfFiles(d));
    expect(files.length).toBeGreaterThan(2500);
    const texts = files.map((f) => readFileSync(f, 'utf8'));
    const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);

    // Best of three timed passes after a warm-up: the machine is shared, single passes are noisy.
    const bestOf = (f: () => void): number => {
      f();
      let best = Number.POSITIVE_INFINITY;
      for (let i = 0; i < 3; i++) {
        const t = performance.now();
        f();
        best = Math.min(best, performance.now() - t);
      }
      return best;
    };
    const lexMs = bestOf(() => {
      for (const t of texts) {
        try {
          tokenize(t);
        } catch {
          // Counted by the parse pass below.
        }
      }
    });
    const parseMs = bestOf(() => {
      for (const t of texts) parseHcl(t);
    });
    const failures: string[] = [];
    texts.forEach((t, i) => {
      const r = parseHcl(t);
      if (!r.ok) {
        const at = new LineMap(t).position(r.offset);
        failures.push(`${files[i]}:${at.line}:${at.column} ${r.message}`);
      }
    });
    const mb = bytes / 1048576;
    console.log(
      `corpus: ${files.length} files, ${mb.toFixed(2)} MB; tokenize ${lexMs.toFixed(0)} ms (${(mb / (lexMs / 1000)).toFixed(1)} MB/s); ` +
        `parse ${parseMs.toFixed(0)} ms (${(mb / (parseMs / 1000)).toFixed(1)} MB/s); ${failures.length} parse failures`,
    );
    for (const f of failures) console.log(`  parse failure: ${f}`);
    expect(failures).toEqual([]);
  });

  it('loads every folder (evaluation and translation) without a crash, a hang or a failed file', () => {
    const files = DIRS.flatMap((d) => tfFiles(d));
    const byDir = new Map<string, CandidateFile[]>();
    for (const path of files) {
      const list = byDir.get(dirname(path)) ?? [];
      list.push({ path, size: statSync(path).size, head: '' });
      byDir.set(dirname(path), list);
    }
    const started = performance.now();
    let resources = 0;
    const failed: string[] = [];
    const codes = new Map<string, number>();
    for (const root of DIRS) {
      // One load per corpus, as a scan of that folder would do: modules are resolved across folders.
      const candidates = [...byDir].filter(([d]) => d.startsWith(root)).flatMap(([, c]) => c);
      const result = terraformLoader.load(candidates, {
        roots: [root],
        limits: DEFAULT_LIMITS,
        parameterFiles: [],
        readFile: (p) => {
          try {
            return { ok: true, text: readFileSync(p, 'utf8') };
          } catch {
            return { ok: false, reason: 'file not found', status: 'failed' };
          }
        },
      });
      if ('then' in result) throw new Error('the Terraform loader is synchronous');
      resources += result.resources.length;
      new ResourceGraph(result.resources).referencesFrom(result.resources[0]!);
      for (const o of result.outcomes) if (o.status === 'failed') failed.push(`${o.path}: ${o.reason}`);
      for (const d of result.diagnostics) codes.set(d.code, (codes.get(d.code) ?? 0) + 1);
    }
    const ms = performance.now() - started;
    console.log(
      `corpus load: ${files.length} files in ${byDir.size} folders, ${resources} resources, ${ms.toFixed(0)} ms; diagnostics ${JSON.stringify(Object.fromEntries(codes))}`,
    );
    for (const f of failed) console.log(`  failed: ${f}`);
    expect(failed).toEqual([]);
    expect(resources).toBeGreaterThan(100);
  });
});
