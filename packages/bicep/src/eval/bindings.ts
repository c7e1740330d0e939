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
      if (path.length > 0 && t.isParameter(n.name, spec.env)) {
        const b = binding(t, n.name);
        if (b) out.set(formatPath(path), b);
      }
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

/**
 * What the parameter lets a deployer choose. In a root file that is its default and allowed values,
 * unless its parameter file gives a value: that deployment is the one judged. In a module instance the
 * caller decides: a known value it passes is the value, with nothing left to choose (no binding);
 * when it passes nothing the default is the value (the allowed values are choices nobody makes);
 * when it passes something unknown, the allowed values still bound what that can be.
 */
function binding(t: Template, name: string): ParameterBinding | undefined {
  return t.memo(`binding:${name}`, () => {
    const decl = t.params.get(name)!;
    let useAllowed = true;
    let useDefault = true;
    const given = t.inputs.get(name);
    // A null value is not given (ARM applies the default), as in Template.paramValue.
    const notGiven = given === undefined || (given === null && decl.value !== undefined);
    // A root's parameter file fixes the values it gives, as a module's caller does.
    if (t.via.length > 0 || !notGiven) {
      if (notGiven) useAllowed = false;
      else if (isUnknown(given)) useDefault = false;
      else return undefined;
    }
    const allowedValues = useAllowed ? t.allowedValues(decl) : undefined;
    const defaultValue = useDefault && decl.value ? t.evaluate(decl.value, undefined) : undefined;
    return {
      name,
      kind: 'parameter',
      ...(allowedValues ? { allowedValues } : {}),
      ...(defaultValue !== undefined && !isUnknown(defaultValue) ? { defaultValue } : {}),
      declaration: t.file.span(decl.nameStart, decl.end),
    } satisfies ParameterBinding;
  }) as ParameterBinding | undefined;
}
