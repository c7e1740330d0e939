import type { Rule } from '@ztkit/core';
import { allRules } from '@ztkit/rules';

export function defaultRules(): readonly Rule[] {
  return allRules;
}
