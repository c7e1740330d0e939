/**
 * Turns the `resources` of one template instance into model Resources: resource `copy` loops,
 * `condition`, nested child `resources` (type and name relative to the parent), symbolic-name
 * templates (languageVersion 2.0, `resources` as an object; `existing` ones are not deployed), and
 * `Microsoft.Resources/deployments` (see deployments.ts), whose resources join the graph with `via`.
 */
import { providerPath, subscriptionLevelId } from '../functions/resource.js';
import type { DeploymentScope, FunctionContext } from '../functions/types.js';
import { isObject, type JsonObject } from '../functions/values.js';
import type { ParameterBinding, Resource } from '../model/resource.js';
import { buildResourceId } from '../model/resource-id.js';
import type { SourceSpan } from '../model/source.js';
import { isUnknown, type Unknown, unknown } from '../model/unknown.js';
import type { CopyFrame, EvalEnv } from './evaluate.js';
import type { JsonPathOrigin } from './origin.js';
import type { TemplateSymbolTable } from './symbols.js';
import { type FileSink, TemplateFailure, ValueWalker } from './walk.js';

/** Everything one file's evaluation shares, across its nested and linked templates. */
export interface FileRun {
  readonly sink: FileSink;
  readonly resources: Resource[];
  /** Build the FunctionContext for a deployment scope (sharing the file's step budget). */
  functionContext(scope: DeploymentScope): FunctionContext;
  /** Handle a nested or linked deployment (deployments.ts). */
  deployment(
    raw: JsonObject,
    origin: JsonPathOrigin,
    instance: TemplateInstance,
    env: EvalEnv,
    name: string,
  ): void;
}

/** One template being evaluated: its symbols, its place in the deployment tree. */
export interface TemplateInstance {
  readonly symbols: TemplateSymbolTable;
  readonly scope: DeploymentScope;
  readonly via: readonly SourceSpan[];
  /** Nested deployment depth (0 for the file's own template). */
  readonly depth: number;
  /** The file the template was read from (relative links resolve against it). */
  readonly file: string;
}

const DEPLOYMENTS = 'microsoft.resources/deployments';

export function collectResources(
  raw: unknown,
  origin: JsonPathOrigin,
  instance: TemplateInstance,
  env: EvalEnv,
  run: FileRun,
): void {
  if (Array.isArray(raw)) {
    raw.forEach((r, i) => {
      if (isObject(r)) declare(r, origin.child(i), instance, env, run, undefined);
    });
  } else if (isObject(raw)) {
    // languageVersion 2.0: keyed by symbolic name; `existing` resources are references, not deployments.
    for (const key of Object.keys(raw)) {
      const r = raw[key];
      if (isObject(r) && r.existing !== true) declare(r, origin.child(key), instance, env, run, undefined);
    }
  }
}

interface ParentInfo {
  readonly type: string;
  readonly name: string;
}

function declare(
  raw: JsonObject,
  origin: JsonPathOrigin,
  instance: TemplateInstance,
  env: EvalEnv,
  run: FileRun,
  parent: ParentInfo | undefined,
): void {
  const walker = new ValueWalker(run.sink, env);
  const copy = isObject(raw.copy) ? raw.copy : undefined;
  if (!copy) {
    instantiate(raw, origin, instance, env, run, parent, undefined);
    return;
  }
  const loopName = typeof copy.name === 'string' ? copy.name : 'copy';
  const count = walker.count(copy.count, origin.child('copy').child('count'), loopName);
  if (isUnknown(count)) {
    // One representative instance: the loop may deploy it any number of times, including none.
    const frame: CopyFrame = { name: loopName, index: count, resource: true, parent: env.copy };
    instantiate(raw, origin, instance, { ...env, copy: frame }, run, parent, count);
    return;
  }
  for (let i = 0; i < count; i++) {
    const frame: CopyFrame = { name: loopName, index: i, resource: true, parent: env.copy };
    instantiate(raw, origin, instance, { ...env, copy: frame }, run, parent, undefined);
  }
}

function asText(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (isUnknown(v)) return String(v);
  return undefined;
}

function instantiate(
  raw: JsonObject,
  origin: JsonPathOrigin,
  instance: TemplateInstance,
  env: EvalEnv,
  run: FileRun,
  parent: ParentInfo | undefined,
  loopUnknown: Unknown | undefined,
): void {
  const walker = new ValueWalker(run.sink, env);
  let condition: boolean | Unknown = true;
  if ('condition' in raw) {
    const c = walker.value(raw.condition, origin.child('condition'));
    if (c === false) return;
    if (isUnknown(c)) condition = c;
    else if (c !== true) {
      walker.warn(
        'bad-condition',
        'resource condition is not a bool; the resource is kept with an unknown condition',
        origin,
      );
      condition = unknown('condition is not a bool');
    }
  }
  if (loopUnknown && condition === true) condition = loopUnknown;
  const rawType = asText(walker.value(raw.type, origin.child('type')));
  const rawName = asText(walker.value(raw.name, origin.child('name')));
  if (rawType === undefined || rawName === undefined) {
    walker.warn('resource-shape', 'resource has no string type or name; it is left out', origin);
    return;
  }
  const { type, name } = parent ? qualifyChild(parent, rawType, rawName) : { type: rawType, name: rawName };
  if (run.resources.length >= run.sink.limits.maxResourcesPerFile)
    throw new TemplateFailure(
      'cap-resources',
      `the file produces more than ${run.sink.limits.maxResourcesPerFile} resources (limits.maxResourcesPerFile)`,
      origin,
    );
  const id = resourceIdOf(type, name, raw, walker, origin, instance.scope);
  const isDeployment = type.toLowerCase() === DEPLOYMENTS;
  const bindings = new Map<string, ParameterBinding>();
  const path: (string | number)[] = [];
  const symbols = instance.symbols;
  const resourceWalker = new ValueWalker(run.sink, env, {
    path,
    bindings,
    bindingFor: (e) => symbols.bindingFor(e),
  });
  const field = (key: string): unknown => {
    if (!(key in raw)) return undefined;
    path.push(key);
    const v = resourceWalker.value(raw[key], origin.child(key));
    path.pop();
    return v;
  };
  const properties: unknown = isDeployment
    ? deploymentSummary(raw, origin, resourceWalker)
    : (field('properties') ?? {});
  const resource: Resource = {
    type,
    name,
    id,
    apiVersion: typeof raw.apiVersion === 'string' ? raw.apiVersion : undefined,
    location: field('location'),
    kind: field('kind'),
    sku: field('sku'),
    identity: field('identity'),
    tags: field('tags'),
    zones: field('zones'),
    // A properties object unknown as a whole: empty, with the reason aside (the Bicep loader does the same).
    properties: isObject(properties) ? properties : {},
    ...(isObject(properties)
      ? {}
      : { propertiesUnknown: isUnknown(properties) ? properties.reason : 'properties is not an object' }),
    language: 'arm',
    origin,
    condition,
    ...(bindings.size ? { bindings } : {}),
    ...(instance.via.length ? { via: instance.via } : {}),
  };
  run.resources.push(resource);
  if (isDeployment) run.deployment(raw, origin, instance, env, name);
  if (Array.isArray(raw.resources)) {
    const childParent = { type, name };
    const childOrigin = origin.child('resources');
    raw.resources.forEach((child, i) => {
      if (isObject(child)) declare(child, childOrigin.child(i), instance, env, run, childParent);
    });
  }
}

/** A deployment's own properties without the nested template, which becomes resources instead. */
function deploymentSummary(
  raw: JsonObject,
  origin: JsonPathOrigin,
  walker: ValueWalker,
): Record<string, unknown> {
  const props = isObject(raw.properties) ? raw.properties : {};
  const out: Record<string, unknown> = {};
  const po = origin.child('properties');
  for (const k of ['mode', 'expressionEvaluationOptions', 'templateLink', 'debugSetting']) {
    if (k in props) out[k] = walker.value(props[k], po.child(k));
  }
  return out;
}

function resourceIdOf(
  type: string,
  name: string,
  raw: JsonObject,
  walker: ValueWalker,
  origin: JsonPathOrigin,
  scope: DeploymentScope,
): string {
  const names = name.split('/');
  if ('scope' in raw) {
    // Extension resources (role assignments, diagnostic settings...) live under another resource.
    const target = walker.value(raw.scope, origin.child('scope'));
    const tail = providerPath(type, names);
    if (typeof target === 'string') {
      const base = target.startsWith('/')
        ? target.replace(/\/+$/, '')
        : `/subscriptions/${scope.subscriptionId}/resourceGroups/${scope.resourceGroupName}/providers/${target}`;
      return base + tail;
    }
    if (isUnknown(target)) return `${String(target)}${tail}`;
  }
  if (scope.targetScope === 'resourceGroup')
    return buildResourceId(type, names, scope.subscriptionId, scope.resourceGroupName);
  if (scope.targetScope === 'subscription') return subscriptionLevelId(scope.subscriptionId, type, names);
  return providerPath(type, names);
}

/**
 * The full type and name of a resource nested in its parent's `resources`. A type is qualified when
 * its first segment is a namespace (`Microsoft.Network/...`); anything else is relative to the parent,
 * including multi-segment forms such as `providers/diagnosticSettings` (name
 * `Microsoft.Insights/to-law`). A name that already has a segment per type level is kept.
 */
function qualifyChild(
  parent: { readonly type: string; readonly name: string },
  rawType: string,
  rawName: string,
): { type: string; name: string } {
  const relative = !rawType.split('/', 1)[0]!.includes('.');
  const type = relative ? `${parent.type}/${rawType}` : rawType;
  // A full type has one more segment (the namespace) than the full name.
  const fullNameSegments = type.split('/').length - 1;
  const name = rawName.split('/').length < fullNameSegments ? `${parent.name}/${rawName}` : rawName;
  return { type, name };
}
