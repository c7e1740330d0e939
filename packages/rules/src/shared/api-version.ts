/**
 * Several API defaults changed with an API version (Application Gateway's default TLS policy, for
 * one). ARM API versions are ISO dates with an optional `-preview` suffix, so comparing the date part
 * as a string orders them.
 */
import type { Resource } from '@ztkit/core';

/** True when the resource's API version is older than `date` (YYYY-MM-DD); undefined when it has none. */
export function apiVersionBefore(resource: Resource, date: string): boolean | undefined {
  const match = /^(\d{4}-\d{2}-\d{2})/.exec(resource.apiVersion ?? '');
  return match ? match[1]! < date : undefined;
}
