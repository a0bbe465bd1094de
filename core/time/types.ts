/**
 * The business-time engine's contract. Times are epoch milliseconds (UTC instants); wall times are
 * resolved in the calendar's IANA zone on each date, so DST shifts move the UTC instants, not the
 * local opening hours. Every interval is half-open: [open, close).
 */

/** ISO weekday as luxon numbers it: 1 = Monday … 7 = Sunday. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** A local wall time "HH:mm"; "24:00" is allowed as a closing time (end of that day). */
export type WallTime = string;

/**
 * One weekly opening stretch. `to` may be on a later weekday (or the same weekday with a later
 * time); a stretch never covers a whole week or more. Sunday 17:00 → Friday 17:00 is one stretch.
 */
export interface WeeklyInterval {
  from: { day: Weekday; time: WallTime };
  to: { day: Weekday; time: WallTime };
}

export interface CalendarSpec {
  /** Stable id used in policies, notes and caches, e.g. "pacific", "japan". */
  id: string;
  /** Name a support lead understands, e.g. "Japan business hours (Mon–Fri 09:00–17:00 JST)". */
  name: string;
  timeZone: string;
  weekly: WeeklyInterval[];
  /** Whole local days (yyyy-mm-dd in `timeZone`) that are closed. */
  holidays: string[];
}

/** A calendar compiled into UTC interval tables (cached); all operations are O(log n). */
export interface BusinessCalendar {
  readonly spec: CalendarSpec;
  /** Open at instant t? (t inside some [open, close)). */
  isOpen(t: number): boolean;
  /** The first instant ≥ t at which the calendar is open (t itself when open). */
  nextOpening(t: number): number;
  /**
   * The instant at which `minutes` business minutes have elapsed counting from t. When the
   * budget runs out exactly at a closing instant, that closing instant is the answer.
   * minutes = 0 returns t unchanged.
   */
  addMinutes(t: number, minutes: number): number;
  /**
   * `[nextOpening(t), addMinutes(nextOpening(t), minutes)]` in one search: what every business-hours
   * target asks (when the clock starts, when it runs out).
   */
  openAndAdd(t: number, minutes: number): [start: number, end: number];
  /** Business minutes in [a, b) (0 when b ≤ a). Fractional minutes are kept. */
  minutesBetween(a: number, b: number): number;
  /** The open intervals intersecting [from, to), clipped to it — for timelines and explanations. */
  openIntervals(from: number, to: number): Array<[number, number]>;
}
