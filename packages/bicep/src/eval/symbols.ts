/**
 * Name resolution: loop and lambda variables first, then the file's params, vars, resources,
 * modules and functions, then names imported with `import {...} from` / `import * as ns from`.
 */
import { dirname, resolve } from 'node:path';
import { unknown } from '@ztkit/core';
import type { Expr } from '../syntax/ast.js';
import { moduleSymbol } from './modules.js';
import { ResourceInstance, resourceSymbol } from './resources.js';
import { type Env, Template } from './template.js';

/** A namespace (`sys`, `az`, or `import * as ns`): only members and calls make sense on it. */
export class NamespaceValue {
  constructor(
    readonly name: string,
    /** The imported template, for `import * as ns from '...'`. */
    readonly template: Template | undefined,
  ) {}

  member(name: string, source: string): unknown {
    if (this.template) return exportedValue(this.template, name, source);
    return unknown(`'${this.name}.${name}' is not a value`, source);
  }
}

export function lookupSymbol(t: Template, name: string, env: Env | undefined, node: Expr): unknown {
  for (let e = env; e; e = e.parent) if (e.name === name) return e.value;
  if (t.params.has(name)) return t.paramValue(name);
  const variable = t.vars.get(name);
  if (variable) return t.memo(`var:${name}`, () => t.evaluate(variable.value, undefined));
  const resource = t.resources.get(name);
  if (resource) return t.memo(`resource:${name}`, () => resourceSymbol(t, resource, undefined));
  const module = t.modules.get(name);
  if (module) return t.memo(`module:${name}`, () => moduleSymbol(t, module));
  const chain = t.nested.get(name);
  if (chain) return nestedSymbol(t, chain, node);
  const imported = importedSymbol(t, name, t.file.source(node));
  if (imported !== undefined) return imported;
  if (name === 'base' && t.base !== undefined) return t.base;
  if (name === 'sys' || name === 'az') return new NamespaceValue(name, undefined);
  // The span carries the file; an absolute path in the message would defeat relative reports.
  t.session.warn('unknown-symbol', `'${name}' is not declared`, t.spanOf(node));
  return unknown(`'${name}' is not declared`, name);
}

/** A nested resource named directly inside its parent's body (`dependsOn: [backendPool]`). */
function nestedSymbol(t: Template, chain: readonly string[], node: Expr): unknown {
  let current = lookupSymbol(t, chain[0]!, undefined, node);
  for (const name of chain.slice(1)) {
    if (!(current instanceof ResourceInstance))
      return unknown(`'${name}' of a resource loop`, t.file.source(node));
    current = current.child(name);
  }
  return current;
}

/** The template an `import ... from './x.bicep'` refers to, evaluated without parameters. */
export function importedTemplate(t: Template, from: string): Template | undefined {
  return t.memo(`import:${from}`, () => {
    if (!/\.bicep$/i.test(from) || /^(br|ts)[:/]/i.test(from)) return undefined;
    const path = resolve(dirname(t.file.path), from);
    if (t.stack.includes(path)) return undefined;
    const parsed = t.session.parse(path);
    if (!parsed.ok) {
      t.session.warn('import-not-resolved', `cannot import from '${from}': ${parsed.message}`);
      return undefined;
    }
    return new Template(t.session, parsed.file, new Map(), t.via, [...t.stack, path]);
  }) as Template | undefined;
}

function importedSymbol(t: Template, name: string, source: string): unknown {
  for (const decl of t.imports) {
    if (decl.keyword !== 'import' || !decl.from) continue;
    if (decl.alias === name && decl.names.length === 0) {
      const target = importedTemplate(t, decl.from);
      return new NamespaceValue(name, target);
    }
    if (decl.names.includes(name)) {
      const target = importedTemplate(t, decl.from);
      if (!target) return unknown(`'${name}' is imported from '${decl.from}', which is not loaded`, source);
      return exportedValue(target, decl.originals?.get(name) ?? name, source);
    }
  }
  return undefined;
}

function exportedValue(t: Template, name: string, source: string): unknown {
  const variable = t.vars.get(name);
  if (variable) return t.memo(`var:${name}`, () => t.evaluate(variable.value, undefined));
  return unknown(`'${name}' is not an exported variable`, source);
}
