import { IANAZone, type Zone } from 'luxon';

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
const WEEK_MS = 7 * DAY_MS;

/**
 * Turns local wall times of one IANA zone into UTC instants. Asking luxon (Intl) for an offset is
 * slow, and compiling a year touches hundreds of wall times, so offsets are learned from samples:
 * one at the start of each UTC week; only in a week whose two samples differ, one per UTC
 * midnight; and on the day whose midnights differ, the transition minute by bisection. This
 * assumes offsets never change and change back within a week, nor twice in a day — tz database
 * transitions are weeks or months apart.
 */
export class ZoneClock {
  private readonly samples = new Map<number, number>();
  private readonly transitions = new Map<number, number>();

  constructor(private readonly zone: Zone) {}

  /** UTC offset in minutes at instant ts. */
  offset(ts: number): number {
    // 1970-01-01 is a Thursday; week boundaries need not be Mondays, only fixed.
    const week = Math.floor(ts / WEEK_MS);
    const weekStart = this.sample(week * WEEK_MS);
    if (weekStart === this.sample((week + 1) * WEEK_MS)) return weekStart;
    const day = Math.floor(ts / DAY_MS);
    const before = this.sample(day * DAY_MS);
    const after = this.sample((day + 1) * DAY_MS);
    if (before === after) return before;
    return ts < this.transitionOn(day, before) ? before : after;
  }

  /**
   * The instant at which the zone's clocks show `wallMs` (a wall time written as if it were UTC).
   * Like Temporal's "compatible" rule: an ambiguous wall time (fall-back overlap) is its earlier
   * occurrence — the first time the clock shows it — and a nonexistent one (spring-forward gap)
   * moves forward by the gap's length (02:30 → 03:30). Luxon's own guess depends on today's date,
   * so we do not leave the choice to it: a deadline must not change with the season it is asked in.
   */
  instant(wallMs: number): number {
    const offsetBefore = this.offset(wallMs - DAY_MS);
    // The hot path (no change within a day either side) allocates nothing.
    if (offsetBefore === this.offset(wallMs + DAY_MS)) return wallMs - offsetBefore * MINUTE_MS;
    // In a gap: read with the offset in force before it, which lands just as far past the jump.
    return this.occurrences(wallMs)[0] ?? wallMs - offsetBefore * MINUTE_MS;
  }

  /**
   * Every instant at which the clocks show `wallMs`, earliest first: one; two in a fall-back
   * overlap; none in a spring-forward gap (for people typing a time, who must be told).
   */
  occurrences(wallMs: number): number[] {
    const offsetBefore = this.offset(wallMs - DAY_MS);
    const offsetAfter = this.offset(wallMs + DAY_MS);
    // No transition within a day either side (offsets never change and change back that fast).
    if (offsetBefore === offsetAfter) return [wallMs - offsetBefore * MINUTE_MS];
    const earlier = wallMs - Math.max(offsetBefore, offsetAfter) * MINUTE_MS;
    const later = wallMs - Math.min(offsetBefore, offsetAfter) * MINUTE_MS;
    return [earlier, later].filter((ts) => this.shows(ts, wallMs));
  }

  /** The instant of the last offset change at or before `ts` within a day, if there is one. */
  changeBefore(ts: number): number | undefined {
    const day = Math.floor(ts / DAY_MS);
    for (const d of [day, day - 1]) {
      const before = this.sample(d * DAY_MS);
      if (before === this.sample((d + 1) * DAY_MS)) continue;
      const at = this.transitionOn(d, before);
      if (at <= ts) return at;
    }
    return undefined;
  }

  private shows(ts: number, wallMs: number): boolean {
    return ts + this.offset(ts) * MINUTE_MS === wallMs;
  }

  private sample(ts: number): number {
    let offset = this.samples.get(ts);
    if (offset === undefined) {
      offset = this.zone.offset(ts);
      this.samples.set(ts, offset);
    }
    return offset;
  }

  /** The first minute of `day` at which the offset is no longer `before`. */
  private transitionOn(day: number, before: number): number {
    let at = this.transitions.get(day);
    if (at === undefined) {
      let lo = day * DAY_MS;
      let hi = lo + DAY_MS;
      while (hi - lo > MINUTE_MS) {
        const mid = lo + Math.floor((hi - lo) / 2 / MINUTE_MS) * MINUTE_MS;
        if (this.zone.offset(mid) === before) lo = mid;
        else hi = mid;
      }
      at = hi;
      this.transitions.set(day, at);
    }
    return at;
  }
}

const clocks = new Map<string, ZoneClock>();

/** One shared clock per zone, so every calendar in that zone reuses the learned offsets. Throws for an unknown zone. */
export function clockFor(timeZone: string): ZoneClock {
  let clock = clocks.get(timeZone);
  if (!clock) {
    const zone = IANAZone.create(timeZone);
    if (!zone.isValid) throw new Error(`unknown time zone "${timeZone}": expected an IANA name such as "Asia/Tokyo"`);
    clock = new ZoneClock(zone);
    clocks.set(timeZone, clock);
  }
  return clock;
}
