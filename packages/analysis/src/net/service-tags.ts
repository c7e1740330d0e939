import type { AddressSet } from './address-set.js';

/**
 * Service tags of Azure management planes that reach a customer's own resources on ports Azure
 * documents as required: Application Gateway and Bastion infrastructure (GatewayManager), API
 * Management's management endpoint, App Service Environment management, Batch node management,
 * SQL Managed Instance management, Microsoft Entra Domain Services, HDInsight. Their addresses are
 * Microsoft's control plane, not a third party on the Internet; an NSG rule that admits only them
 * is the rule the service needs, not exposure.
 */
const PLATFORM_MANAGEMENT_TAGS = new Set(
  [
    'GatewayManager',
    'ApiManagement',
    'AppServiceManagement',
    'BatchNodeManagement',
    'SqlManagement',
    'AzureActiveDirectoryDomainServices',
    'HDInsight',
  ].map((t) => t.toLowerCase()),
);

/** True when `sources` holds only platform management service tags (and their regional variants). */
export function isPlatformManagementOnly(sources: AddressSet): boolean {
  if (!sources.v4.isEmpty || !sources.v6.isEmpty || sources.tags.all || sources.tags.names.size === 0)
    return false;
  for (const name of sources.tags.names) if (!PLATFORM_MANAGEMENT_TAGS.has(name.split('.')[0]!)) return false;
  return true;
}
