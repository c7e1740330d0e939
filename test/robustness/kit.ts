/**
 * The parsers from their TypeScript sources, for the fuzz targets of scripts/fuzz/targets.mjs (the
 * long run passes the built dist instead). The ARM evaluator is internal to @ztkit/core.
 */
import { bicepLoader, parseBicep, tokenize } from '@ztkit/bicep';
import { parseConfig } from '@ztkit/config';
import {
  armLoader,
  DEFAULT_LIMITS,
  FunctionError,
  parseExpression,
  parseJsonc,
  simpleFunctionContext,
  templateFunctionNames,
  unknown,
} from '@ztkit/core';
import { parseHcl, terraformLoader } from '@ztkit/terraform';
import { evaluateExpr } from '../../packages/core/src/arm/evaluate.js';

export const kit = {
  DEFAULT_LIMITS,
  FunctionError,
  unknown,
  simpleFunctionContext,
  templateFunctionNames,
  parseJsonc,
  parseExpression,
  evaluateExpr,
  armLoader,
  tokenize,
  parseBicep,
  bicepLoader,
  parseHcl,
  terraformLoader,
  parseConfig,
};
