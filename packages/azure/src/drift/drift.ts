import {
  containsUnknown,
  isUnknown,
  parseResourceId,
  type Resource,
  type ResourceGraph,
  resourceKey,
} from '@ztkit/core';
import { SECURITY_PROPERTIES } from './properties.js';

export interface DriftChange {
  readonly kind: 'changed';
  readonly type: string;
  readonly name: string;
  /** The live resource's real ID and portal link. */
  readonly liveId: string;
  readonly portalUrl?: string;
  /** Property path inside the resource, e.g. `properties.access`. */
  readonly path: string;
  /** As written in IaC, as deployed. `undefined` live means Azure returns no value. */
  readonly iac: unknown;
  readonly live: unknown;
}

export interface DriftMissing {
  readonly kind: 'missing-live';
  readonly type: string;
  readonly name: string;
}

export interface DriftUnmanaged {
  readonly kind: 'unmanaged';
  readonly type: string;
  readonly name: string;
  readonly liveId: string;
  readonly portalUrl?: string;
}

export type DriftItem = DriftChange | DriftMissing | DriftUnmanaged;

export interface DriftReport {
  readonly compared: number;
  readonly changes: readonly DriftChange[];
  /** Declared in IaC, not found live (not deployed, deleted, or in a scope not read). */
  readonly missingLive: readonly DriftMissing[];
  /** Live resources of a type the IaC declares, that no IaC resource declares (click-ops, other pipelines). */
  readonly unmanaged: readonly DriftUnmanaged[];
}

/**
 * Compares IaC with what is deployed, for the properties that matter to Zero Trust. IaC IDs are
 * symbolic, so resources are matched on type + full name. Only what the IaC states is compared: a
 * property the IaC leaves to Azure's default is not drift, and a value IaC cannot know statically
 * (Unknown) is not compared. References compare by the resource they name, not by ID spelling.
 */
export function driftReport(iacGraph: ResourceGraph, liveGraph: ResourceGraph): DriftReport {
  const changes: DriftChange[] = [];
  const missingLive: DriftMissing[] = [];
  const matched = new Set<Resource>();
  const iacTypes = new Set<string>();
  const seen = new Set<string>();
  let compared = 0;
  for (const iac of iacGraph.resources) {
    const type = iac.type.toLowerCase();
    const paths = SECURITY_PROPERTIES[type];
    if (!paths) continue;
    if (iac.name.includes('<unknown') || isUnknown(iac.condition)) continue;
    const key = resourceKey(iac.type, iac.name);
    if (seen.has(key)) continue; // twins (main.bicep and its main.json) compare once
    seen.add(key);
    iacTypes.add(type);
    const live = liveGraph.find(iac.type, iac.name);
    if (!live) {
      missingLive.push({ kind: 'missing-live', type: iac.type, name: iac.name });
      continue;
    }
    matched.add(live);
    compared++;
    for (const path of paths)
      for (const { at, iacValue, liveValue } of pairsAt(iac.properties, live.properties, path)) {
        if (iacValue === undefined || containsUnknown(iacValue)) continue;
        if (sameValue(iacValue, liveValue)) continue;
        changes.push({
          kind: 'changed',
          type: live.type,
          name: live.name,
          liveId: live.id,
          ...(live.portalUrl ? { portalUrl: live.portalUrl } : {}),
          path: `properties.${at}`,
          iac: iacValue,
          live: liveValue,
        });
      }
  }
  const unmanaged: DriftUnmanaged[] = [];
  for (const live of liveGraph.resources) {
    if (matched.has(live) || !iacTypes.has(live.type.toLowerCase())) continue;
    unmanaged.push({
      kind: 'unmanaged',
      type: live.type,
      name: live.name,
      liveId: live.id,
      ...(live.portalUrl ? { portalUrl: live.portalUrl } : {}),
    });
  }
  return { compared, changes, missingLive, unmanaged };
}

/** The values at a path on both sides; `*` pairs array elements by name where they have one, else by index. */
function pairsAt(
  iac: unknown,
  live: unknown,
  path: string,
): { at: string; iacValue: unknown; liveValue: unknown }[] {
  const [head, ...rest] = path.split('.');
  if (head === undefined) return [{ at: '', iacValue: iac, liveValue: live }];
  if (head === '*') {
    if (!Array.isArray(iac)) return [];
    const liveItems = Array.isArray(live) ? live : [];
    return iac.flatMap((item, i) => {
      const name = (item as { name?: unknown } | null)?.name;
      const j =
        typeof name === 'string' ? liveItems.findIndex((l) => (l as { name?: unknown })?.name === name) : i;
      return pairsAt(item, j >= 0 ? liveItems[j] : undefined, rest.join('.')).map((p) => ({
        ...p,
        at: `${i}${p.at ? `.${p.at}` : ''}`,
      }));
    });
  }
  const a = typeof iac === 'object' && iac !== null ? (iac as Record<string, unknown>)[head] : undefined;
  const b = typeof live === 'object' && live !== null ? (live as Record<string, unknown>)[head] : undefined;
  if (!rest.length) return [{ at: head, iacValue: a, liveValue: b }];
  return pairsAt(a, b, rest.join('.')).map((p) => ({ ...p, at: `${head}.${p.at}` }));
}

/**
 * Equal as ARM means it: case-insensitive enums, references by target, arrays as sets; for an
 * object, the keys the IaC sets (Azure adds read-only ones of its own).
 */
export function sameValue(iac: unknown, live: unknown): boolean {
  if (typeof iac === 'object' && iac !== null && !Array.isArray(iac)) {
    const rec = iac as Record<string, unknown>;
    const isReference = Object.keys(rec).length === 1 && typeof rec.id === 'string';
    if (!isReference) {
      if (typeof live !== 'object' || live === null || Array.isArray(live)) return false;
      const other = live as Record<string, unknown>;
      return Object.keys(rec).every((k) => rec[k] === undefined || sameValue(rec[k], other[k]));
    }
  }
  return canonical(iac) === canonical(live);
}

function canonical(v: unknown): string {
  if (v === undefined || v === null) return 'null';
  if (typeof v === 'string') {
    const id = v.includes('/providers/') ? parseResourceId(v) : undefined;
    return JSON.stringify(id ? `ref:${id.key}` : v.toLowerCase());
  }
  if (typeof v !== 'object') return JSON.stringify(String(v).toLowerCase());
  if (Array.isArray(v)) return `[${v.map(canonical).sort().join(',')}]`;
  const rec = v as Record<string, unknown>;
  // A `{ id }` reference is the resource it names.
  if (typeof rec.id === 'string') return canonical(rec.id);
  return `{${Object.keys(rec)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonical(rec[k])}`)
    .join(',')}}`;
}
