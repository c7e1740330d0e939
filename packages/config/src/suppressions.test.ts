import type { Finding } from '@ztkit/core';
import { describe, expect, it } from 'vitest';
import { createBaseline, pruneBaseline } from './baseline.js';
import { classifyFindings } from './diff.js';
import { applyPolicy } from './policy.js';
import { findInlineSuppressions } from './suppressions.js';

function finding(
  file: string,
  line: number,
  ruleId = 'ZT-S02-01',
  catalog = ['S02'],
  fingerprint = `${ruleId}-${file}-${line}`,
): Finding {
  return {
    ruleId,
    title: 't',
    catalog,
    principles: ['assume-breach'],
    severity: 'high',
    message: 'm',
    resource: { type: 'Microsoft.Network/networkSecurityGroups', name: 'nsg' },
    language: 'bicep',
    location: { file, startLine: line, startColumn: 1, endLine: line, endColumn: 2 },
    fingerprint,
  };
}

const BICEP = `resource nsg 'Microsoft.Network/networkSecurityGroups@2023-09-01' = {
  name: 'nsg'
  properties: {
    securityRules: [
      // ztkit:ignore ZT-S02-01 expires=2099-12-31 -- jump host behind conditional access
      {
        name: 'allow-rdp'
        properties: {
          access: 'Allow'
        }
      }
      {
        name: 'allow-ssh'
      }
    ]
  }
}
`;

const HCL = `# ztkit:ignore S02 -- lab subscription, torn down nightly
resource "azurerm_network_security_rule" "rdp" {
  name = "rdp"
  destination_port_range = "3389"
}

resource "azurerm_network_security_rule" "ssh" {
  name = "ssh"
}
`;

const JSONC = `{
  "resources": [
    {
      "type": "Microsoft.Network/networkSecurityGroups",
      // ztkit:ignore ZT-S02-01 -- reviewed in change 1234
      "properties": { "securityRules": [] }
    }
  ]
}`;

const METADATA = `{
  "resources": [
    {
      "type": "Microsoft.Network/networkSecurityGroups",
      "name": "nsg",
      "metadata": { "ztkit": { "suppress": [ { "rule": "S02", "reason": "bastion replacement in flight", "expires": "2099-01-01" } ] } },
      "properties": {
        "securityRules": []
      }
    }
  ]
}`;

describe('inline suppressions', () => {
  it('Bicep comment covers the following block only', () => {
    const s = findInlineSuppressions(BICEP, 'main.bicep');
    expect(s).toHaveLength(1);
    expect(s[0]).toMatchObject({ rules: ['ZT-S02-01'], expires: '2099-12-31', fromLine: 6, toLine: 11 });
    const out = applyPolicy({
      findings: [finding('main.bicep', 7), finding('main.bicep', 13)],
      inline: s,
      today: '2026-11-24',
    });
    expect(out.filter((f) => f.suppressed).map((f) => f.location?.startLine)).toEqual([7]);
    expect(out[0]!.suppressed).toMatchObject({
      kind: 'inline',
      justification: 'jump host behind conditional access',
    });
  });

  it('HCL comment covers the next resource block, by catalogue key', () => {
    const s = findInlineSuppressions(HCL, 'main.tf');
    expect(s[0]).toMatchObject({ rules: ['S02'], fromLine: 2, toLine: 5 });
    const out = applyPolicy({
      findings: [finding('main.tf', 4), finding('main.tf', 8)],
      inline: s,
      today: '2026-11-24',
    });
    expect(out.map((f) => Boolean(f.suppressed))).toEqual([true, false]);
  });

  it('ARM JSON comment covers the next property', () => {
    const s = findInlineSuppressions(JSONC, 'nsg.json');
    expect(s[0]).toMatchObject({ fromLine: 6, toLine: 6 });
  });

  it('ARM metadata covers the object that holds it', () => {
    const s = findInlineSuppressions(METADATA, 'nsg.json');
    expect(s).toHaveLength(1);
    expect(s[0]).toMatchObject({ rules: ['S02'], fromLine: 3, toLine: 10, expires: '2099-01-01' });
    const out = applyPolicy({ findings: [finding('nsg.json', 8)], inline: s, today: '2026-11-24' });
    expect(out[0]!.suppressed?.justification).toBe('bastion replacement in flight');
  });

  it('an expired suppression no longer applies and is reported', () => {
    const s = findInlineSuppressions(BICEP.replace('2099-12-31', '2020-01-01'), 'main.bicep');
    const out = applyPolicy({ findings: [finding('main.bicep', 7)], inline: s, today: '2026-11-24' });
    expect(out[0]!.suppressed).toBeUndefined();
    expect(out.find((f) => f.ruleId === 'ZT-P00-01')).toMatchObject({
      location: { file: 'main.bicep', startLine: 5 },
    });
  });

  it('an unused suppression is reported', () => {
    const s = findInlineSuppressions(HCL, 'main.tf');
    const out = applyPolicy({ findings: [], inline: s, today: '2026-11-24' });
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ ruleId: 'ZT-P00-02', location: { startLine: 1 } });
  });

  it('a suppression without a reason is malformed and suppresses nothing', () => {
    const s = findInlineSuppressions('# ztkit:ignore S02\nresource "a" "b" {}\n', 'x.tf');
    const out = applyPolicy({ findings: [finding('x.tf', 2)], inline: s, today: '2026-11-24' });
    expect(out[0]!.suppressed).toBeUndefined();
    expect(out.map((f) => f.ruleId)).toContain('ZT-P00-03');
  });

  it('ignores suppression-like text inside strings, in every language', () => {
    const bicep = "var s = '''\n// ztkit:ignore ZT-S18-01 -- not a comment\n'''\nresource st 'x' = {}\n";
    expect(findInlineSuppressions(bicep, 'main.bicep')).toEqual([]);
    const hcl = 'tags = { note = "see # ztkit:ignore S02 -- in a tag" }\n';
    expect(findInlineSuppressions(hcl, 'main.tf')).toEqual([]);
    const json = '{ "tags": { "x": "// ztkit:ignore S02 -- in a value" } }\n';
    expect(findInlineSuppressions(json, 'main.json')).toEqual([]);
    // A real comment after suppression-like string text on the same line counts.
    expect(
      findInlineSuppressions('y = "# ztkit:ignore" # ztkit:ignore ZT-S02-01 -- real\n', 'main.tf'),
    ).toEqual([expect.objectContaining({ rules: ['ZT-S02-01'], reason: 'real' })]);
    // A real comment after the string still counts.
    expect(
      findInlineSuppressions(`${hcl}# ztkit:ignore S02 -- real\nresource "a" "b" {}\n`, 'main.tf'),
    ).toHaveLength(1);
  });

  it('does not match other rules', () => {
    const s = findInlineSuppressions(HCL, 'main.tf');
    const out = applyPolicy({
      findings: [finding('main.tf', 4, 'ZT-S05-01', ['S05'])],
      inline: s,
      today: '2026-11-24',
    });
    expect(out[0]!.suppressed).toBeUndefined();
  });
});

describe('config suppressions and baseline', () => {
  it('config suppressions match rule, resource glob and path glob', () => {
    const out = applyPolicy({
      findings: [finding('infra/a.bicep', 3), finding('other/b.bicep', 3)],
      inline: [],
      configSuppressions: [{ rule: 'S02', resource: 'NSG*', path: 'infra/**', reason: 'accepted' }],
      today: '2026-11-24',
    });
    expect(out.map((f) => f.suppressed?.kind)).toEqual(['config', undefined]);
  });

  it('baseline create, gate and prune', () => {
    const before = [
      finding('a.bicep', 3, 'ZT-S02-01', ['S02'], 'fp1'),
      finding('a.bicep', 9, 'ZT-E08-01', ['E08'], 'fp2'),
    ];
    const baseline = createBaseline(before, new Date('2026-11-24T00:00:00Z'));
    expect(baseline.findings.map((e) => e.fingerprint)).toEqual(['fp2', 'fp1']);
    const now = [
      finding('renamed.bicep', 30, 'ZT-S02-01', ['S02'], 'fp1'),
      finding('a.bicep', 4, 'ZT-S05-01', ['S05'], 'fp3'),
    ];
    const gated = applyPolicy({ findings: now, inline: [], baseline, today: '2026-11-24' });
    expect(gated.map((f) => f.suppressed?.kind)).toEqual(['baseline', undefined]);
    const pruned = pruneBaseline(baseline, now);
    expect(pruned.removed).toBe(1);
    expect(pruned.baseline.findings.map((e) => e.fingerprint)).toEqual(['fp1']);
  });
});

describe('classifyFindings', () => {
  it('splits new, fixed and unchanged by fingerprint, one to one', () => {
    const base = [finding('a', 1, 'R', [], 'x'), finding('a', 2, 'R', [], 'y')];
    const head = [
      finding('a', 5, 'R', [], 'x'),
      finding('a', 6, 'R', [], 'x'),
      finding('a', 7, 'R', [], 'z'),
    ];
    const d = classifyFindings(base, head);
    expect(d.unchanged.map((f) => f.location?.startLine)).toEqual([5]);
    expect(d.new.map((f) => f.location?.startLine)).toEqual([6, 7]);
    expect(d.fixed.map((f) => f.fingerprint)).toEqual(['y']);
  });
});
