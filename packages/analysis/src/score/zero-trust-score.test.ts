import type { Finding, Rule, RuleMeta } from '@ztkit/core';
import { describe, expect, it } from 'vitest';
import { zeroTrustScore } from './zero-trust-score.js';

const rule = (id: string, principles: RuleMeta['principles'], step: string): Rule => ({
  meta: {
    id,
    title: id,
    severity: 'high',
    catalog: [id.slice(3, 6)],
    principles,
    pack: 'segmentation',
    source: [{ document: '002', step }],
    benchmark: [],
    peers: {},
    resourceTypes: [],
    rationale: 'r',
    remediation: { summary: 's' },
  },
  check: () => [],
});

const finding = (ruleId: string, severity: Finding['severity'] = 'high', suppressed = false): Finding => ({
  ruleId,
  title: ruleId,
  catalog: [],
  principles: [],
  severity,
  message: 'm',
  resource: { type: 't', name: 'n' },
  language: 'arm',
  fingerprint: `${ruleId}-${severity}`,
  ...(suppressed ? { suppressed: { kind: 'config' as const, justification: 'j' } } : {}),
});

describe('zeroTrustScore', () => {
  const rules = [
    rule('ZT-S02-01', ['least-privilege', 'assume-breach'], '§5 Network segmentation'),
    rule('ZT-S07-01', ['assume-breach'], '§2 Network segmentation'),
    rule('ZT-E01-01', ['verify-explicitly'], '§4 Encryption'),
    rule('ZT-A03-01', ['assume-breach'], '§2 Network segmentation'),
  ];

  it('counts controls per principle and per objective', () => {
    const s = zeroTrustScore(
      [finding('ZT-S02-01'), finding('ZT-S02-01', 'low'), finding('ZT-A03-01', 'info')],
      rules,
    );
    expect(s.overall).toEqual({ passed: 3, failed: 1, total: 4, percent: 75 });
    expect(s.principles['assume-breach']).toEqual({ passed: 2, failed: 1, total: 3, percent: 67 });
    expect(s.principles['verify-explicitly'].percent).toBe(100);
    expect(s.principles['least-privilege']).toMatchObject({ passed: 0, total: 1, percent: 0 });
    expect(s.objectives.map((o) => `${o.id}:${o.passed}/${o.total}`)).toEqual(['§2:2/2', '§4:1/1', '§5:0/1']);
    expect(s.controls.find((c) => c.ruleId === 'ZT-S02-01')!.findings).toBe(2);
  });

  it('ignores suppressed findings', () => {
    const s = zeroTrustScore([finding('ZT-S07-01', 'high', true)], rules);
    expect(s.overall.percent).toBe(100);
  });
});
