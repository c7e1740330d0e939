/**
 * Evaluates a parsed ARM expression against an environment: the template's parameters, variables
 * and user functions, the copy loops and lambda variables in force, and the shared function library.
 * `if`, `and`, `or` and `coalesce` evaluate lazily, as ARM does for `if`, so a guarded expression
 * (`if(empty(x), '', x[0])`) never fails on the branch not taken.
 */
import { formatComposite } from '../functions/format.js';
import { callByKey } from '../functions/registry.js';
import { type FunctionContext, FunctionError, LambdaValue } from '../functions/types.js';
import { getKeyInsensitive, isObject, typeName } from '../functions/values.js';
import { isUnknown, Unknown } from '../model/unknown.js';
import type { Expr } from './expression.js';

/** A copy loop in force: `name` is the loop's name, `resource` marks the resource's own loop. */
export interface CopyFrame {
  readonly name: string;
  readonly index: number | Unknown;
  readonly resource: boolean;
  readonly parent?: CopyFrame;
}

export interface UserFunction {
  readonly parameters: readonly string[];
  /** Evaluate the output value with the given parameter values. */
  evaluate(args: ReadonlyMap<string, unknown>, env: EvalEnv): unknown;
}

/** What an expression can see of its template. */
export interface TemplateSymbols {
  readonly fn: FunctionContext;
  parameter(name: string): unknown;
  variable(name: string): unknown;
  /** Same, with the lower-case key already known (the parser computes it for literal names). */
  parameterByKey(key: string, name: string): unknown;
  variableByKey(key: string, name: string): unknown;
  /** What `reference()` knows statically: a nested deployment's outputs, by deployment or symbolic name. */
  deploymentReference(target: string): unknown;
  userFunction(namespace: string, name: string): UserFunction | undefined;
}

export interface EvalEnv {
  readonly symbols: TemplateSymbols;
  readonly copy?: CopyFrame;
  readonly lambdaVars?: ReadonlyMap<string, unknown>;
  /** Inside a user-defined function: its parameters, which replace the template's. */
  readonly functionParams?: ReadonlyMap<string, unknown>;
  /** Nesting of user-function calls, capped by limits.maxDepth. */
  readonly callDepth?: number;
}

/** Evaluation errors that make the whole file unusable, as opposed to one unknown value. */
export const FATAL_CODES: ReadonlySet<string> = new Set([
  'cyclic-variable',
  'cap-copy-count',
  'cap-depth',
  'cap-evaluation-steps',
  'cap-expression-length',
  'cap-module-depth',
  'cap-resources',
  'expression-syntax',
]);

export function evaluateExpr(e: Expr, text: string, env: EvalEnv): unknown {
  switch (e.kind) {
    case 'string':
    case 'number':
    case 'literal':
      return e.value;
    case 'member': {
      const target = evaluateExpr(e.object, text, env);
      const v = accessMember(target, e.property);
      // An unknown stored in a known object is passed on as it is: it already names its source.
      return isUnknown(target)
        ? new Unknown(target.reason, `${rendered(target, e.object, text)}.${e.property}`)
        : v;
    }
    case 'index': {
      const target = evaluateExpr(e.object, text, env);
      const key = evaluateExpr(e.index, text, env);
      const v = accessIndex(target, key);
      if (!isUnknown(v) || !(isUnknown(target) || isUnknown(key))) return v;
      return new Unknown(v.reason, `${rendered(target, e.object, text)}[${rendered(key, e.index, text)}]`);
    }
    case 'call':
      return evaluateCall(e, text, env);
  }
}

/** Unknowns take the text of the outermost expression that produced them, e.g. `<unknown: if(...)>`. */
function anchor(value: unknown, e: Expr, text: string): unknown {
  if (!isUnknown(value)) return value;
  const x = value.expression;
  if (x !== undefined && x.length === e.end - e.start && text.startsWith(x, e.start)) return value;
  return new Unknown(value.reason, text.slice(e.start, e.end));
}

/** Known strings longer than this render as their source text inside an unknown's expression. */
const MAX_RENDERED_STRING = 64;

/**
 * An unknown's rendered expression and text past this length fall back to the call's own source
 * text: built from the arguments' renderings, they could double at every level of a chain of
 * variables (concat(v, v) over an unknown), which is memory, not information.
 */
const MAX_RENDERED_EXPRESSION = 1024;

/**
 * A sub-expression as it appears in the expression of an unknown built from it: an unknown by its
 * own expression, a short scalar by its value, anything else by its source text. Values rather than
 * source make each copy (copyIndex()) and each nested deployment (its parameters) render
 * differently, so their unknown names and IDs stay distinct while equal expressions still match.
 */
function rendered(value: unknown, e: Expr, text: string): string {
  if (isUnknown(value)) return value.expression ?? text.slice(e.start, e.end);
  if (e.kind === 'string' || e.kind === 'number' || e.kind === 'literal') return text.slice(e.start, e.end);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  if (typeof value === 'string' && value.length <= MAX_RENDERED_STRING)
    return `'${value.replaceAll("'", "''")}'`;
  return text.slice(e.start, e.end);
}

/** An unknown call result, its expression rendered from the argument values. */
function unknownCall(
  result: Unknown,
  e: Extract<Expr, { kind: 'call' }>,
  args: readonly unknown[],
  text: string,
): Unknown {
  let expression = e.namespace !== undefined ? `${e.namespace}.${e.name}(` : `${e.name}(`;
  for (let i = 0; i < args.length; i++) {
    if (i > 0) expression += ', ';
    expression += rendered(args[i], e.args[i]!, text);
  }
  expression += ')';
  if (expression.length > MAX_RENDERED_EXPRESSION)
    return new Unknown(result.reason, text.slice(e.start, e.end));
  const partial = partialText(e.key, args);
  return new Unknown(
    result.reason,
    expression,
    partial !== undefined && partial.length <= MAX_RENDERED_EXPRESSION ? partial : undefined,
  );
}

/**
 * What a string built by concat() or format() reads with its unknown parts marked
 * (`stu<unknown: copyIndex()>`), or undefined when the result need not be a string.
 */
function partialText(key: string, args: readonly unknown[]): string | undefined {
  if (key === 'concat') {
    let out = '';
    let known = false;
    for (const a of args) {
      if (typeof a === 'string') known = true;
      else if (!isUnknown(a)) return undefined;
      out += String(a);
    }
    // concat() of unknowns alone may as well be joining arrays.
    return known ? out : undefined;
  }
  if (key === 'format' && typeof args[0] === 'string') {
    // Alignment or a format string would apply to the unknown's text, not its value.
    for (const m of args[0].matchAll(/\{\s*(\d+)\s*[,:]/g))
      if (isUnknown(args[Number(m[1]) + 1])) return undefined;
    try {
      const out = formatComposite(
        args[0],
        args.slice(1).map((a) => (isUnknown(a) ? String(a) : a)),
      );
      return typeof out === 'string' ? out : undefined;
    } catch {
      return undefined;
    }
  }
  return undefined;
}

function accessMember(target: unknown, property: string): unknown {
  if (isUnknown(target)) return target;
  if (isObject(target)) {
    const v = getKeyInsensitive(target, property);
    if (v === undefined)
      throw new FunctionError(`the object has no property '${property}'`, 'property-not-found');
    return v;
  }
  throw new FunctionError(`cannot read property '${property}' of ${typeName(target)}`, 'bad-property-access');
}

function accessIndex(target: unknown, key: unknown): unknown {
  if (isUnknown(target)) return target;
  if (isUnknown(key)) return key;
  if (Array.isArray(target)) {
    if (typeof key !== 'number' || !Number.isInteger(key))
      throw new FunctionError(`an array index must be an integer, got ${typeName(key)}`, 'bad-index');
    if (key < 0 || key >= target.length)
      throw new FunctionError(
        `index ${key} is outside the array (length ${target.length})`,
        'index-out-of-range',
      );
    return target[key];
  }
  if (isObject(target)) return accessMember(target, String(key));
  throw new FunctionError(`cannot index ${typeName(target)}`, 'bad-index');
}

function stringArg(name: string, e: Expr, text: string, env: EvalEnv): string | Unknown {
  const v = evaluateExpr(e, text, env);
  if (isUnknown(v)) return v;
  if (typeof v !== 'string') throw new FunctionError(`${name}() expects a string name, got ${typeName(v)}`);
  return v;
}

function evaluateCall(e: Extract<Expr, { kind: 'call' }>, text: string, env: EvalEnv): unknown {
  const { symbols } = env;
  // Parameters, variables, lambda variables and user functions pass an unknown on as it is: it
  // names its own source (a nested deployment's unknown parameter names the caller's expression).
  if (e.namespace !== undefined) return callUserFunction(e, text, env);
  const name = e.key;
  switch (e.op) {
    case 1: {
      if (e.args.length !== 1) throw new FunctionError('parameters() takes 1 argument', 'bad-arguments');
      const a0 = e.args[0]!;
      if (e.argKey !== undefined && !env.functionParams)
        return symbols.parameterByKey(e.argKey, (a0 as { value: string }).value);
      const p = stringArg('parameters', a0, text, env);
      if (isUnknown(p)) return unknownCall(p, e, [p], text);
      if (env.functionParams) {
        const v = env.functionParams.get(p.toLowerCase());
        if (v === undefined)
          throw new FunctionError(`the function has no parameter '${p}'`, 'unknown-parameter');
        return v;
      }
      return symbols.parameter(p);
    }
    case 2: {
      if (e.args.length !== 1) throw new FunctionError('variables() takes 1 argument', 'bad-arguments');
      const a0 = e.args[0]!;
      if (e.argKey !== undefined) return symbols.variableByKey(e.argKey, (a0 as { value: string }).value);
      const v = stringArg('variables', a0, text, env);
      if (isUnknown(v)) return unknownCall(v, e, [v], text);
      return symbols.variable(v);
    }
    case 3:
      return anchor(copyIndex(e, text, env), e, text);
    case 4:
      return makeLambda(e, text, env);
    case 5: {
      const v = stringArg('lambdaVariables', e.args[0]!, text, env);
      if (isUnknown(v)) return unknownCall(v, e, [v], text);
      const found = env.lambdaVars?.get(v.toLowerCase());
      if (found === undefined && !env.lambdaVars?.has(v.toLowerCase()))
        throw new FunctionError(`no lambda variable '${v}' is in scope`, 'unknown-lambda-variable');
      return found;
    }
    case 6: {
      if (e.args.length !== 3) throw new FunctionError('if() takes 3 arguments', 'bad-arguments');
      const c = evaluateExpr(e.args[0]!, text, env);
      if (isUnknown(c)) return anchor(c, e, text);
      if (typeof c !== 'boolean')
        throw new FunctionError(`if() expects a bool condition, got ${typeName(c)}`);
      return evaluateExpr(e.args[c ? 1 : 2]!, text, env);
    }
    case 7:
    case 8: {
      if (e.args.length < 2) throw new FunctionError(`${name}() takes at least 2 arguments`, 'bad-arguments');
      const decisive = name === 'or';
      let pending: Unknown | undefined;
      for (const a of e.args) {
        const v = evaluateExpr(a, text, env);
        if (isUnknown(v)) pending ??= v;
        else if (typeof v !== 'boolean')
          throw new FunctionError(`${name}() expects bool arguments, got ${typeName(v)}`);
        else if (v === decisive) return decisive;
      }
      return pending ? anchor(pending, e, text) : !decisive;
    }
    case 10: {
      const args: unknown[] = [];
      for (const a of e.args) args.push(evaluateExpr(a, text, env));
      if (typeof args[0] === 'string') {
        const known = symbols.deploymentReference(args[0]);
        if (known !== undefined)
          return typeof args[2] === 'string' && args[2].toLowerCase() === 'full'
            ? { properties: known }
            : known;
      }
      const result = callByKey(e.key, e.name, args, symbols.fn);
      return isUnknown(result) ? unknownCall(result, e, args, text) : result;
    }
    case 9: {
      for (const a of e.args) {
        const v = evaluateExpr(a, text, env);
        if (isUnknown(v)) return anchor(v, e, text);
        if (v !== null && v !== undefined) return v;
      }
      return null;
    }
  }
  const n = e.args.length;
  const args: unknown[] = [];
  for (let i = 0; i < n; i++) args.push(evaluateExpr(e.args[i]!, text, env));
  const result = callByKey(e.key, e.name, args, symbols.fn);
  return isUnknown(result) ? unknownCall(result, e, args, text) : result;
}

function copyIndex(e: Extract<Expr, { kind: 'call' }>, text: string, env: EvalEnv): unknown {
  const args = e.args.map((a) => evaluateExpr(a, text, env));
  let loop: string | undefined;
  let offset: unknown = 0;
  if (typeof args[0] === 'string') {
    loop = args[0];
    offset = args[1] ?? 0;
  } else offset = args[0] ?? 0;
  if (isUnknown(offset)) return offset;
  if (typeof offset !== 'number') throw new FunctionError('copyIndex() offset must be an integer');
  let frame = env.copy;
  const wanted = loop?.toLowerCase();
  while (frame && (wanted === undefined ? !frame.resource : frame.name.toLowerCase() !== wanted))
    frame = frame.parent;
  if (!frame)
    throw new FunctionError(
      loop
        ? `copyIndex('${loop}') is used outside the loop '${loop}'`
        : 'copyIndex() is used outside a copy loop',
      'copy-index-outside-loop',
    );
  if (isUnknown(frame.index)) return frame.index;
  return frame.index + offset;
}

function makeLambda(e: Extract<Expr, { kind: 'call' }>, text: string, env: EvalEnv): LambdaValue {
  if (e.args.length < 2)
    throw new FunctionError('lambda() needs parameter names and a body', 'bad-arguments');
  const names = e.args.slice(0, -1).map((a) => {
    if (a.kind !== 'string') throw new FunctionError('lambda() parameter names must be string literals');
    return a.value;
  });
  const body = e.args[e.args.length - 1]!;
  return new LambdaValue(names, (values) => {
    const vars = new Map(env.lambdaVars);
    names.forEach((n, i) => {
      vars.set(n.toLowerCase(), values[i]);
    });
    return evaluateExpr(body, text, { ...env, lambdaVars: vars });
  });
}

function callUserFunction(e: Extract<Expr, { kind: 'call' }>, text: string, env: EvalEnv): unknown {
  const fn = env.symbols.userFunction(e.namespace!, e.name);
  if (!fn) throw new FunctionError(`Unknown function '${e.namespace}.${e.name}'`, 'unknown-function');
  if (fn.parameters.length !== e.args.length)
    throw new FunctionError(
      `${e.namespace}.${e.name}() takes ${fn.parameters.length} argument(s), got ${e.args.length}`,
      'bad-arguments',
    );
  const depth = (env.callDepth ?? 0) + 1;
  const limit = env.symbols.fn.limits.maxDepth;
  if (depth > limit)
    throw new FunctionError(
      `user functions call each other deeper than ${limit} levels (limits.maxDepth)`,
      'cap-depth',
    );
  const values = new Map<string, unknown>();
  fn.parameters.forEach((p, i) => {
    values.set(p.toLowerCase(), evaluateExpr(e.args[i]!, text, env));
  });
  return fn.evaluate(values, { symbols: env.symbols, functionParams: values, callDepth: depth });
}
