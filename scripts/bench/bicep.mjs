/**
 * Bicep: the tokenizer alone (the floor of our own parser), the parser, and the full engine scan
 * over the AVM corpus's .bicep files.
 */
import { readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { bicepFiles, CORPUS } from './corpus.mjs';
import { timeRuns } from './stats.mjs';

const root = resolve(import.meta.dirname, '../..');

export async function benchBicep({ engine, runs }) {
  const bicep = await import(pathToFileURL(join(root, 'packages/bicep/dist/index.js')).href);
  const files = bicepFiles();
  const texts = files.map((f) => readFileSync(f, 'utf8'));
  const bytes = files.reduce((n, f) => n + statSync(f).size, 0);
  const tokenizeAll = () => {
    for (const t of texts) bicep.tokenize(t);
  };
  const parseAll = () => {
    for (let i = 0; i < texts.length; i++) bicep.parseBicep(texts[i], files[i]);
  };
  // The .bicep files only: the folder also holds each module's compiled main.json (measured as ARM).
  const scanAll = () => engine.scan({ paths: files, cwd: CORPUS });
  tokenizeAll();
  parseAll();
  const tokenizer = await timeRuns(runs, tokenizeAll);
  const parser = await timeRuns(runs, parseAll);
  const scan = await timeRuns(Math.max(1, Math.ceil(runs / 2)), scanAll);
  return { files: files.length, megabytes: bytes / 1048576, tokenizer, parser, scan };
}
