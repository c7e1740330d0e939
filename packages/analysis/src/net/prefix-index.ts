import type { AddressSet } from './address-set.js';
import type { Interval } from './interval-set.js';

/**
 * Which items (subnets, VNets) own which addresses: a static index over IPv4 and IPv6 intervals
 * answering "who overlaps this set" in O(log n + answers) for the usual non-nested layouts, so
 * that callers never loop over all pairs of subnets.
 */
export class PrefixIndex<T> {
  private readonly families: { entries: { iv: Interval; item: T }[]; maxHi: bigint[] }[];

  constructor(items: readonly { readonly item: T; readonly addresses: AddressSet }[]) {
    const build = (pick: (a: AddressSet) => readonly Interval[]) => {
      const entries: { iv: Interval; item: T }[] = [];
      for (const { item, addresses } of items) for (const iv of pick(addresses)) entries.push({ iv, item });
      entries.sort((a, b) => (a.iv[0] < b.iv[0] ? -1 : a.iv[0] > b.iv[0] ? 1 : 0));
      const maxHi: bigint[] = [];
      let m = -1n;
      for (const e of entries) {
        if (e.iv[1] > m) m = e.iv[1];
        maxHi.push(m);
      }
      return { entries, maxHi };
    };
    this.families = [build((a) => a.v4.intervals), build((a) => a.v6.intervals)];
  }

  /** Items with at least one address in `set` (each once). */
  overlapping(set: AddressSet): T[] {
    const found = new Set<T>();
    const queries = [set.v4.intervals, set.v6.intervals];
    queries.forEach((ivs, f) => {
      const { entries, maxHi } = this.families[f]!;
      for (const [a, b] of ivs) {
        // last entry starting at or before b
        let lo = 0;
        let hi = entries.length - 1;
        let last = -1;
        while (lo <= hi) {
          const mid = (lo + hi) >> 1;
          if (entries[mid]!.iv[0] <= b) {
            last = mid;
            lo = mid + 1;
          } else hi = mid - 1;
        }
        for (let i = last; i >= 0 && maxHi[i]! >= a; i--)
          if (entries[i]!.iv[1] >= a) found.add(entries[i]!.item);
      }
    });
    return [...found];
  }
}
