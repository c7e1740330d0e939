export * from './annotations.js';
export type { AzureConnectionOverrides } from './azure-check.js';
export { type PackCheck, runPackCheck } from './check.js';
export * from './diff.js';
export * from './event.js';
export * from './fail-on.js';
export {
  type IacScan,
  InputError,
  type Mode,
  narrowToScope,
  type ScanForActionOptions,
  scanForAction,
} from './iac-scan.js';
export { linkBase } from './links.js';
export { writeReports } from './reports.js';
export * from './runner.js';
export * from './scope.js';
export * from './targets.js';
export { type Inventory, inventoryOf, runValidation } from './validate.js';
export { ZTKIT_VERSION } from './version.js';
