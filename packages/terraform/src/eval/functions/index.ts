import { COLLECTION_FUNCTIONS } from './collections.js';
import { NUMBER_NETWORK_FUNCTIONS } from './numbers-network.js';
import { STRING_FUNCTIONS } from './strings.js';
import type { FunctionTable } from './types.js';

export type { FunctionEnv, TfFunction } from './types.js';

/** Every built-in function by name. `try` and `can` are special forms handled by the evaluator. */
export const FUNCTIONS: FunctionTable = {
  ...STRING_FUNCTIONS,
  ...COLLECTION_FUNCTIONS,
  ...NUMBER_NETWORK_FUNCTIONS,
};
