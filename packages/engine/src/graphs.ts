import { dirname } from 'node:path';
import {
  type AnalysisFactory,
  type Resource,
  ResourceGraph,
  type Rule,
  type RuleContext,
  type RuleOptions,
  type SourceLanguage,
} from '@ztkit/core';

export interface ScanGraphs {
  /** Every resource of the scan: what faces use to look resources up. */
  readonly merged: ResourceGraph;
  /** One graph per source language, what faces show (diagram, network report). */
  readonly byLanguage: ReadonlyMap<SourceLanguage, ResourceGraph>;
  /**
   * Per language, one graph per deployment unit, the ones `check` rules and the network analysis
   * reason over: the folder of the entry file (the root module of a Terraform configuration, the
   * folder of ARM or Bicep templates deployed together; modules stay with the file that calls them).
   */
  readonly units: ReadonlyMap<SourceLanguage, readonly ResourceGraph[]>;
}

/**
 * A repository often holds the same deployment twice: `main.bicep` beside its compiled
 * `main.json`, or `.tf` beside a plan of it. References never cross languages (a Bicep symbol
 * cannot name a Terraform resource), so each language gets its own graph; one merged graph would
 * see every VNet twice and resolve a reference to whichever twin came first.
 *
 * The same holds across folders: a repository of samples (`quickstart/101-vm`, `quickstart/201-lb`)
 * reuses names like `nic-1` or `myVNet` in every sample, and static IDs carry no subscription or
 * resource group to tell them apart. A Terraform root module is a folder, and templates deployed
 * together sit in one folder (`hub.json` beside `spoke.json`), so rules reason per language and
 * folder; a resource read through a module belongs to the folder of its outermost caller.
 */
export function buildGraphs(resources: readonly Resource[]): ScanGraphs {
  const groups = new Map<SourceLanguage, Resource[]>();
  for (const r of resources) push(groups, r.language, r);
  const merged = new ResourceGraph(resources);
  const byLanguage =
    groups.size <= 1
      ? new Map<SourceLanguage, ResourceGraph>([...groups.keys()].map((l) => [l, merged]))
      : new Map([...groups].map(([language, list]) => [language, new ResourceGraph(list)]));
  const units = new Map<SourceLanguage, ResourceGraph[]>();
  for (const [language, list] of groups) {
    const folders = new Map<string, Resource[]>();
    for (const r of list) push(folders, unitFolder(r), r);
    const lists = [...folders.values()].flatMap(byDeployment);
    units.set(
      language,
      lists.length <= 1 ? [byLanguage.get(language)!] : lists.map((l) => new ResourceGraph(l)),
    );
  }
  return { merged, byLanguage, units };
}

/**
 * The rules to run over a language graph made of several deployment units: each `check` runs once
 * per unit, with the unit as its graph and the network analysis memoised per unit, so that nothing
 * a rule concludes mixes two samples. `summarize` (the score) still sees the language's findings
 * as a whole. With one unit the rules are returned as they are.
 */
export function perUnitRules(
  rules: readonly Rule[],
  units: readonly ResourceGraph[],
  global: RuleOptions,
): readonly Rule[] {
  if (units.length <= 1) return rules;
  const caches = new Map<ResourceGraph, Map<string, unknown>>(units.map((u) => [u, new Map()]));
  const contextIn = (unit: ResourceGraph, options: RuleOptions): RuleContext => ({
    graph: unit,
    options,
    analysis<T>(factory: AnalysisFactory<T>): T {
      const cache = caches.get(unit)!;
      if (!cache.has(factory.name)) cache.set(factory.name, factory.create(unit, global));
      return cache.get(factory.name) as T;
    },
  });
  return rules.map((rule) => {
    const check = rule.check;
    if (!check) return rule;
    return {
      ...rule,
      *check(ctx: RuleContext) {
        for (const unit of units) yield* check.call(rule, contextIn(unit, ctx.options));
      },
    };
  });
}

function unitFolder(r: Resource): string {
  // Live resources (and anything without a source file) form one estate.
  const file = r.via?.[0]?.file ?? r.origin?.file;
  return r.language === 'azure' || !file ? '' : dirname(file);
}

/**
 * A folder's deployments: one template evaluated once per parameter file gives one unit per file
 * (dev and prod are not one estate), each with the folder's other resources, which are deployed
 * alongside either. Findings those shared resources get in both units are one finding (the runner
 * dedupes by fingerprint and place).
 */
function byDeployment(folder: readonly Resource[]): Resource[][] {
  const deployments = new Map<string, Resource[]>();
  const shared: Resource[] = [];
  for (const r of folder) {
    if (r.deployment === undefined) shared.push(r);
    else push(deployments, r.deployment, r);
  }
  if (deployments.size === 0) return [shared];
  return [...deployments.values()].map((own) => [...shared, ...own]);
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
