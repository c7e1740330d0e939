import { IPV4_ALL, IPV6_ALL, parsePrefix } from './cidr.js';
import { IntervalSet } from './interval-set.js';

/**
 * Names of Azure service tags whose addresses ztkit does not download (Storage, Sql,
 * AzureCloud.westeurope, ...). Each tag is an opaque atom: disjoint from literal CIDRs and from
 * other tags, except that `Storage` covers `Storage.WestEurope`. `all` means every tag except
 * `names`, so that `*` and `Internet` can cover tags ztkit has never heard of.
 */
export interface TagSet {
  readonly all: boolean;
  readonly names: ReadonlySet<string>;
}

const NO_TAGS: TagSet = { all: false, names: new Set() };
const ALL_TAGS: TagSet = { all: true, names: new Set() };

/** A tag covers itself and its regional variants (`storage` covers `storage.westeurope`). */
function tagCovers(tag: string, other: string): boolean {
  return other === tag || other.startsWith(`${tag}.`);
}

function hasTag(set: TagSet, tag: string): boolean {
  let listed = false;
  for (const n of set.names)
    if (tagCovers(n, tag)) {
      listed = true;
      break;
    }
  return set.all ? !listed : listed;
}

/** Every tag (`*`, `Internet`): nothing excluded. */
function tagsAll(t: TagSet): boolean {
  return t.all && t.names.size === 0;
}

function tagsUnion(a: TagSet, b: TagSet): TagSet {
  if (tagsEmpty(b)) return a;
  if (tagsEmpty(a)) return b;
  return a.all || b.all
    ? tagsSubtract(ALL_TAGS, tagsSubtract(tagsSubtract(ALL_TAGS, a), b))
    : { all: false, names: new Set([...a.names, ...b.names]) };
}

function tagsIntersect(a: TagSet, b: TagSet): TagSet {
  if (tagsEmpty(a) || tagsEmpty(b)) return NO_TAGS;
  if (tagsAll(b)) return a;
  if (tagsAll(a)) return b;
  if (a.all && b.all) return { all: true, names: new Set([...a.names, ...b.names]) };
  if (!a.all && !b.all) {
    const names = [...a.names].filter((n) => hasTag(b, n)).concat([...b.names].filter((n) => hasTag(a, n)));
    return names.length ? { all: false, names: new Set(names) } : NO_TAGS;
  }
  const [finite, cofinite] = a.all ? [b, a] : [a, b];
  const names = [...finite.names].filter((n) => hasTag(cofinite, n));
  return names.length ? { all: false, names: new Set(names) } : NO_TAGS;
}

function tagsSubtract(a: TagSet, b: TagSet): TagSet {
  if (tagsEmpty(a) || tagsAll(b)) return NO_TAGS;
  if (tagsEmpty(b)) return a;
  if (!a.all) {
    const names = [...a.names].filter((n) => !hasTag(b, n));
    return names.length ? { all: false, names: new Set(names) } : NO_TAGS;
  }
  if (b.all) {
    // everything except a.names, minus everything except b.names = b.names not in a.names
    const names = [...b.names].filter((n) => hasTag(a, n));
    return names.length ? { all: false, names: new Set(names) } : NO_TAGS;
  }
  return { all: true, names: new Set([...a.names, ...b.names]) };
}

function tagsEmpty(t: TagSet): boolean {
  return !t.all && t.names.size === 0;
}

/**
 * A set of source or destination addresses: IPv4 and IPv6 intervals plus opaque service-tag atoms.
 * Immutable.
 */
export class AddressSet {
  static readonly EMPTY = new AddressSet(IntervalSet.EMPTY, IntervalSet.EMPTY, NO_TAGS);
  static readonly ANY = new AddressSet(IPV4_ALL, IPV6_ALL, ALL_TAGS);

  constructor(
    readonly v4: IntervalSet,
    readonly v6: IntervalSet,
    readonly tags: TagSet,
  ) {}

  static ofPrefixes(prefixes: readonly string[]): AddressSet {
    let v4 = IntervalSet.EMPTY;
    let v6 = IntervalSet.EMPTY;
    for (const p of prefixes) {
      const parsed = parsePrefix(p);
      if (!parsed) continue;
      if (parsed.family === 'ipv4') v4 = v4.union(parsed.set);
      else v6 = v6.union(parsed.set);
    }
    return new AddressSet(v4, v6, NO_TAGS);
  }

  static ofTag(tag: string): AddressSet {
    return new AddressSet(IntervalSet.EMPTY, IntervalSet.EMPTY, {
      all: false,
      names: new Set([tag.toLowerCase()]),
    });
  }

  static allTags(): TagSet {
    return ALL_TAGS;
  }

  withTags(tags: TagSet): AddressSet {
    return new AddressSet(this.v4, this.v6, tags);
  }

  get isEmpty(): boolean {
    return this.v4.isEmpty && this.v6.isEmpty && tagsEmpty(this.tags);
  }

  /** Service tags in the set, when it holds a finite list of them. */
  get tagNames(): readonly string[] {
    return this.tags.all ? ['(all service tags)'] : [...this.tags.names];
  }

  /** `this` when the parts did not change (sets are immutable: no copy needed), else a new set. */
  private make(v4: IntervalSet, v6: IntervalSet, tags: TagSet): AddressSet {
    if (v4 === this.v4 && v6 === this.v6 && tags === this.tags) return this;
    if (v4.isEmpty && v6.isEmpty && tagsEmpty(tags)) return AddressSet.EMPTY;
    return new AddressSet(v4, v6, tags);
  }

  union(o: AddressSet): AddressSet {
    if (o === this || o.isEmpty) return this;
    if (this.isEmpty) return o;
    return this.make(this.v4.union(o.v4), this.v6.union(o.v6), tagsUnion(this.tags, o.tags));
  }

  intersect(o: AddressSet): AddressSet {
    if (o === this) return this;
    return this.make(this.v4.intersect(o.v4), this.v6.intersect(o.v6), tagsIntersect(this.tags, o.tags));
  }

  subtract(o: AddressSet): AddressSet {
    if (o.isEmpty) return this;
    return this.make(this.v4.subtract(o.v4), this.v6.subtract(o.v6), tagsSubtract(this.tags, o.tags));
  }

  covers(o: AddressSet): boolean {
    return (
      this.v4.covers(o.v4) &&
      this.v6.covers(o.v6) &&
      (tagsEmpty(o.tags) || tagsAll(this.tags) || tagsEmpty(tagsSubtract(o.tags, this.tags)))
    );
  }

  overlaps(o: AddressSet): boolean {
    return (
      this.v4.overlaps(o.v4) ||
      this.v6.overlaps(o.v6) ||
      (!tagsEmpty(this.tags) && !tagsEmpty(o.tags) && !tagsEmpty(tagsIntersect(this.tags, o.tags)))
    );
  }
}

/**
 * Address space that is not the public Internet: RFC 1918, shared address space (RFC 6598),
 * loopback, link-local, the Azure host address 168.63.129.16, IPv6 unique-local, link-local and
 * loopback, and the unspecified/multicast/reserved blocks. Everything else is "public".
 */
export const NON_PUBLIC = AddressSet.ofPrefixes([
  '0.0.0.0/8',
  '10.0.0.0/8',
  '100.64.0.0/10',
  '127.0.0.0/8',
  '168.63.129.16/32',
  '169.254.0.0/16',
  '172.16.0.0/12',
  '192.168.0.0/16',
  '224.0.0.0/3',
  '::/127',
  'fc00::/7',
  'fe80::/10',
  'ff00::/8',
]);

/**
 * The Internet as a traffic source: every public IPv4/IPv6 address and every service tag (service
 * tags name Azure's own public addresses, which Azure documents as part of the `Internet` tag).
 */
export const INTERNET = AddressSet.ANY.subtract(NON_PUBLIC);

/**
 * True when `remote` admits every public address of one family: `0.0.0.0/0` and `::/0` both mean
 * "anyone on the Internet" to the reader of a rule, whichever family the workload listens on.
 */
export function coversWholeInternet(remote: AddressSet): boolean {
  return remote.v4.covers(INTERNET.v4) || remote.v6.covers(INTERNET.v6);
}

/** The Azure infrastructure address used by load balancer probes (`AzureLoadBalancer`). */
export const AZURE_LOAD_BALANCER = AddressSet.ofPrefixes(['168.63.129.16/32']);
