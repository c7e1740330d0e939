/**
 * Reading `terraform show -json` output: the planned (or state) values of every resource instance,
 * the `after_unknown` markers of values known only after apply, and the configuration's expression
 * references, which recover ids a plan cannot know yet (`subnet_id = azurerm_subnet.app.id` on a
 * subnet that does not exist yet) so that association edges still resolve.
 */
import { isObject } from '../eval/values.js';
import { attrsOfValue } from '../translate/arm.js';
import { referenceId } from '../translate/registry.js';

export interface PlannedResource {
  readonly address: string;
  readonly mode: 'managed' | 'data';
  readonly type: string;
  readonly name: string;
  /** Module path of the instance (`module.a[0].module.b`), '' at the root. */
  readonly module: string;
  readonly values: Record<string, unknown>;
  /** Parallel structure of `true` where the value is known only after apply. */
  unknowns: unknown;
  /** JSON pointer of `values` in the plan document. */
  readonly pointer: readonly (string | number)[];
}

/** Every resource instance of `planned_values` (plans) or `values` (state), with its pointer. */
export function plannedResources(plan: Record<string, unknown>): PlannedResource[] {
  const out: PlannedResource[] = [];
  const top = isObject(plan.planned_values) ? 'planned_values' : isObject(plan.values) ? 'values' : undefined;
  if (!top) return out;
  const visit = (mod: unknown, pointer: (string | number)[], depth: number): void => {
    if (!isObject(mod) || depth > 64) return;
    const moduleAddress = typeof mod.address === 'string' ? mod.address : '';
    if (Array.isArray(mod.resources))
      mod.resources.forEach((r, i) => {
        if (!isObject(r) || typeof r.type !== 'string' || typeof r.address !== 'string') return;
        out.push({
          address: r.address,
          mode: r.mode === 'data' ? 'data' : 'managed',
          type: r.type,
          name: typeof r.name === 'string' ? r.name : '',
          module: moduleAddress,
          values: isObject(r.values) ? r.values : {},
          unknowns: undefined,
          pointer: [...pointer, 'resources', i, 'values'],
        });
      });
    if (Array.isArray(mod.child_modules))
      mod.child_modules.forEach((c, i) => {
        visit(c, [...pointer, 'child_modules', i], depth + 1);
      });
  };
  visit((plan[top] as Record<string, unknown>).root_module, [top, 'root_module'], 0);
  const changes = Array.isArray(plan.resource_changes) ? plan.resource_changes : [];
  const unknownByAddress = new Map<string, unknown>();
  for (const c of changes)
    if (isObject(c) && typeof c.address === 'string' && isObject(c.change))
      unknownByAddress.set(c.address, c.change.after_unknown);
  for (const r of out) r.unknowns = unknownByAddress.get(r.address);
  return out;
}

/** `module.a["x"].module.b` -> `module.a.module.b` (configuration is per module, not per instance). */
function moduleConfigPath(module: string): string[] {
  return module
    .replace(/\[[^\]]*\]/g, '')
    .split('.')
    .filter((p, i) => i % 2 === 1 && p !== '');
}

/** The configuration of a module instance (`module.a[0].module.b`), found through `module_calls`. */
function configurationModule(
  plan: Record<string, unknown>,
  module: string,
): Record<string, unknown> | undefined {
  let mod: unknown = isObject(plan.configuration) ? plan.configuration.root_module : undefined;
  for (const call of moduleConfigPath(module)) {
    const calls = isObject(mod) && isObject(mod.module_calls) ? mod.module_calls : undefined;
    const next = calls?.[call];
    mod = isObject(next) ? next.module : undefined;
  }
  return isObject(mod) ? mod : undefined;
}

/** Configuration expressions of a resource, found through `module_calls`. */
export function configurationExpressions(plan: Record<string, unknown>, r: PlannedResource): unknown {
  const mod = configurationModule(plan, r.module);
  if (!isObject(mod) || !Array.isArray(mod.resources)) return undefined;
  const local = `${r.mode === 'data' ? 'data.' : ''}${r.type}.${r.name}`;
  const found = mod.resources.find((c) => isObject(c) && c.address === local);
  return isObject(found) ? found.expressions : undefined;
}

/**
 * Fill values known only after apply from the references that produce them, where the reference
 * names a resource of the plan whose id the translators can build (`azurerm_subnet.app.id`).
 */
export function resolveReferences(
  resources: readonly PlannedResource[],
  plan: Record<string, unknown>,
): void {
  const byAddress = new Map(resources.map((r) => [r.address, r]));
  // Plan JSON is input: an output can list itself, or thousands of references. Each (reference,
  // module) pair is resolved once, and the whole walk has a budget.
  const resolved = new Map<string, string | undefined>();
  let budget = 100_000;
  const idOf = (ref: string, module: string, depth = 0): string | undefined => {
    const out = /^module\.([A-Za-z0-9_-]+)((?:\[[^\]]+\])?)\.([A-Za-z0-9_-]+)$/.exec(ref);
    if (out) {
      // A module output: follow the output's own expression inside the called module instance. Without
      // an instance key on a counted module the instance is not known: the reference stays unresolved.
      if (depth > 16 || --budget < 0) return undefined;
      const key = `${module}\u0000${ref}`;
      if (resolved.has(key)) return resolved.get(key);
      resolved.set(key, undefined); // a cycle back to this output resolves to nothing
      const child = `${module ? `${module}.` : ''}module.${out[1]}${out[2]}`;
      const outputs = configurationModule(plan, child)?.outputs;
      const output = isObject(outputs) ? outputs[out[3]!] : undefined;
      const expr = isObject(output) ? output.expression : undefined;
      const refs = isObject(expr) && Array.isArray(expr.references) ? expr.references : [];
      let id: string | undefined;
      for (const r of refs) {
        if (typeof r === 'string') id = idOf(r, child, depth + 1);
        if (id !== undefined) break;
      }
      resolved.set(key, id);
      return id;
    }
    const m = /^(data\.)?([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)((?:\[[^\]]+\])?)\.id$/.exec(ref);
    if (!m) return undefined;
    const prefix = module ? `${module}.` : '';
    const target = byAddress.get(`${prefix}${m[1] ?? ''}${m[2]}.${m[3]}${m[4]}`);
    if (!target) return undefined;
    return referenceId(target.type, attrsOfValue(target.values));
  };
  const fill = (
    values: Record<string, unknown>,
    unknowns: unknown,
    expressions: unknown,
    module: string,
    depth: number,
  ): void => {
    if (!isObject(unknowns) || !isObject(expressions) || depth > 16) return;
    for (const [key, u] of Object.entries(unknowns)) {
      const expr = expressions[key];
      if (u === true && isObject(expr) && Array.isArray(expr.references)) {
        const ids = [
          ...new Set(expr.references.map((ref) => (typeof ref === 'string' ? idOf(ref, module) : undefined))),
        ].filter((id): id is string => id !== undefined);
        if (ids.length === 0) continue;
        // `*_ids` attributes are lists of ids (network_interface_ids, private_dns_zone_ids...).
        values[key] = key.endsWith('_ids') ? ids : ids[0];
        delete unknowns[key];
      } else if (
        Array.isArray(u) &&
        Array.isArray(values[key]) &&
        isObject(expr) &&
        Array.isArray(expr.references)
      ) {
        // A list attribute with unknown elements, e.g. `network_interface_ids = [azurerm_network_interface.a.id]`:
        // Terraform writes `[null]` / after_unknown `[true]` and ONE expression for the whole attribute,
        // its references in source order. Fill the unknown elements only when the ids the references
        // resolve to (less those already in the list) match them one to one; else they stay Unknown.
        const list = values[key] as unknown[];
        const known = new Set(
          list.filter((v): v is string => typeof v === 'string').map((v) => v.toLowerCase()),
        );
        const ids = [
          ...new Set(expr.references.map((ref) => (typeof ref === 'string' ? idOf(ref, module) : undefined))),
        ].filter((id): id is string => id !== undefined && !known.has(id.toLowerCase()));
        const slots = u.flatMap((item, i) => (item === true && !isObject(list[i]) ? [i] : []));
        if (ids.length === 0 || ids.length !== slots.length) continue;
        slots.forEach((i, n) => {
          list[i] = ids[n];
          u[i] = false;
        });
      } else if (Array.isArray(u) && Array.isArray(values[key]) && Array.isArray(expr)) {
        const list = values[key] as unknown[];
        u.forEach((item, i) => {
          if (isObject(list[i])) fill(list[i] as Record<string, unknown>, item, expr[i], module, depth + 1);
          else if (
            item === true &&
            isObject(expr[i]) &&
            Array.isArray((expr[i] as Record<string, unknown>).references)
          ) {
            // A list of ids, e.g. network_interface_ids = [azurerm_network_interface.a.id].
            const refs = (expr[i] as { references: unknown[] }).references;
            const id = refs
              .map((ref) => (typeof ref === 'string' ? idOf(ref, module) : undefined))
              .find(Boolean);
            if (id) {
              list[i] = id;
              u[i] = false;
            }
          }
        });
      }
    }
  };
  for (const r of resources) {
    if (!isObject(r.unknowns)) continue;
    fill(r.values, r.unknowns, configurationExpressions(plan, r), r.module, 0);
  }
}
