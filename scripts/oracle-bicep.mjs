#!/usr/bin/env node
/**
 * Oracle for the Bicep loader: every Azure Verified Module ships `main.bicep` and its compiled twin
 * `main.json`. For each such folder, load main.bicep with the Bicep loader and main.json with the ARM
 * loader, pair the resources (type + name) and compare the property values the rules read.
 *
 * Usage: npm run oracle:bicep [-- --corpus <dir>] [--json <out.json>] [--verbose] [--limit N] [--only <substring>]
 * Runs on the compiled packages (the npm script builds them first).
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { bicepLoader } from '@ztkit/bicep';
import { armLoader, DEFAULT_LIMITS, isUnknown } from '@ztkit/core';

const args = process.argv.slice(2);
const option = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const corpus = resolve(
  option('--corpus') ?? new URL('../../shared/corpus/avm-bicep-registry-modules', import.meta.url).pathname,
);
const verbose = args.includes('--verbose');
const limit = Number(option('--limit') ?? Number.POSITIVE_INFINITY);
const only = option('--only');
const jsonOut = option('--json');

/** Property paths the rules read; `*` walks every array item. */
const PATHS = [
  'location',
  'kind',
  'sku.name',
  'identity.type',
  'properties.supportsHttpsTrafficOnly',
  'properties.minimumTlsVersion',
  'properties.minimalTlsVersion',
  'properties.httpsOnly',
  'properties.siteConfig.minTlsVersion',
  'properties.siteConfig.ftpsState',
  'properties.publicNetworkAccess',
  'properties.allowBlobPublicAccess',
  'properties.enableDdosProtection',
  'properties.encryption',
  'properties.threatIntelMode',
  'properties.networkAcls.defaultAction',
  'properties.securityRules.*.properties.access',
  'properties.securityRules.*.properties.direction',
  'properties.securityRules.*.properties.sourceAddressPrefix',
  'properties.securityRules.*.properties.sourceAddressPrefixes',
  'properties.securityRules.*.properties.destinationPortRange',
  'properties.securityRules.*.properties.destinationPortRanges',
  'properties.subnets.*.properties.networkSecurityGroup.id',
  'properties.subnets.*.properties.routeTable.id',
  'properties.access',
  'properties.direction',
  'properties.sourceAddressPrefix',
  'properties.destinationPortRange',
  'properties.networkSecurityGroup.id',
  'properties.routeTable.id',
];

/** Deployment wrappers: ARM has one per module call; Bicep evaluates the module in place. */
const IGNORED_TYPES = new Set(['microsoft.resources/deployments']);

function findModules(root) {
  const out = [];
  const walk = (dir) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    const names = new Set(entries.map((e) => e.name));
    if (names.has('main.bicep') && names.has('main.json')) out.push(dir);
    for (const e of entries)
      if (e.isDirectory() && e.name !== 'tests' && !e.name.startsWith('.')) walk(join(dir, e.name));
  };
  walk(root);
  return out.sort();
}

function context() {
  return {
    roots: [corpus],
    limits: DEFAULT_LIMITS,
    parameterFiles: [],
    readFile(path) {
      if (!path.startsWith(`${corpus}/`))
        return { ok: false, reason: `${path} is outside the scanned root`, status: 'failed' };
      try {
        return { ok: true, text: readFileSync(path, 'utf8') };
      } catch (e) {
        return { ok: false, reason: String(e.message ?? e), status: 'failed' };
      }
    },
  };
}

function candidate(path) {
  return { path, size: statSync(path).size, head: readFileSync(path, 'utf8').slice(0, 4096) };
}

const hasUnknownName = (name) => typeof name !== 'string' || name.includes('<unknown');

/** Values at a dotted path with `*` over arrays: [{ path, value }]. */
function valuesAt(resource, path) {
  let current = [{ path: '', value: resource }];
  for (const key of path.split('.')) {
    const next = [];
    for (const { path: p, value } of current) {
      if (isUnknown(value)) {
        next.push({ path: `${p}.${key}`, value });
        continue;
      }
      if (value === null || typeof value !== 'object') continue;
      if (key === '*') {
        if (Array.isArray(value))
          for (let i = 0; i < value.length; i++) next.push({ path: `${p}[${i}]`, value: value[i] });
        continue;
      }
      if (key in value) next.push({ path: p ? `${p}.${key}` : key, value: value[key] });
    }
    current = next;
  }
  return current;
}

function containsUnknown(v, depth = 0) {
  if (isUnknown(v) || (typeof v === 'string' && v.includes('<unknown'))) return true;
  if (depth > 32 || v === null || typeof v !== 'object') return false;
  return Object.values(v).some((x) => containsUnknown(x, depth + 1));
}

function normalise(v, depth = 0) {
  if (depth > 32) return null;
  if (isUnknown(v)) return '<unknown>';
  if (Array.isArray(v)) return v.map((x) => normalise(x, depth + 1));
  if (v && typeof v === 'object') {
    const out = {};
    for (const k of Object.keys(v).sort()) out[k.toLowerCase()] = normalise(v[k], depth + 1);
    return out;
  }
  if (typeof v === 'string') return v.toLowerCase();
  return v;
}

/** Pair ARM and Bicep resources: exact (type, name) first, then by type in order where a name is unknown. */
function pairResources(arm, bicep) {
  const pairs = [];
  const leftArm = [];
  const pool = [...bicep];
  const key = (r) => `${r.type}|${r.name}`.toLowerCase();
  for (const a of arm) {
    const i = pool.findIndex((b) => key(b) === key(a));
    if (i >= 0) pairs.push([a, pool.splice(i, 1)[0]]);
    else leftArm.push(a);
  }
  const armOnly = [];
  for (const a of leftArm) {
    const i = pool.findIndex(
      (b) =>
        b.type.toLowerCase() === a.type.toLowerCase() && (hasUnknownName(a.name) || hasUnknownName(b.name)),
    );
    if (i >= 0) pairs.push([a, pool.splice(i, 1)[0]]);
    else armOnly.push(a);
  }
  return { pairs, armOnly, bicepOnly: pool };
}

/** Unknown, or a string built from an unknown part (an ID whose name is not known). */
const unknownish = (v) => isUnknown(v) || (typeof v === 'string' && v.includes('<unknown'));

/** Whole-value agreement: Unknown on either side agrees with anything; a missing key equals null. */
function agree(a, b, path, depth = 0) {
  if (depth > 48 || unknownish(a) || unknownish(b)) return undefined;
  if ((a === undefined || a === null) && (b === undefined || b === null)) return undefined;
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return `${path}: ${a.length} vs ${b.length} items`;
    for (let i = 0; i < a.length; i++) {
      const d = agree(a[i], b[i], `${path}[${i}]`, depth + 1);
      if (d) return d;
    }
    return undefined;
  }
  if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
    for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) {
      const d = agree(a[k], b[k], `${path}.${k}`, depth + 1);
      if (d) return d;
    }
    return undefined;
  }
  if (typeof a === 'string' && typeof b === 'string' && a.toLowerCase() === b.toLowerCase()) return undefined;
  if (a === b) return undefined;
  return `${path}: arm=${JSON.stringify(a)?.slice(0, 80)} bicep=${JSON.stringify(b)?.slice(0, 80)}`;
}

/** Values compared where both sides know them, across all pairs. */
const stats = { known: 0, equal: 0 };

function comparePair(a, b) {
  const problems = [];
  if (!hasUnknownName(a.name) && !hasUnknownName(b.name) && a.name.toLowerCase() !== b.name.toLowerCase())
    problems.push({ cls: 'name', detail: `${a.name} vs ${b.name}` });
  for (const path of PATHS) {
    const av = valuesAt(a, path);
    const bv = valuesAt(b, path);
    const byPath = new Map();
    for (const x of av) byPath.set(x.path, { arm: x.value });
    for (const x of bv) byPath.set(x.path, { ...(byPath.get(x.path) ?? {}), bicep: x.value });
    for (const [p, { arm, bicep }] of byPath) {
      const armUnknown = containsUnknown(arm);
      const bicepUnknown = containsUnknown(bicep);
      if (arm === undefined && bicep === undefined) continue;
      if (armUnknown && bicepUnknown) continue;
      if (arm === undefined || bicep === undefined) {
        if (armUnknown || bicepUnknown) continue;
        problems.push({
          cls: `missing-${arm === undefined ? 'arm' : 'bicep'}`,
          path: p,
          detail: JSON.stringify(arm ?? bicep)?.slice(0, 120),
        });
        continue;
      }
      if (armUnknown !== bicepUnknown) {
        problems.push({
          cls: armUnknown ? 'unknown-in-arm' : 'unknown-in-bicep',
          path: p,
          detail: `arm=${JSON.stringify(normalise(arm))?.slice(0, 100)} bicep=${JSON.stringify(normalise(bicep))?.slice(0, 100)}`,
        });
        continue;
      }
      // Both sides know the value: this is what the oracle actually checks.
      stats.known++;
      if (JSON.stringify(normalise(arm)) === JSON.stringify(normalise(bicep))) stats.equal++;
      else
        problems.push({
          cls: 'value',
          path: p,
          detail: `arm=${JSON.stringify(normalise(arm))?.slice(0, 100)} bicep=${JSON.stringify(normalise(bicep))?.slice(0, 100)}`,
        });
    }
  }
  return problems;
}

async function main() {
  const modules = findModules(corpus)
    .filter((d) => !only || d.includes(only))
    .slice(0, limit);
  if (!modules.length) {
    console.error(`No module folders with main.bicep and main.json under ${corpus}`);
    process.exit(2);
  }
  const totals = {
    modules: modules.length,
    pairs: 0,
    matched: 0,
    wholeAgree: 0,
    armOnly: 0,
    armOnlyUnexplained: 0,
    bicepOnly: 0,
    bicepFailed: 0,
    armFailed: 0,
  };
  const classes = new Map();
  const note = (cls, where, detail) => {
    const entry = classes.get(cls) ?? { count: 0, examples: [] };
    entry.count++;
    if (entry.examples.length < (verbose ? 200 : 5)) entry.examples.push(`${where}: ${detail}`);
    classes.set(cls, entry);
  };
  let bicepMs = 0;
  let armMs = 0;
  for (const dir of modules) {
    const rel = dir.slice(corpus.length + 1);
    const ctx = context();
    let t0 = performance.now();
    const armResult = await armLoader.load([candidate(join(dir, 'main.json'))], ctx);
    armMs += performance.now() - t0;
    t0 = performance.now();
    const bicepResult = await bicepLoader.load([candidate(join(dir, 'main.bicep'))], ctx);
    bicepMs += performance.now() - t0;
    const bicepFailed = bicepResult.outcomes.find((o) => o.status === 'failed');
    const armFailed = armResult.outcomes.find((o) => o.status === 'failed');
    if (bicepFailed) {
      totals.bicepFailed++;
      note('bicep-failed', rel, bicepFailed.reason);
    }
    if (armFailed) {
      totals.armFailed++;
      note('arm-failed', rel, armFailed.reason);
    }
    const keep = (r) => !IGNORED_TYPES.has(r.type.toLowerCase()) && !r.derived;
    const { pairs, armOnly, bicepOnly } = pairResources(
      armResult.resources.filter(keep),
      bicepResult.resources.filter(keep),
    );
    totals.pairs += pairs.length;
    totals.armOnly += armOnly.length;
    totals.bicepOnly += bicepOnly.length;
    const registryModules = bicepResult.diagnostics.some((d) => d.code === 'module-not-resolved');
    for (const r of armOnly) {
      // Classify why the ARM side has a resource the Bicep side has not.
      let cls = 'arm-only';
      if (r.via?.length && registryModules)
        cls = 'arm-only: inside a registry module (br:/ts:) Bicep does not fetch';
      else if (isUnknown(r.condition)) cls = 'arm-only: condition unknown to ARM (Bicep decided it)';
      if (cls === 'arm-only') totals.armOnlyUnexplained++;
      note(cls, rel, `${r.type} ${r.name}`);
    }
    for (const r of bicepOnly) note('bicep-only', rel, `${r.type} ${r.name}`);
    for (const [a, b] of pairs) {
      const problems = comparePair(a, b);
      if (!problems.length) totals.matched++;
      const whole = agree(a.properties, b.properties, 'properties');
      if (!whole) totals.wholeAgree++;
      else note('whole-properties differ (informative)', `${rel} ${a.type} ${a.name}`, whole);
      for (const p of problems)
        note(p.cls, `${rel} ${a.type} ${a.name}${p.path ? ` ${p.path}` : ''}`, p.detail);
      if (verbose && problems.length) console.log(rel, a.type, a.name, problems);
    }
  }
  const rate = totals.pairs ? (100 * totals.matched) / totals.pairs : 0;
  const report = {
    corpus,
    ...totals,
    matchRate: Number(rate.toFixed(2)),
    valuesKnownOnBothSides: stats.known,
    valuesEqual: stats.equal,
    bicepSeconds: Number((bicepMs / 1000).toFixed(2)),
    armSeconds: Number((armMs / 1000).toFixed(2)),
    mismatchClasses: Object.fromEntries([...classes].sort((x, y) => y[1].count - x[1].count)),
  };
  console.log(`Bicep oracle over ${totals.modules} AVM modules (main.bicep vs main.json)`);
  console.log(`  resource pairs: ${totals.pairs}, matching: ${totals.matched} (${rate.toFixed(2)}%)`);
  console.log(`  rule-read values known on both sides: ${stats.known}, equal: ${stats.equal}`);
  console.log(
    `  whole 'properties' agree (Unknown on either side counts as agreement): ${totals.wholeAgree} of ${totals.pairs}`,
  );
  console.log(
    `  ARM-only resources: ${totals.armOnly} (${totals.armOnlyUnexplained} not explained by registry modules or ARM-unknown conditions), Bicep-only resources: ${totals.bicepOnly}`,
  );
  console.log(`  failed files: bicep ${totals.bicepFailed}, arm ${totals.armFailed}`);
  console.log(`  load time: bicep ${report.bicepSeconds}s, arm ${report.armSeconds}s`);
  console.log('  mismatch classes:');
  for (const [cls, { count, examples }] of classes) {
    console.log(`    ${cls}: ${count}`);
    for (const e of examples.slice(0, verbose ? 5 : 2)) console.log(`      e.g. ${e.slice(0, 240)}`);
  }
  if (jsonOut) writeFileSync(jsonOut, `${JSON.stringify(report, null, 2)}\n`);
}

await main();
