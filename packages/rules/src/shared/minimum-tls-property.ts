/**
 * The check most encryption rules share: a "minimum TLS version" property that may be set, bound to
 * a parameter, unknown, or absent (then the API default for that version applies, which the rule
 * states in its `notes`).
 */
import { type FindingDraft, isUnknown, type Pointer, type Resource } from '@ztkit/core';
import { insecureParameterFinding } from './parameter-bindings.js';
import { isTlsBelow, MINIMUM_TLS, parseTlsVersion, type TlsVersion } from './tls.js';

export interface MinimumTlsProperty {
  readonly resource: Resource;
  /** Path of the property from the resource root, e.g. `['properties', 'minimumTlsVersion']`. */
  readonly path: Pointer;
  /** The resource in words, as it reads mid-sentence, e.g. "Storage account 'st1'" or "the site of 'app'". */
  readonly label: string;
  /** What the service applies when the property is absent; undefined when absence is acceptable. */
  readonly defaultVersion?: TlsVersion;
  readonly minimum?: TlsVersion;
  /** Fingerprint discriminator when one rule checks several TLS properties of one resource. */
  readonly discriminator?: string;
}

/** Read a value along a pointer; undefined when any step is missing. */
export function valueAt(root: unknown, path: Pointer): unknown {
  let current: unknown = root;
  for (const key of path) {
    if (typeof current !== 'object' || current === null || isUnknown(current)) return undefined;
    current = (current as Record<string | number, unknown>)[key];
  }
  return current;
}

export function* minimumTlsFindings(check: MinimumTlsProperty): Iterable<FindingDraft> {
  const { resource, path, label, defaultVersion } = check;
  const minimum = check.minimum ?? MINIMUM_TLS;
  const property = String(path[path.length - 1]);
  const weak = (v: unknown) => isTlsBelow(v, minimum) === true;
  const viaParameter = insecureParameterFinding(resource, path, weak, `${property} of ${label}`);
  const sentence = label.charAt(0).toUpperCase() + label.slice(1);
  if (viaParameter) {
    yield viaParameter;
    return;
  }
  const value = valueAt(resource, path);
  if (isUnknown(value) || containsUnknownStep(resource, path)) return;
  // ARM treats a null property (`cond ? 'TLS1_2' : null`) as not given: the API default applies.
  if (value == null) {
    if (defaultVersion && weak(defaultVersion))
      yield {
        resource,
        path: [],
        message: `${sentence} does not set ${property}; the API default accepts TLS ${defaultVersion}. Set it to TLS ${minimum} or later.`,
        discriminator: check.discriminator,
      };
    return;
  }
  if (weak(value))
    yield {
      resource,
      path,
      message: `${sentence} accepts TLS ${parseTlsVersion(value)} (${property} '${String(value)}'); require TLS ${minimum} or later.`,
      discriminator: check.discriminator,
    };
}

/** An unknown object on the way (e.g. `siteConfig: [variables('cfg')]`) means the value is unknown, not absent. */
function containsUnknownStep(root: unknown, path: Pointer): boolean {
  let current: unknown = root;
  for (const key of path) {
    if (isUnknown(current)) return true;
    if (typeof current !== 'object' || current === null) return false;
    current = (current as Record<string | number, unknown>)[key];
  }
  return isUnknown(current);
}
