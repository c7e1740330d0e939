import type { NetworkManagementClient } from '@azure/arm-network';
import { parseResourceId, type Resource } from '@ztkit/core';
import { describeArmError } from './arm-error.js';
import { type LiveResourceContext, liveResource } from './live-resource.js';

export interface DetailFailure {
  readonly resourceId: string;
  readonly reason: string;
}

/**
 * Rule collection groups are resources of their own under a firewall policy, and Resource Graph
 * does not return their rules: they are listed through the Network API. The SDK flattens what it
 * returns; the model wants ARM's REST shape, so the raw page bodies are taken as they arrived.
 */
export async function readRuleCollectionGroups(
  networkFor: (subscriptionId: string) => NetworkManagementClient,
  policies: readonly Resource[],
  live: LiveResourceContext,
  requestTimeoutMs?: number,
): Promise<{ resources: Resource[]; failures: DetailFailure[] }> {
  const resources: Resource[] = [];
  const failures: DetailFailure[] = [];
  for (const policy of policies) {
    const id = parseResourceId(policy.id);
    if (!id?.subscriptionId || !id.resourceGroup) continue;
    const client = networkFor(id.subscriptionId);
    try {
      const raw: unknown[] = [];
      const pager = client.firewallPolicyRuleCollectionGroups.list(id.resourceGroup, id.name, {
        ...(requestTimeoutMs ? { requestOptions: { timeout: requestTimeoutMs } } : {}),
        onResponse: (response) => {
          const body = response.parsedBody as { value?: unknown } | undefined;
          if (Array.isArray(body?.value)) raw.push(...body.value);
        },
      });
      for await (const _page of pager.byPage()) {
        // Pages are taken raw in onResponse; iterating drives the paging.
      }
      for (const row of raw) {
        const r = liveResource(row, live);
        if (r) resources.push(r);
      }
    } catch (e) {
      failures.push({ resourceId: policy.id, reason: describeArmError(e) });
    }
  }
  return { resources, failures };
}
