/**
 * Parameter bindings: property paths of a resource body whose value is exactly a parameter
 * (`minimumTlsVersion: minimumTlsVersion`), with the parameter's allowed values, default and line,
 * so a rule can report a parameter that permits an insecure value on the parameter's own line.
 */
import { formatPath, isUnknown, type ParameterBinding } from '@ztkit/core';
import type { Expr, ResourceDecl } from '../syntax/ast.js';
import type { InstanceSpec } from './instances.js';
import type { Template } from './template.js';

const MAX_BINDING_DEPTH = 32;

export function collectBindings(
  t: Template,
  _decl: ResourceDecl,
  spec: InstanceSpec,
): ReadonlyMap<string, ParameterBinding> {
  const out = new Map<string, ParameterBinding>();
  const visit = (node: Expr, path: (string | number)[]): void => {
    if (path.length > MAX_BINDING_DEPTH) return;
    let n = node;
    while (n.kind === 'paren' || n.kind === 'nonNull') n = n.kind === 'paren' ? n.inner : n.operand;
    if (n.kind === 'ident') {
      if (path.length > 0 && t.isParameter(n.name, spec.env)) out.set(formatPath(path), binding(t, n.name));
      return;
    }
    if (n.kind === 'object') {
      for (const p of n.properties)
        if (p.kind === 'property' && p.key !== undefined) visit(p.value, [...path, p.key]);
      return;
    }
    if (n.kind === 'array') {
      for (let i = 0; i < n.items.length; i++) {
        const item = n.items[i]!;
        if (item.kind === 'spread') return;
        visit(item, [...path, i]);
      }
    }
  };
  visit(spec.body, []);
  return out;
}

function binding(t: Template, name: string): ParameterBinding {
  return t.memo(`binding:${name}`, () => {
    const decl = t.params.get(name)!;
    const allowedValues = t.allowedValues(decl);
    const defaultValue = decl.value ? t.evaluate(decl.value, undefined) : undefined;
    return {
      name,
      kind: 'parameter',
      ...(allowedValues ? { allowedValues } : {}),
      ...(defaultValue !== undefined && !isUnknown(defaultValue) ? { defaultValue } : {}),
      declaration: t.file.span(decl.nameStart, decl.end),
    } satisfies ParameterBinding;
  }) as ParameterBinding;
}
