import type { Finding } from '../findings/finding.js';
import type { ResourceGraph } from '../model/graph.js';
import type { Resource } from '../model/resource.js';
import type { Pointer, SourceSpan } from '../model/source.js';

export type Severity = 'critical' | 'high' | 'medium' | 'low' | 'info';
export const SEVERITIES: readonly Severity[] = ['critical', 'high', 'medium', 'low', 'info'];

/** Higher is more severe. */
export function severityRank(s: Severity): number {
  return 4 - SEVERITIES.indexOf(s);
}

export type Principle = 'verify-explicitly' | 'least-privilege' | 'assume-breach';

export const PRINCIPLE_TITLES: Readonly<Record<Principle, string>> = {
  'verify-explicitly': 'Verify explicitly',
  'least-privilege': 'Use least privilege access',
  'assume-breach': 'Assume breach',
};

/** A step or objective of one of the two Microsoft Zero Trust source documents. */
export interface SourceReference {
  /** `000` encryption of network traffic, `002` secure networks with Zero Trust. */
  readonly document: '000' | '002';
  /** The step or objective, e.g. `step 5` or `§4`, with its title. */
  readonly step: string;
}

export interface PeerRuleIds {
  readonly checkov?: readonly string[];
  readonly kics?: readonly string[];
  readonly trivy?: readonly string[];
  readonly psrule?: readonly string[];
}

export interface Remediation {
  /** What to change, in one or two sentences. */
  readonly summary: string;
  readonly arm?: string;
  readonly bicep?: string;
  readonly terraform?: string;
}

export interface RuleMeta {
  /** Stable id, e.g. `ZT-E01-01`. Never reused, never renamed. */
  readonly id: string;
  readonly title: string;
  readonly severity: Severity;
  /** Catalogue keys of RULES.md this rule covers (E01..E18, S01..S24, A01..A04). */
  readonly catalog: readonly string[];
  readonly principles: readonly Principle[];
  readonly pack: 'encryption' | 'segmentation' | 'analysis';
  readonly source: readonly SourceReference[];
  /** Microsoft cloud security benchmark controls, e.g. `NS-1`, `DP-3`. */
  readonly benchmark: readonly string[];
  readonly peers: PeerRuleIds;
  /** ARM types the rule reads (documentation and change-impact). */
  readonly resourceTypes: readonly string[];
  readonly rationale: string;
  readonly remediation: Remediation;
  /** Links to Microsoft documentation. */
  readonly links?: readonly string[];
  /** Assumptions the rule makes where the source is silent (API defaults etc.). */
  readonly notes?: readonly string[];
}

/** What a rule reports: the resource, the property path that explains it and why. */
export interface FindingDraft {
  readonly resource: Resource;
  /** Path inside the resource, e.g. `['properties', 'securityRules', 2]`. Empty: the resource itself. */
  readonly path?: Pointer;
  readonly message: string;
  /** Overrides the rule's severity for this finding (e.g. lower when not reachable). */
  readonly severity?: Severity;
  /** Explicit span, when the explanation is not inside the resource (e.g. a parameter declaration). */
  readonly span?: SourceSpan;
  /** Other places worth showing (the caller of a module, the parameter, the shadowing rule). */
  readonly related?: readonly { readonly message: string; readonly span: SourceSpan }[];
  /** Extra identity for the fingerprint when one resource+path can yield several findings. */
  readonly discriminator?: string;
}

/** Options a user can set per rule or globally in `.ztkit.yml`. */
export type RuleOptions = Readonly<Record<string, unknown>>;

export interface RuleContext {
  readonly graph: ResourceGraph;
  readonly options: RuleOptions;
  /**
   * Shared, memoised cross-resource analysis. `ctx.analysis(factory)` returns the same instance for
   * every rule of one scan, so the network is analysed once.
   */
  analysis<T>(factory: AnalysisFactory<T>): T;
}

export interface AnalysisFactory<T> {
  readonly name: string;
  create(graph: ResourceGraph, options: RuleOptions): T;
}

export interface Rule {
  readonly meta: RuleMeta;
  /** Judge the resources of the graph. */
  check?(ctx: RuleContext): Iterable<FindingDraft>;
  /**
   * Judge the results as a whole (the Zero Trust score): runs after every `check`, with their
   * findings and the rules that ran. A rule has `check`, `summarize`, or both.
   */
  summarize?(ctx: RuleContext, results: RuleResults): Iterable<FindingDraft>;
}

export interface RuleResults {
  readonly findings: readonly Finding[];
  readonly rules: readonly Rule[];
}

export function defineRule(rule: Rule): Rule {
  return rule;
}
