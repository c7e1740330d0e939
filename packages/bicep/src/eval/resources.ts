/**
 * Resource symbols. A `ResourceInstance` is one deployed (or `existing`) resource of a declaration:
 * it answers `id`, `name`, `type`, `apiVersion` and the declared body lazily, so `nsg.id` never
 * needs the NSG's whole body, and runtime-only properties are Unknown.
 */
import { buildResourceId, isUnknown, type Unknown, unknown } from '@ztkit/core';
import type { ResourceDecl } from '../syntax/ast.js';
import { bodyProperty, evaluateConditions, expandBody, type InstanceSpec } from './instances.js';
import type { Template } from './template.js';

/** `resourceSymbol` value: one instance, or an array of them for a loop. */
export function resourceSymbol(
  t: Template,
  decl: ResourceDecl,
  lexicalParent: ResourceInstance | undefined,
): ResourceInstance | ResourceInstance[] {
  const { looped, specs } = expandBody(t, decl.body, lexicalParent?.spec.env);
  const instances = specs.map((spec) => new ResourceInstance(t, decl, spec, lexicalParent));
  return looped ? instances : instances[0]!;
}

const RESOURCE_FIELDS = ['location', 'tags', 'sku', 'kind', 'identity', 'zones', 'plan', 'extendedLocation'];

export class ResourceInstance {
  private cache = new Map<string, unknown>();

  constructor(
    readonly template: Template,
    readonly decl: ResourceDecl,
    readonly spec: InstanceSpec,
    readonly lexicalParent: ResourceInstance | undefined,
  ) {}

  private memo<T>(key: string, compute: () => T): T {
    if (this.cache.has(key)) return this.cache.get(key) as T;
    this.cache.set(key, unknown(`'${this.decl.name}.${key}' refers to itself`));
    const value = compute();
    this.cache.set(key, value);
    return value;
  }

  get existing(): boolean {
    return this.decl.existing;
  }

  /** `{ type, apiVersion }` from the type string, relative types joined to the lexical parent's. */
  get typeInfo(): { type: string; apiVersion: string | undefined } {
    return this.memo('typeInfo', () => {
      const raw = this.template.evaluate(this.decl.typeString, undefined);
      const text = typeof raw === 'string' ? raw : '';
      const at = text.indexOf('@');
      let type = at >= 0 ? text.slice(0, at) : text;
      let apiVersion = at >= 0 ? text.slice(at + 1) : undefined;
      const parent = this.lexicalParent;
      if (parent && !type.split('/')[0]!.includes('.')) {
        type = `${parent.typeInfo.type}/${type}`;
        apiVersion ??= parent.typeInfo.apiVersion;
      }
      return { type, apiVersion };
    });
  }

  /** The declared `name` property (the last segment for child resources). */
  shortName(): unknown {
    return this.memo('shortName', () => bodyProperty(this.template, this.spec, 'name') ?? unknown('no name'));
  }

  /** The parent resource: lexical (nested declaration) or the `parent:` property. */
  parent(): ResourceInstance | undefined {
    if (this.lexicalParent) return this.lexicalParent;
    return this.memo('parent', () => {
      const p = bodyProperty(this.template, this.spec, 'parent');
      return p instanceof ResourceInstance ? p : undefined;
    });
  }

  /** Full ARM name: `vnet/subnet` for children. */
  fullName(): unknown {
    return this.memo('fullName', () => {
      const own = this.shortName();
      const parent = this.parent();
      if (!parent) return own;
      const parentName = parent.fullName();
      if (isUnknown(parentName) || isUnknown(own))
        return unknown('name not known statically', `${renderName(parentName)}/${renderName(own)}`);
      return `${String(parentName)}/${String(own)}`;
    });
  }

  /** Full name with unknown parts rendered, as the model wants (`<unknown: ...>`). */
  renderedName(): string {
    const parent = this.parent();
    const own = renderName(this.shortName());
    return parent ? `${parent.renderedName()}/${own}` : own;
  }

  id(): string {
    return this.memo('id', () => {
      const { type } = this.typeInfo;
      const name = this.renderedName();
      const scope = bodyProperty(this.template, this.spec, 'scope');
      if (scope instanceof ResourceInstance) {
        // Extension resource (locks, diagnostic settings, role assignments on a resource).
        return `${scope.id()}/providers/${type}/${name}`;
      }
      const names = name.split('/');
      const parent = this.parent();
      // `scope: resourceGroup('rg')`, `scope: subscription()`, `scope: managementGroup('mg')`: an explicit scope ID.
      const scopeId =
        typeof scope === 'object' && scope !== null ? (scope as { id?: unknown }).id : undefined;
      // The tenant scope has no prefix: tenant resources are `/providers/...` (ARM's tenantResourceId).
      if (!parent && typeof scopeId === 'string' && /^\/tenants\/[^/]+\/?$/i.test(scopeId))
        return `/providers/${type}/${name}`;
      if (!parent && typeof scopeId === 'string' && scopeId.startsWith('/'))
        return `${scopeId.replace(/\/$/, '')}/providers/${type}/${name}`;
      if (parent) {
        const leaf = type.slice(type.lastIndexOf('/') + 1);
        return `${parent.id()}/${leaf}/${names[names.length - 1]}`;
      }
      const at = this.template.scope;
      switch (this.template.targetScope) {
        case 'subscription':
          if (scope === undefined) return buildResourceId(type, names, at.subscriptionId, null);
          return buildResourceId(type, names, at.subscriptionId, at.resourceGroupName);
        case 'managementGroup':
        case 'tenant':
          if (scope === undefined)
            return buildResourceId(type, names).replace(/^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+/, '');
          return buildResourceId(type, names, at.subscriptionId, at.resourceGroupName);
        default:
          return buildResourceId(type, names, at.subscriptionId, at.resourceGroupName);
      }
    });
  }

  condition(): boolean | Unknown {
    return this.memo('condition', () => {
      const inherited = this.lexicalParent ? this.lexicalParent.condition() : true;
      return evaluateConditions(this.template, this.spec, inherited);
    });
  }

  /** The declared body, fully evaluated (nested resources are not part of it). */
  body(): unknown {
    return this.memo('body', () => this.template.evaluate(this.spec.body, this.spec.env));
  }

  /** `sym.x` in an expression. */
  member(name: string, source: string): unknown {
    switch (name) {
      case 'id':
        return this.id();
      case 'name':
        return this.shortName();
      case 'type':
        return this.typeInfo.type;
      case 'apiVersion':
        return this.typeInfo.apiVersion ?? unknown('no api version', source);
    }
    if (this.existing) return unknown(`'${name}' of an existing resource is read at deployment`, source);
    if (name === 'properties' || RESOURCE_FIELDS.includes(name)) {
      const body = this.body();
      if (isUnknown(body)) return unknown(body.reason, source);
      if (typeof body === 'object' && body !== null) {
        const v = (body as Record<string, unknown>)[name];
        if (v !== undefined) return name === 'properties' ? this.withSubResourceIds(v) : v;
      }
    }
    return unknown(`'${name}' is only known after deployment`, source);
  }

  /**
   * `vnet.properties.subnets[0].id`: Azure returns an ID for every named item of a resource's
   * top-level property arrays (subnets, frontendIPConfigurations...), `<resource id>/<array>/<name>`.
   * Only the symbolic view gets them; the emitted resource keeps what the file wrote.
   */
  private withSubResourceIds(properties: unknown): unknown {
    if (
      typeof properties !== 'object' ||
      properties === null ||
      Array.isArray(properties) ||
      isUnknown(properties)
    )
      return properties;
    return this.memo('propertiesView', () => {
      const view: Record<string, unknown> = { ...(properties as Record<string, unknown>) };
      for (const [key, value] of Object.entries(view)) {
        if (!Array.isArray(value)) continue;
        view[key] = value.map((item) => {
          if (typeof item !== 'object' || item === null || Array.isArray(item) || isUnknown(item))
            return item;
          const named = item as Record<string, unknown>;
          if (named.id !== undefined || typeof named.name !== 'string') return item;
          return { ...named, id: `${this.id()}/${key}/${named.name}` };
        });
      }
      return view;
    });
  }

  /** `parent::child`. */
  child(name: string): unknown {
    const decl = this.decl.children.find((c) => c.name === name);
    if (!decl) return unknown(`'${this.decl.name}' has no nested resource '${name}'`);
    return this.memo(`child:${name}`, () => resourceSymbol(this.template, decl, this));
  }

  /** Nested declarations' instances, for emission. */
  childInstances(): ResourceInstance[] {
    const out: ResourceInstance[] = [];
    for (const decl of this.decl.children) {
      const v = this.child(decl.name);
      if (Array.isArray(v)) out.push(...(v as ResourceInstance[]));
      else if (v instanceof ResourceInstance) out.push(v);
    }
    return out;
  }
}

export function renderName(name: unknown): string {
  if (typeof name === 'string') return name;
  if (isUnknown(name)) return name.toString();
  return String(name);
}
