/** Plain [open, close) pairs in epoch ms; the set operations the compiler needs, nothing more. */
export type Interval = [number, number];

/** Sorts and merges overlapping or touching intervals: [a, b) ∪ [b, c) = [a, c), so no closing instant is reported inside open time. */
export function normalize(intervals: Interval[]): Interval[] {
  const sorted = intervals.filter(([open, close]) => close > open).sort((x, y) => x[0] - y[0]);
  const out: Interval[] = [];
  for (const [open, close] of sorted) {
    const last = out[out.length - 1];
    if (last && open <= last[1]) last[1] = Math.max(last[1], close);
    else out.push([open, close]);
  }
  return out;
}

/** `from` minus `cut`, both normalized; the result is normalized. */
export function subtract(from: readonly Interval[], cut: readonly Interval[]): Interval[] {
  const out: Interval[] = [];
  let j = 0;
  for (const [open, close] of from) {
    let start = open;
    while (j < cut.length && (cut[j] as Interval)[1] <= start) j++;
    for (let k = j; k < cut.length && (cut[k] as Interval)[0] < close; k++) {
      const [cutOpen, cutClose] = cut[k] as Interval;
      if (cutOpen > start) out.push([start, cutOpen]);
      start = Math.max(start, cutClose);
    }
    if (start < close) out.push([start, close]);
  }
  return out;
}

/** Intervals clipped to [lo, hi), dropping those outside. */
export function clip(intervals: readonly Interval[], lo: number, hi: number): Interval[] {
  const out: Interval[] = [];
  for (const [open, close] of intervals) {
    const a = Math.max(open, lo);
    const b = Math.min(close, hi);
    if (b > a) out.push([a, b]);
  }
  return out;
}
