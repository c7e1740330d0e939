import { inlineKindForChild, inlineKindsOf } from './children.js';
import type { Edge, Resource } from './resource.js';
import { buildResourceId, isSymbolic, parseResourceId, resourceKey } from './resource-id.js';
import { originOf, type Pointer, setOrigin } from './source.js';

/** Upper bound on how deep the reference scan descends into property values. */
const MAX_SCAN_DEPTH = 48;

/**
 * The resources of one scan and the references between them. Built once from loader output:
 * child resources are normalised both ways (inline array items become child resources; separate
 * child resources appear in the parent's array), and resource-ID strings in properties become edges.
 */
export class ResourceGraph {
  readonly resources: readonly Resource[];
  private readonly byKey = new Map<string, Resource[]>();
  private readonly byType = new Map<string, Resource[]>();
  private readonly childrenByParent = new Map<Resource, Resource[]>();
  private readonly parentOfChild = new Map<Resource, Resource>();
  private edgesFrom?: Map<Resource, Edge[]>;
  private edgesTo?: Map<Resource, Edge[]>;

  constructor(input: readonly Resource[]) {
    const resources = [...input];
    for (const r of input) this.index(r);
    // Inline children -> child resources.
    for (const parent of input) {
      for (const kind of inlineKindsOf(parent.type)) {
        const items = parent.properties?.[kind.property];
        if (!Array.isArray(items)) continue;
        items.forEach((item, i) => {
          if (typeof item !== 'object' || item === null) return;
          const childName = typeof item.name === 'string' ? item.name : `${kind.property}[${i}]`;
          const fullName = `${parent.name}/${childName}`;
          // Declared separately in the same resource group: that declaration is the child.
          if (this.byKey.get(resourceKey(kind.childType, fullName))?.some((c) => sameScope(c.id, parent.id)))
            return;
          const props =
            typeof item.properties === 'object' && item.properties !== null ? item.properties : {};
          const child: Resource = {
            type: kind.childType,
            name: fullName,
            id: childId(parent, kind.childType, childName),
            apiVersion: parent.apiVersion,
            properties: props,
            language: parent.language,
            origin: originOf(item) ?? parent.origin,
            condition: parent.condition,
            via: parent.via,
            derived: true,
            bindings: parent.bindings,
          };
          resources.push(child);
          this.index(child);
        });
      }
    }
    this.resources = resources;
    // Parent/child links, and separate child resources -> parent's inline array.
    for (const r of resources) {
      const slash = r.type.lastIndexOf('/');
      if (r.type.indexOf('/') === slash) continue;
      const parentType = r.type.slice(0, slash);
      const parentName = r.name.slice(0, r.name.lastIndexOf('/'));
      const parent = this.byKey.get(resourceKey(parentType, parentName))?.find((c) => sameScope(c.id, r.id));
      if (!parent) continue;
      this.parentOfChild.set(r, parent);
      const siblings = this.childrenByParent.get(parent);
      if (siblings) siblings.push(r);
      else this.childrenByParent.set(parent, [r]);
      const kind = inlineKindForChild(r.type);
      if (kind && !r.derived) appendInline(parent, kind.property, r);
    }
  }

  private index(r: Resource): void {
    const key = resourceKey(r.type, r.name);
    const list = this.byKey.get(key);
    if (list) list.push(r);
    else this.byKey.set(key, [r]);
    const t = r.type.toLowerCase();
    const byType = this.byType.get(t);
    if (byType) byType.push(r);
    else this.byType.set(t, [r]);
  }

  /** All resources of an ARM type (case-insensitive), child types included, e.g. `.../subnets`. */
  ofType(type: string): readonly Resource[] {
    return this.byType.get(type.toLowerCase()) ?? [];
  }

  find(type: string, name: string): Resource | undefined {
    return this.byKey.get(resourceKey(type, name))?.[0];
  }

  /** Resolve an ARM resource ID (static or live) to a resource of this graph. */
  byId(id: unknown): Resource | undefined {
    if (typeof id !== 'string') return undefined;
    const parsed = parseResourceId(id);
    if (!parsed) return undefined;
    const candidates = this.byKey.get(parsed.key);
    if (!candidates) return undefined;
    if (candidates.length === 1 || isSymbolic(parsed.resourceGroup)) return candidates[0];
    const rg = parsed.resourceGroup!.toLowerCase();
    return (
      candidates.find((c) => {
        const theirs = parseResourceId(c.id)?.resourceGroup;
        return isSymbolic(theirs) || theirs!.toLowerCase() === rg;
      }) ?? candidates[0]
    );
  }

  parentOf(r: Resource): Resource | undefined {
    return this.parentOfChild.get(r);
  }

  childrenOf(r: Resource, childType?: string): readonly Resource[] {
    const all = this.childrenByParent.get(r) ?? [];
    if (!childType) return all;
    const t = childType.toLowerCase();
    const full = t.includes('/') ? t : `${r.type.toLowerCase()}/${t}`;
    return all.filter((c) => c.type.toLowerCase() === full);
  }

  /** References held in `r`'s properties to other resources of the graph. */
  referencesFrom(r: Resource): readonly Edge[] {
    this.buildEdges();
    return this.edgesFrom!.get(r) ?? [];
  }

  /** References to `r` from other resources' properties. */
  referencesTo(r: Resource, fromType?: string): readonly Edge[] {
    this.buildEdges();
    const all = this.edgesTo!.get(r) ?? [];
    if (!fromType) return all;
    const t = fromType.toLowerCase();
    return all.filter((e) => e.from.type.toLowerCase() === t);
  }

  /** The resource referenced by `r` at `path` (e.g. a subnet's `properties.networkSecurityGroup.id`). */
  resolve(value: unknown): Resource | undefined {
    if (typeof value === 'string') return this.byId(value);
    if (typeof value === 'object' && value !== null && 'id' in value)
      return this.byId((value as { id: unknown }).id);
    return undefined;
  }

  private buildEdges(): void {
    if (this.edgesFrom) return;
    this.edgesFrom = new Map();
    this.edgesTo = new Map();
    for (const r of this.resources) {
      const out: Edge[] = [];
      const visit = (value: unknown, path: (string | number)[], depth: number): void => {
        if (depth > MAX_SCAN_DEPTH) return;
        if (typeof value === 'string') {
          if (value.length > 20 && value.length < 2048 && value.includes('/providers/')) {
            const to = this.byId(value);
            if (to && to !== r) out.push({ from: r, path: [...path], to });
          }
          return;
        }
        if (typeof value !== 'object' || value === null) return;
        if (Array.isArray(value)) {
          for (let i = 0; i < value.length; i++) {
            path.push(i);
            visit(value[i], path, depth + 1);
            path.pop();
          }
          return;
        }
        for (const key of Object.keys(value)) {
          path.push(key);
          visit((value as Record<string, unknown>)[key], path, depth + 1);
          path.pop();
        }
      };
      visit(r.properties, ['properties'], 0);
      if (out.length === 0) continue;
      this.edgesFrom.set(r, out);
      for (const e of out) {
        const list = this.edgesTo.get(e.to);
        if (list) list.push(e);
        else this.edgesTo.set(e.to, [e]);
      }
    }
  }
}

/**
 * Whether two IDs can be in the same resource group: equal groups, or one not known statically.
 * One template deployed to two groups (Bicep module `scope:`, nested deployments) declares
 * namesakes that must not share children.
 */
function sameScope(a: string, b: string): boolean {
  const x = parseResourceId(a);
  const y = parseResourceId(b);
  const differ = (p: string | undefined, q: string | undefined): boolean =>
    !isSymbolic(p) && !isSymbolic(q) && p!.toLowerCase() !== q!.toLowerCase();
  return !differ(x?.subscriptionId, y?.subscriptionId) && !differ(x?.resourceGroup, y?.resourceGroup);
}

function childId(parent: Resource, childType: string, childName: string): string {
  const leaf = childType.slice(childType.lastIndexOf('/') + 1);
  if (parent.id.includes('/providers/')) return `${parent.id}/${leaf}/${childName}`;
  return buildResourceId(childType, [...parent.name.split('/'), childName]);
}

/** Add a separately declared child into its parent's inline array (a view; the child keeps its origin). */
function appendInline(parent: Resource, property: string, child: Resource): void {
  const childName = child.name.slice(child.name.lastIndexOf('/') + 1);
  const props = parent.properties;
  const existing = props[property];
  const list: unknown[] = Array.isArray(existing) ? existing : [];
  if (!Array.isArray(existing)) props[property] = list;
  if (
    list.some(
      (item) => typeof item === 'object' && item !== null && (item as { name?: unknown }).name === childName,
    )
  )
    return;
  const item = { name: childName, id: child.id, properties: child.properties };
  if (child.origin) setOrigin(item, child.origin);
  list.push(item);
}

export type { Pointer };
