/**
 * One evaluated Bicep file (a root template or one module instance): its declarations by name,
 * the parameter values it was given, and lazy, memoised evaluation of its symbols. Bicep
 * declarations are order-independent, so every symbol is evaluated on first use; a symbol that
 * reaches itself evaluates to Unknown instead of looping.
 */
import {
  type DeploymentScope,
  type FunctionContext,
  type SourceSpan,
  SYMBOLIC_SCOPE,
  unknown,
} from '@ztkit/core';
import type {
  BicepFile,
  Expr,
  FuncDecl,
  ImportDecl,
  ModuleDecl,
  ParamDecl,
  ResourceDecl,
  TypeDecl,
  TypeNode,
  VarDecl,
} from '../syntax/ast.js';
import { evaluateExpression } from './expressions.js';
import type { Session } from './session.js';

/** Loop items, loop indices and lambda parameters in scope. */
export interface Env {
  readonly name: string;
  readonly value: unknown;
  readonly parent: Env | undefined;
}

export function bind(env: Env | undefined, name: string | undefined, value: unknown): Env | undefined {
  return name === undefined ? env : { name, value, parent: env };
}

export type TargetScope = 'resourceGroup' | 'subscription' | 'managementGroup' | 'tenant';

export class Template {
  readonly params = new Map<string, ParamDecl>();
  readonly vars = new Map<string, VarDecl>();
  readonly resources = new Map<string, ResourceDecl>();
  readonly modules = new Map<string, ModuleDecl>();
  readonly funcs = new Map<string, FuncDecl>();
  readonly types = new Map<string, TypeDecl>();
  readonly imports: ImportDecl[] = [];
  /** Nested resources by name, as the chain of names from the top-level declaration (`[vnet, subnet]`). */
  readonly nested = new Map<string, readonly string[]>();
  readonly targetScope: TargetScope;
  /** Where this file is deployed: the caller's scope, or the module's `scope:`. */
  readonly scope: DeploymentScope;
  readonly functions: FunctionContext;
  private readonly cache = new Map<string, unknown>();
  private readonly evaluating = new Set<string>();

  constructor(
    readonly session: Session,
    readonly file: BicepFile,
    /** Parameter values given by the caller (module `params`, a parameter file). */
    readonly inputs: ReadonlyMap<string, unknown>,
    /** Calling module declarations, outermost first (empty for a root file). */
    readonly via: readonly SourceSpan[],
    /** Absolute paths of the files from the root to this one, to detect module cycles. */
    readonly stack: readonly string[],
    /** The caller's deployment scope with the module's `scope:` applied (symbolic for a root file). */
    placement: DeploymentScope = SYMBOLIC_SCOPE,
    /** In a `.bicepparam` file with `extends`: the base file's values, which `base.x` reads. */
    readonly base?: unknown,
  ) {
    let scope: TargetScope = 'resourceGroup';
    for (const d of file.declarations) {
      switch (d.kind) {
        case 'param':
          this.params.set(d.name, d);
          break;
        case 'var':
          this.vars.set(d.name, d);
          break;
        case 'resource':
          this.resources.set(d.name, d);
          this.indexNested(d, [d.name]);
          break;
        case 'module':
          this.modules.set(d.name, d);
          break;
        case 'func':
          this.funcs.set(d.name, d);
          break;
        case 'typeDecl':
          this.types.set(d.name, d);
          break;
        case 'import':
          this.imports.push(d);
          break;
        case 'targetScope':
          if (d.value.kind === 'literal' && typeof d.value.value === 'string')
            scope = d.value.value as TargetScope;
          break;
      }
    }
    this.targetScope = scope;
    this.scope = { ...placement, targetScope: scope };
    this.functions = session.functionsFor(this.scope);
  }

  private indexNested(decl: ResourceDecl, chain: readonly string[]): void {
    if (chain.length > 16) return;
    for (const child of decl.children) {
      const path = [...chain, child.name];
      if (!this.nested.has(child.name)) this.nested.set(child.name, path);
      this.indexNested(child, path);
    }
  }

  evaluate(expr: Expr, env: Env | undefined): unknown {
    return evaluateExpression(this, expr, env);
  }

  spanOf(node: { start: number; end: number }): SourceSpan {
    return this.file.spanOf(node);
  }

  /** Memoised evaluation of a named symbol; a cycle yields Unknown. */
  memo(key: string, compute: () => unknown): unknown {
    if (this.cache.has(key)) return this.cache.get(key);
    if (this.evaluating.has(key)) return unknown(`'${key}' refers to itself`, key);
    this.evaluating.add(key);
    try {
      const value = compute();
      this.cache.set(key, value);
      return value;
    } finally {
      this.evaluating.delete(key);
    }
  }

  paramValue(name: string): unknown {
    return this.memo(`param:${name}`, () => {
      const decl = this.params.get(name);
      const given = this.inputs.get(name);
      // ARM treats a null parameter value as not given: the default applies (AVM passes `x.?y` on purpose).
      if (given !== undefined && !(given === null && decl?.value)) return given;
      if (!decl) return unknown(`parameter '${name}' is not declared`, name);
      if (decl.value) return this.evaluate(decl.value, undefined);
      if (decl.type && isNullable(decl.type)) return null;
      return unknown(`parameter '${name}' has no default value`, name);
    });
  }

  /** `@allowed([...])` values, or the members of a literal union type (`'a' | 'b'`). */
  allowedValues(decl: ParamDecl): readonly unknown[] | undefined {
    const allowed = decl.decorators.find((d) => d.name === 'allowed');
    if (allowed?.args[0]) {
      const value = this.evaluate(allowed.args[0], undefined);
      if (Array.isArray(value)) return value;
    }
    return decl.type ? this.literalUnion(decl.type, 0) : undefined;
  }

  /** The values of a union of literals, looking through `?`, parentheses and local `type` aliases. */
  private literalUnion(type: TypeNode, depth: number): readonly unknown[] | undefined {
    if (depth > 16) return undefined;
    if (type.form === 'nullable' || type.form === 'paren')
      return this.literalUnion(type.members![0]!, depth + 1);
    if (type.form === 'ref' && type.name) {
      const alias = this.types.get(type.name);
      return alias ? this.literalUnion(alias.value, depth + 1) : undefined;
    }
    if (type.form === 'literal') return [type.value];
    if (type.form !== 'union') return undefined;
    const out: unknown[] = [];
    for (const m of type.members ?? []) {
      const values = this.literalUnion(m, depth + 1);
      if (!values) return undefined;
      out.push(...values);
    }
    return out;
  }

  /** Whether `name` at this point means a template parameter (not shadowed by a loop or lambda variable). */
  isParameter(name: string, env: Env | undefined): boolean {
    for (let e = env; e; e = e.parent) if (e.name === name) return false;
    return this.params.has(name);
  }
}

function isNullable(type: TypeNode): boolean {
  if (type.form === 'nullable') return true;
  if (type.form === 'paren') return isNullable(type.members![0]!);
  if (type.form === 'union') return type.members!.some((m) => m.form === 'literal' && m.value === null);
  return false;
}
