import type {
  Diagnostic,
  FileStatus,
  Finding,
  ResourceGraph,
  RuleError,
  Severity,
  SourceLanguage,
} from '@ztkit/core';

/** One line of the file inventory in the JSON contract. */
export interface FileReport {
  /** Relative to the working directory, forward slashes. */
  readonly path: string;
  readonly status: FileStatus;
  readonly reason?: string;
  readonly language?: string;
  readonly resources?: number;
}

export interface ScanSummary {
  readonly files: {
    readonly total: number;
    readonly scanned: number;
    readonly skipped: number;
    readonly failed: number;
  };
  readonly resources: number;
  readonly rules: number;
  readonly findings: number;
  readonly suppressed: number;
  readonly bySeverity: Readonly<Record<Severity, number>>;
  readonly durationMs: number;
}

/**
 * The result of one scan. `toJson` of it is the stable JSON contract (version 1) documented in
 * docs/json-contract.md.
 */
export interface ScanResult {
  readonly version: 1;
  readonly files: FileReport[];
  readonly findings: Finding[];
  readonly diagnostics: Diagnostic[];
  readonly ruleErrors: RuleError[];
  readonly summary: ScanSummary;
  /** The model, for faces that draw topology or compare with live Azure; not part of the JSON contract. */
  readonly graph: ResourceGraph;
  /**
   * The same resources, one graph per source language: what rules ran on, and what topology and
   * exposure should be drawn from (twins such as main.bicep and its compiled main.json stay apart).
   * Optional so that results assembled elsewhere (merged action results, tests) stay valid;
   * without it, use `graph`.
   */
  readonly graphs?: ReadonlyMap<SourceLanguage, ResourceGraph>;
}
