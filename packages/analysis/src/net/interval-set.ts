/**
 * Sets of integers as sorted, disjoint, inclusive intervals. One implementation serves IPv4 and
 * IPv6 addresses (bigint, so that 128-bit values stay exact) and ports (also bigint, the cost is
 * negligible next to the clarity of a single algebra).
 */
export type Interval = readonly [lo: bigint, hi: bigint];

export class IntervalSet {
  static readonly EMPTY = new IntervalSet([]);

  /** Intervals sorted by `lo`, disjoint and not adjacent. */
  readonly intervals: readonly Interval[];

  private constructor(intervals: readonly Interval[]) {
    this.intervals = intervals;
  }

  static of(intervals: readonly Interval[]): IntervalSet {
    if (intervals.length === 0) return IntervalSet.EMPTY;
    const sorted = [...intervals].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    const out: [bigint, bigint][] = [];
    for (const [lo, hi] of sorted) {
      if (hi < lo) continue;
      const last = out[out.length - 1];
      if (last && lo <= last[1] + 1n) {
        if (hi > last[1]) last[1] = hi;
      } else out.push([lo, hi]);
    }
    return new IntervalSet(out);
  }

  static range(lo: bigint, hi: bigint): IntervalSet {
    return hi < lo ? IntervalSet.EMPTY : new IntervalSet([[lo, hi]]);
  }

  get isEmpty(): boolean {
    return this.intervals.length === 0;
  }

  /** Number of integers in the set. */
  get size(): bigint {
    let n = 0n;
    for (const [lo, hi] of this.intervals) n += hi - lo + 1n;
    return n;
  }

  union(other: IntervalSet): IntervalSet {
    if (other.isEmpty) return this;
    if (this.isEmpty) return other;
    if (this.covers(other)) return this;
    if (other.covers(this)) return other;
    // Both lists are sorted: merge them in one pass (the result is what `of` would build).
    const a = this.intervals;
    const b = other.intervals;
    const out: [bigint, bigint][] = [];
    let i = 0;
    let j = 0;
    while (i < a.length || j < b.length) {
      const next = j >= b.length || (i < a.length && a[i]![0] <= b[j]![0]) ? a[i++]! : b[j++]!;
      const last = out[out.length - 1];
      if (last && next[0] <= last[1] + 1n) {
        if (next[1] > last[1]) last[1] = next[1];
      } else out.push([next[0], next[1]]);
    }
    return new IntervalSet(out);
  }

  intersect(other: IntervalSet): IntervalSet {
    const a = this.intervals;
    const b = other.intervals;
    if (a.length === 0 || b.length === 0) return IntervalSet.EMPTY;
    // One interval spanning the other set entirely (ALL_PORTS, 0.0.0.0/0): no new set to build.
    if (b.length === 1 && b[0]![0] <= a[0]![0] && b[0]![1] >= a[a.length - 1]![1]) return this;
    if (a.length === 1 && a[0]![0] <= b[0]![0] && a[0]![1] >= b[b.length - 1]![1]) return other;
    const out: Interval[] = [];
    let i = 0;
    let j = 0;
    while (i < a.length && j < b.length) {
      const lo = a[i]![0] > b[j]![0] ? a[i]![0] : b[j]![0];
      const hi = a[i]![1] < b[j]![1] ? a[i]![1] : b[j]![1];
      if (lo <= hi) out.push([lo, hi]);
      if (a[i]![1] < b[j]![1]) i++;
      else j++;
    }
    return out.length === 0 ? IntervalSet.EMPTY : new IntervalSet(out);
  }

  subtract(other: IntervalSet): IntervalSet {
    if (other.isEmpty || this.isEmpty || !this.overlaps(other)) return this;
    const out: Interval[] = [];
    const b = other.intervals;
    let j = 0;
    for (const [lo0, hi] of this.intervals) {
      let lo = lo0;
      while (j < b.length && b[j]![1] < lo) j++;
      let k = j;
      while (k < b.length && b[k]![0] <= hi) {
        if (b[k]![0] > lo) out.push([lo, b[k]![0] - 1n]);
        if (b[k]![1] >= hi) {
          lo = hi + 1n;
          break;
        }
        lo = b[k]![1] + 1n;
        k++;
      }
      if (lo <= hi) out.push([lo, hi]);
    }
    return out.length === 0 ? IntervalSet.EMPTY : new IntervalSet(out);
  }

  /** True when every element of `other` is in this set. */
  covers(other: IntervalSet): boolean {
    // Walk both sorted lists; no set is built (this runs in the innermost loops of the analysis).
    const a = this.intervals;
    let i = 0;
    for (const [lo, hi] of other.intervals) {
      while (i < a.length && a[i]![1] < lo) i++;
      if (i >= a.length || a[i]![0] > lo) return false;
      let end = a[i]![1];
      while (end < hi) {
        if (i + 1 < a.length && a[i + 1]![0] <= end + 1n) end = a[++i]![1];
        else return false;
      }
    }
    return true;
  }

  overlaps(other: IntervalSet): boolean {
    const a = this.intervals;
    const b = other.intervals;
    let i = 0;
    let j = 0;
    while (i < a.length && j < b.length) {
      if (a[i]![1] < b[j]![0]) i++;
      else if (b[j]![1] < a[i]![0]) j++;
      else return true;
    }
    return false;
  }

  has(value: bigint): boolean {
    let lo = 0;
    let hi = this.intervals.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const [a, b] = this.intervals[mid]!;
      if (value < a) hi = mid - 1;
      else if (value > b) lo = mid + 1;
      else return true;
    }
    return false;
  }

  equals(other: IntervalSet): boolean {
    if (this.intervals.length !== other.intervals.length) return false;
    return this.intervals.every(
      (iv, i) => iv[0] === other.intervals[i]![0] && iv[1] === other.intervals[i]![1],
    );
  }
}
