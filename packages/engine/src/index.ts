export { discover, notIacReason } from './discover.js';
export { guardedReader } from './guard.js';
export { defaultLoaders } from './loaders.js';
export type { FileReport, ScanResult, ScanSummary } from './result.js';
export { defaultRules } from './rules.js';
export { compareFindings, type ScanOptions, scan } from './scan.js';
