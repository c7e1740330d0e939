/**
 * Function calls: user-defined `func`s, the few Bicep-only built-ins (`any`, `loadTextContent`,
 * `loadJsonContent`...), and everything else through the shared template function library.
 */
import {
  callTemplateFunction,
  FunctionError,
  hasTemplateFunction,
  isUnknown,
  LambdaValue,
  originOf,
  setOrigin,
  unknown,
} from '@ztkit/core';
import type { CallExpr, FuncDecl } from '../syntax/ast.js';
import { callBicepBuiltin, isBicepBuiltin, scopeValue } from './bicep-functions.js';
import { ModuleInstance } from './modules.js';
import { CallOrigin } from './origin.js';
import { ResourceInstance } from './resources.js';
import { EvaluationError } from './session.js';
import { importedTemplate, NamespaceValue } from './symbols.js';
import { bind, type Env, type Template } from './template.js';

const HASHES = new Set(['guid', 'uniquestring', 'sys.guid', 'sys.uniquestring']);

export function callFunction(t: Template, call: CallExpr, env: Env | undefined): unknown {
  const source = t.file.source(call);
  const name = call.name;
  if (call.receiver) {
    const receiver = call.receiver.kind === 'ident' ? call.receiver.name : undefined;
    // `sys.concat(...)`, `az.resourceGroup()`: namespaced built-ins, unless the name is a declared symbol.
    const isNamespace = (receiver === 'sys' || receiver === 'az') && !declares(t, receiver);
    if (!isNamespace) {
      const target = t.evaluate(call.receiver, env);
      if (target instanceof NamespaceValue && target.template)
        return callUserFunction(target.template, call, env, t, findFunc(target.template, name), source);
      // `storage.listKeys()`, `vault.getSecret('x')`: values only known at deployment.
      return unknown(`'${name}()' is only known at deployment`, source);
    }
  } else {
    const own = t.funcs.get(name);
    if (own) return callUserFunction(t, call, env, t, own, source);
    const imported = importedFunction(t, name);
    if (imported) return callUserFunction(imported.template, call, env, t, imported.decl, source);
  }
  if (isBicepBuiltin(name)) return callBicepBuiltin(t, name, call, env);
  if (!hasTemplateFunction(name)) {
    t.session.warn('unknown-function', `unknown function '${name}'`, t.spanOf(call));
    return unknown(`unknown function '${name}'`, source);
  }
  const values = call.args.map((a) => t.evaluate(a, env));
  const scope = scopeValue(name, values, source, t.scope);
  if (scope !== undefined) return scope;
  // An ID with an unknown name is a string (so graph edges still match), but hashing it would
  // fabricate a concrete name: a hash of anything unknown is unknown.
  if (HASHES.has(name.toLowerCase()) && values.some((v) => typeof v === 'string' && v.includes('<unknown')))
    return unknown('hash of a value that is not known statically', source);
  // With a lambda (`map(nsgs, n => n.id)`) the items go to our own lambda body: keep references.
  const withLambda = values.some((v) => v instanceof LambdaValue);
  const args = values.map((v) => toLibraryValue(v, source, withLambda));
  try {
    const result = callTemplateFunction(name, args, t.functions);
    if (result === undefined) return unknown(`${name}() has no value here`, source);
    // A new object or array (union, concat, filter...) still points at where its parts were written.
    if (typeof result === 'object' && result !== null && !isUnknown(result) && !originOf(result))
      setOrigin(
        result,
        new CallOrigin(t.file, call, values, Array.isArray(result) ? result.length : undefined),
      );
    return result;
  } catch (e) {
    if (e instanceof EvaluationError) throw e;
    if (e instanceof FunctionError) {
      if (e.code.startsWith('cap-')) throw new EvaluationError(e.message, e.code, t.spanOf(call));
      t.session.warn('function-error', `${name}(): ${e.message}`, t.spanOf(call));
      return unknown(e.message, source);
    }
    if (e instanceof RangeError)
      throw new EvaluationError(`${name}(): ${e.message}`, 'cap-depth', t.spanOf(call));
    throw e;
  }
}

function declares(t: Template, name: string): boolean {
  return t.params.has(name) || t.vars.has(name) || t.resources.has(name) || t.modules.has(name);
}

function findFunc(t: Template, name: string): FuncDecl | undefined {
  return t.funcs.get(name);
}

function importedFunction(t: Template, name: string): { template: Template; decl: FuncDecl } | undefined {
  for (const decl of t.imports) {
    if (decl.keyword !== 'import' || !decl.from || !decl.names.includes(name)) continue;
    const target = importedTemplate(t, decl.from);
    const func = target?.funcs.get(decl.originals?.get(name) ?? name);
    if (target && func) return { template: target, decl: func };
  }
  return undefined;
}

/** User functions see only their arguments and other functions: evaluate in their own file. */
function callUserFunction(
  home: Template,
  call: CallExpr,
  env: Env | undefined,
  caller: Template,
  decl: FuncDecl | undefined,
  source: string,
): unknown {
  if (!decl) return unknown(`function '${call.name}' is not declared`, source);
  let inner: Env | undefined;
  decl.params.forEach((p, i) => {
    const arg = call.args[i];
    inner = bind(inner, p.name, arg ? caller.evaluate(arg, env) : null);
  });
  return home.evaluate(decl.body, inner);
}

/** Symbolic values are not data: the library sees them as Unknown (lambdas pass through). */
function toLibraryValue(value: unknown, source: string, keepItems: boolean): unknown {
  if (value instanceof ResourceInstance || value instanceof ModuleInstance || value instanceof NamespaceValue)
    return unknown('a resource or module reference', source);
  if (
    !keepItems &&
    Array.isArray(value) &&
    value.some((v) => v instanceof ResourceInstance || v instanceof ModuleInstance)
  )
    return value.map((v) => toLibraryValue(v, source, false));
  return value;
}
