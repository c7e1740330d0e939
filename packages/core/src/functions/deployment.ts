/**
 * Deployment-scope functions: resourceGroup(), subscription(), tenant(), managementGroup(),
 * deployment(), deployer(), environment(). Statically we do not know where a template is deployed,
 * so identifiers are the symbolic ones of the context's DeploymentScope (`{subscriptionId}`...) and
 * values nobody can know (tags, display names, the template link) are Unknown.
 * environment() describes the public cloud (AzureCloud): the overwhelming case, and the suffixes
 * it yields only build host names, which no rule decides on.
 */
import { unknown } from '../model/unknown.js';
import type { DeploymentScope, FunctionDefinition } from './types.js';
import { str } from './values.js';

/** A symbolic location such as `{location}` is a placeholder, not a region: it is Unknown to expressions. */
function locationOf(scope: DeploymentScope, expression: string): unknown {
  const l = scope.location;
  return typeof l === 'string' && l.startsWith('{')
    ? unknown('the deployment location is known only at deployment', expression)
    : l;
}

export function resourceGroupObject(scope: DeploymentScope): Record<string, unknown> {
  return {
    id: `/subscriptions/${scope.subscriptionId}/resourceGroups/${scope.resourceGroupName}`,
    name: scope.resourceGroupName,
    type: 'Microsoft.Resources/resourceGroups',
    location: locationOf(scope, 'resourceGroup().location'),
    managedBy: unknown('the resource group manager is known only at deployment', 'resourceGroup().managedBy'),
    tags: unknown('resource group tags are known only at deployment', 'resourceGroup().tags'),
    properties: { provisioningState: 'Succeeded' },
  };
}

export function subscriptionObject(scope: DeploymentScope): Record<string, unknown> {
  return {
    id: `/subscriptions/${scope.subscriptionId}`,
    subscriptionId: scope.subscriptionId,
    tenantId: scope.tenantId,
    displayName: unknown('the subscription name is known only at deployment', 'subscription().displayName'),
  };
}

const AZURE_CLOUD = {
  name: 'AzureCloud',
  gallery: 'https://gallery.azure.com/',
  graph: 'https://graph.windows.net/',
  portal: 'https://portal.azure.com',
  graphAudience: 'https://graph.windows.net/',
  activeDirectoryDataLake: 'https://datalake.azure.net/',
  batch: 'https://batch.core.windows.net/',
  media: 'https://rest.media.azure.net',
  sqlManagement: 'https://management.core.windows.net:8443/',
  vmImageAliasDoc:
    'https://raw.githubusercontent.com/Azure/azure-rest-api-specs/master/arm-compute/quickstart-templates/aliases.json',
  resourceManager: 'https://management.azure.com/',
  authentication: {
    loginEndpoint: 'https://login.microsoftonline.com/',
    audiences: ['https://management.core.windows.net/', 'https://management.azure.com/'],
    tenant: 'common',
    identityProvider: 'AAD',
  },
  suffixes: {
    acrLoginServer: '.azurecr.io',
    azureDatalakeAnalyticsCatalogAndJob: 'azuredatalakeanalytics.net',
    azureDatalakeStoreFileSystem: 'azuredatalakestore.net',
    azureFrontDoorEndpointSuffix: 'azurefd.net',
    keyvaultDns: '.vault.azure.net',
    sqlServerHostname: '.database.windows.net',
    storage: 'core.windows.net',
  },
};

export const DEPLOYMENT_FUNCTIONS: readonly FunctionDefinition[] = [
  {
    name: 'resourcegroup',
    minArgs: 0,
    maxArgs: 0,
    evaluate: (_args, ctx) => resourceGroupObject(ctx.scope),
  },
  {
    name: 'subscription',
    minArgs: 0,
    maxArgs: 0,
    evaluate: (_args, ctx) => subscriptionObject(ctx.scope),
  },
  {
    name: 'tenant',
    minArgs: 0,
    maxArgs: 0,
    evaluate: (_args, ctx) => ({
      id: `/tenants/${ctx.scope.tenantId}`,
      tenantId: ctx.scope.tenantId,
      countryCode: unknown('the tenant country is known only at deployment', 'tenant().countryCode'),
      displayName: unknown('the tenant name is known only at deployment', 'tenant().displayName'),
    }),
  },
  {
    name: 'managementgroup',
    minArgs: 0,
    maxArgs: 1,
    evaluate: (args, ctx) => {
      const name = args.length
        ? str('managementGroup', args, 0)
        : (ctx.scope.managementGroup ?? '{managementGroupName}');
      return {
        id: `/providers/Microsoft.Management/managementGroups/${name}`,
        name,
        type: 'Microsoft.Management/managementGroups',
        properties: {
          tenantId: ctx.scope.tenantId,
          displayName: unknown(
            'the management group name is known only at deployment',
            'managementGroup().properties.displayName',
          ),
          details: unknown(
            'management group details are known only at deployment',
            'managementGroup().properties.details',
          ),
        },
      };
    },
  },
  {
    name: 'deployment',
    minArgs: 0,
    maxArgs: 0,
    evaluate: (_args, ctx) => ({
      name: ctx.scope.deploymentName,
      location:
        ctx.scope.targetScope === 'resourceGroup'
          ? undefined
          : locationOf(ctx.scope, 'deployment().location'),
      properties: {
        templateLink: unknown(
          'the template link is known only at deployment',
          'deployment().properties.templateLink',
        ),
        templateHash: unknown('the template hash is computed by ARM', 'deployment().properties.templateHash'),
        parameters: unknown(
          'deployment parameters are known only at deployment',
          'deployment().properties.parameters',
        ),
        mode: 'Incremental',
        provisioningState: 'Accepted',
      },
    }),
  },
  {
    name: 'deployer',
    minArgs: 0,
    maxArgs: 0,
    evaluate: (_args, ctx) => ({
      objectId: unknown('the deploying principal is known only at deployment', 'deployer().objectId'),
      tenantId: ctx.scope.tenantId,
      userPrincipalName: unknown(
        'the deploying principal is known only at deployment',
        'deployer().userPrincipalName',
      ),
    }),
  },
  { name: 'environment', minArgs: 0, maxArgs: 0, evaluate: () => structuredClone(AZURE_CLOUD) },
];
