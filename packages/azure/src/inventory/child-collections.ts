import type { Client } from '@azure-rest/core-client';
import type { Resource, Rule } from '@ztkit/core';
import { describeArmError } from './arm-error.js';
import type { DetailFailure } from './firewall-policies.js';
import { type LiveResourceContext, liveResource } from './live-resource.js';

/**
 * Resources Resource Graph does not index but rules read: extension and child resources fetched
 * from ARM under each parent. Each kind is asked for only when a rule of the run reads it, and only
 * under the parents those rules name, so an estate pays for what its rules need.
 */
interface ChildCollection {
  /** The child type a rule names in `resourceTypes`. */
  readonly childType: string;
  /** Parents whose children to read, given the types the rules reading the child also name. */
  parents(ruleTypes: readonly string[]): readonly string[];
  /** Path under the parent ID. */
  readonly suffix: string;
  readonly apiVersion: string;
  /** `list`: a `{ value: [...] }` collection; `single`: one resource (App Service `config/web`). */
  readonly shape: 'list' | 'single';
}

const COLLECTIONS: readonly ChildCollection[] = [
  {
    childType: 'Microsoft.Insights/diagnosticSettings',
    // An extension resource: it lives on whatever the rule monitors (firewalls, gateways, ...).
    parents: (types) =>
      types.filter((t) => t.split('/').length === 2 && !t.toLowerCase().startsWith('microsoft.insights/')),
    suffix: '/providers/Microsoft.Insights/diagnosticSettings',
    apiVersion: '2021-05-01-preview',
    shape: 'list',
  },
  {
    childType: 'Microsoft.Web/sites/config',
    parents: () => ['Microsoft.Web/sites'],
    suffix: '/config/web',
    apiVersion: '2023-12-01',
    shape: 'single',
  },
  {
    childType: 'Microsoft.Web/sites/slots/config',
    parents: () => ['Microsoft.Web/sites/slots'],
    suffix: '/config/web',
    apiVersion: '2023-12-01',
    shape: 'single',
  },
  {
    childType: 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups',
    parents: () => ['Microsoft.Network/privateEndpoints'],
    suffix: '/privateDnsZoneGroups',
    apiVersion: '2024-05-01',
    shape: 'list',
  },
];

/** Which parent types to read which collections under, for these rules. */
export function collectionPlan(rules: readonly Rule[]): Map<string, ChildCollection[]> {
  const plan = new Map<string, ChildCollection[]>();
  for (const c of COLLECTIONS) {
    const readers = rules.filter((r) =>
      r.meta.resourceTypes.some((t) => t.toLowerCase() === c.childType.toLowerCase()),
    );
    if (!readers.length) continue;
    const parents = new Set(
      c.parents(readers.flatMap((r) => r.meta.resourceTypes)).map((t) => t.toLowerCase()),
    );
    for (const p of parents) plan.set(p, [...(plan.get(p) ?? []), c]);
  }
  return plan;
}

/** Parent types whose children the plan reads: also queried from Resource Graph. */
export function planParentTypes(plan: Map<string, ChildCollection[]>): string[] {
  return [...plan.keys()];
}

export async function readChildCollections(
  arm: Client,
  resources: readonly Resource[],
  plan: Map<string, ChildCollection[]>,
  live: LiveResourceContext,
  options: { readonly concurrency?: number; readonly requestTimeoutMs?: number | undefined } = {},
): Promise<{ resources: Resource[]; failures: DetailFailure[] }> {
  const out: Resource[] = [];
  const failures: DetailFailure[] = [];
  const work: { parent: Resource; c: ChildCollection }[] = [];
  for (const r of resources)
    for (const c of plan.get(r.type.toLowerCase()) ?? []) work.push({ parent: r, c });
  const readOne = async ({ parent, c }: { parent: Resource; c: ChildCollection }) => {
    let url: string | undefined = `${parent.id}${c.suffix}`;
    let query: Record<string, string> | undefined = { 'api-version': c.apiVersion };
    try {
      while (url) {
        const response = await arm.pathUnchecked(url).get({
          ...(query ? { queryParameters: query } : {}),
          ...(options.requestTimeoutMs ? { timeout: options.requestTimeoutMs } : {}),
        });
        const status = Number(response.status);
        if (status === 404 && c.shape === 'single') return; // never configured: nothing to read
        if (status !== 200) {
          failures.push({
            resourceId: parent.id,
            reason: describeArmError(restError(status, response.body)),
          });
          return;
        }
        const body = response.body as { value?: unknown[]; nextLink?: string } | undefined;
        const rows = c.shape === 'list' ? (Array.isArray(body?.value) ? body.value : []) : [body];
        for (const row of rows) {
          const r = liveResource(row, live);
          if (r) out.push(r);
        }
        // nextLink is absolute and carries its own api-version.
        url = c.shape === 'list' && body?.nextLink ? body.nextLink : undefined;
        query = undefined;
      }
    } catch (e) {
      failures.push({ resourceId: parent.id, reason: describeArmError(e) });
    }
  };
  const queue = [...work];
  await Promise.all(
    Array.from({ length: Math.max(1, options.concurrency ?? 8) }, async () => {
      for (let item = queue.shift(); item; item = queue.shift()) await readOne(item);
    }),
  );
  return { resources: out, failures };
}

function restError(status: number, body: unknown) {
  const envelope = (body as { error?: { code?: string; message?: string } } | undefined)?.error;
  return {
    statusCode: status,
    details: envelope ? { error: envelope } : undefined,
    message: envelope?.message,
  };
}

/** Child types read by this module (not to be reported as possibly missing). */
export function collectedChildTypes(): ReadonlySet<string> {
  return new Set(COLLECTIONS.map((c) => c.childType.toLowerCase()));
}
