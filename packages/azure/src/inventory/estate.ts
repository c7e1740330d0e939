import type { ResourceGraphClient } from '@azure/arm-resourcegraph';
import type { Resource } from '@ztkit/core';
import { describeArmError } from './arm-error.js';
import { type LiveResourceContext, liveResource, subscriptionOf } from './live-resource.js';
import { inventoryQuery, SUBSCRIPTIONS_QUERY } from './query.js';
import { type GraphScope, type PagingOptions, queryPages } from './resource-graph.js';

export interface EstateScope {
  readonly subscriptions?: readonly string[];
  readonly managementGroup?: string;
}

/** What became of one subscription: every one given (or found under the group) ends read or failed. */
export interface SubscriptionStatus {
  readonly subscriptionId: string;
  readonly name?: string;
  readonly status: 'read' | 'failed';
  readonly reason?: string;
  readonly resources: number;
}

export interface EstateRead {
  readonly resources: Resource[];
  readonly subscriptions: SubscriptionStatus[];
  /** Failures that are not one subscription's (the management group itself cannot be read). */
  readonly scopeFailures: string[];
  readonly partial: boolean;
  readonly pages: number;
}

export interface EstateOptions extends PagingOptions {
  readonly types: readonly string[];
  readonly live: LiveResourceContext;
  /** Subscriptions per query: Resource Graph advises groups under 300. */
  readonly batchSize?: number;
}

/**
 * Reads the network and PaaS resources of a scope with one paged Resource Graph query (per batch
 * of subscriptions). A subscription that cannot be read must not sink the others, and must not
 * vanish: the subscriptions the identity can see are listed first (a subscription it cannot see,
 * or that does not exist, is reported as such); a batch whose query fails is retracted and re-read
 * subscription by subscription, so the failure lands on the one that caused it.
 */
export async function readEstate(
  client: ResourceGraphClient,
  scope: EstateScope,
  options: EstateOptions,
): Promise<EstateRead> {
  const resources: Resource[] = [];
  const statuses = new Map<string, SubscriptionStatus>();
  const scopeFailures: string[] = [];
  let pages = 0;
  const incomplete = new Set<string>();
  const paging: PagingOptions = {
    ...options,
    onPage: (n) => {
      pages++;
      options.onPage?.(n);
    },
    onIncomplete: (why) => incomplete.add(why),
  };
  const batchSize = Math.max(1, options.batchSize ?? 250);
  const query = inventoryQuery(options.types);

  // 1. Which subscriptions are there, and visible?
  const graphScope: GraphScope = scope.managementGroup
    ? { managementGroups: [scope.managementGroup] }
    : { subscriptions: scope.subscriptions ?? [] };
  const visible = new Map<string, string | undefined>();
  let listed = true;
  // Listed in batches too: a request naming thousands of subscriptions would be refused whole.
  const listingScopes: GraphScope[] = scope.managementGroup
    ? [graphScope]
    : chunks(scope.subscriptions ?? [], batchSize).map((s) => ({ subscriptions: s }));
  try {
    for (const listingScope of listingScopes)
      for await (const rows of queryPages(client, SUBSCRIPTIONS_QUERY, listingScope, paging))
        for (const row of rows) {
          const r = row as { subscriptionId?: unknown; name?: unknown };
          if (typeof r.subscriptionId === 'string')
            visible.set(r.subscriptionId.toLowerCase(), typeof r.name === 'string' ? r.name : undefined);
        }
  } catch (e) {
    listed = false;
    if (scope.managementGroup) {
      scopeFailures.push(
        `management group '${scope.managementGroup}' cannot be read: ${describeArmError(e)}`,
      );
      return { resources, subscriptions: [], scopeFailures, partial: true, pages };
    }
  }
  const wanted = scope.managementGroup
    ? [...visible.keys()]
    : (scope.subscriptions ?? []).map((s) => s.toLowerCase());
  const readable: string[] = [];
  for (const id of wanted) {
    if (listed && !visible.has(id))
      statuses.set(id, {
        subscriptionId: id,
        status: 'failed',
        reason:
          'not visible to this identity: the subscription does not exist, or the identity has no role on it (give it Reader)',
        resources: 0,
      });
    else readable.push(id);
  }

  // 2. One paged query per batch; a failed batch is retracted and re-read one subscription at a time.
  const counts = new Map<string, number>();
  const drain = async (s: GraphScope) => {
    for await (const rows of queryPages(client, query, s, paging))
      for (const row of rows) {
        const r = liveResource(row, options.live);
        if (!r) continue;
        resources.push(r);
        const sub = subscriptionOf(r);
        if (sub) counts.set(sub, (counts.get(sub) ?? 0) + 1);
      }
  };
  const retract = (mark: number) => {
    for (let i = mark; i < resources.length; i++) {
      const sub = subscriptionOf(resources[i]!);
      if (sub) counts.set(sub, (counts.get(sub) ?? 1) - 1);
    }
    resources.length = mark;
  };
  const failed = new Map<string, string>();
  // A management group is read in one query; given subscriptions in batches.
  const batches: string[][] = scope.managementGroup ? [[]] : chunks(readable, batchSize);
  for (const batch of batches) {
    const mark = resources.length;
    const batchScope: GraphScope = batch.length ? { subscriptions: batch } : graphScope;
    try {
      await drain(batchScope);
    } catch (e) {
      retract(mark);
      const members = batch.length ? batch : readable;
      if (members.length === 1) {
        failed.set(members[0]!, describeArmError(e));
        continue;
      }
      for (const sub of members) {
        const subMark = resources.length;
        try {
          await drain({ subscriptions: [sub] });
        } catch (inner) {
          retract(subMark);
          failed.set(sub, describeArmError(inner));
        }
      }
    }
  }
  for (const id of readable)
    statuses.set(id, {
      subscriptionId: id,
      ...(visible.get(id) ? { name: visible.get(id) } : {}),
      status: failed.has(id) ? 'failed' : 'read',
      ...(failed.has(id) ? { reason: failed.get(id) } : {}),
      resources: failed.has(id) ? 0 : (counts.get(id) ?? 0),
    });
  const subscriptions = wanted.map((id) => statuses.get(id)!);
  for (const why of incomplete) scopeFailures.push(why);
  const partial = scopeFailures.length > 0 || subscriptions.some((s) => s.status === 'failed');
  return { resources, subscriptions, scopeFailures, partial, pages };
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
