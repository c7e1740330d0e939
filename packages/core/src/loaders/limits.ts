/**
 * Caps that keep hostile or broken input from exhausting time or memory. Each breach is a clear
 * error naming the file and line, the file is reported failed, and the scan goes on.
 */
export interface Limits {
  /** Largest file read, in bytes. ARM itself refuses templates over 4 MB; compiled AVM modules reach ~3 MB. */
  readonly maxFileBytes: number;
  /** Deepest nesting of JSON/HCL/Bicep structures and expressions. */
  readonly maxDepth: number;
  /** Largest `copy` count / loop length. ARM's own limit is 800. */
  readonly maxCopyCount: number;
  /** Longest template expression, in characters (ARM's documented limit is 24,576). */
  readonly maxExpressionLength: number;
  /** Deepest chain of nested deployments, linked templates or modules. */
  readonly maxModuleDepth: number;
  /** Most resources produced by one file (after loops and modules). */
  readonly maxResourcesPerFile: number;
  /** Most evaluation steps for one file: a budget that stops runaway lambdas and recursion. */
  readonly maxEvaluationSteps: number;
}

export const DEFAULT_LIMITS: Limits = {
  maxFileBytes: 16 * 1024 * 1024,
  maxDepth: 128,
  maxCopyCount: 800,
  maxExpressionLength: 24_576,
  maxModuleDepth: 16,
  maxResourcesPerFile: 50_000,
  maxEvaluationSteps: 20_000_000,
};
