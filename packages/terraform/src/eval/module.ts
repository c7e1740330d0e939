/**
 * Evaluation of one Terraform module instance (all `.tf` files of a folder): variables, locals,
 * resources and data sources with `count`/`for_each`, local child modules and outputs. Everything
 * is evaluated lazily on first reference, memoised, with cycle detection, so declaration order in
 * the files does not matter.
 */
import {
  type Diagnostic,
  isUnknown,
  type Limits,
  type ParameterBinding,
  type SourceSpan,
  type Unknown,
  unknown,
} from '@ztkit/core';
import type { Attribute, Block } from '../hcl/ast.js';
import {
  type BlockEvalContext,
  blockToValue,
  type EvaluatedBlock,
  evaluateAt,
  evaluateBlock,
  spanOf,
  type TfFile,
} from './blocks.js';
import { declarationsOf, type ModuleDeclarations, variableBinding } from './declarations.js';
import { type Budget, childScope, Evaluator, markComputed, Namespace, type Scope } from './evaluator.js';
import type { FunctionEnv } from './functions/index.js';
import { applyTypeConstraint } from './type-constraints.js';
import { entriesOf, isObject, TfEvalError, toNum, toStr } from './values.js';

export interface ModuleSource {
  readonly dir: string;
  readonly files: readonly TfFile[];
}

export interface ResourceInstance {
  readonly mode: 'managed' | 'data';
  readonly type: string;
  readonly name: string;
  /** Terraform address, e.g. `module.net.azurerm_subnet.app["web"]`. */
  readonly address: string;
  readonly block: EvaluatedBlock;
  /** Module call lines, outermost first. */
  readonly via: readonly SourceSpan[];
  /** Unknown when `count`/`for_each` is known only after apply. */
  readonly condition?: Unknown;
  /** The variable a top-level attribute was bound to, with its declaration. */
  binding(variable: string): ParameterBinding | undefined;
}

export interface ModuleHost {
  readonly limits: Limits;
  readonly budget: Budget;
  functionEnv(dir: string): FunctionEnv;
  report(d: Diagnostic): void;
  /** A cap was breached in this file: it ends failed. */
  failFile(path: string, reason: string): void;
  /** The ARM id Terraform's `.id` stands for, when the type is translated (undefined otherwise). */
  referenceId(type: string, value: Record<string, unknown>): string | Unknown | undefined;
  /** Extra computed attributes a reference can read (e.g. a VNet's inline subnet ids). */
  enrichReference?(type: string, value: Record<string, unknown>): void;
  /** A short name for a module folder in messages and unknown values (relative to the scan root). */
  describeDir(dir: string): string;
  /** Resolve and parse a local module folder; undefined (with a diagnostic) when it cannot be used. */
  loadLocalModule(
    fromDir: string,
    source: string,
    span: SourceSpan,
    chain: readonly string[],
  ): ModuleSource | undefined;
}

export interface ModuleOptions {
  readonly inputs?: Readonly<Record<string, unknown>>;
  readonly tfvars?: Readonly<Record<string, unknown>>;
  /** Address prefix, `module.a.` for children, '' at the root. */
  readonly prefix: string;
  readonly via: readonly SourceSpan[];
  /** Module folders from the root down to this one (cycle detection). */
  readonly chain: readonly string[];
}

interface Expansion {
  readonly instances: ResourceInstance[];
  readonly ref: unknown;
}

type Memo = { busy: true } | { busy: false; value: unknown };

export class ModuleRun {
  private readonly decls: ModuleDeclarations;
  private readonly memo = new Map<string, Memo>();
  private readonly evaluator: Evaluator;
  private readonly children = new Map<string, ModuleRun[]>();
  private readonly scope: Scope;
  private readonly qualifier: string;

  constructor(
    readonly source: ModuleSource,
    private readonly host: ModuleHost,
    private readonly options: ModuleOptions,
  ) {
    this.decls = declarationsOf(source.files, host.report);
    const where = host.describeDir(options.chain[0] ?? source.dir);
    this.qualifier = options.prefix ? `${where} ${options.prefix.slice(0, -1)}` : where;
    this.evaluator = new Evaluator(host.functionEnv(source.dir), host.budget, this.qualifier);
    this.scope = { lookup: (name) => this.lookup(name) };
  }

  /** Every managed resource instance of this module and its local child modules. */
  instances(): ResourceInstance[] {
    const out: ResourceInstance[] = [];
    for (const key of this.decls.resources.keys()) out.push(...this.expansion('managed', key).instances);
    for (const name of this.decls.modules.keys()) {
      this.moduleRef(name);
      for (const child of this.children.get(name) ?? []) out.push(...child.instances());
    }
    return out;
  }

  output(name: string): unknown {
    return this.memoised(`output.${name}`, () => {
      const decl = this.decls.outputs.get(name);
      if (!decl) throw new TfEvalError(`module has no output "${name}"`);
      return evaluateAt(decl.attr.expr, this.scope, this.blockCtx(decl.file));
    });
  }

  private lookup(name: string): unknown {
    switch (name) {
      case 'var':
        return new Namespace('var', (n) => this.variable(n));
      case 'local':
        return new Namespace('local', (n) => this.local(n));
      case 'module':
        return new Namespace('module', (n) => this.moduleRef(n));
      case 'data':
        return new Namespace(
          'data',
          (t) => new Namespace(`data.${t}`, (n) => this.expansion('data', `${t}.${n}`).ref),
        );
      case 'path':
        return {
          module: this.source.dir,
          root: this.options.chain[0] ?? this.source.dir,
          cwd: this.source.dir,
        };
      case 'terraform':
        return { workspace: 'default' };
      case 'self':
      case 'count':
      case 'each':
        throw new TfEvalError(`"${name}" is not available here`);
    }
    if (this.decls.resourceTypes.has(name))
      return new Namespace(name, (n) => this.expansion('managed', `${name}.${n}`).ref);
    throw new TfEvalError(`reference to undeclared resource or name "${name}"`);
  }

  private memoised(key: string, compute: () => unknown): unknown {
    const m = this.memo.get(key);
    if (m?.busy) throw new TfEvalError(`reference cycle through ${key}`, 'reference-cycle');
    if (m) return m.value;
    this.memo.set(key, { busy: true });
    try {
      const value = compute();
      this.memo.set(key, { busy: false, value });
      return value;
    } catch (e) {
      this.memo.delete(key);
      throw e;
    }
  }

  private blockCtx(file: TfFile): BlockEvalContext {
    return {
      evaluator: this.evaluator,
      file,
      maxItems: this.host.limits.maxCopyCount,
      report: (d) => this.host.report(d),
    };
  }

  private variable(name: string): unknown {
    return this.memoised(`var.${name}`, () => {
      const decl = this.decls.variables.get(name);
      if (!decl) throw new TfEvalError(`undeclared input variable "${name}"`);
      const given = this.options.inputs ?? this.options.tfvars ?? {};
      let value: unknown;
      if (Object.hasOwn(given, name)) value = given[name];
      else {
        const def = decl.block.body.attributes.find((a) => a.name === 'default');
        if (!def)
          return unknown(
            `variable "${name}" has no default and no value`,
            `var.${name} in ${this.qualifier}`,
          );
        value = evaluateAt(def.expr, emptyScope, this.blockCtx(decl.file));
      }
      const type = decl.block.body.attributes.find((a) => a.name === 'type')?.expr;
      return applyTypeConstraint(value, type, this.evaluator);
    });
  }

  private local(name: string): unknown {
    return this.memoised(`local.${name}`, () => {
      const decl = this.decls.locals.get(name);
      if (!decl) throw new TfEvalError(`undeclared local value "${name}"`);
      return evaluateAt(decl.attr.expr, this.scope, this.blockCtx(decl.file));
    });
  }

  private expansion(mode: 'managed' | 'data', key: string): Expansion {
    return this.memoised(`${mode}.${key}`, () => {
      const decl = (mode === 'managed' ? this.decls.resources : this.decls.data).get(key);
      if (!decl)
        throw new TfEvalError(
          `reference to undeclared ${mode === 'data' ? 'data source' : 'resource'} ${key}`,
        );
      try {
        return this.expand(mode, decl.block, decl.file);
      } catch (e) {
        if (!(e instanceof TfEvalError) || !e.code.startsWith('cap-')) throw e;
        const span = spanOf(decl.file, decl.block.start, decl.block.headerEnd);
        this.host.report({ severity: 'error', code: e.code, message: e.message, span });
        this.host.failFile(decl.file.path, `${e.message} (line ${span.startLine})`);
        return { instances: [], ref: unknown(e.message) };
      }
    }) as Expansion;
  }

  private expand(mode: 'managed' | 'data', block: Block, file: TfFile): Expansion {
    const [type, name] = block.labels as [string, string];
    const ctx = this.blockCtx(file);
    const base = `${this.options.prefix}${mode === 'data' ? 'data.' : ''}${type}.${name}`;
    const make = (suffix: string, scope: Scope, condition?: Unknown): ResourceInstance => {
      const evaluated = evaluateBlock(block, scope, ctx);
      return {
        mode,
        type,
        name,
        address: base + suffix,
        block: evaluated,
        via: this.options.via,
        condition,
        binding: (v) => this.binding(v),
      };
    };
    const referenceOf = (inst: ResourceInstance): unknown => this.referenceValue(type, inst);
    return this.repeat(block, file, {
      single: () => {
        const inst = make('', this.scope);
        return { instances: [inst], ref: referenceOf(inst) };
      },
      unknown: (scope, u) => {
        const inst = make('[*]', scope, u);
        return { instances: [inst], ref: u };
      },
      counted: (items) => {
        const instances = items.map(([suffix, scope]) => make(suffix, scope));
        return instances;
      },
      referenceOf,
    });
  }

  /** Shared `count` / `for_each` expansion of resources, data sources and module calls. */
  private repeat<T>(
    block: Block,
    file: TfFile,
    how: {
      single: () => Expansion;
      unknown: (scope: Scope, u: Unknown) => Expansion;
      counted: (items: [string, Scope, string | number][]) => T[];
      referenceOf: (item: T) => unknown;
    },
  ): Expansion {
    const ctx = this.blockCtx(file);
    const count = block.body.attributes.find((a) => a.name === 'count');
    const forEach = block.body.attributes.find((a) => a.name === 'for_each');
    if (!count && !forEach) return how.single();
    const attr = (count ?? forEach) as Attribute;
    const value = evaluateAt(attr.expr, this.scope, ctx);
    if (isUnknown(value)) {
      const u = unknown(`${attr.name} is known only after apply`, `${attr.name} in ${this.qualifier}`);
      const scope = childScope(this.scope, count ? { count: { index: u } } : { each: { key: u, value: u } });
      return how.unknown(scope, u);
    }
    let items: [string, Scope, string | number][];
    if (count) {
      const n = value === null ? 0 : Math.trunc(toNum(value, 'count'));
      this.checkCap(n, attr);
      items = Array.from({ length: Math.max(0, n) }, (_x, i) => [
        `[${i}]`,
        childScope(this.scope, { count: { index: i } }),
        i,
      ]);
    } else {
      const entries: [string, unknown][] = isObject(value)
        ? entriesOf(value).map(([k, v]) => [String(k), v])
        : Array.isArray(value)
          ? value.map((v) => [toStr(v, 'for_each element'), v])
          : [];
      if (value !== null && !isObject(value) && !Array.isArray(value))
        throw new TfEvalError('for_each must be a map or a set of strings');
      this.checkCap(entries.length, attr);
      items = entries.map(([k, v]) => [
        `[${JSON.stringify(k)}]`,
        childScope(this.scope, { each: { key: k, value: v } }),
        k,
      ]);
    }
    const made = how.counted(items);
    let ref: unknown;
    if (count) ref = made.map((m) => how.referenceOf(m));
    else {
      const obj: Record<string, unknown> = {};
      made.forEach((m, i) => {
        obj[String(items[i]![2])] = how.referenceOf(m);
      });
      ref = obj;
    }
    return { instances: made as unknown as ResourceInstance[], ref };
  }

  private checkCap(n: number, attr: Attribute): void {
    if (n > this.host.limits.maxCopyCount)
      throw new TfEvalError(
        `${attr.name} is ${n}, over the cap of ${this.host.limits.maxCopyCount} instances (limits.maxCopyCount)`,
        'cap-copy-count',
      );
  }

  private referenceValue(type: string, inst: ResourceInstance): Record<string, unknown> {
    const value = blockToValue(inst.block);
    const id = this.host.referenceId(type, value);
    value.id = id ?? unknown('known after apply', `${inst.type}.${inst.name}.id in ${this.qualifier}`);
    this.host.enrichReference?.(type, value);
    return markComputed(value);
  }

  /**
   * What the variable lets a deployer choose. At the root: its default and validated values, unless
   * a var file gives the value (then that value is judged, no choice is left). In a child module the caller
   * decides: a known value it passes is the value (no binding); passing nothing leaves the default
   * (the validated values are choices nobody makes); an unknown value is still bounded by them.
   */
  private binding(variable: string): ParameterBinding | undefined {
    const decl = this.decls.variables.get(variable);
    if (!decl) return undefined;
    const b = variableBinding(variable, decl.block, decl.file, this.evaluator);
    const inputs = this.options.inputs;
    if (!inputs) {
      // At the root, a value from terraform.tfvars, *.auto.tfvars or --var-file is the deployment.
      const tfvars = this.options.tfvars;
      if (!tfvars || !Object.hasOwn(tfvars, variable)) return b;
      return isUnknown(tfvars[variable]) ? { ...b, defaultValue: undefined } : undefined;
    }
    if (!Object.hasOwn(inputs, variable)) return { ...b, allowedValues: undefined };
    return isUnknown(inputs[variable]) ? { ...b, defaultValue: undefined } : undefined;
  }

  private moduleRef(name: string): unknown {
    return this.memoised(`module.${name}`, () => {
      const decl = this.decls.modules.get(name);
      if (!decl) throw new TfEvalError(`reference to undeclared module "${name}"`);
      const { block, file } = decl;
      const ctx = this.blockCtx(file);
      const callSpan = spanOf(file, block.start, block.headerEnd);
      const sourceAttr = block.body.attributes.find((a) => a.name === 'source');
      const source = sourceAttr ? evaluateAt(sourceAttr.expr, emptyScope, ctx) : undefined;
      const external = markComputed({});
      if (typeof source !== 'string' || !(source.startsWith('./') || source.startsWith('../'))) {
        this.host.report({
          severity: 'info',
          code: 'module-not-resolved',
          message: `module "${name}" comes from ${typeof source === 'string' ? JSON.stringify(source) : 'an unknown source'}, which is not a local folder; its resources are not scanned`,
          span: callSpan,
        });
        return external;
      }
      if (this.options.chain.length >= this.host.limits.maxModuleDepth) {
        this.host.report({
          severity: 'error',
          code: 'cap-module-depth',
          message: `module "${name}" is nested deeper than ${this.host.limits.maxModuleDepth} levels (limits.maxModuleDepth)`,
          span: callSpan,
        });
        return external;
      }
      const child = this.host.loadLocalModule(this.source.dir, source, callSpan, this.options.chain);
      if (!child) return external;
      const runs: ModuleRun[] = [];
      this.children.set(name, runs);
      const start = (suffix: string, scope: Scope): ModuleRun => {
        const inputs: Record<string, unknown> = {};
        for (const a of block.body.attributes)
          if (!MODULE_META.has(a.name)) inputs[a.name] = evaluateAt(a.expr, scope, ctx);
        const run = new ModuleRun(child, this.host, {
          inputs,
          prefix: `${this.options.prefix}module.${name}${suffix}.`,
          via: [...this.options.via, callSpan],
          chain: [...this.options.chain, child.dir],
        });
        runs.push(run);
        return run;
      };
      const outputsOf = (run: ModuleRun): Namespace => new Namespace(`module.${name}`, (o) => run.output(o));
      return this.repeat<ModuleRun>(block, file, {
        single: () => ({ instances: [], ref: outputsOf(start('', this.scope)) }),
        unknown: (scope, u) => {
          start('[*]', scope);
          return { instances: [], ref: u };
        },
        counted: (items) => items.map(([suffix, scope]) => start(suffix, scope)),
        referenceOf: outputsOf,
      }).ref;
    });
  }
}

const MODULE_META = new Set(['source', 'version', 'count', 'for_each', 'providers', 'depends_on']);

const emptyScope: Scope = {
  lookup: (name) => {
    throw new TfEvalError(`"${name}" cannot be referenced here`);
  },
};
