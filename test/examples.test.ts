/**
 * The examples are a contract: every planted flaw whose catalogue key has a rule is found on the
 * resource it was planted on, and nothing else is reported. As rules land, more flaws are checked.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Finding } from '@ztkit/core';
import { defaultRules, type ScanResult, scan } from '@ztkit/engine';
import { translatedTypes } from '@ztkit/terraform';
import { beforeAll, describe, expect, it } from 'vitest';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const zone = join(repo, 'examples', 'landing-zone');

interface Flaw {
  readonly key: string;
  readonly resourceName: string;
  readonly alsoOn?: readonly string[];
  /** The azurerm type of the flawed resource in the Terraform twin. */
  readonly terraformType: string;
  readonly description: string;
  /** Why ztkit does not detect this flaw yet; checked in a test of its own that is skipped while it is not found. */
  readonly pending?: string;
}

const expected: { flaws: Flaw[]; observations: Flaw[] } = JSON.parse(
  readFileSync(join(zone, 'expected-findings.json'), 'utf8'),
);
/** Flaws planted on purpose, and what the analysis rules report about a sound network (exposure map, topology). */
const entries: Flaw[] = [...expected.flaws, ...expected.observations];
const detectable = entries.filter((f) => !f.pending);
const pending = entries.filter((f) => f.pending);
const found = (result: ScanResult, flaw: Flaw) =>
  result.findings.some((f) => f.catalog.includes(flaw.key) && lands(f, flaw));

const coveredKeys = new Set(defaultRules().flatMap((r) => r.meta.catalog));

/** The flaw's resource, one it allows instead, or a child of its resource (an NSG's rule, a VNet's peering). */
function lands(finding: Finding, flaw: Flaw): boolean {
  const name = finding.resource.name.toLowerCase();
  const names = [flaw.resourceName, ...(flaw.alsoOn ?? [])].map((n) => n.toLowerCase());
  return names.includes(name) || name.startsWith(`${flaw.resourceName.toLowerCase()}/`);
}

/**
 * A flaw can only be found where the loader models its resource: ARM and Bicep model every type;
 * the Terraform loader translates azurerm types one by one, so a flaw counts there once its type does.
 */
function modelled(flaw: Flaw, dir: string): boolean {
  return !dir.startsWith('terraform') || translatedTypes().includes(flaw.terraformType);
}

/** Each language's twin of the landing zone, when its folder exists. */
const LANGUAGES = ['arm', 'bicep', 'terraform', 'terraform-plan'].filter((dir) =>
  existsSync(join(zone, dir)),
);

describe.each(LANGUAGES)('examples/landing-zone/%s', (dir) => {
  let result: ScanResult;
  let readable = false;
  beforeAll(async () => {
    result = await scan({ paths: [join('examples', 'landing-zone', dir)], cwd: repo });
    readable = result.files.some((f) => f.status === 'scanned');
  });

  it('is read by a loader (plan JSON: once the plan reader lands; reported as skipped until then)', (ctx) => {
    const skipped = result.files.filter((f) => f.status === 'skipped').map((f) => `${f.path}: ${f.reason}`);
    if (!readable && dir === 'terraform-plan') ctx.skip();
    expect(readable, skipped.join('; ')).toBe(true);
  });

  it('scans every IaC file without failure', (ctx) => {
    if (!readable) ctx.skip();
    const failed = result.files.filter((f) => f.status === 'failed');
    expect(failed).toEqual([]);
    const { total, scanned, skipped } = result.summary.files;
    expect(scanned + skipped).toBe(total);
    expect(scanned).toBeGreaterThan(0);
    expect(result.ruleErrors).toEqual([]);
    expect(result.summary.resources).toBeGreaterThan(40);
  });

  it('names only resources that the landing zone declares', (ctx) => {
    if (!readable) ctx.skip();
    const declared = new Set(result.graph.resources.map((r) => r.name.toLowerCase()));
    // ARM is the reference twin: every name must exist there; elsewhere, the flawed resources the loader models.
    const unknown = entries
      .filter((f) => modelled(f, dir))
      .flatMap((f) => (dir === 'arm' ? [f.resourceName, ...(f.alsoOn ?? [])] : [f.resourceName]))
      .filter((name) => !declared.has(name.toLowerCase()));
    expect(unknown).toEqual([]);
  });

  it('finds every planted flaw that a rule covers, on its resource', (ctx) => {
    if (!readable) ctx.skip();
    const checked = detectable.filter((f) => coveredKeys.has(f.key) && modelled(f, dir));
    // At least the storage and web-app flaws have rules from the start; the list only grows.
    expect(checked.length).toBeGreaterThan(0);
    const missing = checked
      .filter((flaw) => !found(result, flaw))
      .map((flaw) => `${flaw.key} on ${flaw.resourceName}: ${flaw.description}`);
    expect(missing).toEqual([]);
  });

  it('reports nothing but the planted flaws', (ctx) => {
    if (!readable) ctx.skip();
    // Stricter than "only on flawed resources": a second, unplanned problem on a flawed resource
    // (another key) is as much a bug in the example, or a false positive, as one anywhere else.
    const stray = result.findings
      .filter((f) => !entries.some((flaw) => f.catalog.includes(flaw.key) && lands(f, flaw)))
      .map(
        (f) =>
          `${f.ruleId} on ${f.resource.name} (${f.location?.file}:${f.location?.startLine}): ${f.message}`,
      );
    expect(stray).toEqual([]);
  });

  for (const flaw of pending)
    it(`known gap, skipped until detected: ${flaw.key} on ${flaw.resourceName}`, (ctx) => {
      if (!readable || !coveredKeys.has(flaw.key) || !modelled(flaw, dir) || !found(result, flaw)) ctx.skip();
      // Detected now: drop its "pending" note in expected-findings.json so the main test guards it.
      expect(found(result, flaw)).toBe(true);
    });
});
