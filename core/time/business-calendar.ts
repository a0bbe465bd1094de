import { clip, type Interval, normalize, subtract } from './interval-set.ts';
import { IntervalTable } from './interval-table.ts';
import type { BusinessCalendar, CalendarSpec } from './types.ts';
import { firstDayOfYear, instantOf } from './wall-time.ts';
import { REACH_DAYS, type Stretch, stretchInstants } from './weekly-stretches.ts';
import type { ZoneClock } from './zone-clock.ts';

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
/** Runaway guard: tables never reach outside these years (luxon and Date stay exact well within). */
const FIRST_YEAR = 1000;
const END_YEAR = 10_000;
/** How many years one extension adds at most when the need is unknown. */
const MAX_GROWTH_YEARS = 16;

/**
 * A calendar whose UTC table is compiled lazily, by whole local years, around the instants asked
 * about, and rebuilt larger when a question reaches past it. Rebuilding from scratch (rather than
 * splicing) keeps merging and the prefix sums trivially right; growth is geometric, so it is rare.
 */
export class LazyBusinessCalendar implements BusinessCalendar {
  private table: IntervalTable | undefined;
  private firstYear = 0;
  private endYear = 0;

  constructor(
    readonly spec: CalendarSpec,
    private readonly clock: ZoneClock,
    private readonly stretches: readonly Stretch[],
    /** Holidays as sorted day numbers (days since 1970-01-01 in the calendar's zone). */
    private readonly holidays: readonly number[],
  ) {}

  isOpen(t: number): boolean {
    return this.cover(t, t).isOpen(t);
  }

  nextOpening(t: number): number {
    this.assertEverOpen();
    let table = this.cover(t, t);
    let next = table.nextOpening(t);
    while (next === undefined) {
      table = this.build(this.firstYear, this.endYear + this.growth());
      next = table.nextOpening(t);
    }
    return next;
  }

  addMinutes(t: number, minutes: number): number {
    if (!Number.isFinite(minutes) || minutes < 0) {
      throw new RangeError(`addMinutes: minutes must be a finite number ≥ 0, got ${minutes}`);
    }
    let table = this.cover(t, t);
    if (minutes === 0) return t;
    this.assertEverOpen();
    let i = table.locate(t);
    const target = table.elapsed(t, i) + minutes * MINUTE_MS;
    while (target > table.total) {
      // Extending forward keeps lo, so `target` stays valid; estimate the years still needed.
      const perYear = table.total / (this.endYear - this.firstYear);
      const years = perYear > 0 ? Math.ceil((target - table.total) / perYear) + 1 : this.growth();
      table = this.build(this.firstYear, this.endYear + years);
      i = table.locate(t);
    }
    return table.instantAtElapsed(target, i);
  }

  openAndAdd(t: number, minutes: number): [start: number, end: number] {
    this.assertEverOpen();
    const table = this.cover(t, t);
    let i = table.locate(t);
    let start = t;
    if (i < 0 || t >= (table.closes[i] as number)) {
      i++;
      start = table.opens[i] as number;
    }
    // Past the table's end or its total (rare: a long target late in the compiled years): grow it the usual way.
    const target = start === undefined ? Number.POSITIVE_INFINITY : table.elapsed(start, i) + minutes * MINUTE_MS;
    if (!(minutes > 0 && target <= table.total)) {
      const opening = this.nextOpening(t);
      return [opening, this.addMinutes(opening, minutes)];
    }
    return [start, table.instantAtElapsed(target, i)];
  }

  minutesBetween(a: number, b: number): number {
    if (!(b > a)) return 0;
    const table = this.cover(a, b);
    return (table.elapsed(b) - table.elapsed(a)) / MINUTE_MS;
  }

  openIntervals(from: number, to: number): Array<[number, number]> {
    if (!(to > from)) return [];
    return this.cover(from, to).slice(from, to);
  }

  /** A table exact over an interval containing [from, to] (both ends included). */
  private cover(from: number, to: number): IntervalTable {
    const table = this.table;
    // The hot path: two comparisons (NaN fails them and is caught below).
    if (table !== undefined && table.lo <= from && to < table.hi) return table;
    for (const t of [from, to]) {
      if (!Number.isFinite(t)) throw new RangeError(`calendar "${this.spec.id}": instant ${t} is not a finite epoch-ms number`);
    }
    // Local clocks are at most ~26 h off UTC, so the local years of [from, to] lie within the UTC
    // years of [from − 2 days, to + 2 days]: one year to compile for most questions, not three
    // (compiling is most of the first question's cost, per calendar, on every page load).
    const fromYear = new Date(from - 2 * DAY_MS).getUTCFullYear();
    const toYear = new Date(to + 2 * DAY_MS).getUTCFullYear() + 1;
    if (!table) return this.build(fromYear, toYear);
    const grow = this.growth();
    return this.build(
      from < table.lo ? Math.min(fromYear, this.firstYear - grow) : this.firstYear,
      to >= table.hi ? Math.max(toYear, this.endYear + grow) : this.endYear,
    );
  }

  private growth(): number {
    return Math.min(this.endYear - this.firstYear, MAX_GROWTH_YEARS);
  }

  /** Compiles local years [firstYear, endYear) into the table. */
  private build(firstYear: number, endYear: number): IntervalTable {
    if (firstYear < FIRST_YEAR || endYear > END_YEAR) {
      throw new RangeError(
        `calendar "${this.spec.id}": the answer lies outside the years ${FIRST_YEAR}–${END_YEAR - 1} (is the calendar closed for good?)`,
      );
    }
    const firstDay = firstDayOfYear(firstYear);
    const endDay = firstDayOfYear(endYear);
    const lo = instantOf(this.clock, firstDay, 0);
    const hi = instantOf(this.clock, endDay, 0);
    const open = normalize(stretchInstants(this.clock, this.stretches, firstDay - REACH_DAYS, endDay));
    const closedDays: Interval[] = this.holidays
      .filter((day) => day >= firstDay && day < endDay)
      .map((day) => [instantOf(this.clock, day, 0), instantOf(this.clock, day + 1, 0)]);
    this.table = new IntervalTable(lo, hi, subtract(clip(open, lo, hi), normalize(closedDays)));
    this.firstYear = firstYear;
    this.endYear = endYear;
    return this.table;
  }

  /** Without this, asking a never-open calendar for its next opening would search until the runaway guard. */
  private assertEverOpen(): void {
    if (this.stretches.length === 0) {
      throw new Error(`calendar "${this.spec.id}" is never open: its weekly schedule has no opening stretch`);
    }
  }
}
