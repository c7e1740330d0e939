/**
 * The symbols of one template instance: parameters (given values, else defaults, else Unknown),
 * variables (evaluated lazily on first use, with cycle detection naming the chain), variable `copy`
 * loops, and user-defined functions. Both parameters and variables are resolved case-insensitively,
 * as ARM does.
 */
import { type FunctionContext, FunctionError } from '../functions/types.js';
import { isObject, type JsonObject } from '../functions/values.js';
import type { ParameterBinding } from '../model/resource.js';
import { isUnknown, unknown } from '../model/unknown.js';
import type { EvalEnv, TemplateSymbols, UserFunction } from './evaluate.js';
import { type Expr, parseTemplateString } from './expression.js';
import { type JsonPathOrigin, lazySpan } from './origin.js';
import { type FileSink, ValueWalker } from './walk.js';

/**
 * Values given for parameters from outside the template (parameter file or nested deployment), by
 * lower-case name. A LazyInput is evaluated on first use: a deployment passes many values its
 * template never reads (resources behind false conditions).
 */
export type ParameterInputs = ReadonlyMap<string, unknown>;

export class LazyInput {
  private done = false;
  private value: unknown;
  constructor(private readonly compute: () => unknown) {}
  get(): unknown {
    if (!this.done) {
      this.value = this.compute();
      this.done = true;
    }
    return this.value;
  }
}

interface Entry {
  readonly name: string;
  readonly raw: unknown;
  readonly origin: JsonPathOrigin;
}

type Slot = { state: 'evaluating' } | { state: 'done'; value: unknown };

/**
 * One section (`parameters` or `variables`) looked up case-insensitively on demand: compiled
 * templates declare hundreds of entries per nested template and use a fraction of them.
 */
class Section {
  private readonly entries = new Map<string, Entry | null>();
  private readonly raw: JsonObject;
  constructor(
    raw: unknown,
    private readonly origin: JsonPathOrigin,
    private readonly skip?: string,
  ) {
    this.raw = isObject(raw) ? raw : {};
  }

  /** `key` is the lower-case name; `name` as written, which usually matches the declaration exactly. */
  get(key: string, name: string = key): Entry | undefined {
    const cached = this.entries.get(key);
    if (cached !== undefined) return cached ?? undefined;
    let found: string | undefined = Object.hasOwn(this.raw, name) ? name : undefined;
    found ??= Object.keys(this.raw).find((k) => k.toLowerCase() === key);
    const entry =
      found === undefined || found === this.skip
        ? null
        : { name: found, raw: this.raw[found], origin: this.origin.child(found) };
    this.entries.set(key, entry);
    return entry ?? undefined;
  }
}

/** Lower-case names, memoised: expression names are the same few strings over and over. */
const lowerCache = new Map<string, string>();
export function lower(name: string): string {
  let l = lowerCache.get(name);
  if (l === undefined) {
    if (lowerCache.size > 100_000) lowerCache.clear();
    l = name.toLowerCase();
    lowerCache.set(name, l);
  }
  return l;
}

export class TemplateSymbolTable implements TemplateSymbols {
  private readonly params: Section;
  private readonly vars: Section;
  private readonly varLoops = new Map<string, { name: string; loop: JsonObject; origin: JsonPathOrigin }>();
  private readonly paramSlots = new Map<string, Slot>();
  private readonly varSlots = new Map<string, Slot>();
  private readonly evaluating: string[] = [];
  private readonly functions = new Map<string, UserFunction>();
  private readonly bindingCache = new Map<string, ParameterBinding | null>();
  private readonly walker: ValueWalker;
  private readonly limits: FileSink['limits'];

  constructor(
    template: JsonObject,
    origin: JsonPathOrigin,
    private readonly inputs: ParameterInputs,
    readonly fn: FunctionContext,
    sink: FileSink,
    /** A nested or linked deployment: its caller, not a deployer, gives the parameter values. */
    private readonly nested = false,
  ) {
    this.params = new Section(template.parameters, origin.child('parameters'));
    this.vars = new Section(template.variables, origin.child('variables'), 'copy');
    this.limits = sink.limits;
    this.walker = new ValueWalker(sink, this.env());
    const vars = template.variables;
    if (isObject(vars) && Array.isArray(vars.copy)) {
      vars.copy.forEach((loop, i) => {
        if (isObject(loop) && typeof loop.name === 'string')
          this.varLoops.set(loop.name.toLowerCase(), {
            name: loop.name,
            loop,
            origin: origin.child('variables').child('copy').child(i),
          });
      });
    }
    this.indexFunctions(template.functions, origin.child('functions'), sink);
  }

  env(): EvalEnv {
    return { symbols: this };
  }

  parameter(name: string): unknown {
    return this.parameterByKey(lower(name), name);
  }

  parameterByKey(key: string, name: string): unknown {
    const slot = this.paramSlots.get(key);
    if (slot?.state === 'done') return slot.value;
    const entry = this.params.get(key, name);
    if (!entry) throw new FunctionError(`the template has no parameter '${name}'`, 'unknown-parameter');
    if (slot?.state === 'evaluating') throw this.cycle('parameter', entry.name);
    if (this.inputs.has(key)) {
      const given = this.inputs.get(key);
      let value = given;
      if (given instanceof LazyInput) {
        this.paramSlots.set(key, { state: 'evaluating' });
        value = given.get();
      }
      // ARM treats a null value as not given: the default applies (Bicep's optional module parameters).
      if (value !== null) {
        this.paramSlots.set(key, { state: 'done', value });
        return value;
      }
    }
    const decl = isObject(entry.raw) ? entry.raw : {};
    let value: unknown;
    if ('defaultValue' in decl) {
      this.paramSlots.set(key, { state: 'evaluating' });
      this.evaluating.push(`parameter '${entry.name}'`);
      try {
        value = this.walker.value(decl.defaultValue, entry.origin.child('defaultValue'));
      } finally {
        this.evaluating.pop();
      }
    } else if (decl.nullable === true) value = null;
    else
      value = unknown(
        `parameter '${entry.name}' has no default value and no value was given`,
        `parameters('${entry.name}')`,
      );
    this.paramSlots.set(key, { state: 'done', value });
    return value;
  }

  variable(name: string): unknown {
    return this.variableByKey(lower(name), name);
  }

  variableByKey(key: string, name: string): unknown {
    const slot = this.varSlots.get(key);
    if (slot?.state === 'done') return slot.value;
    const entry = this.vars.get(key, name);
    const loop = this.varLoops.get(key);
    if (!entry && !loop)
      throw new FunctionError(`the template has no variable '${name}'`, 'unknown-variable');
    if (slot?.state === 'evaluating') throw this.cycle('variable', entry?.name ?? loop!.name);
    this.varSlots.set(key, { state: 'evaluating' });
    this.evaluating.push(`variable '${entry?.name ?? loop!.name}'`);
    let value: unknown;
    try {
      value = entry
        ? this.walker.value(entry.raw, entry.origin)
        : this.evaluateLoop(loop!.name, loop!.loop, loop!.origin);
    } finally {
      this.evaluating.pop();
    }
    this.varSlots.set(key, { state: 'done', value });
    return value;
  }

  private evaluateLoop(name: string, loop: JsonObject, origin: JsonPathOrigin): unknown {
    const count = this.walker.count(loop.count, origin.child('count'), name);
    if (typeof count !== 'number') return count;
    const items: unknown[] = [];
    for (let i = 0; i < count; i++) {
      const walker = this.walker.with({
        symbols: this,
        copy: { name, index: i, resource: false },
      });
      items.push(walker.value(loop.input, origin.child('input')));
    }
    return items;
  }

  private cycle(kind: string, name: string): FunctionError {
    const chain = [...this.evaluating, `${kind} '${name}'`].join(' -> ');
    return new FunctionError(`${kind} '${name}' depends on itself: ${chain}`, 'cyclic-variable');
  }

  /** Nested deployments of this template by lower-case deployment name and symbolic name (see file.ts). */
  readonly deployments = new Map<string, () => unknown>();

  deploymentReference(target: string): unknown {
    if (this.deployments.size === 0) return undefined;
    const at = target.toLowerCase().lastIndexOf('/microsoft.resources/deployments/');
    const name = at >= 0 ? target.slice(at + '/microsoft.resources/deployments/'.length) : target;
    return this.deployments.get(lower(name))?.();
  }

  userFunction(namespace: string, name: string): UserFunction | undefined {
    return this.functions.get(`${namespace}.${name}`.toLowerCase());
  }

  private indexFunctions(section: unknown, origin: JsonPathOrigin, sink: FileSink): void {
    if (!Array.isArray(section)) return;
    section.forEach((ns, i) => {
      if (!isObject(ns) || typeof ns.namespace !== 'string' || !isObject(ns.members)) return;
      const membersOrigin = origin.child(i).child('members');
      for (const [fnName, def] of Object.entries(ns.members)) {
        if (!isObject(def)) continue;
        const params = Array.isArray(def.parameters)
          ? def.parameters.map((p) => (isObject(p) && typeof p.name === 'string' ? p.name : ''))
          : [];
        const output = isObject(def.output) ? def.output : {};
        const outOrigin = membersOrigin.child(fnName).child('output').child('value');
        this.functions.set(`${ns.namespace}.${fnName}`.toLowerCase(), {
          parameters: params,
          evaluate: (_args, env) => new ValueWalker(sink, env).value(output.value, outOrigin),
        });
      }
    });
  }

  /** The binding a property gets when its value is exactly `parameters('x')`, or a variable that is. */
  bindingFor(expr: Expr): ParameterBinding | undefined {
    const name = singleStringCall(expr, 'parameters');
    if (name !== undefined) return this.parameterBinding(name);
    const variable = singleStringCall(expr, 'variables');
    if (variable === undefined) return undefined;
    const raw = this.vars.get(lower(variable))?.raw;
    if (typeof raw !== 'string' || !raw.startsWith('[') || raw.startsWith('[[') || !raw.endsWith(']'))
      return undefined;
    const parsed = parseTemplateString(raw, this.limits.maxExpressionLength, this.limits.maxDepth);
    if (!parsed.ok) return undefined;
    const inner = singleStringCall(parsed.expr, 'parameters');
    return inner === undefined ? undefined : this.parameterBinding(inner);
  }

  private parameterBinding(name: string): ParameterBinding | undefined {
    const key = lower(name);
    const cached = this.bindingCache.get(key);
    if (cached !== undefined) return cached ?? undefined;
    const entry = this.params.get(key);
    let binding: ParameterBinding | null = null;
    const choice = this.nested ? this.callerChoice(key) : this.rootChoice(key);
    if (entry && isObject(entry.raw) && choice !== 'fixed') {
      const decl = entry.raw;
      const allowed =
        choice !== 'default' && Array.isArray(decl.allowedValues) ? decl.allowedValues : undefined;
      const defaultValue =
        choice !== 'unknown' && 'defaultValue' in decl
          ? this.bindingDefault(key, decl.defaultValue)
          : undefined;
      binding = {
        name: entry.name,
        kind: 'parameter',
        ...(allowed ? { allowedValues: allowed } : {}),
        ...(defaultValue !== undefined ? { defaultValue } : {}),
        declaration: lazySpan(entry.origin),
      };
    }
    this.bindingCache.set(key, binding);
    return binding ?? undefined;
  }

  /**
   * At the root, a parameter file that gives a value fixes it for the deployment being judged (as
   * a caller does for a nested one); without one, the deployer chooses among the declared values.
   */
  private rootChoice(key: string): 'deployer' | 'unknown' | 'fixed' {
    const choice = this.callerChoice(key);
    return choice === 'default' ? 'deployer' : choice;
  }

  /**
   * What a nested deployment's caller leaves to choose for a parameter. A known value it passes is
   * the value ('fixed': no binding, the rule judges the value). Passing nothing (or null) leaves the
   * default as the value ('default': the allowed values are choices nobody makes). An unknown value
   * is still bounded by the allowed values ('unknown': the default does not apply).
   */
  private callerChoice(key: string): 'default' | 'unknown' | 'fixed' {
    if (!this.inputs.has(key)) return 'default';
    let given = this.inputs.get(key);
    if (given instanceof LazyInput) {
      try {
        given = given.get();
      } catch {
        return 'unknown';
      }
    }
    if (given === null || given === undefined) return 'default';
    return isUnknown(given) ? 'unknown' : 'fixed';
  }

  /**
   * The default a binding reports. A literal default is taken as written; an expression default
   * is the parameter's value when nothing overrides it (evaluated anyway). When a value is given
   * and the default is an expression, the default is left out rather than evaluated for nothing:
   * bindings must not keep the template's symbols alive (they would pin the parsed JSON in memory).
   */
  private bindingDefault(key: string, raw: unknown): unknown {
    if (!containsExpression(raw, 0)) return raw;
    const given = this.inputs.get(key);
    if (given !== undefined && !(given instanceof LazyInput && given.get() === null)) return undefined;
    try {
      return this.parameter(key);
    } catch {
      return undefined;
    }
  }
}

/** True when a raw template value has an expression string somewhere (bounded depth). */
function containsExpression(raw: unknown, depth: number): boolean {
  if (typeof raw === 'string') return raw.charCodeAt(0) === 91 && raw.charCodeAt(1) !== 91;
  if (typeof raw !== 'object' || raw === null) return false;
  if (depth > 32) return true;
  for (const v of Array.isArray(raw) ? raw : Object.values(raw))
    if (containsExpression(v, depth + 1)) return true;
  return false;
}

function singleStringCall(expr: Expr, fn: string): string | undefined {
  if (expr.kind !== 'call' || expr.namespace !== undefined || expr.args.length !== 1) return undefined;
  if (expr.key !== fn) return undefined;
  const arg = expr.args[0]!;
  return arg.kind === 'string' ? arg.value : undefined;
}
