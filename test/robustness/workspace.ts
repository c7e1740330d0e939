/**
 * Scan workspaces for the robustness tests: a temporary folder `outer/` holding the scan root
 * `outer/root/` (so that a path escaping the root can point at a real file), one offending file
 * beside a storage account template with a known finding, scanned with the real engine.
 */
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Limits } from '@ztkit/core';
import { type ScanResult, scan } from '@ztkit/engine';
import { afterAll, expect } from 'vitest';

export const ARM_SCHEMA = 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#';
/** Storage account allowing HTTP: the finding every scan with a bad neighbour must still report. */
export const KNOWN_RULE = 'ZT-E08-01';
/** Content of the file planted outside the root: it must never show up in any result. */
export const OUTSIDE_SECRET = 'outside-the-root-s3cret';

export function armTemplate(resources: unknown[], extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ $schema: ARM_SCHEMA, contentVersion: '1.0.0.0', ...extra, resources }, null, 2);
}

export const WEAK_STORAGE = armTemplate([
  {
    type: 'Microsoft.Storage/storageAccounts',
    apiVersion: '2023-05-01',
    name: 'stweak',
    location: 'westeurope',
    sku: { name: 'Standard_LRS' },
    kind: 'StorageV2',
    properties: { supportsHttpsTrafficOnly: false, minimumTlsVersion: 'TLS1_2' },
  },
]);

export function nsg(name: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    type: 'Microsoft.Network/networkSecurityGroups',
    apiVersion: '2023-04-01',
    name,
    location: 'westeurope',
    properties: {},
    ...extra,
  };
}

const created: string[] = [];
afterAll(() => {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
});

export interface Workspace {
  readonly outer: string;
  readonly root: string;
}

/** Write `files` (relative to the root) plus the weak storage template and a secret outside the root. */
export function workspace(files: Readonly<Record<string, string | Buffer>>): Workspace {
  const outer = realpathSync(mkdtempSync(join(tmpdir(), 'ztkit-robust-')));
  created.push(outer);
  writeFileSync(join(outer, 'secret.txt'), OUTSIDE_SECRET);
  writeFileSync(join(outer, 'outside.json'), armTemplate([nsg(OUTSIDE_SECRET)]));
  writeFileSync(join(outer, 'outside.bicep'), `param p string = '${OUTSIDE_SECRET}'\n`);
  mkdirSync(join(outer, 'outside-module'));
  writeFileSync(join(outer, 'outside-module', 'main.tf'), `locals {\n  s = "${OUTSIDE_SECRET}"\n}\n`);
  const root = join(outer, 'root');
  for (const [name, content] of Object.entries({ 'storage.json': WEAK_STORAGE, ...files })) {
    mkdirSync(dirname(join(root, name)), { recursive: true });
    writeFileSync(join(root, name), content);
  }
  return { outer, root };
}

export function scanRoot(root: string, limits: Partial<Limits> = {}): Promise<ScanResult> {
  return scan({ cwd: root, limits });
}

export function fileReport(result: ScanResult, path: string) {
  const found = result.files.find((f) => f.path === path);
  if (!found)
    throw new Error(`${path} is not in the file inventory: ${result.files.map((f) => f.path).join(', ')}`);
  return found;
}

/** The other file of the scan still produced its finding, and the totals add up. */
export function expectScanWentOn(result: ScanResult): void {
  expect(fileReport(result, 'storage.json').status).toBe('scanned');
  expect(result.findings.some((f) => f.ruleId === KNOWN_RULE && f.location?.file === 'storage.json')).toBe(
    true,
  );
  const { total, scanned, skipped, failed } = result.summary.files;
  expect(scanned + skipped + failed).toBe(total);
  expect(total).toBe(result.files.length);
}

/** Nothing read from outside the root reached the model, the findings or the messages. */
export function expectNothingFromOutside(result: ScanResult): void {
  const seen = JSON.stringify({
    resources: result.graph.resources.map((r) => ({ name: r.name, properties: r.properties, tags: r.tags })),
    findings: result.findings,
    diagnostics: result.diagnostics,
    files: result.files,
  });
  expect(seen).not.toContain(OUTSIDE_SECRET);
  expect(result.files.some((f) => f.path.startsWith('..'))).toBe(false);
}
