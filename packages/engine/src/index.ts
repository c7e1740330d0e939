// Baselines are written by faces (`ztkit baseline create`); re-exported so faces need only the engine.
export { type Baseline, createBaseline, type FindingDiff, parseBaseline, pruneBaseline } from '@ztkit/config';
export { discover, notIacReason } from './discover.js';
export { guardedReader } from './guard.js';
export { defaultLoaders } from './loaders.js';
export {
  BaselineInvalidError,
  ConfigInvalidError,
  type DiffResult,
  type DiffScanOptions,
  diffScan,
  type PolicyScanOptions,
  type PolicyScanResult,
  scanWithPolicy,
  withFindings,
} from './policy.js';
export type { FileReport, ScanResult, ScanSummary } from './result.js';
export { defaultRules } from './rules.js';
export { compareFindings, type ScanOptions, scan } from './scan.js';
