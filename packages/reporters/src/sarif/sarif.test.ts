import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { scan } from '@ztkit/engine';
import { Ajv } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { sampleResult, sampleRule } from '../fixtures/sample-result.js';
import { toSarif } from './sarif.js';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
// The schema lives beside the repository (../shared); CI has it. This is the one test allowed to skip without it.
const schemaPath = resolve(repo, '..', 'shared', 'schemas', 'sarif-2.1.0.json');
const hasSchema = existsSync(schemaPath);

function validator() {
  const schema = JSON.parse(readFileSync(schemaPath, 'utf8'));
  // The file declares its dialect; honour it (the published 2.1.0 schema is draft-07, this copy says 2020-12).
  const ajv = String(schema.$schema).includes('2020-12')
    ? new Ajv2020({ strict: false, allErrors: true })
    : new Ajv({ strict: false, allErrors: true });
  addFormats.default(ajv);
  return ajv.compile(schema);
}

describe.skipIf(!hasSchema)('toSarif against the SARIF 2.1.0 schema', () => {
  it('validates for a result with every finding shape', () => {
    const validate = validator();
    const log = toSarif(sampleResult(), { toolVersion: '0.1.0', rules: [sampleRule], category: 'ztkit-iac' });
    const ok = validate(JSON.parse(JSON.stringify(log)));
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('validates for a real scan of the examples', async () => {
    const validate = validator();
    const result = await scan({ paths: ['examples'], cwd: repo });
    const log = toSarif(result, { toolVersion: '0.1.0' });
    validate(JSON.parse(JSON.stringify(log)));
    expect(validate.errors ?? []).toEqual([]);
  });
});

describe('toSarif for GitHub code scanning', () => {
  const log = toSarif(sampleResult(), { toolVersion: '1.2.3', rules: [sampleRule], category: 'iac' });
  const run = log.runs[0]!;

  it('describes every rule that ran or reported, with help and security-severity', () => {
    const ids = run.tool.driver.rules.map((r) => r.id);
    expect(ids).toEqual(['ZT-E08-01', 'ZT-S01-01', 'ZT-S02-01']);
    const s02 = run.tool.driver.rules.find((r) => r.id === 'ZT-S02-01')!;
    expect(s02.properties['security-severity']).toBe('9.5');
    expect(s02.properties.tags).toEqual(
      expect.arrayContaining(['security', 'catalog/S02', 'least-privilege', 'assume-breach']),
    );
    expect(s02.help.markdown).toContain('### Recommendation');
    expect(s02.help.markdown).toContain('Azure Bastion');
    expect(s02.help.markdown).toContain('```json');
    expect(s02.helpUri).toBe('https://github.com/ztkit/ztkit/blob/main/docs/rules/ZT-S02-01.md');
    expect(s02.help.markdown).toContain('<https://learn.microsoft.com/azure/bastion/bastion-overview>');
    expect(run.automationDetails?.id).toBe('iac/');
    expect(run.tool.driver.version).toBe('1.2.3');
  });

  it('points each result at its rule, file, region and resource', () => {
    for (const r of run.results) expect(run.tool.driver.rules[r.ruleIndex]?.id).toBe(r.ruleId);
    const first = run.results[0]!;
    expect(first.level).toBe('error');
    expect(first.locations[0]?.physicalLocation).toEqual({
      artifactLocation: { uri: 'infra/network.json', uriBaseId: '%SRCROOT%' },
      region: { startLine: 42, startColumn: 9, endLine: 55, endColumn: 10 },
    });
    expect(first.locations[0]?.logicalLocations?.[0]?.name).toBe('nsg-web');
    expect(first.partialFingerprints.primaryLocationLineHash).toBe('a'.repeat(32));
  });

  it('gives live findings a logical location only', () => {
    const live = run.results.find((r) => r.locations[0]?.logicalLocations?.[0]?.name === 'stlive')!;
    expect(live.locations[0]?.physicalLocation).toBeUndefined();
    expect(live.locations[0]?.logicalLocations?.[0]?.fullyQualifiedName).toMatch(/storageAccounts\/stlive$/);
    expect(live.level).toBe('warning');
  });

  it('marks suppressed findings and keeps related locations', () => {
    const suppressed = run.results.filter((r) => r.suppressions?.length);
    expect(suppressed).toHaveLength(1);
    expect(suppressed[0]?.suppressions?.[0]).toMatchObject({ kind: 'inSource', status: 'accepted' });
    const related = run.results.find((r) => r.relatedLocations?.length);
    expect(related?.relatedLocations?.[0]?.physicalLocation?.region?.startLine).toBe(4);
  });

  it('reports failed files as notifications with their line', () => {
    const inv = run.invocations[0]!;
    expect(inv.executionSuccessful).toBe(true);
    expect(inv.toolExecutionNotifications).toHaveLength(1);
    const n = inv.toolExecutionNotifications[0]!;
    expect(n.message.text).toContain('infra/broken.json');
    expect(n.locations?.[0]?.physicalLocation?.region?.startLine).toBe(7);
  });

  it('flags a run where a rule crashed as unsuccessful', () => {
    const crashed = { ...sampleResult(), ruleErrors: [{ ruleId: 'ZT-X', message: 'boom\n at x' }] };
    const inv = toSarif(crashed, { toolVersion: '0' }).runs[0]!.invocations[0]!;
    expect(inv.executionSuccessful).toBe(false);
    expect(inv.toolExecutionNotifications.some((n) => n.message.text === 'Rule ZT-X failed: boom')).toBe(
      true,
    );
  });
});
