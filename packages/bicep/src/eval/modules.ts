/**
 * Modules. A local module (`'./network.bicep'`) is parsed once per load and evaluated per instance
 * with the `params` its caller gives; its resources carry `via` (the calling lines) and their own
 * origins in the module file. Registry and template-spec modules are reported, not fetched.
 */
import { dirname, relative, resolve } from 'node:path';
import {
  type DeploymentScope,
  isSymbolic,
  isUnknown,
  type Resource,
  SYMBOLIC_SCOPE,
  type Unknown,
  unknown,
} from '@ztkit/core';
import type { ModuleDecl } from '../syntax/ast.js';
import { emitTemplate } from './emit.js';
import { bodyProperty, evaluateConditions, expandBody, type InstanceSpec } from './instances.js';
import { ResourceInstance } from './resources.js';
import { EvaluationError } from './session.js';
import { Template } from './template.js';

export function moduleSymbol(t: Template, decl: ModuleDecl): ModuleInstance | ModuleInstance[] {
  const { looped, specs } = expandBody(t, decl.body, undefined);
  const instances = specs.map((spec) => new ModuleInstance(t, decl, spec));
  return looped ? instances : instances[0]!;
}

const REMOTE = /^(br|ts)[:/]/i;

export class ModuleInstance {
  private child: Template | null | undefined;
  private emitted?: Resource[];
  private conditionValue?: boolean | Unknown;

  constructor(
    readonly template: Template,
    readonly decl: ModuleDecl,
    readonly spec: InstanceSpec,
  ) {}

  condition(): boolean | Unknown {
    this.conditionValue ??= evaluateConditions(this.template, this.spec);
    return this.conditionValue;
  }

  /** The module's evaluated template, or null when it cannot be loaded (reported once). */
  private target(): Template | null {
    if (this.child !== undefined) return this.child;
    this.child = null;
    const t = this.template;
    const path = t.evaluate(this.decl.path, undefined);
    if (typeof path !== 'string') return null;
    // From the module's name (not its decorators) to the end of the declaration.
    const callSpan = t.file.span(this.decl.nameStart, this.decl.end);
    if (REMOTE.test(path)) {
      t.session.warn(
        'module-not-resolved',
        `module '${this.decl.name}' comes from a registry or template spec ('${path}'); its resources are not scanned`,
        callSpan,
        'info',
      );
      return null;
    }
    if (!/\.bicep$/i.test(path)) {
      t.session.warn(
        'module-not-resolved',
        `module '${this.decl.name}' is an ARM JSON template ('${path}'); its resources are not scanned through the Bicep caller`,
        callSpan,
        'info',
      );
      return null;
    }
    const full = resolve(dirname(t.file.path), path);
    if (t.stack.includes(full)) {
      const chain = [...t.stack.slice(t.stack.indexOf(full)), full].map((p) =>
        relative(dirname(t.stack[0]!), p),
      );
      throw new EvaluationError(`module cycle: ${chain.join(' -> ')}`, 'module-cycle', callSpan);
    }
    if (t.stack.length > t.session.limits.maxModuleDepth)
      throw new EvaluationError(
        `modules are nested deeper than the limit of ${t.session.limits.maxModuleDepth} (limits.maxModuleDepth)`,
        'cap-module-depth',
        callSpan,
      );
    const parsed = t.session.parse(full);
    if (!parsed.ok) {
      t.session.warn(
        'module-not-resolved',
        `module '${this.decl.name}' ('${path}'): ${parsed.message}`,
        callSpan,
      );
      // A module that exists but does not parse is a failed file of its own; a missing one is only a warning.
      if (parsed.span) t.session.moduleFailures.set(full, parsed);
      return null;
    }
    t.session.modulesUsed.add(full);
    const params = bodyProperty(t, this.spec, 'params');
    const inputs = new Map<string, unknown>();
    if (params && typeof params === 'object' && !isUnknown(params) && !Array.isArray(params)) {
      for (const [k, v] of Object.entries(params)) inputs.set(k, v);
    } else if (params !== undefined) {
      // Parameters not known statically: every parameter of the module is unknown.
      for (const d of parsed.file.declarations)
        if (d.kind === 'param') inputs.set(d.name, unknown('module parameters are not known statically'));
    }
    this.child = new Template(
      t.session,
      parsed.file,
      inputs,
      [...t.via, callSpan],
      [...t.stack, full],
      placement(t, bodyProperty(t, this.spec, 'scope')),
    );
    return this.child;
  }

  /** The module's resources (evaluated once per instance). */
  resources(): Resource[] {
    if (this.emitted) return this.emitted;
    this.emitted = [];
    const child = this.target();
    if (child) this.emitted = emitTemplate(child);
    return this.emitted;
  }

  outputs(): unknown {
    const child = this.target();
    if (!child) return unknown(`outputs of module '${this.decl.name}' are not known`);
    const out: Record<string, unknown> = {};
    for (const d of child.file.declarations) {
      if (d.kind !== 'output') continue;
      out[d.name] = child.memo(`output:${d.name}`, () => child.evaluate(d.value, undefined));
    }
    return out;
  }

  member(name: string, source: string): unknown {
    if (name === 'outputs') return this.outputs();
    if (name === 'name')
      return bodyProperty(this.template, this.spec, 'name') ?? unknown('module name', source);
    return unknown(`'${name}' of a module is not known statically`, source);
  }
}

/**
 * Where a module is deployed: the caller's scope, moved by `scope:` (`resourceGroup('rg')`,
 * `resourceGroup(sub, 'rg')`, `subscription(sub)`, `managementGroup(mg)`, or a resource group
 * declared in the caller). A name not known statically keeps the symbolic placeholder, so
 * `resourceGroup().name` stays unknown inside the module instead of becoming a made-up string.
 */
export function placement(t: Template, scope: unknown): DeploymentScope {
  const outer = t.scope;
  if (scope === undefined || scope === null || isUnknown(scope)) return outer;
  if (scope instanceof ResourceInstance) {
    if (scope.typeInfo.type.toLowerCase() !== 'microsoft.resources/resourcegroups') return outer;
    const name = scope.shortName();
    return typeof name === 'string' && !isSymbolic(name)
      ? { ...outer, resourceGroupName: name }
      : symbolicGroup(outer);
  }
  const id = typeof scope === 'object' ? (scope as { id?: unknown }).id : undefined;
  if (typeof id !== 'string') return outer;
  const known = (segment: string | undefined, placeholder: string): string =>
    segment === undefined || isSymbolic(segment) ? placeholder : segment;
  const mg = /^\/providers\/Microsoft\.Management\/managementGroups\/([^/]+)\/?$/i.exec(id);
  if (mg) return { ...outer, managementGroup: known(mg[1], '{managementGroup}') };
  const m = /^\/subscriptions\/([^/]+)(?:\/resourceGroups\/([^/]+))?\/?$/i.exec(id);
  if (!m) return outer;
  const subscriptionId = known(m[1], SYMBOLIC_SCOPE.subscriptionId);
  if (m[2] === undefined) return { ...outer, subscriptionId };
  return {
    ...outer,
    subscriptionId,
    resourceGroupName: known(m[2], SYMBOLIC_SCOPE.resourceGroupName),
    // Another resource group's region is not the caller's.
    // Resource group names compare case-insensitively in Azure.
    location:
      m[2].toLowerCase() === outer.resourceGroupName.toLowerCase() ? outer.location : SYMBOLIC_SCOPE.location,
  };
}

function symbolicGroup(outer: DeploymentScope): DeploymentScope {
  return { ...outer, resourceGroupName: SYMBOLIC_SCOPE.resourceGroupName, location: SYMBOLIC_SCOPE.location };
}
