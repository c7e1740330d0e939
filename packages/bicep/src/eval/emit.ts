/**
 * Emission: turns a template's resource instances (and its modules' resources) into model
 * `Resource`s. Values are copied out of the evaluation caches (the graph appends to inline arrays)
 * with their origins kept; symbolic references and lambdas that leak into data become Unknown.
 */
import {
  isUnknown,
  LambdaValue,
  originOf,
  type Resource,
  setOrigin,
  type Unknown,
  unknown,
} from '@ztkit/core';
import { collectBindings } from './bindings.js';
import { ModuleInstance } from './modules.js';
import { AstOrigin } from './origin.js';
import { ResourceInstance } from './resources.js';
import { EvaluationError } from './session.js';
import type { Template } from './template.js';

export function emitTemplate(t: Template): Resource[] {
  const out: Resource[] = [];
  const cap = t.session.limits.maxResourcesPerFile;
  const push = (r: Resource): void => {
    if (out.length >= cap)
      throw new EvaluationError(
        `the file produces more than ${cap} resources (limits.maxResourcesPerFile)`,
        'cap-resources',
        t.spanOf({ start: 0, end: 0 }),
      );
    out.push(r);
  };
  const visit = (instance: ResourceInstance): void => {
    const condition = instance.condition();
    if (condition === false) return;
    if (!instance.existing) push(toResource(t, instance, condition));
    for (const child of instance.childInstances()) visit(child);
  };
  for (const decl of t.resources.values()) {
    for (const instance of asList(lookupSymbol(t, decl.name))) {
      if (instance instanceof ResourceInstance) visit(instance);
    }
  }
  for (const decl of t.modules.values()) {
    // A module loop that deploys the same resource twice (AVM tests loop over ['init', 'idem']) is one resource.
    const seen = new Set<string>();
    for (const instance of asList(lookupSymbol(t, decl.name))) {
      if (!(instance instanceof ModuleInstance)) continue;
      const condition = instance.condition();
      if (condition === false) continue;
      for (const r of instance.resources()) {
        const at = r.origin?.locate([]);
        const key = `${r.id}|${at?.file}:${at?.startLine}`.toLowerCase();
        // Only a fully known ID proves it is the same resource; unknown names may differ per iteration.
        if (seen.has(key) && !r.id.includes('<unknown')) continue;
        seen.add(key);
        if (condition === true || r.condition === false || isUnknown(r.condition)) push(r);
        else push({ ...r, condition });
      }
    }
  }
  return out;
}

function lookupSymbol(t: Template, name: string): unknown {
  return t.evaluate({ kind: 'ident', name, start: 0, end: 0 }, undefined);
}

function asList(symbol: unknown): unknown[] {
  if (Array.isArray(symbol)) return symbol;
  return symbol === undefined || symbol === null ? [] : [symbol];
}

function toResource(t: Template, instance: ResourceInstance, condition: boolean | Unknown): Resource {
  const { type, apiVersion } = instance.typeInfo;
  const body = instance.body();
  const known =
    typeof body === 'object' && body !== null && !isUnknown(body) ? (body as Record<string, unknown>) : {};
  const field = (key: string): unknown => (key in known ? toData(known[key], 0) : undefined);
  let properties = toData(known.properties, 0);
  // The model wants an object. When the whole body or `properties` is not known statically, say so
  // (in `extra`) rather than let an empty object pass for "nothing set".
  const whole = isUnknown(body) ? body : isUnknown(properties) ? properties : undefined;
  if (
    typeof properties !== 'object' ||
    properties === null ||
    Array.isArray(properties) ||
    isUnknown(properties)
  )
    properties = {};
  const bindings = collectBindings(t, instance.decl, instance.spec);
  return {
    type,
    name: instance.renderedName(),
    id: instance.id(),
    ...(apiVersion ? { apiVersion } : {}),
    location: field('location'),
    kind: field('kind'),
    sku: field('sku'),
    identity: field('identity'),
    tags: field('tags'),
    zones: field('zones'),
    properties: properties as Record<string, unknown>,
    language: 'bicep',
    origin: new AstOrigin(t.file, instance.spec.body, {
      start: instance.decl.nameStart,
      end: instance.decl.nameEnd,
    }),
    condition,
    ...(bindings.size ? { bindings } : {}),
    ...(t.via.length ? { via: t.via } : {}),
    ...(whole ? { propertiesUnknown: whole.reason } : {}),
  };
}

/** A copy of an evaluated value as model data (origins kept, references made Unknown). */
function toData(value: unknown, depth: number): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (isUnknown(value)) return value;
  if (value instanceof ResourceInstance || value instanceof ModuleInstance)
    return unknown('a resource or module reference');
  if (value instanceof LambdaValue) return unknown('a lambda');
  if (depth > 128) return unknown('value nested too deeply');
  const origin = originOf(value);
  let copy: unknown[] | Record<string, unknown>;
  if (Array.isArray(value)) copy = value.map((v) => toData(v, depth + 1));
  else {
    copy = {};
    for (const [k, v] of Object.entries(value)) copy[k] = toData(v, depth + 1);
  }
  return origin ? setOrigin(copy, origin) : copy;
}
