import type { TokenCredential } from '@azure/core-auth';
import {
  AzureCliCredential,
  ChainedTokenCredential,
  ClientAssertionCredential,
  DefaultAzureCredential,
} from '@azure/identity';
import { trustCaPolicy } from '../client-options.js';
import type { AzureCloud } from '../cloud.js';
import { gitHubOidcAvailable, requestGitHubIdToken } from './github-oidc.js';

export type CredentialKind = 'github-oidc' | 'azure-cli-or-default' | 'provided';

export interface CredentialChoice {
  readonly credential: TokenCredential;
  readonly kind: CredentialKind;
  /** For the log: how ztkit authenticates (never a secret). */
  readonly description: string;
}

export interface CredentialOptions {
  readonly cloud: AzureCloud;
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** `::add-mask::` in GitHub Actions; a no-op elsewhere. */
  readonly mask?: (secret: string) => void;
  /** Extra trusted CA (PEM) for the authority host (AD FS on Azure Stack Hub; tests). */
  readonly ca?: string | Buffer;
}

const PUBLIC_AUTHORITIES = new Set([
  'https://login.microsoftonline.com',
  'https://login.microsoftonline.us',
  'https://login.chinacloudapi.cn',
]);

/**
 * In GitHub Actions with `id-token: write` and `AZURE_CLIENT_ID` + `AZURE_TENANT_ID` (the variables
 * azure/login uses): a ClientAssertionCredential whose assertion is a fresh GitHub OIDC token each
 * time Entra ID needs one (they live minutes; a long posture run outlives the first). No Azure CLI,
 * no secret on disk. Elsewhere: the Azure CLI's login (also what azure/login leaves behind), then
 * the default chain (environment, workload identity, managed identity...).
 */
export function chooseCredential(options: CredentialOptions): CredentialChoice {
  const env = options.env ?? process.env;
  const tenantId = env.AZURE_TENANT_ID;
  const clientId = env.AZURE_CLIENT_ID;
  const authorityHost = options.cloud.authorityHost;
  // Instance discovery asks the public cloud about the authority: an AD FS or private authority
  // is not known there, and an air-gapped Azure Stack Hub cannot reach it.
  const common = {
    authorityHost,
    ...(PUBLIC_AUTHORITIES.has(authorityHost) ? {} : { disableInstanceDiscovery: true }),
    ...(options.ca
      ? { additionalPolicies: [{ policy: trustCaPolicy(options.ca), position: 'perCall' as const }] }
      : {}),
  };
  if (gitHubOidcAvailable(env) && tenantId && clientId) {
    const credential = new ClientAssertionCredential(
      tenantId,
      clientId,
      gitHubAssertion(env, options.mask),
      common,
    );
    return {
      credential,
      kind: 'github-oidc',
      description: `GitHub OIDC federated credential (client ${clientId}, tenant ${tenantId})`,
    };
  }
  const credential = new ChainedTokenCredential(
    new AzureCliCredential(tenantId ? { tenantId } : {}),
    new DefaultAzureCredential({ ...common, ...(tenantId ? { tenantId } : {}) }),
  );
  return {
    credential,
    kind: 'azure-cli-or-default',
    description: 'Azure CLI login, else the default credential chain',
  };
}

/**
 * The client assertion: a GitHub OIDC token requested anew on every call, since Entra ID asks for
 * one whenever its cached access token runs out and the OIDC token itself lives only minutes.
 */
export function gitHubAssertion(
  env: Readonly<Record<string, string | undefined>>,
  mask?: (secret: string) => void,
): () => Promise<string> {
  return async () => {
    const result = await requestGitHubIdToken({ env, ...(mask ? { mask } : {}) });
    if (!result.ok) throw new Error(result.reason);
    return result.token;
  };
}
