import { defineRule, type FindingDraft } from '@ztkit/core';
import { privateLinkIndex } from '../../shared/private-link.js';
import { PAAS_SERVICES } from './services.js';

/** IP rules admitting more addresses than this are "left open" (a /16). */
const DEFAULT_MAX_IP_RULE_ADDRESSES = 65_536;

export default defineRule({
  meta: {
    id: 'ZT-S18-01',
    title: 'PaaS services are reached over Private Link: private endpoint, private DNS, public access closed',
    severity: 'high',
    catalog: ['S18'],
    principles: ['least-privilege', 'assume-breach'],
    pack: 'segmentation',
    source: [
      { document: '002', step: '§5 Segment and enforce the external boundaries (PaaS services boundary)' },
    ],
    benchmark: ['NS-2'],
    peers: {
      checkov: [
        'CKV2_AZURE_33',
        'CKV2_AZURE_32',
        'CKV2_AZURE_45',
        'CKV_AZURE_59',
        'CKV_AZURE_35',
        'CKV_AZURE_113',
        'CKV_AZURE_101',
        'CKV_AZURE_189',
        'CKV_AZURE_222',
        'CKV_AZURE_89',
        'CKV_AZURE_204',
        'CKV_AZURE_139',
      ],
      psrule: [
        'Azure.Storage.Firewall',
        'Azure.KeyVault.Firewall',
        'Azure.Cosmos.PublicAccess',
        'Azure.Redis.PublicNetworkAccess',
        'Azure.EventHub.Firewall',
      ],
    },
    resourceTypes: [
      ...PAAS_SERVICES.map((s) => s.type),
      'Microsoft.Network/privateEndpoints',
      'Microsoft.Network/privateEndpoints/privateDnsZoneGroups',
    ],
    rationale:
      'Private Link works only as a unit. Without a private endpoint, workloads reach the service over its public endpoint; without a private DNS zone group, clients still resolve the public address and the endpoint goes unused; with public network access left on (or broad IP rules), the private endpoint is a second door, not the only one.',
    remediation: {
      summary:
        "Create a private endpoint for the service in the workload's VNet, give it a privateDnsZoneGroup linked to the service's privatelink zone, and set publicNetworkAccess to 'Disabled' (or default-deny network ACLs without broad IP rules).",
      arm: '{\n  "type": "Microsoft.Network/privateEndpoints/privateDnsZoneGroups",\n  "apiVersion": "2023-09-01",\n  "name": "pe-st/default",\n  "properties": {\n    "privateDnsZoneConfigs": [ { "name": "blob", "properties": { "privateDnsZoneId": "[resourceId(\'Microsoft.Network/privateDnsZones\', \'privatelink.blob.core.windows.net\')]" } } ]\n  }\n}',
      bicep:
        "resource pe 'Microsoft.Network/privateEndpoints@2023-09-01' = {\n  name: 'pe-st'\n  location: location\n  properties: {\n    subnet: { id: subnetId }\n    privateLinkServiceConnections: [ { name: 'blob', properties: { privateLinkServiceId: storage.id, groupIds: [ 'blob' ] } } ]\n  }\n}\nresource zoneGroup 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups@2023-09-01' = {\n  parent: pe\n  name: 'default'\n  properties: { privateDnsZoneConfigs: [ { name: 'blob', properties: { privateDnsZoneId: blobZone.id } } ] }\n}",
      terraform:
        'resource "azurerm_private_endpoint" "st" {\n  name      = "pe-st"\n  subnet_id = azurerm_subnet.pe.id\n  private_service_connection {\n    name                           = "blob"\n    private_connection_resource_id = azurerm_storage_account.st.id\n    subresource_names              = ["blob"]\n    is_manual_connection           = false\n  }\n  private_dns_zone_group {\n    name                 = "default"\n    private_dns_zone_ids = [azurerm_private_dns_zone.blob.id]\n  }\n}',
    },
    links: [
      'https://learn.microsoft.com/azure/private-link/private-endpoint-overview',
      'https://learn.microsoft.com/azure/private-link/private-endpoint-dns',
    ],
    notes: [
      `Services: ${PAAS_SERVICES.map((s) => s.label).join(', ')}.`,
      'Public access counts as closed when publicNetworkAccess is Disabled (or SecuredByPerimeter), or when the network ACL denies by default; IP rules admitting more than 65,536 addresses (option `maxIpRuleAddresses`) are reported, and so is the SQL/flexible-server "Allow Azure services" rule (0.0.0.0).',
      'SQL and flexible servers deny by default when no firewall rule exists; Azure Cache for Redis allows everyone when it has no firewall rule.',
      'VNet-injected flexible servers (network.delegatedSubnetResourceId) are private by design and not judged.',
      'Private endpoints deployed outside the scan cannot be seen; when some endpoint target is not known statically, "no private endpoint" is not reported.',
      'Where private DNS zone groups are created by Azure Policy (landing zones), set option `dnsZoneGroupsByPolicy: true`.',
      'A private endpoint whose name is not known statically is not checked for a zone group: child resources are matched to it by name.',
    ],
  },
  *check({ graph, options }): Iterable<FindingDraft> {
    const maxAddresses =
      typeof options.maxIpRuleAddresses === 'number'
        ? options.maxIpRuleAddresses
        : DEFAULT_MAX_IP_RULE_ADDRESSES;
    const links = privateLinkIndex(graph);
    for (const service of PAAS_SERVICES) {
      for (const resource of graph.ofType(service.type)) {
        const what = `${service.label} '${resource.name}'`;
        const access = service.publicAccess(resource, graph);
        if (access.state === 'vnet-injected') continue;
        if (access.state === 'open') {
          yield {
            resource,
            path: access.path,
            message: `${what} is reachable over its public endpoint: ${access.reason}. Set publicNetworkAccess to 'Disabled'.`,
            discriminator: 'public-access',
          };
        } else if (access.state === 'restricted') {
          for (const rule of access.ipRules) {
            if (rule.size <= maxAddresses) continue;
            yield {
              resource: rule.resource,
              path: rule.path,
              message: `${what} admits ${rule.text} through its public endpoint firewall: too broad to count as closed.`,
              discriminator: `ip-rule:${rule.text}`,
            };
          }
        }
        const endpoints = links.endpointsOf(resource);
        if (endpoints.length === 0) {
          if (!links.hasUnknownTargets)
            yield {
              resource,
              severity: 'medium',
              message: `${what} has no private endpoint: workloads reach it over the public network.`,
              discriminator: 'private-endpoint',
            };
          continue;
        }
        if (options.dnsZoneGroupsByPolicy === true) continue;
        for (const endpoint of endpoints) {
          // Child zone groups attach to their endpoint by name; an unknown name cannot be matched.
          if (endpoint.name.includes('<unknown') || links.dnsZoneGroupsOf(endpoint).length > 0) continue;
          yield {
            resource: endpoint,
            severity: 'medium',
            message: `Private endpoint '${endpoint.name}' of ${what} has no privateDnsZoneGroup: clients keep resolving the public address and bypass the endpoint.`,
            discriminator: 'dns-zone-group',
          };
        }
      }
    }
  },
});
