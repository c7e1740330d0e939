/**
 * Flexible servers (PostgreSQL, MySQL) take their TLS settings as server parameters: child
 * resources `<server>/configurations/<parameter>` with `properties.value`. This reads them by name,
 * whether or not the server itself is in the scan (parameters are often deployed separately).
 */
import { type FindingDraft, isUnknown, type Resource, type ResourceGraph } from '@ztkit/core';
import { insecureParameterFinding } from './parameter-bindings.js';
import { lowerString } from './property-values.js';
import { isTlsBelow } from './tls.js';

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

const SSL_ENFORCEMENT = ['properties', 'sslEnforcement'] as const;
const MINIMAL_TLS = ['properties', 'minimalTlsVersion'] as const;
const sslDisabled = (v: unknown) => lowerString(v) === 'disabled';
/** Single servers spell "any TLS version, or none" TLSEnforcementDisabled. */
const weakMinimal = (v: unknown) => lowerString(v) === 'tlsenforcementdisabled' || isTlsBelow(v) === true;

/**
 * Single servers (`Microsoft.DBforMySQL/servers`, `Microsoft.DBforPostgreSQL/servers`; retired, but
 * still in templates) carry TLS on the server: `sslEnforcement` and `minimalTlsVersion`
 * (TLS1_0, TLS1_1, TLS1_2 or TLSEnforcementDisabled, the documented default). With SSL enforcement
 * off nothing requires TLS at all, which is the one finding (the API then requires
 * TLSEnforcementDisabled too). A missing sslEnforcement is not judged: the API documents no default.
 */
export function* singleServerFindings(
  graph: ResourceGraph,
  type: string,
  product: string,
): Iterable<FindingDraft> {
  for (const server of graph.ofType(type)) {
    const label = `${product} single server '${server.name}'`;
    const viaSsl = insecureParameterFinding(
      server,
      SSL_ENFORCEMENT,
      sslDisabled,
      `sslEnforcement of ${label}`,
    );
    if (viaSsl) {
      yield viaSsl;
      continue;
    }
    if (sslDisabled(server.properties.sslEnforcement)) {
      yield {
        resource: server,
        path: [...SSL_ENFORCEMENT],
        message: `${label} accepts connections without TLS (sslEnforcement Disabled).`,
      };
      continue;
    }
    const viaTls = insecureParameterFinding(
      server,
      MINIMAL_TLS,
      weakMinimal,
      `minimalTlsVersion of ${label}`,
    );
    if (viaTls) {
      yield viaTls;
      continue;
    }
    const value = server.properties.minimalTlsVersion;
    if (isUnknown(value)) continue;
    if (value == null)
      yield {
        resource: server,
        message: `${label} does not set minimalTlsVersion; the default (TLSEnforcementDisabled) accepts TLS 1.0. Set it to TLS1_2.`,
      };
    else if (weakMinimal(value))
      yield {
        resource: server,
        path: [...MINIMAL_TLS],
        message: `${label} accepts TLS older than 1.2 (minimalTlsVersion '${String(value)}'); set it to TLS1_2.`,
      };
  }
}
