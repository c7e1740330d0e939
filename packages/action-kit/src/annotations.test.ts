import type { Finding, Severity } from '@ztkit/core';
import { describe, expect, it } from 'vitest';
import { type Annotation, findingAnnotation, levelOf, planAnnotations } from './annotations.js';

function finding(severity: Severity, line: number): Finding {
  return {
    ruleId: 'ZT-E08-01',
    title: 'Secure transfer',
    catalog: ['E08'],
    principles: ['verify-explicitly'],
    severity,
    message: 'HTTP allowed',
    resource: { type: 'Microsoft.Storage/storageAccounts', name: 'st' },
    language: 'arm',
    location: { file: 'main.json', startLine: line, startColumn: 3, endLine: line, endColumn: 9 },
    fingerprint: `fp${line}`,
  };
}

describe('annotations', () => {
  it('maps severities to annotation levels', () => {
    expect(['critical', 'high', 'medium', 'low', 'info'].map((s) => levelOf(s as Severity))).toEqual([
      'error',
      'error',
      'warning',
      'notice',
      'notice',
    ]);
  });

  it('puts a finding on its exact line and columns', () => {
    const a = findingAnnotation(finding('high', 12));
    expect(a).toMatchObject({
      level: 'error',
      file: 'main.json',
      line: 12,
      endLine: 12,
      col: 3,
      endColumn: 9,
    });
  });

  it('keeps 10 per level and 50 in all, most severe first, and returns the rest', () => {
    const all: Annotation[] = [
      ...Array.from({ length: 15 }, (_, i) => findingAnnotation(finding('low', i + 1))),
      ...Array.from({ length: 15 }, (_, i) => findingAnnotation(finding('critical', 100 + i))),
      ...Array.from({ length: 5 }, (_, i) => findingAnnotation(finding('medium', 200 + i))),
    ];
    const plan = planAnnotations(all);
    expect(plan.shown.filter((a) => a.level === 'error')).toHaveLength(10);
    expect(plan.shown.filter((a) => a.level === 'warning')).toHaveLength(5);
    expect(plan.shown.filter((a) => a.level === 'notice')).toHaveLength(10);
    expect(plan.shown[0]?.line).toBe(100);
    expect(plan.hidden).toHaveLength(10);
    expect(plan.shown.length + plan.hidden.length).toBe(all.length);
  });

  it('respects a smaller job budget', () => {
    const all = Array.from({ length: 30 }, (_, i) =>
      findingAnnotation(finding(i % 2 ? 'high' : 'medium', i)),
    );
    const plan = planAnnotations(all, 12);
    expect(plan.shown).toHaveLength(12);
    expect(plan.shown.filter((a) => a.level === 'error')).toHaveLength(10);
  });
});
