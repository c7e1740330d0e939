/**
 * Crash test and benchmark over the real public Bicep corpus (Azure Verified Modules, read in place
 * from ../shared/corpus). Skips when the corpus is absent.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DEFAULT_LIMITS, type LoadContext } from '@ztkit/core';
import { describe, expect, it } from 'vitest';
import { loadBicep } from './loader.js';
import { tokenize } from './syntax/lexer.js';
import { parseBicep } from './syntax/parser.js';

const CORPUS = resolve(import.meta.dirname, '../../../../shared/corpus/avm-bicep-registry-modules');

function bicepFiles(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) bicepFiles(p, out);
    else if (e.name.endsWith('.bicep')) out.push(p);
  }
  return out;
}

function corpusContext(): LoadContext {
  return {
    roots: [CORPUS],
    limits: DEFAULT_LIMITS,
    parameterFiles: [],
    readFile(path) {
      if (!path.startsWith(`${CORPUS}/`))
        return { ok: false, reason: `${path} is outside the scanned root`, status: 'failed' };
      try {
        return { ok: true, text: readFileSync(path, 'utf8') };
      } catch (e) {
        return { ok: false, reason: e instanceof Error ? e.message : String(e), status: 'failed' };
      }
    },
  };
}

describe.skipIf(!existsSync(CORPUS))('AVM Bicep corpus', () => {
  const files = existsSync(CORPUS) ? bicepFiles(CORPUS) : [];
  const texts = files.map((f) => readFileSync(f, 'utf8'));
  const megabytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0) / 1e6;

  it('parses every .bicep file without a syntax error', () => {
    expect(files.length).toBeGreaterThanOrEqual(2349);
    const failures: string[] = [];
    const started = performance.now();
    texts.forEach((text, i) => {
      const r = parseBicep(text, files[i]!);
      if (!r.ok) {
        const s = r.file.span(r.error.offset, r.error.offset);
        failures.push(`${files[i]}:${s.startLine}:${s.startColumn} ${r.error.message}`);
      }
    });
    const coldSeconds = (performance.now() - started) / 1000;
    // A second pass measures the warmed-up parser, as in a long scan.
    const warmStarted = performance.now();
    for (let i = 0; i < texts.length; i++) parseBicep(texts[i]!, files[i]!);
    const parseSeconds = (performance.now() - warmStarted) / 1000;
    const lexStarted = performance.now();
    for (const text of texts) tokenize(text);
    const lexSeconds = (performance.now() - lexStarted) / 1000;
    console.log(
      `[bicep corpus] ${files.length} files, ${megabytes.toFixed(1)} MB: parse ${coldSeconds.toFixed(2)} s cold, ` +
        `${parseSeconds.toFixed(2)} s warm ` +
        `(${(megabytes / parseSeconds).toFixed(1)} MB/s), tokenize only ${lexSeconds.toFixed(2)} s ` +
        `(${(megabytes / lexSeconds).toFixed(1)} MB/s)`,
    );
    expect(failures).toEqual([]);
  });

  it('loads the whole corpus: every file accounted for, none failed, no crash', () => {
    const started = performance.now();
    const result = loadBicep(files, corpusContext());
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `[bicep corpus] load + evaluate ${files.length} files: ${seconds.toFixed(2)} s ` +
        `(${(megabytes / seconds).toFixed(1)} MB/s), ${result.resources.length} resources, ` +
        `${result.diagnostics.length} diagnostics`,
    );
    const byPath = new Set(result.outcomes.map((o) => o.path));
    for (const f of files) expect(byPath.has(f), f).toBe(true);
    expect(result.outcomes.filter((o) => o.status === 'failed').map((o) => o.reason)).toEqual([]);
    expect(result.diagnostics.filter((d) => d.code === 'internal-error')).toEqual([]);
    expect(result.resources.length).toBeGreaterThan(1000);
  }, 120_000);
});
