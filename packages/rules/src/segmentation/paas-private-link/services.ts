/**
 * How each PaaS service says "public network access": a `publicNetworkAccess` switch, a network
 * ACL with a default action, firewall rules as child resources, or VNet injection. Each reader
 * answers with one `PublicAccess` value and the property path that explains it.
 */
import { isUnknown, type Resource, type ResourceGraph } from '@ztkit/core';
import { ipv4RangeSize, ipv4RuleSize } from '../../shared/address-ports.js';
import { arrayOf, enumIs, lowerString, recordOf } from '../../shared/property-values.js';

type Pointer = (string | number)[];

/** An IP allow rule on the public endpoint, with the number of addresses it admits. */
export interface IpAllowRule {
  readonly resource: Resource;
  readonly path: Pointer;
  readonly text: string;
  readonly size: number;
}

export type PublicAccess =
  | { readonly state: 'disabled' }
  /** Private by design (VNet-injected flexible servers): neither endpoint nor public switch apply. */
  | { readonly state: 'vnet-injected' }
  | { readonly state: 'unknown' }
  /** Public endpoint on, default deny: only the listed IP rules get in. */
  | { readonly state: 'restricted'; readonly ipRules: readonly IpAllowRule[] }
  | { readonly state: 'open'; readonly path: Pointer; readonly reason: string };

export interface PaasService {
  readonly type: string;
  readonly label: string;
  publicAccess(resource: Resource, graph: ResourceGraph): PublicAccess;
}

const PNA: Pointer = ['properties', 'publicNetworkAccess'];

/** `publicNetworkAccess` first; then a default-deny ACL at `aclProperty` with IP rules at `ipField`. */
function aclService(type: string, label: string, aclProperty: string, ipField: string): PaasService {
  return {
    type,
    label,
    publicAccess(resource) {
      const p = resource.properties;
      const switched = publicSwitch(p.publicNetworkAccess);
      if (switched) return switched;
      const acl = p[aclProperty];
      if (isUnknown(acl)) return { state: 'unknown' };
      const action = recordOf(acl)?.defaultAction;
      if (isUnknown(action)) return { state: 'unknown' };
      const aclPath: Pointer = ['properties', aclProperty];
      if (enumIs(action, 'Deny'))
        return restricted(resource, recordOf(acl)?.ipRules, [...aclPath, 'ipRules'], ipField);
      return {
        state: 'open',
        path:
          action === undefined
            ? p.publicNetworkAccess === undefined
              ? []
              : PNA
            : [...aclPath, 'defaultAction'],
        reason:
          action === undefined
            ? 'public network access is not disabled and no network ACL denies by default'
            : `${aclProperty}.defaultAction is '${String(action)}'`,
      };
    },
  };
}

/** Public endpoint guarded by firewall-rule child resources, default deny (SQL, flexible servers). */
function firewallRuleService(
  type: string,
  label: string,
  options: { readonly networkPath?: readonly string[]; readonly implicitDeny: boolean },
): PaasService {
  return {
    type,
    label,
    publicAccess(resource, graph) {
      const network = options.networkPath
        ? recordOf(resource.properties[options.networkPath[0]!])
        : undefined;
      if (options.networkPath) {
        const raw = resource.properties[options.networkPath[0]!];
        if (isUnknown(raw)) return { state: 'unknown' };
        if (network?.delegatedSubnetResourceId != null) return { state: 'vnet-injected' };
      }
      const value = options.networkPath
        ? network?.publicNetworkAccess
        : resource.properties.publicNetworkAccess;
      const path = options.networkPath ? ['properties', ...options.networkPath, 'publicNetworkAccess'] : PNA;
      const switched = publicSwitch(value);
      if (switched) return switched;
      const rules = graph.childrenOf(resource, 'firewallRules');
      if (!options.implicitDeny && rules.length === 0)
        return {
          state: 'open',
          path: value === undefined ? [] : path,
          reason: 'no firewall rule limits callers',
        };
      const ipRules: IpAllowRule[] = [];
      for (const rule of rules) {
        const { startIP, endIP, startIpAddress, endIpAddress } = rule.properties;
        const start = startIpAddress ?? startIP;
        const end = endIpAddress ?? endIP;
        if (isUnknown(start) || isUnknown(end)) return { state: 'unknown' };
        // 0.0.0.0-0.0.0.0 is "allow Azure services": every Azure tenant's resources, not one address.
        const azure = start === '0.0.0.0' && end === '0.0.0.0';
        const size = azure ? Number.POSITIVE_INFINITY : ipv4RangeSize(start, end);
        if (size !== undefined)
          ipRules.push({
            resource: rule,
            path: [],
            text: azure ? 'every Azure service (rule 0.0.0.0-0.0.0.0)' : `${String(start)}-${String(end)}`,
            size,
          });
      }
      return { state: 'restricted', ipRules };
    },
  };
}

/** Event Hubs and Service Bus keep their ACL in the `networkRuleSets/default` child. */
function namespaceService(type: string, label: string): PaasService {
  return {
    type,
    label,
    publicAccess(resource, graph) {
      const switched = publicSwitch(resource.properties.publicNetworkAccess);
      if (switched) return switched;
      const ruleSet = graph.childrenOf(resource, 'networkRuleSets')[0];
      const action = ruleSet?.properties.defaultAction;
      if (isUnknown(action) || isUnknown(ruleSet?.properties.publicNetworkAccess))
        return { state: 'unknown' };
      if (ruleSet && enumIs(ruleSet.properties.publicNetworkAccess, 'Disabled')) return { state: 'disabled' };
      if (ruleSet && enumIs(action, 'Deny'))
        return restricted(ruleSet, ruleSet.properties.ipRules, ['properties', 'ipRules'], 'ipMask');
      return {
        state: 'open',
        path: resource.properties.publicNetworkAccess === undefined ? [] : PNA,
        reason: 'public network access is not disabled and no network rule set denies by default',
      };
    },
  };
}

const webApps: PaasService = {
  type: 'Microsoft.Web/sites',
  label: 'Web app',
  publicAccess(resource) {
    const switched = publicSwitch(resource.properties.publicNetworkAccess);
    if (switched) return switched;
    const config = recordOf(resource.properties.siteConfig);
    const rules = config?.ipSecurityRestrictions;
    if (isUnknown(rules) || isUnknown(config?.ipSecurityRestrictionsDefaultAction))
      return { state: 'unknown' };
    const list = arrayOf(rules);
    if (list.length > 0 && !enumIs(config?.ipSecurityRestrictionsDefaultAction, 'Allow'))
      return restricted(resource, list, ['properties', 'siteConfig', 'ipSecurityRestrictions'], 'ipAddress');
    return {
      state: 'open',
      path: resource.properties.publicNetworkAccess === undefined ? [] : PNA,
      reason: 'public network access is not disabled and no access restriction limits callers',
    };
  },
};

const cosmos: PaasService = {
  type: 'Microsoft.DocumentDB/databaseAccounts',
  label: 'Cosmos DB account',
  publicAccess(resource) {
    const p = resource.properties;
    const switched = publicSwitch(p.publicNetworkAccess);
    if (switched) return switched;
    if (isUnknown(p.ipRules) || isUnknown(p.isVirtualNetworkFilterEnabled)) return { state: 'unknown' };
    if (arrayOf(p.ipRules).length > 0 || p.isVirtualNetworkFilterEnabled === true)
      return restricted(resource, p.ipRules, ['properties', 'ipRules'], 'ipAddressOrRange');
    return {
      state: 'open',
      path: p.publicNetworkAccess === undefined ? [] : PNA,
      reason: 'public network access is not disabled and neither IP rules nor VNet filtering limit callers',
    };
  },
};

export const PAAS_SERVICES: readonly PaasService[] = [
  aclService('Microsoft.Storage/storageAccounts', 'Storage account', 'networkAcls', 'value'),
  aclService('Microsoft.KeyVault/vaults', 'Key Vault', 'networkAcls', 'value'),
  aclService('Microsoft.ContainerRegistry/registries', 'Container registry', 'networkRuleSet', 'value'),
  aclService('Microsoft.CognitiveServices/accounts', 'Azure AI services account', 'networkAcls', 'value'),
  firewallRuleService('Microsoft.Sql/servers', 'SQL server', { implicitDeny: true }),
  firewallRuleService('Microsoft.DBforPostgreSQL/flexibleServers', 'PostgreSQL flexible server', {
    networkPath: ['network'],
    implicitDeny: true,
  }),
  firewallRuleService('Microsoft.DBforMySQL/flexibleServers', 'MySQL flexible server', {
    networkPath: ['network'],
    implicitDeny: true,
  }),
  firewallRuleService('Microsoft.Cache/redis', 'Azure Cache for Redis', { implicitDeny: false }),
  namespaceService('Microsoft.EventHub/namespaces', 'Event Hubs namespace'),
  namespaceService('Microsoft.ServiceBus/namespaces', 'Service Bus namespace'),
  cosmos,
  webApps,
];

/** `Disabled` (or a perimeter) closes the public endpoint; anything else is decided by the ACL. */
function publicSwitch(value: unknown): PublicAccess | undefined {
  if (isUnknown(value)) return { state: 'unknown' };
  const v = lowerString(value);
  if (v === 'disabled' || v === 'securedbyperimeter') return { state: 'disabled' };
  return undefined;
}

function restricted(resource: Resource, list: unknown, base: Pointer, field: string): PublicAccess {
  if (isUnknown(list)) return { state: 'unknown' };
  const ipRules: IpAllowRule[] = [];
  const items = arrayOf(list);
  for (let i = 0; i < items.length; i++) {
    const item = recordOf(items[i]);
    if (enumIs(item?.action, 'Deny')) continue;
    const value = item?.[field];
    if (isUnknown(value)) return { state: 'unknown' };
    const text = String(value);
    const any = ['any', '*', '0.0.0.0/0'].includes(text.toLowerCase());
    const size = any ? 2 ** 32 : ipv4RuleSize(value);
    if (size !== undefined) ipRules.push({ resource, path: [...base, i], text, size });
  }
  return { state: 'restricted', ipRules };
}
