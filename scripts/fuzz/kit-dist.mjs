/**
 * The parsers as built (`npm run build`): what users run. The ARM evaluator is internal to
 * @ztkit/core, so it is imported from its file in dist.
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
import { evaluateExpr } from '../../packages/core/dist/arm/evaluate.js';

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
