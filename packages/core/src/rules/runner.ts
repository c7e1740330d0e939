import { relative, sep } from 'node:path';
import type { Finding, FindingLocation } from '../findings/finding.js';
import { fingerprintOf } from '../findings/fingerprint.js';
import type { ResourceGraph } from '../model/graph.js';
import { formatPath, locateValue, type SourceSpan } from '../model/source.js';
import type { AnalysisFactory, Rule, RuleContext, RuleOptions } from './types.js';

export interface RunRulesOptions {
  /** Options per rule id (merged over `global`). */
  readonly ruleOptions?: Readonly<Record<string, RuleOptions>>;
  readonly global?: RuleOptions;
  /** Directory that finding paths are made relative to. */
  readonly cwd?: string;
}

export interface RuleError {
  readonly ruleId: string;
  readonly message: string;
}

/** Run rules over a graph. A rule that throws is a bug: it is reported, never hidden, and the others go on. */
export function runRules(
  graph: ResourceGraph,
  rules: readonly Rule[],
  options: RunRulesOptions = {},
): { findings: Finding[]; errors: RuleError[] } {
  const cwd = options.cwd ?? process.cwd();
  const cache = new Map<string, unknown>();
  const findings: Finding[] = [];
  const errors: RuleError[] = [];
  for (const rule of rules) {
    const ruleOptions = { ...options.global, ...options.ruleOptions?.[rule.meta.id] };
    const ctx: RuleContext = {
      graph,
      options: ruleOptions,
      analysis<T>(factory: AnalysisFactory<T>): T {
        if (!cache.has(factory.name)) cache.set(factory.name, factory.create(graph, options.global ?? {}));
        return cache.get(factory.name) as T;
      },
    };
    try {
      for (const draft of rule.check(ctx)) {
        const path = draft.path ?? [];
        const span = draft.span ?? locateValue(draft.resource, path, draft.resource.origin);
        findings.push({
          ruleId: rule.meta.id,
          title: rule.meta.title,
          catalog: rule.meta.catalog,
          principles: rule.meta.principles,
          severity: draft.severity ?? rule.meta.severity,
          message: draft.message,
          resource: { type: draft.resource.type, name: draft.resource.name, id: draft.resource.id },
          language: draft.resource.language,
          location: span ? toLocation(span, cwd) : undefined,
          propertyPath: path.length ? formatPath(path) : undefined,
          fingerprint: fingerprintOf(rule.meta.id, draft.resource, path, draft.discriminator),
          related: draft.related?.map((r) => ({ message: r.message, location: toLocation(r.span, cwd) })),
          portalUrl: draft.resource.portalUrl,
        });
      }
    } catch (e) {
      errors.push({ ruleId: rule.meta.id, message: e instanceof Error ? (e.stack ?? e.message) : String(e) });
    }
  }
  return { findings: dedupe(findings), errors };
}

export function toLocation(span: SourceSpan, cwd: string): FindingLocation {
  const rel = relative(cwd, span.file);
  return {
    file: (rel.startsWith('..') ? span.file : rel).split(sep).join('/'),
    startLine: span.startLine,
    startColumn: span.startColumn,
    endLine: span.endLine,
    endColumn: span.endColumn,
  };
}

/** One finding per fingerprint: the same resource reached twice (e.g. derived child) reports once. */
function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    if (seen.has(f.fingerprint)) return false;
    seen.add(f.fingerprint);
    return true;
  });
}
