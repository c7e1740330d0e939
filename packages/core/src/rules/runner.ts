import { relative, sep } from 'node:path';
import type { Finding, FindingLocation } from '../findings/finding.js';
import { fingerprintOf } from '../findings/fingerprint.js';
import type { ResourceGraph } from '../model/graph.js';
import { formatPath, locateValue, type SourceSpan } from '../model/source.js';
import type { AnalysisFactory, FindingDraft, Rule, RuleContext, RuleOptions } from './types.js';

export interface RunRulesOptions {
  /** Options per rule id (merged over `global`). */
  readonly ruleOptions?: Readonly<Record<string, RuleOptions>>;
  readonly global?: RuleOptions;
  /** Directory that finding paths are made relative to. */
  readonly cwd?: string;
  /** Called after each rule with its wall time (profiling: `ZTKIT_TIMING=1`, benchmarks). */
  readonly onRuleTiming?: (ruleId: string, ms: number) => void;
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
  const contextFor = (rule: Rule): RuleContext => ({
    graph,
    options: { ...options.global, ...options.ruleOptions?.[rule.meta.id] },
    analysis<T>(factory: AnalysisFactory<T>): T {
      if (!cache.has(factory.name)) cache.set(factory.name, factory.create(graph, options.global ?? {}));
      return cache.get(factory.name) as T;
    },
  });
  const collect = (
    rule: Rule,
    drafts: () => Iterable<FindingDraft>,
    into: Finding[],
    scanLevel = false,
  ): void => {
    const started = options.onRuleTiming ? performance.now() : 0;
    try {
      for (const draft of drafts()) {
        // Properties not known statically: any conclusion about them would be a guess.
        if (draft.resource.propertiesUnknown !== undefined && draft.span === undefined) continue;
        into.push(toFinding(rule, draft, cwd, scanLevel));
      }
    } catch (e) {
      errors.push({ ruleId: rule.meta.id, message: e instanceof Error ? (e.stack ?? e.message) : String(e) });
    }
    options.onRuleTiming?.(rule.meta.id, performance.now() - started);
  };
  for (const rule of rules) if (rule.check) collect(rule, () => rule.check!(contextFor(rule)), findings);
  // Rules about the results as a whole (the Zero Trust score) see every other rule's findings.
  const settled = dedupe(findings);
  const summaries: Finding[] = [];
  for (const rule of rules)
    if (rule.summarize)
      collect(rule, () => rule.summarize!(contextFor(rule), { findings: settled, rules }), summaries, true);
  return { findings: [...settled, ...summaries], errors };
}

function toFinding(rule: Rule, draft: FindingDraft, cwd: string, scanLevel: boolean): Finding {
  const path = draft.path ?? [];
  // A summary is about the scan, and only anchored on a resource to have a place to show: its
  // identity must not change when a change adds a resource that sorts first (diff, baselines).
  const identity = scanLevel
    ? fingerprintOf(rule.meta.id, SCAN_IDENTITY(draft.resource.language), [], draft.discriminator)
    : fingerprintOf(rule.meta.id, draft.resource, path, draft.discriminator);
  const span = draft.span ?? locateValue(draft.resource, path, draft.resource.origin);
  return {
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
    fingerprint: identity,
    related: draft.related?.map((r) => ({ message: r.message, location: toLocation(r.span, cwd) })),
    portalUrl: draft.resource.portalUrl,
  };
}

const SCAN_IDENTITY = (language: string) => ({ type: 'ztkit/scan', name: language });

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

/**
 * One finding per fingerprint and place: the same resource reached twice (a derived child and its
 * inline item) reports once, while same-named resources in different files both report.
 */
function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = `${f.fingerprint}|${f.location?.file ?? ''}|${f.location?.startLine ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
