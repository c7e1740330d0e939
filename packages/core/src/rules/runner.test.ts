import { describe, expect, it } from 'vitest';
import { ResourceGraph } from '../model/graph.js';
import type { Resource } from '../model/resource.js';
import { SpanOrigin } from '../model/source.js';
import { runRules } from './runner.js';
import { defineRule, type RuleMeta } from './types.js';

const meta: RuleMeta = {
  id: 'ZT-S99-01',
  title: 'test rule',
  severity: 'high',
  catalog: ['S99'],
  principles: ['assume-breach'],
  pack: 'segmentation',
  source: [{ document: '002', step: '§5' }],
  benchmark: [],
  peers: {},
  resourceTypes: [],
  rationale: 'for tests of the runner',
  remediation: { summary: 'none' },
};
const span = { file: '/w/main.json', startLine: 4, startColumn: 3, endLine: 9, endColumn: 4 };
const res = (name: string, extra: Partial<Resource> = {}): Resource => ({
  type: 'Microsoft.Network/networkSecurityGroups',
  name,
  id: `/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/networkSecurityGroups/${name}`,
  properties: {},
  language: 'arm',
  origin: new SpanOrigin(span),
  ...extra,
});

describe('runRules', () => {
  it('turns drafts into findings located at the resource, relative to cwd', () => {
    const g = new ResourceGraph([res('a')]);
    const rule = defineRule({
      meta,
      *check({ graph }) {
        for (const r of graph.ofType(meta.id ? 'Microsoft.Network/networkSecurityGroups' : ''))
          yield { resource: r, message: `bad ${r.name}` };
      },
    });
    const { findings, errors } = runRules(g, [rule], { cwd: '/w' });
    expect(errors).toEqual([]);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      ruleId: 'ZT-S99-01',
      catalog: ['S99'],
      severity: 'high',
      message: 'bad a',
      location: { file: 'main.json', startLine: 4 },
    });
    expect(findings[0]!.fingerprint).toMatch(/^[0-9a-f]{32}$/);
  });

  it('reports a throwing rule as an error and runs the others', () => {
    const broken = defineRule({
      meta: { ...meta, id: 'ZT-S99-02' },
      check() {
        throw new Error('boom');
      },
    });
    const ok = defineRule({
      meta,
      *check({ graph }) {
        yield { resource: graph.resources[0]!, message: 'x' };
      },
    });
    const { findings, errors } = runRules(new ResourceGraph([res('a')]), [broken, ok], { cwd: '/w' });
    expect(errors.map((e) => e.ruleId)).toEqual(['ZT-S99-02']);
    expect(findings.map((f) => f.ruleId)).toEqual(['ZT-S99-01']);
  });

  it('drops conclusions about resources whose properties are unknown as a whole', () => {
    const rule = defineRule({
      meta,
      *check({ graph }) {
        for (const r of graph.resources) yield { resource: r, message: r.name };
      },
    });
    const g = new ResourceGraph([
      res('known'),
      res('opaque', { propertiesUnknown: "parameter 'props' has no default" }),
    ]);
    expect(runRules(g, [rule], { cwd: '/w' }).findings.map((f) => f.message)).toEqual(['known']);
  });

  it('keeps same-named resources of different files apart', () => {
    const other = { ...span, file: '/w/other.json' };
    const rule = defineRule({
      meta,
      *check({ graph }) {
        for (const r of graph.resources) yield { resource: r, message: 'x' };
      },
    });
    const g = new ResourceGraph([res('nsg'), res('nsg', { origin: new SpanOrigin(other) })]);
    expect(
      runRules(g, [rule], { cwd: '/w' })
        .findings.map((f) => f.location?.file)
        .sort(),
    ).toEqual(['main.json', 'other.json']);
  });

  it('memoises shared analysis across rules of one scan', () => {
    let built = 0;
    const factory = { name: 'counter', create: () => ({ n: ++built }) };
    const rule = (id: string) =>
      defineRule({
        meta: { ...meta, id },
        check(ctx) {
          ctx.analysis(factory);
          return [];
        },
      });
    runRules(new ResourceGraph([]), [rule('ZT-S99-01'), rule('ZT-S99-02')]);
    expect(built).toBe(1);
  });
});
