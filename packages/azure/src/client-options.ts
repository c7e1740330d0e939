import { Agent } from 'node:https';
import type { PipelinePolicy } from '@azure/core-rest-pipeline';
import type { AzureCloud } from './cloud.js';

/** How hard to retry: the SDK's own policies (429 with Retry-After, 408 and 5xx with backoff). */
export interface RetrySettings {
  readonly maxRetries?: number;
  readonly retryDelayInMs?: number;
  readonly maxRetryDelayInMs?: number;
}

export interface ArmConnection {
  readonly cloud: AzureCloud;
  readonly retry?: RetrySettings;
  /** Per-request timeout; a request that takes longer fails (and is retried like a 5xx). */
  readonly requestTimeoutMs?: number;
  /**
   * Extra trusted CA certificates (PEM) for the ARM endpoint: Azure Stack Hub with an internal CA,
   * and the tests' local server. The CLI can use NODE_EXTRA_CA_CERTS instead.
   */
  readonly ca?: string | Buffer;
}

const DEFAULT_RETRY: Required<RetrySettings> = {
  maxRetries: 5,
  retryDelayInMs: 1000,
  maxRetryDelayInMs: 60_000,
};

/** The options both SDK clients (Resource Graph, Network) take, pointed at the chosen cloud. */
export function armClientOptions(connection: ArmConnection) {
  const additionalPolicies: { policy: PipelinePolicy; position: 'perCall' | 'perRetry' }[] = [];
  if (connection.ca) additionalPolicies.push({ policy: trustCaPolicy(connection.ca), position: 'perCall' });
  return {
    endpoint: connection.cloud.armEndpoint,
    credentials: { scopes: [connection.cloud.armScope] },
    retryOptions: { ...DEFAULT_RETRY, ...connection.retry },
    userAgentOptions: { userAgentPrefix: 'ztkit-posture' },
    additionalPolicies,
  };
}

export function trustCaPolicy(ca: string | Buffer): PipelinePolicy {
  const agent = new Agent({ ca, keepAlive: true });
  return {
    name: 'ztkitTrustedCa',
    sendRequest(request, next) {
      request.agent = agent;
      return next(request);
    },
  };
}
