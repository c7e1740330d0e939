import { createHash } from 'node:crypto';
import type { Resource } from '../model/resource.js';
import type { Pointer } from '../model/source.js';

/**
 * A fingerprint that survives line moves, reformatting and file renames: rule id + resource identity
 * (type and name, case-folded) + the property path with array indices replaced by the element's name
 * where it has one (`securityRules[allow-rdp]`, not `securityRules[3]`).
 */
export function fingerprintOf(
  ruleId: string,
  resource: Pick<Resource, 'type' | 'name'>,
  path: Pointer,
  discriminator = '',
): string {
  const identity = `${resource.type}|${resource.name}`.toLowerCase();
  const h = createHash('sha256');
  h.update(`${ruleId}\n${identity}\n${stablePath(resource, path)}\n${discriminator}`);
  return h.digest('hex').slice(0, 32);
}

function stablePath(resource: Pick<Resource, 'type' | 'name'>, path: Pointer): string {
  let value: unknown = resource;
  let out = '';
  for (const key of path) {
    const next =
      value !== null && typeof value === 'object'
        ? (value as Record<string | number, unknown>)[key]
        : undefined;
    if (typeof key === 'number') {
      const name = next !== null && typeof next === 'object' ? (next as { name?: unknown }).name : undefined;
      out += typeof name === 'string' ? `[${name.toLowerCase()}]` : `[${key}]`;
    } else out += `.${key}`;
    value = next;
  }
  return out;
}
