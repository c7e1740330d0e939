/**
 * Which Azure the posture check talks to: the ARM endpoint, the Entra ID authority that issues
 * tokens for it, the token audience and the portal that findings link to. The three public clouds
 * are built in; Azure Stack Hub and other ARM-compatible endpoints are reached with an explicit
 * endpoint (and, where their audience differs from the endpoint, an explicit audience).
 */
export type CloudName = 'AzurePublicCloud' | 'AzureUSGovernment' | 'AzureChinaCloud';

export interface AzureCloud {
  readonly name: CloudName | 'custom';
  /** ARM (and Resource Graph) endpoint, no trailing slash. */
  readonly armEndpoint: string;
  /** Entra ID authority host, e.g. `https://login.microsoftonline.com`. */
  readonly authorityHost: string;
  /** OAuth scope for ARM tokens: `<audience>/.default`. */
  readonly armScope: string;
  /** Portal base for links from findings. */
  readonly portal: string;
}

const CLOUDS: Readonly<Record<CloudName, AzureCloud>> = {
  AzurePublicCloud: {
    name: 'AzurePublicCloud',
    armEndpoint: 'https://management.azure.com',
    authorityHost: 'https://login.microsoftonline.com',
    armScope: 'https://management.azure.com/.default',
    portal: 'https://portal.azure.com',
  },
  AzureUSGovernment: {
    name: 'AzureUSGovernment',
    armEndpoint: 'https://management.usgovcloudapi.net',
    authorityHost: 'https://login.microsoftonline.us',
    armScope: 'https://management.usgovcloudapi.net/.default',
    portal: 'https://portal.azure.us',
  },
  AzureChinaCloud: {
    name: 'AzureChinaCloud',
    armEndpoint: 'https://management.chinacloudapi.cn',
    authorityHost: 'https://login.chinacloudapi.cn',
    armScope: 'https://management.chinacloudapi.cn/.default',
    portal: 'https://portal.azure.cn',
  },
};

/**
 * The names people already use for the same clouds: Azure CLI (`AzureCloud`), the Go SDK and
 * Terraform (`AzureUSGovernmentCloud`, `AZURE_ENVIRONMENT`), PowerShell (`AzureUSGovernment`).
 */
const ALIASES: Readonly<Record<string, CloudName>> = {
  azurepubliccloud: 'AzurePublicCloud',
  azurecloud: 'AzurePublicCloud',
  public: 'AzurePublicCloud',
  azureusgovernment: 'AzureUSGovernment',
  azureusgovernmentcloud: 'AzureUSGovernment',
  usgovernment: 'AzureUSGovernment',
  usgov: 'AzureUSGovernment',
  azurechinacloud: 'AzureChinaCloud',
  china: 'AzureChinaCloud',
};

export interface CloudSelection {
  /** `--cloud`; else `AZURE_ENVIRONMENT`; else the public cloud. */
  readonly cloud?: string;
  /** `--arm-endpoint`; else `AZURE_RESOURCE_MANAGER_ENDPOINT`. */
  readonly armEndpoint?: string;
  /** `--arm-audience`: token audience where it differs from the endpoint (Azure Stack Hub). */
  readonly armAudience?: string;
  /** `--portal`: where findings link to (custom endpoints have their own portal). */
  readonly portal?: string;
}

export type CloudResult = { ok: true; cloud: AzureCloud } | { ok: false; reason: string };

export function resolveCloud(
  selection: CloudSelection,
  env: Readonly<Record<string, string | undefined>> = process.env,
): CloudResult {
  const requested = selection.cloud || env.AZURE_ENVIRONMENT || 'AzurePublicCloud';
  const name = ALIASES[requested.toLowerCase()];
  if (!name)
    return {
      ok: false,
      reason: `unknown cloud '${requested}': use AzurePublicCloud, AzureUSGovernment or AzureChinaCloud, or --arm-endpoint for another ARM endpoint`,
    };
  const base = CLOUDS[name];
  // AZURE_AUTHORITY_HOST is honoured by @azure/identity as well; reading it here keeps both in step.
  const authorityHost = trimSlash(env.AZURE_AUTHORITY_HOST || base.authorityHost);
  const endpointRaw = selection.armEndpoint || env.AZURE_RESOURCE_MANAGER_ENDPOINT;
  if (!endpointRaw)
    return {
      ok: true,
      cloud: { ...base, authorityHost, ...(selection.portal ? { portal: trimSlash(selection.portal) } : {}) },
    };
  let endpoint: URL;
  try {
    endpoint = new URL(endpointRaw);
  } catch {
    return { ok: false, reason: `--arm-endpoint '${endpointRaw}' is not a URL` };
  }
  if (endpoint.protocol !== 'https:')
    return {
      ok: false,
      reason: `--arm-endpoint must be https (tokens are sent to it), not ${endpoint.protocol}`,
    };
  const armEndpoint = trimSlash(endpoint.toString());
  const audience = trimSlash(selection.armAudience || armEndpoint);
  return {
    ok: true,
    cloud: {
      name: 'custom',
      armEndpoint,
      authorityHost,
      armScope: `${audience}/.default`,
      portal: trimSlash(selection.portal || base.portal),
    },
  };
}

export function knownClouds(): readonly CloudName[] {
  return Object.keys(CLOUDS) as CloudName[];
}

function trimSlash(url: string): string {
  return url.replace(/\/+$/, '');
}
