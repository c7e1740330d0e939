/**
 * Resource functions. The *ResourceId functions build ARM IDs with the symbolic scope of the
 * context, so that IDs computed in one file match resources declared in another; an unknown name
 * segment is rendered `<unknown: expr>` (the model's convention), which still matches a resource
 * whose name is the same unknown expression. reference(), list*(), pickZones() and providers()
 * read live state and are Unknown with a reason.
 */

import { buildResourceId } from '../model/resource-id.js';
import { isUnknown, unknown } from '../model/unknown.js';
import { type FunctionContext, type FunctionDefinition, FunctionError } from './types.js';
import { typeName } from './values.js';

function segment(fn: string, v: unknown, i: number): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  if (isUnknown(v)) return String(v);
  throw new FunctionError(`${fn}() expects string segments, argument ${i + 1} is ${typeName(v)}`);
}

function isTypeArg(v: unknown): v is string {
  return typeof v === 'string' && /^[^/]+\.[^/]+\/[^/]/.test(v);
}

/** Split args into the scope parts before the type, the type, and the names after it. */
function splitAtType(fn: string, args: readonly unknown[], maxBefore: number) {
  let at = -1;
  for (let i = 0; i <= Math.min(maxBefore, args.length - 1); i++)
    if (isTypeArg(args[i])) {
      at = i;
      break;
    }
  if (at < 0)
    throw new FunctionError(`${fn}() needs a resource type such as 'Microsoft.Network/virtualNetworks'`);
  const type = (args[at] as string).replace(/\/+$/, '');
  const names = args.slice(at + 1).map((v, i) => segment(fn, v, at + 1 + i));
  const expected = type.split('/').length - 1;
  if (names.length !== expected)
    throw new FunctionError(
      `${fn}() for type '${type}' needs ${expected} name segment(s), got ${names.length}`,
    );
  const before = args.slice(0, at).map((v, i) => segment(fn, v, i));
  return { before, type, names };
}

/** `/providers/Ns/t1/n1/...`: the scope-free tail of an ID. */
export function providerPath(type: string, names: readonly string[]): string {
  const full = buildResourceId(type, names);
  return full.slice(full.indexOf('/providers/'));
}

/** A subscription-level ID (buildResourceId's resource-group parameter defaults when given undefined). */
export function subscriptionLevelId(subscriptionId: string, type: string, names: readonly string[]): string {
  return `/subscriptions/${subscriptionId}${providerPath(type, names)}`;
}

function resourceId(args: readonly unknown[], ctx: FunctionContext): string {
  const { before, type, names } = splitAtType('resourceId', args, 2);
  const s = ctx.scope;
  if (before.length === 2) return buildResourceId(type, names, before[0], before[1]);
  if (before.length === 1) return buildResourceId(type, names, s.subscriptionId, before[0]);
  if (s.targetScope === 'resourceGroup')
    return buildResourceId(type, names, s.subscriptionId, s.resourceGroupName);
  if (s.targetScope === 'subscription') return subscriptionLevelId(s.subscriptionId, type, names);
  return providerPath(type, names);
}

function liveValue(what: string) {
  return (args: readonly unknown[]) =>
    unknown(
      `${what} reads deployed state`,
      `${what}(${args.map((a) => (typeof a === 'string' ? `'${a}'` : '…')).join(', ')})`,
    );
}

export const RESOURCE_FUNCTIONS: readonly FunctionDefinition[] = [
  {
    name: 'resourceid',
    minArgs: 2,
    maxArgs: Number.POSITIVE_INFINITY,
    acceptsUnknown: true,
    evaluate: resourceId,
  },
  {
    name: 'subscriptionresourceid',
    minArgs: 2,
    maxArgs: Number.POSITIVE_INFINITY,
    acceptsUnknown: true,
    evaluate: (args, ctx) => {
      const { before, type, names } = splitAtType('subscriptionResourceId', args, 1);
      return subscriptionLevelId(before[0] ?? ctx.scope.subscriptionId, type, names);
    },
  },
  {
    name: 'tenantresourceid',
    minArgs: 2,
    maxArgs: Number.POSITIVE_INFINITY,
    acceptsUnknown: true,
    evaluate: (args) => {
      const { type, names } = splitAtType('tenantResourceId', args, 0);
      return providerPath(type, names);
    },
  },
  {
    name: 'managementgroupresourceid',
    minArgs: 2,
    maxArgs: Number.POSITIVE_INFINITY,
    acceptsUnknown: true,
    evaluate: (args, ctx) => {
      const { before, type, names } = splitAtType('managementGroupResourceId', args, 1);
      const mg = before[0] ?? ctx.scope.managementGroup ?? '{managementGroupName}';
      return `/providers/Microsoft.Management/managementGroups/${mg}${providerPath(type, names)}`;
    },
  },
  {
    name: 'extensionresourceid',
    minArgs: 3,
    maxArgs: Number.POSITIVE_INFINITY,
    acceptsUnknown: true,
    evaluate: (args) => {
      const scopeId = segment('extensionResourceId', args[0], 0).replace(/\/+$/, '');
      const { type, names } = splitAtType('extensionResourceId', args.slice(1), 0);
      return scopeId + providerPath(type, names);
    },
  },
  { name: 'reference', minArgs: 1, maxArgs: 3, acceptsUnknown: true, evaluate: liveValue('reference') },
  { name: 'references', minArgs: 1, maxArgs: 2, acceptsUnknown: true, evaluate: liveValue('references') },
  { name: 'pickzones', minArgs: 3, maxArgs: 5, acceptsUnknown: true, evaluate: liveValue('pickZones') },
  { name: 'providers', minArgs: 1, maxArgs: 2, acceptsUnknown: true, evaluate: liveValue('providers') },
];

/** `list*` functions (listKeys, listSecrets, listAccountSas...): all read deployed state. */
export const LIST_FUNCTION: FunctionDefinition = {
  name: 'list*',
  minArgs: 1,
  maxArgs: 3,
  acceptsUnknown: true,
  evaluate: liveValue('list*'),
};
