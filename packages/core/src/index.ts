export { clearExpressionCache, type Expr, type ParseResult, parseExpression } from './arm/expression.js';
export { armLoader } from './arm/loader.js';
export * from './findings/finding.js';
export * from './findings/fingerprint.js';
export {
  callTemplateFunction,
  EVALUATOR_FUNCTIONS,
  getTemplateFunction,
  hasTemplateFunction,
  simpleFunctionContext,
  templateFunctionNames,
} from './functions/registry.js';
export * from './functions/types.js';
export { dependsOnDeployment, holdsPlaceholder } from './functions/values.js';
export * from './json/jsonc.js';
export * from './json/pointer-origin.js';
export * from './loaders/limits.js';
export * from './loaders/roots.js';
export * from './loaders/types.js';
export * from './model/children.js';
export * from './model/graph.js';
export * from './model/resource.js';
export * from './model/resource-id.js';
export * from './model/source.js';
export * from './model/unknown.js';
export * from './rules/runner.js';
export * from './rules/types.js';
