import { describe, expect, it } from 'vitest';
import { sampleResult } from './fixtures/sample-result.js';
import { toJsonReport } from './json.js';

describe('toJsonReport', () => {
  const report = toJsonReport(sampleResult());

  it('has the version 1 shape and no model objects', () => {
    expect(report.version).toBe(1);
    expect(Object.keys(report)).toEqual(['version', 'files', 'findings', 'diagnostics', 'summary']);
    const text = JSON.stringify(report);
    expect(JSON.parse(text)).toEqual(report);
    expect(text).not.toContain('"graph"');
  });

  it('keeps the contract fields of every finding', () => {
    const f = report.findings[0]!;
    expect(f).toMatchObject({
      ruleId: 'ZT-S02-01',
      catalog: ['S02'],
      severity: 'critical',
      resource: { type: 'Microsoft.Network/networkSecurityGroups', name: 'nsg-web' },
      location: { file: 'infra/network.json', startLine: 42, startColumn: 9, endLine: 55, endColumn: 10 },
      fingerprint: 'a'.repeat(32),
    });
    expect(f.suppressed).toBeUndefined();
    expect(report.findings.find((x) => x.resource.name === 'vnet/snet-app')?.suppressed).toEqual({
      kind: 'inline',
      justification: 'tested separately',
    });
  });

  it('leaves location out for live findings and keeps the portal link', () => {
    const live = report.findings.find((x) => x.resource.name === 'stlive')!;
    expect(live.location).toBeUndefined();
    expect(live.portalUrl).toMatch(/^https:\/\/portal\.azure\.com/);
  });

  it('accounts for every file and adds the totals per principle', () => {
    const { files } = report.summary;
    expect(files.scanned + files.skipped + files.failed).toBe(files.total);
    expect(report.files).toHaveLength(files.total);
    expect(report.files.find((f) => f.status === 'failed')).toEqual({
      path: 'infra/broken.json',
      status: 'failed',
      reason: 'Unexpected token',
      language: 'arm',
    });
    // nsg-web (least-privilege, assume-breach), stlegacy and stlive (verify-explicitly); the suppressed one is not counted.
    expect(report.summary.byPrinciple).toEqual({
      'verify-explicitly': 2,
      'least-privilege': 1,
      'assume-breach': 1,
    });
    expect(report.diagnostics[0]?.location?.startLine).toBe(7);
  });
});
