import { SHARE_BOUNDS, type Counts } from './types';

export function emptyCounts(): Counts {
  return { tickets: 0, met: 0, late: 0, openLate: 0, open: 0, noTarget: 0, noTargetBy: {}, shares: SHARE_BOUNDS.map(() => 0) };
}

/** Adds `from` into `into` and returns it (also a deep copy when `into` is empty). */
export function addCounts(into: Counts, from: Counts): Counts {
  into.tickets += from.tickets;
  into.met += from.met;
  into.late += from.late;
  into.openLate += from.openLate;
  into.open += from.open;
  into.noTarget += from.noTarget;
  for (const [code, n] of Object.entries(from.noTargetBy)) into.noTargetBy[code] = (into.noTargetBy[code] ?? 0) + n;
  from.shares.forEach((n, i) => {
    into.shares[i] = (into.shares[i] ?? 0) + n;
  });
  return into;
}

/** The counts of several groups together (e.g. the rows a filter on the options page keeps). */
export function sumCounts(all: Iterable<Counts>): Counts {
  const sum = emptyCounts();
  for (const counts of all) addCounts(sum, counts);
  return sum;
}

/**
 * Tickets whose deadline is settled: answered (in time or late) or still open past it. Open
 * tickets within their deadline and tickets without a target are not in it.
 */
export const decided = (c: Counts) => c.met + c.late + c.openLate;

/** Share met of the decided tickets (0–1), undefined when none is decided. */
export function shareMet(c: Counts): number | undefined {
  const n = decided(c);
  return n ? c.met / n : undefined;
}
