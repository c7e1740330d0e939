/**
 * Flexible servers (PostgreSQL, MySQL) take their TLS settings as server parameters: child
 * resources `<server>/configurations/<parameter>` with `properties.value`. This reads them by name,
 * whether or not the server itself is in the scan (parameters are often deployed separately).
 */
import type { Resource, ResourceGraph } from '@ztkit/core';

export interface ServerParameter {
  readonly resource: Resource;
  /** Parameter name, lower case (`require_secure_transport`). */
  readonly name: string;
  readonly value: unknown;
  /** The server's name (first segment of the child's full name). */
  readonly server: string;
}

export function serverParameters(graph: ResourceGraph, configurationType: string): ServerParameter[] {
  return graph.ofType(configurationType).map((resource) => {
    const slash = resource.name.lastIndexOf('/');
    return {
      resource,
      name: resource.name.slice(slash + 1).toLowerCase(),
      value: resource.properties.value,
      server: resource.name.slice(0, Math.max(slash, 0)),
    };
  });
}

/** Server parameters spell switches 'ON'/'OFF' (any case); anything else is not a switch. */
export function isSwitchedOff(value: unknown): boolean {
  return typeof value === 'string' && value.trim().toLowerCase() === 'off';
}
