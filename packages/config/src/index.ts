export { pathFilter, type RuleSelection, selectRules } from './apply.js';
export {
  type Baseline,
  type BaselineEntry,
  createBaseline,
  parseBaseline,
  pruneBaseline,
} from './baseline.js';
export type { ConfigSuppression, LoadedConfig, RuleSetting, ZtkitConfig } from './config.js';
export { CONFIG_FILE_NAMES } from './config.js';
export { classifyFindings, type FindingDiff } from './diff.js';
export { materializeRef, repositoryRoot } from './git.js';
export { type ConfigError, type ConfigResult, findConfigFile, loadConfig, parseConfig } from './load.js';
export { applyPolicy, POLICY_RULES, type PolicyInput } from './policy.js';
export { CONFIG_SCHEMA } from './schema.js';
export { findInlineSuppressions, type InlineSuppression, suppressionMatches } from './suppressions.js';
