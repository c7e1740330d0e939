/** The top-level declarations of a module's files, indexed by name. */
import type { Diagnostic, ParameterBinding } from '@ztkit/core';
import type { Attribute, Block, Expr } from '../hcl/ast.js';
import { spanOf, type TfFile } from './blocks.js';
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
  for (const file of files) {
    for (const b of file.body.blocks) {
      const [l0, l1] = b.labels;
      switch (b.type) {
        case 'variable':
          if (l0) add(d.variables, l0, { block: b, file }, file, b);
          break;
        case 'locals':
          for (const a of b.body.attributes) add(d.locals, a.name, { attr: a, file }, file, a);
          break;
        case 'resource':
          if (l0 && l1) {
            add(d.resources, `${l0}.${l1}`, { block: b, file }, file, b);
            d.resourceTypes.add(l0);
          }
          break;
        case 'data':
          if (l0 && l1) add(d.data, `${l0}.${l1}`, { block: b, file }, file, b);
          break;
        case 'module':
          if (l0) add(d.modules, l0, { block: b, file }, file, b);
          break;
        case 'output': {
          const value = b.body.attributes.find((a) => a.name === 'value');
          if (l0 && value) add(d.outputs, l0, { attr: value, file }, file, b);
          break;
        }
      }
    }
  }
  return d;
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
