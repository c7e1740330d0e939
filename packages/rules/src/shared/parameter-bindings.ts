/**
 * A property bound to a template parameter is only as safe as the values the parameter lets a
 * deployer choose. When the parameter's default or one of its `allowedValues` is insecure, the place
 * to fix is the parameter declaration, so the finding lands there (not on the property that uses it).
 */
import {
  type FindingDraft,
  formatPath,
  type ParameterBinding,
  type Pointer,
  type Resource,
} from '@ztkit/core';

export interface InsecureChoice {
  /** The binding the property came from. */
  readonly binding: ParameterBinding;
  /** The insecure values the parameter permits: its default and/or entries of `allowedValues`. */
  readonly values: readonly unknown[];
  readonly viaDefault: boolean;
}

export function bindingOf(resource: Resource, path: Pointer): ParameterBinding | undefined {
  return resource.bindings?.get(formatPath(path));
}

/** What the parameter bound at `path` permits that `isInsecure` rejects; undefined when nothing. */
export function insecureChoices(
  resource: Resource,
  path: Pointer,
  isInsecure: (value: unknown) => boolean,
): InsecureChoice | undefined {
  const binding = bindingOf(resource, path);
  if (!binding) return undefined;
  const values: unknown[] = [];
  const viaDefault = binding.defaultValue !== undefined && isInsecure(binding.defaultValue);
  if (viaDefault) values.push(binding.defaultValue);
  for (const allowed of binding.allowedValues ?? [])
    if (isInsecure(allowed) && !values.includes(allowed)) values.push(allowed);
  return values.length ? { binding, values, viaDefault } : undefined;
}

/**
 * A finding on the parameter declaration when the parameter bound at `path` permits an insecure
 * value. `what` names the setting in words ("the minimum TLS version of storage account 'st1'").
 */
export function insecureParameterFinding(
  resource: Resource,
  path: Pointer,
  isInsecure: (value: unknown) => boolean,
  what: string,
): FindingDraft | undefined {
  const choice = insecureChoices(resource, path, isInsecure);
  if (!choice) return undefined;
  const { binding, values, viaDefault } = choice;
  const listed = values.map((v) => `'${String(v)}'`).join(', ');
  const how = viaDefault
    ? `defaults to ${listed.split(', ')[0]}${values.length > 1 ? ` and allows ${listed}` : ''}`
    : `allows ${listed}`;
  return {
    resource,
    path,
    span: binding.declaration,
    message: `${binding.kind === 'variable' ? 'Variable' : 'Parameter'} '${binding.name}' sets ${what} and ${how}; restrict it to secure values.`,
    discriminator: `binding:${binding.name}:${formatPath(path)}`,
  };
}
