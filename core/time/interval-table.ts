import type { Interval } from './interval-set.ts';

/**
 * Sorted, disjoint open intervals known to be exact over [lo, hi), with the business time before
 * each one (a prefix sum). Every question is a binary search, so answering for a 10,000-hour
 * target costs the same as for a 1-hour one.
 */
export class IntervalTable {
  readonly opens: Float64Array;
  readonly closes: Float64Array;
  /** before[i] = open ms in [lo, opens[i]); before[n] = total. */
  readonly before: Float64Array;

  constructor(
    readonly lo: number,
    readonly hi: number,
    intervals: readonly Interval[],
  ) {
    const n = intervals.length;
    this.opens = new Float64Array(n);
    this.closes = new Float64Array(n);
    this.before = new Float64Array(n + 1);
    intervals.forEach(([open, close], i) => {
      this.opens[i] = open;
      this.closes[i] = close;
      this.before[i + 1] = (this.before[i] as number) + close - open;
    });
  }

  get total(): number {
    return this.before[this.opens.length] as number;
  }

  /** Index of the last interval opening at or before t, or -1. */
  locate(t: number): number {
    let lo = 0;
    let hi = this.opens.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.opens[mid] as number) <= t) lo = mid + 1;
      else hi = mid;
    }
    return lo - 1;
  }

  isOpen(t: number): boolean {
    const i = this.locate(t);
    return i >= 0 && t < (this.closes[i] as number);
  }

  /** First open instant ≥ t, or undefined when the table has none (the caller extends it). */
  nextOpening(t: number): number | undefined {
    const i = this.locate(t);
    if (i >= 0 && t < (this.closes[i] as number)) return t;
    return this.opens[i + 1];
  }

  /** Open ms in [lo, t); `i` is locate(t) when the caller already has it. */
  elapsed(t: number, i = this.locate(t)): number {
    if (i < 0) return 0;
    return (this.before[i] as number) + Math.min(t, this.closes[i] as number) - (this.opens[i] as number);
  }

  /**
   * The earliest instant by which `e` open ms (0 < e ≤ total) have elapsed since lo. When e ends
   * exactly where an interval closes, that closing instant is the answer, not the next opening.
   * The search starts at interval `from` (no later than the answer's) and looks a few intervals
   * ahead first — most targets end within days — before bisecting the rest: O(log n) either way.
   */
  instantAtElapsed(e: number, from = 0): number {
    const last = this.opens.length - 1;
    // Find the first interval i whose end-of-interval sum before[i + 1] reaches e.
    let lo = Math.max(from, 0);
    let hi = lo;
    for (let step = 1; hi < last && (this.before[hi + 1] as number) < e; step *= 2) {
      lo = hi + 1;
      hi = step > 8 ? last : Math.min(last, hi + step);
    }
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.before[mid + 1] as number) >= e) hi = mid;
      else lo = mid + 1;
    }
    return (this.opens[lo] as number) + (e - (this.before[lo] as number));
  }

  /** The intervals intersecting [from, to), clipped to it. */
  slice(from: number, to: number): Interval[] {
    const out: Interval[] = [];
    for (let i = Math.max(0, this.locate(from)); i < this.opens.length; i++) {
      const open = this.opens[i] as number;
      if (open >= to) break;
      const close = Math.min(this.closes[i] as number, to);
      const start = Math.max(open, from);
      if (close > start) out.push([start, close]);
    }
    return out;
  }
}
