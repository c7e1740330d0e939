import { NetworkManagementClient } from '@azure/arm-network';
import { ResourceGraphClient } from '@azure/arm-resourcegraph';
import type { TokenCredential } from '@azure/core-auth';
import { getClient } from '@azure-rest/core-client';
import { ResourceGraph, type Rule } from '@ztkit/core';
import { type ArmConnection, armClientOptions } from './client-options.js';
import type { AzureCloud } from './cloud.js';
import { collectedChildTypes, collectionPlan, readChildCollections } from './inventory/child-collections.js';
import { type EstateRead, type EstateScope, readEstate } from './inventory/estate.js';
import { type DetailFailure, readRuleCollectionGroups } from './inventory/firewall-policies.js';
import { declareInlineChildren } from './inventory/inline-children.js';
import type { LiveResourceContext } from './inventory/live-resource.js';
import { inventoryTypes } from './inventory/types.js';

export interface LiveReadOptions extends Omit<ArmConnection, 'cloud'> {
  readonly cloud: AzureCloud;
  readonly credential: TokenCredential;
  readonly scope: EstateScope;
  readonly pageSize?: number;
  readonly batchSize?: number;
  readonly onProgress?: (message: string) => void;
}

export interface LiveEstate {
  readonly graph: ResourceGraph;
  readonly estate: Omit<EstateRead, 'resources'>;
  readonly detailFailures: readonly DetailFailure[];
  readonly typesMaybeMissing: readonly string[];
  /** Network clients per subscription (for verify), sharing the pipeline options. */
  networkFor(subscriptionId: string): NetworkManagementClient;
}

/**
 * Everything live the rules can read, as one graph: Resource Graph rows, their inline children
 * declared with their real IDs, firewall rule collection groups and the child collections the
 * given rules need. Rows become model resources as pages arrive; the graph is built once, at the end.
 */
export async function readLiveEstate(options: LiveReadOptions, rules: readonly Rule[]): Promise<LiveEstate> {
  const clientOptions = armClientOptions({ ...options, cloud: options.cloud });
  const argClient = new ResourceGraphClient(options.credential, clientOptions);
  const networkClients = new Map<string, NetworkManagementClient>();
  const networkFor = (subscriptionId: string) => {
    let c = networkClients.get(subscriptionId);
    if (!c) {
      c = new NetworkManagementClient(options.credential, subscriptionId, clientOptions);
      networkClients.set(subscriptionId, c);
    }
    return c;
  };
  const types = inventoryTypes(rules);
  const plan = collectionPlan(rules);
  const live: LiveResourceContext = { canonical: types.canonical, portal: options.cloud.portal };
  let rows = 0;
  const queried = [...new Set([...types.queried, ...plan.keys()])].sort();
  const { resources, ...estate } = await readEstate(argClient, options.scope, {
    types: queried,
    live,
    ...(options.pageSize ? { pageSize: options.pageSize } : {}),
    ...(options.batchSize ? { batchSize: options.batchSize } : {}),
    ...(options.requestTimeoutMs ? { requestTimeoutMs: options.requestTimeoutMs } : {}),
    onPage: (n) => {
      rows += n;
      options.onProgress?.(`Resource Graph: ${rows} rows`);
    },
  });
  const policies = resources.filter((r) => r.type.toLowerCase() === 'microsoft.network/firewallpolicies');
  const groups = await readRuleCollectionGroups(networkFor, policies, live, options.requestTimeoutMs);
  const children = await readChildCollections(
    getClient(options.cloud.armEndpoint, options.credential, clientOptions),
    resources,
    plan,
    live,
    { requestTimeoutMs: options.requestTimeoutMs },
  );
  for (const r of declareInlineChildren(resources, options.cloud.portal)) resources.push(r);
  for (const r of groups.resources) resources.push(r);
  for (const r of children.resources) resources.push(r);
  const covered = collectedChildTypes();
  return {
    graph: new ResourceGraph(resources),
    estate,
    detailFailures: [...groups.failures, ...children.failures],
    typesMaybeMissing: types.maybeMissing.filter((t) => !covered.has(t.toLowerCase())),
    networkFor,
  };
}
