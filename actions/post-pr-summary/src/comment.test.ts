import { createHash } from 'node:crypto';
import type { Finding } from '@ztkit/core';
import { ResourceGraph } from '@ztkit/core';
import type { ScanResult } from '@ztkit/engine';
import { describe, expect, it } from 'vitest';
import {
  COMMENT_LIMIT,
  compareWithPrevious,
  composeComment,
  MARKER,
  readState,
  writeState,
} from './comment.js';

function finding(i: number, message = 'HTTP allowed'): Finding {
  return {
    ruleId: 'ZT-E08-01',
    title: 'Secure transfer',
    catalog: ['E08'],
    principles: ['verify-explicitly'],
    severity: i % 2 ? 'high' : 'low',
    message,
    resource: { type: 'Microsoft.Storage/storageAccounts', name: `st${i}` },
    language: 'arm',
    location: { file: 'main.json', startLine: i + 1, startColumn: 1, endLine: i + 1, endColumn: 5 },
    fingerprint: createHash('sha256').update(String(i)).digest('hex').slice(0, 32),
  };
}

function result(findings: Finding[]): ScanResult {
  return {
    version: 1,
    files: [{ path: 'main.json', status: 'scanned' }],
    findings,
    diagnostics: [],
    ruleErrors: [],
    graph: new ResourceGraph([]),
    summary: {
      files: { total: 1, scanned: 1, skipped: 0, failed: 0 },
      resources: findings.length,
      rules: 1,
      findings: findings.length,
      suppressed: 0,
      bySeverity: { critical: 0, high: 0, medium: 0, low: 0, info: 0 },
      durationMs: 1,
    },
  };
}

describe('comment state', () => {
  it('round-trips fingerprints through the hidden state block', () => {
    const fs = [finding(1), finding(2)];
    const state = readState(`text\n${writeState(fs)}`);
    expect(state?.complete).toBe(true);
    expect(state?.fingerprints).toHaveLength(2);
    expect(readState('no state here')).toBeUndefined();
    expect(readState('<!-- ztkit:state {not json} -->')).toBeUndefined();
  });

  it('tells new, fixed and unchanged', () => {
    const before = readState(writeState([finding(1), finding(2), finding(3)]));
    const changes = compareWithPrevious([finding(2), finding(3), finding(4)], before);
    expect(changes.added.map((f) => f.resource.name)).toEqual(['st4']);
    expect(changes).toMatchObject({ previous: true, fixed: 1, unchanged: 2 });
  });

  it('ignores suppressed findings', () => {
    const suppressed = { ...finding(5), suppressed: { kind: 'inline' as const, justification: 'accepted' } };
    expect(readState(writeState([suppressed]))?.fingerprints).toEqual([]);
  });
});

describe('composeComment', () => {
  const base = {
    title: 'ztkit',
    footer: '<sub>ztkit</sub>',
    runUrl: 'https://github.com/o/r/actions/runs/1',
  };

  it('keeps a small report whole, marker first and state last', () => {
    const r = result([finding(1)]);
    const { body, truncated } = composeComment({
      ...base,
      result: r,
      changes: compareWithPrevious(r.findings, undefined),
    });
    expect(truncated).toBe(false);
    expect(body.startsWith(MARKER)).toBe(true);
    expect(body).toMatch(/<!-- ztkit:state \{.*\} -->$/);
  });

  it('fits a huge report under the limit, most severe rows kept, with a pointer to the job summary', () => {
    const r = result(Array.from({ length: 2000 }, (_, i) => finding(i, 'x'.repeat(150))));
    const { body, truncated } = composeComment({
      ...base,
      result: r,
      changes: compareWithPrevious(r.findings, undefined),
    });
    expect(truncated).toBe(true);
    expect(body.length).toBeLessThanOrEqual(COMMENT_LIMIT);
    expect(body).toContain('[job summary](https://github.com/o/r/actions/runs/1)');
    expect(body).toContain('| 🔴 High');
    expect(readState(body)?.fingerprints.length).toBe(1500);
    expect(readState(body)?.complete).toBe(false);
  });

  it('respects a smaller limit', () => {
    const r = result(Array.from({ length: 50 }, (_, i) => finding(i)));
    const { body } = composeComment({
      ...base,
      result: r,
      changes: compareWithPrevious(r.findings, undefined),
      limit: 3000,
    });
    expect(body.length).toBeLessThanOrEqual(3000);
    expect(body.startsWith(MARKER)).toBe(true);
  });
});
