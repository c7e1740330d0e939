import type { AccessToken, TokenCredential } from '@azure/core-auth';
import type { AzureCloud } from '@ztkit/azure';

/** A credential that hands out a fixed token and counts how often it was asked. */
export class TestCredential implements TokenCredential {
  calls = 0;
  scopes: string[] = [];
  async getToken(scopes: string | string[]): Promise<AccessToken> {
    this.calls++;
    this.scopes.push(...(Array.isArray(scopes) ? scopes : [scopes]));
    return { token: 'fake-arm-token', expiresOnTimestamp: Date.now() + 3_600_000 };
  }
}

export function fakeCloud(url: string): AzureCloud {
  return {
    name: 'custom',
    armEndpoint: url,
    authorityHost: 'https://login.invalid',
    armScope: `${url}/.default`,
    portal: 'https://portal.azure.com',
  };
}

/** Fast retries: the fake answers Retry-After: 0, and tests should not sleep a second per retry. */
export const FAST_RETRY = { maxRetries: 4, retryDelayInMs: 5, maxRetryDelayInMs: 20 } as const;

export const SUB_A = '11111111-1111-4111-8111-111111111111';
export const SUB_B = '22222222-2222-4222-8222-222222222222';
export const SUB_C = '33333333-3333-4333-8333-333333333333';
