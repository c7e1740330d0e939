/**
 * Evaluates HCL expressions to Terraform values. Values known only after apply are `Unknown` and
 * propagate through operators and functions; errors are `TfEvalError`s, which `try()`/`can()` catch
 * and the caller turns into located diagnostics. Every node costs one step of a shared budget.
 */
import { isUnknown, type Unknown, unknown } from '@ztkit/core';
import type { Expr, ExprOf, TemplatePart, TraversalStep } from '../hcl/ast.js';
import { FUNCTIONS, type FunctionEnv } from './functions/index.js';
import {
  entriesOf,
  isObject,
  TfEvalError,
  type TfObject,
  toBool,
  toNum,
  toStr,
  typeName,
  valuesEqual,
} from './values.js';

/** A lazily resolved name space: `var`, `local`, `module`, `data`, a resource type... */
export class Namespace {
  constructor(
    readonly label: string,
    readonly get: (name: string) => unknown,
  ) {}
}

/** Objects whose missing attributes are computed by the provider (resource instances): Unknown, not an error. */
const computedObjects = new WeakSet<object>();

export function markComputed<T extends object>(o: T): T {
  computedObjects.add(o);
  return o;
}

export interface Scope {
  lookup(name: string): unknown;
}

export function childScope(parent: Scope, vars: Readonly<Record<string, unknown>>): Scope {
  return {
    lookup: (name) => (Object.hasOwn(vars, name) ? vars[name] : parent.lookup(name)),
  };
}

export interface Budget {
  steps: number;
  readonly maxSteps: number;
}

/** Source text of a reference chain (`azurerm_subnet.app.id`), for Unknown reasons. */
export function exprText(e: Expr): string {
  switch (e.kind) {
    case 'variable':
      return e.name;
    case 'getattr':
      return `${exprText(e.object)}.${e.name}`;
    case 'index':
      return `${exprText(e.object)}[${e.key.kind === 'literal' ? JSON.stringify(e.key.value) : '...'}]`;
    case 'splat':
      return `${exprText(e.source)}[*]`;
    case 'call':
      return `${e.name}(...)`;
    default:
      return 'expression';
  }
}

export class Evaluator {
  constructor(
    readonly env: FunctionEnv,
    readonly budget: Budget,
    /**
     * Where unknowns come from (`quickstart/web module.net`): appended to their expression so that
     * resources named by an unknown in different folders do not share an id.
     */
    readonly qualifier?: string,
  ) {}

  /** An Unknown for a value known only after apply, qualified by the module it comes from. */
  afterApply(e: Expr): Unknown {
    const text = exprText(e);
    return unknown('known after apply', this.qualifier ? `${text} in ${this.qualifier}` : text);
  }

  private step(): void {
    if (++this.budget.steps > this.budget.maxSteps)
      throw new TfEvalError(
        `evaluation exceeded ${this.budget.maxSteps} steps (limits.maxEvaluationSteps)`,
        'cap-evaluation-steps',
      );
  }

  eval(e: Expr, scope: Scope): unknown {
    this.step();
    switch (e.kind) {
      case 'literal':
        return e.value;
      case 'parens':
        return this.eval(e.expr, scope);
      case 'template':
        return this.template(e.parts, scope);
      case 'variable':
        return scope.lookup(e.name);
      case 'getattr':
        return this.getAttr(this.eval(e.object, scope), e.name, e);
      case 'index':
        return this.index(this.eval(e.object, scope), this.eval(e.key, scope), e);
      case 'splat':
        return this.splat(e, scope);
      case 'call':
        return this.call(e, scope);
      case 'tuple':
        return e.items.map((x) => this.eval(x, scope));
      case 'object':
        return this.object(e, scope);
      case 'for':
        return this.forExpr(e, scope);
      case 'conditional':
        return this.conditional(e, scope);
      case 'unary': {
        const v = this.eval(e.operand, scope);
        if (isUnknown(v)) return v;
        return e.op === '!' ? !toBool(v, 'operand of !') : -toNum(v, 'operand of -');
      }
      case 'binary':
        return this.binary(e, scope);
    }
  }

  getAttr(obj: unknown, name: string, e: Expr): unknown {
    if (isUnknown(obj)) return obj;
    if (obj instanceof Namespace) return obj.get(name);
    if (isObject(obj)) {
      if (Object.hasOwn(obj, name)) return obj[name];
      if (computedObjects.has(obj)) return this.afterApply(e);
      throw new TfEvalError(`unsupported attribute "${name}" (${exprText(e)})`);
    }
    if (obj === null)
      throw new TfEvalError(`attempt to get attribute "${name}" from a null value (${exprText(e)})`);
    throw new TfEvalError(`a ${typeName(obj)} has no attribute "${name}" (${exprText(e)})`);
  }

  index(obj: unknown, key: unknown, e: Expr): unknown {
    if (isUnknown(obj)) return obj;
    if (isUnknown(key)) return unknown('index known after apply', exprText(e));
    if (obj instanceof Namespace) return obj.get(toStr(key));
    if (Array.isArray(obj)) {
      const i = toNum(key, 'index');
      if (!Number.isInteger(i) || i < 0 || i >= obj.length)
        throw new TfEvalError(`index ${i} out of range for a list of ${obj.length} (${exprText(e)})`);
      return obj[i];
    }
    if (isObject(obj)) {
      const k = toStr(key, 'key');
      if (Object.hasOwn(obj, k)) return obj[k];
      if (computedObjects.has(obj)) return this.afterApply(e);
      throw new TfEvalError(`key ${JSON.stringify(k)} not found (${exprText(e)})`);
    }
    throw new TfEvalError(`cannot index a ${typeName(obj)} (${exprText(e)})`);
  }

  private applySteps(value: unknown, steps: readonly TraversalStep[], scope: Scope, e: Expr): unknown {
    let v = value;
    for (const s of steps)
      v = s.kind === 'attr' ? this.getAttr(v, s.name, e) : this.index(v, this.eval(s.key, scope), e);
    return v;
  }

  private splat(e: ExprOf<'splat'>, scope: Scope): unknown {
    const source = this.eval(e.source, scope);
    if (isUnknown(source)) return source;
    if (source === null) return [];
    if (Array.isArray(source)) return source.map((x) => this.applySteps(x, e.steps, scope, e));
    if (source instanceof Namespace) return unknown('splat over a name space', exprText(e));
    return [this.applySteps(source, e.steps, scope, e)];
  }

  private object(e: ExprOf<'object'>, scope: Scope): TfObject {
    const out: TfObject = {};
    for (const item of e.items) {
      const key = item.bareKey ?? this.eval(item.key, scope);
      if (isUnknown(key)) continue; // An unknown key cannot be addressed by rules anyway.
      out[toStr(key, 'object key')] = this.eval(item.value, scope);
    }
    return out;
  }

  private conditional(e: ExprOf<'conditional'>, scope: Scope): unknown {
    const c = this.eval(e.cond, scope);
    if (isUnknown(c)) {
      const a = this.eval(e.whenTrue, scope);
      const b = this.eval(e.whenFalse, scope);
      return valuesEqual(a, b) ? a : unknown('condition known after apply', exprText(e.cond));
    }
    return toBool(c, 'condition') ? this.eval(e.whenTrue, scope) : this.eval(e.whenFalse, scope);
  }

  private binary(e: ExprOf<'binary'>, scope: Scope): unknown {
    const l = this.eval(e.left, scope);
    if (e.op === '&&' && l === false) return false;
    if (e.op === '||' && l === true) return true;
    const r = this.eval(e.right, scope);
    if (e.op === '&&' && r === false) return false;
    if (e.op === '||' && r === true) return true;
    if (isUnknown(l)) return l;
    if (isUnknown(r)) return r;
    switch (e.op) {
      case '==':
        return valuesEqual(l, r);
      case '!=':
        return !valuesEqual(l, r);
      case '&&':
        return toBool(l) && toBool(r);
      case '||':
        return toBool(l) || toBool(r);
    }
    const a = toNum(l, 'left operand');
    const b = toNum(r, 'right operand');
    switch (e.op) {
      case '+':
        return a + b;
      case '-':
        return a - b;
      case '*':
        return a * b;
      case '/':
        if (b === 0) throw new TfEvalError('division by zero');
        return a / b;
      case '%':
        if (b === 0) throw new TfEvalError('modulo by zero');
        return a % b;
      case '<':
        return a < b;
      case '>':
        return a > b;
      case '<=':
        return a <= b;
      case '>=':
        return a >= b;
    }
    throw new TfEvalError(`unknown operator ${e.op}`);
  }

  private forExpr(e: ExprOf<'for'>, scope: Scope): unknown {
    const coll = this.eval(e.collection, scope);
    if (isUnknown(coll)) return coll;
    if (coll === null) throw new TfEvalError('for expression over a null value');
    const entries = entriesOf(coll, 'for collection');
    const isObjectFor = e.keyExpr !== undefined;
    const list: unknown[] = [];
    const obj: TfObject = {};
    for (const [k, v] of entries) {
      this.step();
      const vars: Record<string, unknown> = { [e.valueVar]: v };
      if (e.keyVar) vars[e.keyVar] = k;
      const inner = childScope(scope, vars);
      if (e.cond) {
        const c = this.eval(e.cond, inner);
        if (isUnknown(c)) return unknown('for condition known after apply', exprText(e.cond));
        if (!toBool(c, 'for condition')) continue;
      }
      if (!isObjectFor) {
        list.push(this.eval(e.valueExpr, inner));
        continue;
      }
      const key = this.eval(e.keyExpr!, inner);
      if (isUnknown(key)) return unknown('for key known after apply', exprText(e.keyExpr!));
      const ks = toStr(key, 'for key');
      const value = this.eval(e.valueExpr, inner);
      if (e.grouping) {
        const group = (obj[ks] ?? []) as unknown[];
        group.push(value);
        obj[ks] = group;
      } else if (Object.hasOwn(obj, ks))
        throw new TfEvalError(`duplicate key ${JSON.stringify(ks)} in for expression`);
      else obj[ks] = value;
    }
    return isObjectFor ? obj : list;
  }

  private call(e: ExprOf<'call'>, scope: Scope): unknown {
    const name = e.name;
    if (name === 'try') return this.tryCall(e, scope);
    if (name === 'can') {
      // Checked outside the try: a wrong call is the author's error, not a value `can` may swallow.
      if (e.args.length !== 1)
        throw new TfEvalError(`can() takes exactly 1 argument, got ${e.args.length}`, 'bad-arguments');
      try {
        const v = this.eval(e.args[0]!, scope);
        return isUnknown(v) ? v : true;
      } catch (err) {
        if (err instanceof TfEvalError && !err.code.startsWith('cap-')) return false;
        throw err;
      }
    }
    // Provider functions run inside the provider at plan time: their value is not ours to compute.
    if (name.startsWith('provider::'))
      return unknown(`${name}() is computed by the provider at plan time`, `${name}()`);
    const def = FUNCTIONS[name];
    if (!def) throw new TfEvalError(`unknown function ${name}()`, 'unknown-function');
    let args = e.args.map((a) => this.eval(a, scope));
    if (e.expandFinal && args.length) {
      const last = args[args.length - 1];
      if (isUnknown(last)) return unknown(`${name}() over a value known after apply`, exprText(e));
      if (!Array.isArray(last)) throw new TfEvalError(`${name}(): the argument before ... must be a list`);
      args = [...args.slice(0, -1), ...last];
    }
    if (args.length < def.min || args.length > def.max)
      throw new TfEvalError(
        `${name}() takes ${def.min === def.max ? def.min : `${def.min}..${def.max}`} arguments`,
      );
    if (!def.acceptsUnknown) {
      const u = args.find(isUnknown) as Unknown | undefined;
      if (u) return unknown(`${name}() of a value known after apply`, exprText(e));
    }
    try {
      return def.run(args, this.env);
    } catch (err) {
      if (err instanceof TfEvalError) throw new TfEvalError(`${name}(): ${err.message}`, err.code);
      if (err instanceof RangeError || err instanceof TypeError)
        throw new TfEvalError(`${name}(): ${err.message}`);
      throw err;
    }
  }

  private tryCall(e: ExprOf<'call'>, scope: Scope): unknown {
    let last: TfEvalError | undefined;
    for (const a of e.args) {
      try {
        return this.eval(a, scope);
      } catch (err) {
        if (!(err instanceof TfEvalError) || err.code.startsWith('cap-')) throw err;
        last = err;
      }
    }
    throw new TfEvalError(`try(): no argument could be evaluated${last ? ` (${last.message})` : ''}`);
  }

  template(parts: readonly TemplatePart[], scope: Scope): unknown {
    if (parts.length === 1 && parts[0]!.kind === 'interp') return this.eval(parts[0]!.expr, scope);
    let out = '';
    let unknownPart: Unknown | undefined;
    const append = (v: unknown, what: string): void => {
      if (isUnknown(v)) unknownPart ??= v;
      else if (!unknownPart) out += toStr(v, what);
    };
    for (const p of parts) {
      this.step();
      if (p.kind === 'literal') append(p.text, 'text');
      else if (p.kind === 'interp') append(this.eval(p.expr, scope), 'interpolated value');
      else if (p.kind === 'if') {
        const c = this.eval(p.cond, scope);
        if (isUnknown(c)) append(c, 'condition');
        else
          append(
            this.template(toBool(c, 'template condition') ? p.whenTrue : (p.whenFalse ?? []), scope),
            'text',
          );
      } else {
        const coll = this.eval(p.collection, scope);
        if (isUnknown(coll)) {
          append(coll, 'collection');
          continue;
        }
        for (const [k, v] of entriesOf(coll, 'template for collection')) {
          const vars: Record<string, unknown> = { [p.valueVar]: v };
          if (p.keyVar) vars[p.keyVar] = k;
          append(this.templateText(p.body, childScope(scope, vars)), 'text');
        }
      }
    }
    return unknownPart ? unknown('template with a value known after apply', unknownPart.expression) : out;
  }

  /** A template body inside a directive always renders to text. */
  private templateText(parts: readonly TemplatePart[], scope: Scope): unknown {
    const v = this.template(parts, scope);
    if (parts.length === 1 && parts[0]!.kind === 'interp' && !isUnknown(v))
      return toStr(v, 'interpolated value');
    return v;
  }
}
