/**
 * Seed files for the fuzzing: the rule fixtures of this repository and the shared real-world corpus
 * (read in place, never copied; skipped when absent). Seeds are kept small so that a mutation
 * changes a meaningful share of the file and a long run gets through many inputs.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const CORPUS = resolve(REPO, '../shared/corpus');

function* walk(dir) {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : 1));
  for (const e of entries) {
    const full = join(dir, e.name);
    if (e.isDirectory()) {
      if (e.name !== 'node_modules' && e.name !== 'dist' && e.name !== '.git') yield* walk(full);
    } else if (e.isFile()) yield full;
  }
}

/**
 * Texts of the files under `dirs` whose name passes `accept`, at most `maxBytes` each and `limit`
 * in all, taken evenly across the sorted list so that every source folder contributes.
 */
export function collectSeeds(dirs, accept, { maxBytes = 24 * 1024, limit = 400 } = {}) {
  const paths = [];
  for (const dir of dirs)
    for (const p of walk(dir)) if (accept(p) && statSync(p).size <= maxBytes) paths.push(p);
  const step = Math.max(1, paths.length / limit);
  const picked = [];
  for (let i = 0; i < paths.length && picked.length < limit; i += step) picked.push(paths[Math.floor(i)]);
  return picked.map((p) => readFileSync(p, 'utf8'));
}

const FIXTURES = join(REPO, 'packages/rules/src');
const inCorpus = (...names) => names.map((n) => join(CORPUS, n)).filter(existsSync);
const fixture = (p) => p.includes(`${'/fixtures/'}`);

/** ARM expressions (the text inside `"[...]"`) found in the ARM seeds. */
export function expressionSeeds(armTexts, limit = 2000) {
  const found = new Set();
  const re = /"\[((?:[^"\\]|\\.){1,600})\]"/g;
  for (const text of armTexts) {
    for (let m = re.exec(text); m && found.size < limit; m = re.exec(text)) {
      if (m[1].startsWith('[')) continue;
      try {
        found.add(JSON.parse(`"${m[1]}"`));
      } catch {
        // An escape the JSON string form does not allow: not a seed.
      }
    }
  }
  return [...found];
}

/** Config seeds: the YAML examples of the configuration docs and the kit's own example configs. */
function configSeeds() {
  const seeds = [];
  const doc = join(REPO, 'docs/configuration.md');
  if (existsSync(doc)) {
    const text = readFileSync(doc, 'utf8');
    for (const m of text.matchAll(/```ya?ml\n([\s\S]*?)```/g)) seeds.push(m[1]);
  }
  for (const p of walk(join(REPO, 'examples')))
    if (/\.ztkit\.ya?ml$/.test(p)) seeds.push(readFileSync(p, 'utf8'));
  seeds.push(
    [
      'failOn: high',
      'paths:',
      '  include: ["infra/**"]',
      '  exclude: ["**/tests/**"]',
      'rules:',
      '  ZT-E08-01: off',
      '  ZT-S02-01:',
      '    severity: critical',
      'suppressions:',
      '  - rule: ZT-E08-01',
      '    path: infra/legacy/**',
      '    justification: "migrating by Q3"',
      "    expires: '2027-01-31'",
      '',
    ].join('\n'),
  );
  return seeds;
}

/** Seeds per language, `sizeLimit` seeds at most each (the quick run uses fewer). */
export function loadSeeds(sizeLimit = 400) {
  const opts = { limit: sizeLimit };
  const arm = collectSeeds(
    [FIXTURES, ...inCorpus('azure-docs-json-samples', 'avm-bicep-registry-modules')],
    (p) => p.endsWith('.json') && !p.endsWith('.plan.json') && (fixture(p) || p.startsWith(CORPUS)),
    opts,
  ).filter((t) => /deploymentTemplate\.json/i.test(t.slice(0, 4096)));
  return {
    json: arm,
    arm,
    expression: expressionSeeds(arm),
    bicep: collectSeeds(
      [FIXTURES, ...inCorpus('avm-bicep-registry-modules')],
      (p) => /\.bicep(param)?$/.test(p),
      opts,
    ),
    hcl: collectSeeds(
      [FIXTURES, ...inCorpus('azure-terraform', 'aztfmod-caf')],
      (p) => p.endsWith('.tf') || p.endsWith('.tfvars'),
      opts,
    ),
    plan: collectSeeds(
      [FIXTURES, join(REPO, 'packages/terraform/src'), join(REPO, 'examples')],
      (p) => p.endsWith('.json') && /plan/i.test(p),
      { ...opts, maxBytes: 256 * 1024 },
    ).filter((t) => /"format_version"/.test(t)),
    config: configSeeds(),
  };
}
