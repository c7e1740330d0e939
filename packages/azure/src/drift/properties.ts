/**
 * The properties whose change moves the Zero Trust posture, per ARM type (lower case). Paths are
 * inside `properties`; `*` walks every element of an array. Anything else (tags, provisioning
 * state, etags) is noise for a security drift report.
 */
export const SECURITY_PROPERTIES: Readonly<Record<string, readonly string[]>> = {
  // Existence is what matters: an NSG or public IP made by hand is an unmanaged control or exposure.
  'microsoft.network/networksecuritygroups': [],
  'microsoft.network/publicipaddresses': ['publicIPAllocationMethod', 'ddosSettings'],
  'microsoft.network/networksecuritygroups/securityrules': [
    'access',
    'direction',
    'priority',
    'protocol',
    'sourceAddressPrefix',
    'sourceAddressPrefixes',
    'destinationAddressPrefix',
    'destinationAddressPrefixes',
    'sourcePortRange',
    'sourcePortRanges',
    'destinationPortRange',
    'destinationPortRanges',
    'sourceApplicationSecurityGroups',
    'destinationApplicationSecurityGroups',
  ],
  'microsoft.network/virtualnetworks': [
    'addressSpace.addressPrefixes',
    'encryption',
    'enableDdosProtection',
    'ddosProtectionPlan',
  ],
  'microsoft.network/virtualnetworks/subnets': [
    'networkSecurityGroup',
    'routeTable',
    'natGateway',
    'privateEndpointNetworkPolicies',
    'defaultOutboundAccess',
    'serviceEndpoints',
  ],
  'microsoft.network/virtualnetworks/virtualnetworkpeerings': [
    'remoteVirtualNetwork',
    'allowVirtualNetworkAccess',
    'allowForwardedTraffic',
    'allowGatewayTransit',
    'useRemoteGateways',
  ],
  'microsoft.network/routetables': ['disableBgpRoutePropagation'],
  'microsoft.network/routetables/routes': ['addressPrefix', 'nextHopType', 'nextHopIpAddress'],
  'microsoft.network/networkinterfaces': [
    'networkSecurityGroup',
    'enableIPForwarding',
    'ipConfigurations.*.properties.publicIPAddress',
    'ipConfigurations.*.properties.subnet',
  ],
  'microsoft.network/azurefirewalls': ['threatIntelMode', 'firewallPolicy'],
  'microsoft.network/firewallpolicies': ['threatIntelMode', 'intrusionDetection.mode', 'transportSecurity'],
  'microsoft.network/applicationgateways': [
    'sslPolicy',
    'firewallPolicy',
    'webApplicationFirewallConfiguration.enabled',
  ],
  'microsoft.network/bastionhosts': ['enableShareableLink', 'enableTunneling', 'enableIpConnect'],
  'microsoft.storage/storageaccounts': [
    'supportsHttpsTrafficOnly',
    'minimumTlsVersion',
    'allowBlobPublicAccess',
    'publicNetworkAccess',
    'networkAcls.defaultAction',
  ],
  'microsoft.web/sites': [
    'httpsOnly',
    'publicNetworkAccess',
    'siteConfig.minTlsVersion',
    'siteConfig.ftpsState',
  ],
  'microsoft.web/sites/config': ['minTlsVersion', 'ftpsState', 'http20Enabled'],
  'microsoft.sql/servers': ['minimalTlsVersion', 'publicNetworkAccess'],
  'microsoft.dbforpostgresql/flexibleservers': ['network.publicNetworkAccess'],
  'microsoft.dbformysql/flexibleservers': ['network.publicNetworkAccess'],
  'microsoft.cache/redis': ['enableNonSslPort', 'minimumTlsVersion', 'publicNetworkAccess'],
  'microsoft.documentdb/databaseaccounts': [
    'minimalTlsVersion',
    'publicNetworkAccess',
    'isVirtualNetworkFilterEnabled',
  ],
  'microsoft.eventhub/namespaces': ['minimumTlsVersion', 'publicNetworkAccess'],
  'microsoft.servicebus/namespaces': ['minimumTlsVersion', 'publicNetworkAccess'],
  'microsoft.keyvault/vaults': ['publicNetworkAccess', 'networkAcls.defaultAction'],
};
