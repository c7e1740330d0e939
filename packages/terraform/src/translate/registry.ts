/** Every azurerm translator, by Terraform resource type. */
import { applicationGatewayTranslator } from '../translators/application-gateway.js';
import { associationTranslator } from '../translators/associations.js';
import { computeTranslator } from '../translators/compute.js';
import { databaseTranslator } from '../translators/databases.js';
import { firewallTranslator } from '../translators/firewall.js';
import { frontDoorTranslator } from '../translators/front-door.js';
import { expressRouteCircuitPeeringTranslator, gatewayTranslator } from '../translators/gateways.js';
import { loadBalancerTranslator } from '../translators/load-balancer.js';
import { messagingTranslator } from '../translators/messaging.js';
import { monitoringTranslator } from '../translators/monitoring.js';
import { networkInterfaceTranslator } from '../translators/network-interface.js';
import { networkSecurityGroupTranslator } from '../translators/network-security-group.js';
import { privateAccessTranslator } from '../translators/private-access.js';
import { publicIpTranslator } from '../translators/public-ip.js';
import { redisEnterpriseTranslator } from '../translators/redis-enterprise.js';
import { registryAiTranslator } from '../translators/registry-ai.js';
import { routeTableTranslator } from '../translators/route-table.js';
import { storageAccountTranslator } from '../translators/storage-account.js';
import { virtualNetworkTranslator } from '../translators/virtual-network.js';
import { wafPolicyTranslator } from '../translators/waf-policy.js';
import { webAppTranslator } from '../translators/web-app.js';
import type { Attrs } from './arm.js';
import { resourceIdOf } from './arm.js';
import type { Translator } from './types.js';

const TRANSLATORS: readonly Translator[] = [
  applicationGatewayTranslator,
  associationTranslator,
  computeTranslator,
  databaseTranslator,
  firewallTranslator,
  frontDoorTranslator,
  gatewayTranslator,
  loadBalancerTranslator,
  expressRouteCircuitPeeringTranslator,
  messagingTranslator,
  redisEnterpriseTranslator,
  monitoringTranslator,
  privateAccessTranslator,
  wafPolicyTranslator,
  webAppTranslator,
  networkInterfaceTranslator,
  networkSecurityGroupTranslator,
  publicIpTranslator,
  registryAiTranslator,
  routeTableTranslator,
  storageAccountTranslator,
  virtualNetworkTranslator,
];

const byType = new Map<string, Translator>();
for (const t of TRANSLATORS) for (const type of t.types) byType.set(type, t);

export function translatorFor(type: string): Translator | undefined {
  return byType.get(type);
}

export function translatedTypes(): string[] {
  return [...byType.keys()].sort();
}

/**
 * The id `<type>.<name>.id` evaluates to: the translator's ARM id, a resource group's id, or
 * undefined (known after apply) for types not modelled.
 */
export function referenceId(type: string, attrs: Attrs): string | undefined {
  if (type === 'azurerm_resource_group') {
    const name = attrs('name');
    return typeof name === 'string' ? `/subscriptions/{subscriptionId}/resourceGroups/${name}` : undefined;
  }
  return byType.get(type)?.id?.(type, attrs);
}

export function enrichReference(type: string, value: Record<string, unknown>): void {
  byType.get(type)?.enrich?.(type, value);
}

export { resourceIdOf };
