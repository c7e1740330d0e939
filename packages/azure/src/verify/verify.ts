import type { NetworkManagementClient } from '@azure/arm-network';
import { AddressSet, analyseNetwork, type NicInfo, Protocol } from '@ztkit/analysis';
import { parseResourceId, type ResourceGraph } from '@ztkit/core';
import { describeArmError } from '../inventory/arm-error.js';
import { azureDefaultRoute, azureInboundDecision } from './azure-effective.js';

export interface VerifyOptions {
  /** At most this many NICs are asked (each costs two long-running operations). Default 100. */
  readonly maxNics?: number;
  /** TCP ports probed from the Internet. Default: the management and data ports rules care about. */
  readonly ports?: readonly number[];
  /** Poll interval of the long-running operations. */
  readonly pollIntervalMs?: number;
  readonly concurrency?: number;
  readonly requestTimeoutMs?: number | undefined;
}

export interface Disagreement {
  readonly resourceId: string;
  readonly name: string;
  readonly what: 'inbound' | 'default-route';
  readonly detail: string;
  readonly azure: string;
  readonly ztkit: string;
}

export interface VerifyReport {
  readonly nicsChecked: number;
  readonly nicsSkipped: number;
  readonly comparisons: number;
  readonly disagreements: readonly Disagreement[];
  readonly failures: readonly { resourceId: string; what: string; reason: string }[];
}

const DEFAULT_PORTS = [22, 3389, 80, 443, 1433, 3306, 5432, 445];
/** A public address standing for "the Internet" on both sides of the comparison. */
const INTERNET_SAMPLE = '8.8.8.8';

/**
 * Cross-checks ztkit's static evaluation with Azure's ground truth for NICs: for each probed port,
 * does inbound TCP from the Internet reach the NIC, and where does its default route lead. A
 * disagreement means either the model misses something Azure applies (an admin rule, an NSG ztkit
 * did not read) or ztkit's evaluation is wrong; either is worth a look. Ports where ztkit cannot
 * tell (uncertain) are not compared.
 */
export async function verifyEffective(
  graph: ResourceGraph,
  networkFor: (subscriptionId: string) => NetworkManagementClient,
  options: VerifyOptions = {},
): Promise<VerifyReport> {
  const net = analyseNetwork(graph);
  const nics = net.nics.nics.filter((n) => n.kind === 'nic');
  const limit = options.maxNics ?? 100;
  const chosen = nics.slice(0, limit);
  const ports = options.ports ?? DEFAULT_PORTS;
  const sample = AddressSet.ofPrefixes([`${INTERNET_SAMPLE}/32`]);
  const disagreements: Disagreement[] = [];
  const failures: VerifyReport['failures'][number][] = [];
  let comparisons = 0;
  const lro = {
    updateIntervalInMs: options.pollIntervalMs ?? 2000,
    ...(options.requestTimeoutMs ? { requestOptions: { timeout: options.requestTimeoutMs } } : {}),
  };

  const checkNic = async (nic: NicInfo) => {
    const id = parseResourceId(nic.resource.id);
    if (!id?.subscriptionId || !id.resourceGroup) return;
    const client = networkFor(id.subscriptionId);
    const privateIp = firstPrivateIp(nic);
    try {
      const effective = await client.networkInterfaces.listEffectiveNetworkSecurityGroups(
        id.resourceGroup,
        id.name,
        lro,
      );
      const inbound = net.effectiveInbound(nic, sample);
      for (const port of ports) {
        const region = inbound.allowed.filter((t) => t.protocols & Protocol.Tcp && t.ports.has(BigInt(port)));
        if (region.some((t) => t.uncertain)) continue;
        const ours = region.length > 0;
        const azure = azureInboundDecision(effective, INTERNET_SAMPLE, privateIp, port);
        comparisons++;
        if (azure.allowed !== ours)
          disagreements.push({
            resourceId: nic.resource.id,
            name: nic.name,
            what: 'inbound',
            detail: `tcp/${port} from the Internet`,
            azure: `${azure.allowed ? 'allowed' : 'denied'} (${azure.decidedBy.join(' then ')})`,
            ztkit: ours ? 'allowed' : 'denied',
          });
      }
    } catch (e) {
      failures.push({ resourceId: nic.resource.id, what: 'security rules', reason: describeArmError(e) });
    }
    const subnet = nic.ipConfigs.find((c) => c.subnet)?.subnet;
    if (!subnet) return;
    try {
      const routes = await client.networkInterfaces.getEffectiveRouteTable(id.resourceGroup, id.name, lro);
      const azure = azureDefaultRoute(routes);
      const ours = net.routing.routeTowards(subnet, AddressSet.ofPrefixes(['0.0.0.0/0']));
      if (!azure) return;
      comparisons++;
      const ourHop = ours.route?.nextHopIpAddress;
      const same =
        azure.nextHopType.toLowerCase() === ours.nextHopType.toLowerCase() &&
        (azure.nextHopType.toLowerCase() !== 'virtualappliance' ||
          !ourHop ||
          ourHop === azure.nextHopIpAddress);
      if (!same)
        disagreements.push({
          resourceId: nic.resource.id,
          name: nic.name,
          what: 'default-route',
          detail: '0.0.0.0/0',
          azure: `${azure.nextHopType}${azure.nextHopIpAddress ? ` ${azure.nextHopIpAddress}` : ''}`,
          ztkit: `${ours.nextHopType}${ourHop ? ` ${ourHop}` : ''} (${ours.why})`,
        });
    } catch (e) {
      failures.push({ resourceId: nic.resource.id, what: 'routes', reason: describeArmError(e) });
    }
  };

  const queue = [...chosen];
  const workers = Array.from({ length: Math.max(1, options.concurrency ?? 4) }, async () => {
    for (let nic = queue.shift(); nic; nic = queue.shift()) await checkNic(nic);
  });
  await Promise.all(workers);
  return {
    nicsChecked: chosen.length,
    nicsSkipped: nics.length - chosen.length,
    comparisons,
    disagreements,
    failures,
  };
}

function firstPrivateIp(nic: NicInfo): string | undefined {
  for (const c of nic.ipConfigs) if (c.privateIp) return c.privateIp;
  const configs = (nic.resource.properties.ipConfigurations ?? []) as {
    properties?: { privateIPAddress?: unknown };
  }[];
  for (const c of Array.isArray(configs) ? configs : [])
    if (typeof c.properties?.privateIPAddress === 'string') return c.properties.privateIPAddress;
  return undefined;
}
