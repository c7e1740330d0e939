/**
 * Runs the azurerm translators over resource instances (from HCL or plan JSON), then the deferred
 * links of association resources, and counts the types nothing translates.
 */
import { dirname } from 'node:path';
import {
  type Diagnostic,
  formatPath,
  type ParameterBinding,
  parseResourceId,
  type Resource,
  type SourceLanguage,
  type SourceSpan,
  SpanOrigin,
  setOrigin,
  type Unknown,
} from '@ztkit/core';
import { isObject } from '../eval/values.js';
import { ArmObject, attributeSources } from './arm.js';
import type { TfNode } from './node.js';
import { translatorFor } from './registry.js';
import type { ResourceSpec, TranslatedIndex } from './types.js';

export interface TranslationInput {
  readonly type: string;
  readonly address: string;
  readonly node: TfNode;
  readonly via?: readonly SourceSpan[];
  readonly condition?: Unknown;
}

export interface TranslationResult {
  readonly resources: Resource[];
  readonly diagnostics: Diagnostic[];
  /** Resource instances whose type no translator handles, by type. */
  readonly untranslated: ReadonlyMap<string, number>;
}

export function translateAll(
  inputs: readonly TranslationInput[],
  language: SourceLanguage,
): TranslationResult {
  const resources: Resource[] = [];
  const diagnostics: Diagnostic[] = [];
  const links: { readonly unit: string; readonly patch: (index: TranslatedIndex) => void }[] = [];
  const untranslated = new Map<string, number>();
  for (const input of inputs) {
    const translator = translatorFor(input.type);
    if (!translator) {
      untranslated.set(input.type, (untranslated.get(input.type) ?? 0) + 1);
      continue;
    }
    translator.translate(input.type, input.node, {
      address: input.address,
      emit: (spec) => {
        const r = toResource(spec, input, language);
        resources.push(r);
        return r;
      },
      link: (patch) => links.push({ unit: unitOf(input.via, input.node.span.file), patch }),
      report: (d) => diagnostics.push(d),
    });
  }
  const indexes = indexesByUnit(resources);
  for (const { unit, patch } of links) patch(indexes.get(unit) ?? EMPTY_INDEX);
  return { resources, diagnostics, untranslated };
}

function toResource(spec: ResourceSpec, input: TranslationInput, language: SourceLanguage): Resource {
  const { node } = spec;
  const keySpans = new Map<string, SourceSpan>();
  for (const k of ['location', 'tags', 'zones'] as const) {
    const s = node.spanOf(k);
    if (s) keySpans.set(k, s);
  }
  const sku = spec.sku instanceof ArmObject ? spec.sku.done() : spec.sku;
  if (sku && !(spec.sku instanceof ArmObject))
    setOrigin(sku, new SpanOrigin(node.spanOf('sku') ?? node.span));
  if (isObject(spec.tags)) setOrigin(spec.tags, new SpanOrigin(node.spanOf('tags') ?? node.span));
  const bindings = new Map<string, ParameterBinding>();
  const properties = spec.properties.done();
  collectBindings(properties, ['properties'], bindings, 0);
  return {
    type: spec.type,
    name: spec.name,
    id: spec.id,
    apiVersion: spec.apiVersion,
    location: spec.location,
    kind: spec.kind,
    sku,
    identity: spec.identity,
    tags: spec.tags,
    zones: spec.zones,
    properties,
    language,
    origin: new SpanOrigin(node.span, keySpans),
    condition: input.condition,
    via: input.via?.length ? input.via : undefined,
    bindings: bindings.size ? bindings : undefined,
    extra:
      spec.scope === undefined ? { address: input.address } : { address: input.address, scope: spec.scope },
  };
}

/** Bindings of every key read from an attribute written as `var.x`, at any depth of the properties. */
function collectBindings(
  value: unknown,
  path: (string | number)[],
  out: Map<string, ParameterBinding>,
  depth: number,
): void {
  if (typeof value !== 'object' || value === null || depth > 16) return;
  const sources = attributeSources(value);
  if (sources)
    for (const [key, src] of sources) {
      const b = src.node.binding(src.attr);
      if (b) out.set(formatPath([...path, key]), b);
    }
  if (Array.isArray(value)) {
    value.forEach((v, i) => {
      collectBindings(v, [...path, i], out, depth + 1);
    });
  } else for (const [k, v] of Object.entries(value)) collectBindings(v, [...path, k], out, depth + 1);
}

/**
 * The deployment unit of a resource: the folder of its root module (the outermost caller of a
 * module), as the engine splits graphs. Static ids carry no subscription or resource group, so
 * `myNIC` of one sample and `myNic` of another share an id key; an association must patch the
 * resource of its own root, never a twin in a sibling folder.
 */
function unitOf(via: readonly SourceSpan[] | undefined, file: string | undefined): string {
  return dirname(via?.[0]?.file ?? file ?? '');
}

const EMPTY_INDEX: TranslatedIndex = { properties: () => undefined };

/** Per unit, resources and inline subnets by the provider part of their id (scopes are symbolic). */
function indexesByUnit(resources: readonly Resource[]): Map<string, TranslatedIndex> {
  const byUnit = new Map<string, Map<string, Record<string, unknown>>>();
  const add = (unit: Map<string, Record<string, unknown>>, id: unknown, props: Record<string, unknown>) => {
    if (typeof id !== 'string') return;
    const key = parseResourceId(id)?.key;
    if (key && !unit.has(key)) unit.set(key, props);
  };
  for (const r of resources) {
    const name = unitOf(r.via, r.origin?.file);
    let unit = byUnit.get(name);
    if (!unit) {
      unit = new Map();
      byUnit.set(name, unit);
    }
    add(unit, r.id, r.properties);
    const subnets = r.properties.subnets;
    if (Array.isArray(subnets))
      for (const s of subnets) if (isObject(s) && isObject(s.properties)) add(unit, s.id, s.properties);
  }
  const indexes = new Map<string, TranslatedIndex>();
  for (const [name, byKey] of byUnit)
    indexes.set(name, {
      properties: (id) => {
        if (typeof id !== 'string') return undefined;
        const key = parseResourceId(id)?.key;
        return key ? byKey.get(key) : undefined;
      },
    });
  return indexes;
}
