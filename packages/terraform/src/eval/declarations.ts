/** The top-level declarations of a module's files, indexed by name. */
import { basename } from 'node:path';
import type { Diagnostic, ParameterBinding } from '@ztkit/core';
import type { Attribute, Block, Expr } from '../hcl/ast.js';
import { fileOf, markFile, spanOf, type TfFile } from './blocks.js';
import type { Evaluator } from './evaluator.js';

export interface Declared<T> {
  readonly block: T;
  readonly file: TfFile;
}

export interface ModuleDeclarations {
  readonly variables: Map<string, Declared<Block>>;
  readonly locals: Map<string, { readonly attr: Attribute; readonly file: TfFile }>;
  /** Keyed `type.name`. */
  readonly resources: Map<string, Declared<Block>>;
  readonly data: Map<string, Declared<Block>>;
  readonly modules: Map<string, Declared<Block>>;
  readonly outputs: Map<string, { readonly attr: Attribute; readonly file: TfFile }>;
  readonly resourceTypes: Set<string>;
}

/** `override.tf` and `*_override.tf`: merged into the other files' blocks, not declarations of their own. */
export function isOverrideFile(path: string): boolean {
  const name = basename(path);
  return name === 'override.tf' || name.endsWith('_override.tf');
}

export function declarationsOf(
  files: readonly TfFile[],
  report: (d: Diagnostic) => void,
): ModuleDeclarations {
  const d: ModuleDeclarations = {
    variables: new Map(),
    locals: new Map(),
    resources: new Map(),
    data: new Map(),
    modules: new Map(),
    outputs: new Map(),
    resourceTypes: new Set(),
  };
  const outputs = new Map<string, Declared<Block>>();
  const add = <T>(
    map: Map<string, T>,
    key: string,
    value: T,
    file: TfFile,
    node: { start: number; end: number },
  ) => {
    if (map.has(key)) {
      report({
        severity: 'error',
        code: 'duplicate-declaration',
        message: `${key} is declared twice; the first declaration is used`,
        span: spanOf(file, node.start, node.end),
      });
      return;
    }
    map.set(key, value);
  };
  const blockMap = (b: Block): [Map<string, Declared<Block>>, string] | undefined => {
    const [l0, l1] = b.labels;
    switch (b.type) {
      case 'variable':
        return l0 ? [d.variables, l0] : undefined;
      case 'resource':
        return l0 && l1 ? [d.resources, `${l0}.${l1}`] : undefined;
      case 'data':
        return l0 && l1 ? [d.data, `${l0}.${l1}`] : undefined;
      case 'module':
        return l0 ? [d.modules, l0] : undefined;
      case 'output':
        return l0 ? [outputs, l0] : undefined;
    }
    return undefined;
  };
  // Terraform reads the override files last, in lexical order of their names, whatever order they come in.
  const overrides = files
    .filter((f) => isOverrideFile(f.path))
    .sort((a, b) => (basename(a.path) < basename(b.path) ? -1 : basename(a.path) > basename(b.path) ? 1 : 0));
  for (const file of files) {
    if (isOverrideFile(file.path)) continue;
    for (const b of file.body.blocks) {
      if (b.type === 'locals') {
        for (const a of b.body.attributes) add(d.locals, a.name, { attr: a, file }, file, a);
        continue;
      }
      const target = blockMap(b);
      if (!target) continue;
      add(target[0], target[1], { block: b, file }, file, b);
      if (b.type === 'resource') d.resourceTypes.add(b.labels[0]!);
    }
  }
  const missingBase = (file: TfFile, node: { start: number; end: number }, what: string): void =>
    report({
      severity: 'error',
      code: 'override-without-base',
      message: `override of ${what}, which no other file of the module declares (Terraform rejects this); it is not used`,
      span: spanOf(file, node.start, node.end),
    });
  for (const file of overrides) {
    for (const b of file.body.blocks) {
      if (b.type === 'locals') {
        // Locals override value by value, whichever locals block declared them.
        for (const a of b.body.attributes) {
          if (!d.locals.has(a.name)) missingBase(file, a, `local.${a.name}`);
          else d.locals.set(a.name, { attr: a, file });
        }
        continue;
      }
      const target = blockMap(b);
      if (!target) continue;
      const [map, key] = target;
      const base = map.get(key);
      const what = `${b.type === 'resource' ? '' : `${b.type}.`}${key}`;
      if (!base) missingBase(file, { start: b.start, end: b.headerEnd }, what);
      else map.set(key, { block: mergeBlock(base.block, b, file, report), file: base.file });
    }
  }
  for (const [name, { block, file }] of outputs) {
    const value = block.body.attributes.find((a) => a.name === 'value');
    if (value) d.outputs.set(name, { attr: value, file: fileOf(value, file) });
  }
  return d;
}

const DEPENDS_ON_NOT_OVERRIDABLE = new Set(['resource', 'data', 'output']);

/**
 * Terraform's override merge (docs "Override Files"): an attribute of the override replaces the
 * base's; nested blocks of a type the override has (static or `dynamic`) replace all the base's
 * blocks of that type, unmerged; only `lifecycle` merges argument by argument. What comes from the
 * override is marked with its file, so spans (and findings) land in the override file.
 */
function mergeBlock(base: Block, over: Block, file: TfFile, report: (d: Diagnostic) => void): Block {
  const attributes = [...base.body.attributes];
  for (const a of over.body.attributes) {
    if (a.name === 'depends_on' && DEPENDS_ON_NOT_OVERRIDABLE.has(base.type)) {
      report({
        severity: 'error',
        code: 'override-depends-on',
        message: 'depends_on may not be used in an override block (Terraform rejects this); it is not used',
        span: spanOf(file, a.start, a.end),
      });
      continue;
    }
    markFile(a, file);
    markFile(a.expr, file);
    const i = attributes.findIndex((x) => x.name === a.name);
    if (i >= 0) attributes[i] = a;
    else attributes.push(a);
  }
  const typeOf = (b: Block): string => (b.type === 'dynamic' ? (b.labels[0] ?? '') : b.type);
  const overridden = new Set(over.body.blocks.map(typeOf));
  const blocks = base.body.blocks.filter((b) => !overridden.has(typeOf(b)));
  for (const b of over.body.blocks) {
    const lifecycle =
      b.type === 'lifecycle' ? base.body.blocks.find((x) => x.type === 'lifecycle') : undefined;
    if (lifecycle && (base.type === 'resource' || base.type === 'data')) {
      blocks.push(mergeBlock(lifecycle, b, file, report));
      continue;
    }
    markFile(b, file);
    blocks.push(b);
  }
  return { ...base, body: { attributes, blocks } };
}

/**
 * What a rule needs to report a variable that permits an insecure value: its default, the values a
 * `validation { condition = contains([...], var.x) }` allows, and where it is declared.
 */
export function variableBinding(
  name: string,
  block: Block,
  file: TfFile,
  evaluator: Evaluator,
): ParameterBinding {
  const literal = (e: Expr | undefined): unknown => {
    if (!e) return undefined;
    try {
      return evaluator.eval(e, {
        lookup: (n) => {
          throw new Error(`not a literal: ${n}`);
        },
      });
    } catch {
      return undefined;
    }
  };
  let allowedValues: unknown[] | undefined;
  for (const v of block.body.blocks.filter((x) => x.type === 'validation')) {
    const cond = v.body.attributes.find((a) => a.name === 'condition')?.expr;
    if (cond?.kind === 'call' && cond.name === 'contains' && cond.args[0]?.kind === 'tuple') {
      const values = literal(cond.args[0]);
      if (Array.isArray(values)) allowedValues = values;
    }
  }
  const def = block.body.attributes.find((a) => a.name === 'default');
  return {
    name,
    kind: 'variable',
    allowedValues,
    defaultValue: def ? literal(def.expr) : undefined,
    declaration: spanOf(file, block.start, block.headerEnd),
  };
}
