import { isUnknown, type Resource } from '@ztkit/core';
import { asRecord, idKey, idOf } from '../model-access.js';
import { AddressSet } from '../net/address-set.js';
import { IntervalSet } from '../net/interval-set.js';
import { ALL_PORTS, parsePortRange } from '../net/port-set.js';
import { ALL_PROTOCOLS, type ProtocolMask, parseProtocol } from '../net/protocol.js';
import { type PrefixContext, resolvePrefixes } from './address-prefix.js';

export type Direction = 'Inbound' | 'Outbound';
export type Access = 'Allow' | 'Deny';

/** Where a rule lives, for messages and for pointing a finding at it. */
export interface RuleRef {
  readonly nsg?: Resource;
  /** Index in `nsg.properties.securityRules`; undefined for Azure's default rules. */
  readonly index?: number;
  readonly name: string;
  readonly priority: number;
  readonly access: Access;
  readonly direction: Direction;
  readonly isDefault: boolean;
}

/**
 * One security rule, normalised for evaluation. `remote` is the far end (source for inbound,
 * destination for outbound); `local` the end the NSG guards.
 */
export interface NormalisedRule {
  readonly ref: RuleRef;
  readonly protocols: ProtocolMask;
  readonly ports: IntervalSet;
  readonly remote: AddressSet;
  readonly remoteLabels: readonly string[];
  readonly local: AddressSet;
  readonly localLabels: readonly string[];
  /** The local side's literal prefixes and tags only, without ASG members (ASGs match by membership). */
  readonly localPrefixes: AddressSet;
  /** Application security groups named on the local side (ids, lower case). */
  readonly localAsgs: readonly string[];
  /** True when a part of the rule could not be read (Unknown, unparseable, ASG not in the scan). */
  readonly uncertain: boolean;
  /** True when the rule restricts source ports (rare): it then matches only part of the traffic. */
  readonly restrictsSourcePorts: boolean;
}

/** Addresses behind an application security group (the subnets or IPs of its member NICs). */
export type AsgResolver = (asgId: unknown) => AddressSet | undefined;

export interface RuleContext extends PrefixContext {
  readonly asgAddresses: AsgResolver;
}

/** Read `nsg.properties.securityRules[index]` into a normalised rule. */
export function normaliseRule(
  nsg: Resource | undefined,
  index: number | undefined,
  item: unknown,
  ctx: RuleContext,
  isDefault = false,
): NormalisedRule | undefined {
  const rec = asRecord(item);
  const p = asRecord(rec.properties);
  let uncertain = false;
  const directionRaw = p.direction;
  if (typeof directionRaw !== 'string') return undefined;
  const direction: Direction = directionRaw.toLowerCase() === 'outbound' ? 'Outbound' : 'Inbound';
  const accessRaw = p.access;
  const access: Access | undefined =
    typeof accessRaw === 'string' ? (accessRaw.toLowerCase() === 'deny' ? 'Deny' : 'Allow') : undefined;
  if (!access) return undefined;
  let priority = typeof p.priority === 'number' ? p.priority : Number.NaN;
  if (typeof p.priority === 'string' && /^\d+$/.test(p.priority)) priority = Number(p.priority);
  if (Number.isNaN(priority)) {
    // Unknown priority: an allow is assumed to come first and a deny last, the order that exposes most.
    uncertain = true;
    priority = access === 'Allow' ? 99 : 4097;
  }
  let protocols = parseProtocol(p.protocol);
  if (protocols === undefined) {
    uncertain = true;
    protocols = access === 'Allow' ? ALL_PROTOCOLS : 0;
  }
  const ports = readPorts(p.destinationPortRange, p.destinationPortRanges, access);
  uncertain ||= ports.uncertain;
  const srcPorts = readPorts(p.sourcePortRange, p.sourcePortRanges, access);
  const restrictsSourcePorts = !srcPorts.set.equals(ALL_PORTS);

  const source = readSide(
    p.sourceAddressPrefix,
    p.sourceAddressPrefixes,
    p.sourceApplicationSecurityGroups,
    ctx,
  );
  const dest = readSide(
    p.destinationAddressPrefix,
    p.destinationAddressPrefixes,
    p.destinationApplicationSecurityGroups,
    ctx,
  );
  const [remote, local] = direction === 'Inbound' ? [source, dest] : [dest, source];
  uncertain ||= remote.unknown || local.unknown;
  const name = typeof rec.name === 'string' ? rec.name : `securityRules[${index ?? '?'}]`;
  return {
    ref: { nsg, index, name, priority, access, direction, isDefault },
    protocols,
    ports: ports.set,
    // An unreadable side matches everything for an allow (worst case) and nothing for a deny
    // (a deny we cannot read protects nothing we can prove).
    remote: remote.unknown && access === 'Allow' ? AddressSet.ANY : remote.set,
    remoteLabels: remote.labels,
    local: local.unknown && access === 'Allow' ? AddressSet.ANY : local.set,
    localLabels: local.labels,
    localPrefixes: local.unknown && access === 'Allow' ? AddressSet.ANY : local.prefixSet,
    localAsgs: local.asgIds,
    uncertain,
    restrictsSourcePorts,
  };
}

function readPorts(single: unknown, list: unknown, access: Access): { set: IntervalSet; uncertain: boolean } {
  const values: unknown[] = [];
  if (single !== undefined && single !== null && single !== '') values.push(single);
  if (Array.isArray(list)) values.push(...list);
  else if (isUnknown(list)) values.push(list);
  if (values.length === 0) return { set: ALL_PORTS, uncertain: false };
  let set: IntervalSet | undefined;
  let uncertain = false;
  for (const v of values) {
    const parsed = parsePortRange(v);
    if (!parsed.ok) {
      uncertain = true;
      if (access === 'Allow') return { set: ALL_PORTS, uncertain };
      continue;
    }
    set = set ? set.union(parsed.set) : parsed.set;
  }
  return { set: set ?? IntervalSet.EMPTY, uncertain };
}

function readSide(
  single: unknown,
  list: unknown,
  asgs: unknown,
  ctx: RuleContext,
): { set: AddressSet; prefixSet: AddressSet; labels: string[]; unknown: boolean; asgIds: string[] } {
  const prefixes = resolvePrefixes(single, list, ctx);
  let set = prefixes.set;
  let unknown = prefixes.unknown;
  const labels = [...prefixes.labels];
  const asgIds: string[] = [];
  if (isUnknown(asgs)) unknown = true;
  else if (Array.isArray(asgs)) {
    for (const a of asgs) {
      const id = idOf(a);
      if (typeof id !== 'string') {
        unknown = true;
        continue;
      }
      asgIds.push(idKey(id) ?? id.toLowerCase());
      labels.push(`asg:${id.slice(id.lastIndexOf('/') + 1)}`);
      const addresses = ctx.asgAddresses(id);
      if (addresses) set = set.union(addresses);
      else unknown = true;
    }
  }
  if (!prefixes.present && asgIds.length === 0 && !unknown) {
    // Azure requires one of the three; a rule that names none cannot be read.
    unknown = true;
  }
  return { set, prefixSet: prefixes.set, labels, unknown, asgIds };
}
