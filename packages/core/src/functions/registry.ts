/**
 * The function library's front door, shared by the ARM and Bicep evaluators:
 * `callTemplateFunction(name, args, ctx)` resolves a built-in case-insensitively (a `sys.` prefix
 * is accepted), checks the argument count, returns Unknown when an argument is Unknown and the
 * function cannot answer without it, and otherwise runs the implementation. Bad input is a thrown
 * FunctionError, which the caller turns into a Diagnostic with a location.
 */
import { isUnknown } from '../model/unknown.js';
import { COLLECTION_FUNCTIONS } from './collections.js';
import { DATE_FUNCTIONS } from './date.js';
import { DEPLOYMENT_FUNCTIONS } from './deployment.js';
import { ENCODING_FUNCTIONS } from './encoding.js';
import { LAMBDA_FUNCTIONS } from './lambda.js';
import { LOGIC_FUNCTIONS } from './logic.js';
import { NETWORK_FUNCTIONS } from './network.js';
import { LIST_FUNCTION, RESOURCE_FUNCTIONS } from './resource.js';
import { STRING_FUNCTIONS } from './string.js';
import {
  type FunctionContext,
  type FunctionDefinition,
  FunctionError,
  type FunctionLimits,
  SYMBOLIC_SCOPE,
} from './types.js';

const REGISTRY = new Map<string, FunctionDefinition>();
for (const family of [
  STRING_FUNCTIONS,
  ENCODING_FUNCTIONS,
  COLLECTION_FUNCTIONS,
  LOGIC_FUNCTIONS,
  LAMBDA_FUNCTIONS,
  DATE_FUNCTIONS,
  NETWORK_FUNCTIONS,
  DEPLOYMENT_FUNCTIONS,
  RESOURCE_FUNCTIONS,
]) {
  for (const def of family) REGISTRY.set(def.name, def);
}

/**
 * Names the template evaluator itself implements because they need the template or the lexical
 * scope: they are not in the library (`hasTemplateFunction` says false).
 */
export const EVALUATOR_FUNCTIONS: ReadonlySet<string> = new Set([
  'parameters',
  'variables',
  'copyindex',
  'lambda',
  'lambdavariables',
]);

function normalise(name: string): string {
  const lower = name.toLowerCase();
  return lower.startsWith('sys.') ? lower.slice(4) : lower;
}

/** The definition of a built-in function, or undefined. `list*` names share one definition. */
export function getTemplateFunction(name: string): FunctionDefinition | undefined {
  const key = normalise(name);
  const def = REGISTRY.get(key);
  if (def) return def;
  if (key.startsWith('list') && key.length > 4) return LIST_FUNCTION;
  return undefined;
}

export function hasTemplateFunction(name: string): boolean {
  return getTemplateFunction(name) !== undefined;
}

/** Every built-in name (lower case), for completion and for the coverage test. */
export function templateFunctionNames(): string[] {
  return [...REGISTRY.keys()].sort();
}

export function callTemplateFunction(name: string, args: readonly unknown[], ctx: FunctionContext): unknown {
  return callByKey(normalise(name), name, args, ctx);
}

/**
 * The evaluator's fast path: `key` is already lower case without `sys.` (the parser computes it
 * once per expression), `name` is as written, for messages.
 */
export function callByKey(
  key: string,
  name: string,
  args: readonly unknown[],
  ctx: FunctionContext,
): unknown {
  const def = REGISTRY.get(key) ?? (key.startsWith('list') && key.length > 4 ? LIST_FUNCTION : undefined);
  if (!def) throw new FunctionError(`Unknown function '${name}'`, 'unknown-function');
  if (args.length < def.minArgs || args.length > def.maxArgs) {
    const want =
      def.minArgs === def.maxArgs
        ? `${def.minArgs}`
        : def.maxArgs === Number.POSITIVE_INFINITY
          ? `at least ${def.minArgs}`
          : `${def.minArgs} to ${def.maxArgs}`;
    throw new FunctionError(`${name}() takes ${want} argument(s), got ${args.length}`, 'bad-arguments');
  }
  ctx.step();
  if (!def.acceptsUnknown) {
    for (const a of args) if (isUnknown(a)) return a;
  }
  return def.evaluate(args, ctx);
}

/** A FunctionContext for tests and simple callers: symbolic scope, default caps, a step budget. */
export function simpleFunctionContext(
  options: { scope?: FunctionContext['scope']; limits?: Partial<FunctionLimits>; maxSteps?: number } = {},
): FunctionContext {
  let steps = 0;
  const maxSteps = options.maxSteps ?? 20_000_000;
  return {
    scope: options.scope ?? SYMBOLIC_SCOPE,
    limits: { maxCopyCount: 800, maxDepth: 128, ...options.limits },
    step() {
      if (++steps > maxSteps)
        throw new FunctionError(
          `evaluation exceeded ${maxSteps} steps (limits.maxEvaluationSteps)`,
          'cap-evaluation-steps',
        );
    },
  };
}
