import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { discover } from './discover.js';
import { scan } from './scan.js';

describe('discovery heads', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ztkit-discover-'));
  const template = {
    contentVersion: '1.0.0.0',
    metadata: { description: 'x'.repeat(6000) },
    resources: [
      {
        type: 'Microsoft.Storage/storageAccounts',
        apiVersion: '2023-01-01',
        name: 'stlate',
        properties: { minimumTlsVersion: 'TLS1_0' },
      },
    ],
    $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
  };
  writeFileSync(join(dir, 'late-schema.json'), JSON.stringify(template, null, 2));
  writeFileSync(join(dir, 'data.json'), JSON.stringify({ rows: 'y'.repeat(6000) }));
  writeFileSync(join(dir, 'cdk.tf.json'), JSON.stringify({ resource: {} }));

  it('reads past 4 KiB of a JSON file that has not named its schema yet', () => {
    const found = discover([dir]);
    const late = found.candidates.find((c) => c.path.endsWith('late-schema.json'))!;
    expect(late.head).toContain('"$schema"');
  });

  it('scans a template whose $schema comes last, and still skips other JSON', async () => {
    const r = await scan({ paths: [dir], cwd: dir });
    const status = (name: string) => r.files.find((f) => f.path.endsWith(name))?.status;
    expect(status('late-schema.json')).toBe('scanned');
    expect(status('data.json')).toBe('skipped');
    // Terraform JSON syntax is IaC this version does not read: the reason says so.
    expect(r.files.find((f) => f.path.endsWith('cdk.tf.json'))?.reason).toMatch(/Terraform JSON syntax/);
    expect(r.findings.some((f) => f.ruleId === 'ZT-E08-01')).toBe(true);
  });
});
