export { countByPrinciple, countBySeverity } from './counts.js';
export type {
  JsonDiagnostic,
  JsonFile,
  JsonFinding,
  JsonLocation,
  JsonReport,
  JsonSummary,
} from './json.js';
export { toJsonReport } from './json.js';
export { type MarkdownOptions, renderMarkdown } from './markdown.js';
export {
  type NetworkTextOptions,
  renderNetworkMermaid,
  renderNetworkText,
  toNetworkJson,
} from './network.js';
export { type SarifOptions, toSarif } from './sarif/sarif.js';
export type * from './sarif/types.js';
export { renderTable, type TableOptions } from './table.js';
