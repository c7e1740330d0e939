/**
 * Terraform: the tokenizer alone (the floor of our own parser), the parser, and the full engine
 * scan (evaluate + translate + rules) over both Terraform corpora.
 */
import { readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CORPUS, terraformFiles } from './corpus.mjs';
import { timeRuns } from './stats.mjs';

const root = resolve(import.meta.dirname, '../..');

export async function benchTerraform({ engine, runs }) {
  const { tokenize } = await import(pathToFileURL(join(root, 'packages/terraform/dist/hcl/lexer.js')).href);
  const { parseHcl } = await import(pathToFileURL(join(root, 'packages/terraform/dist/index.js')).href);
  const files = terraformFiles();
  const texts = files.map((f) => readFileSync(f, 'utf8'));
  const bytes = files.reduce((n, f) => n + statSync(f).size, 0);
  const tokenizeAll = () => {
    for (const t of texts) {
      try {
        tokenize(t);
      } catch {
        // a lexical error still costs its time; the parser reports it properly
      }
    }
  };
  const parseAll = () => {
    for (const t of texts) parseHcl(t);
  };
  const scanAll = () =>
    engine.scan({ paths: [join(CORPUS, 'azure-terraform'), join(CORPUS, 'aztfmod-caf')], cwd: CORPUS });
  tokenizeAll();
  parseAll();
  const tokenizer = await timeRuns(runs, tokenizeAll);
  const parser = await timeRuns(runs, parseAll);
  const scan = await timeRuns(Math.max(1, Math.ceil(runs / 2)), scanAll);
  return { files: files.length, megabytes: bytes / 1048576, tokenizer, parser, scan };
}
