import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, test } from 'vitest';
import { compileCalendar } from '../../../core/time/index.ts';
import type { CalendarSpec, Weekday, WeeklyInterval } from '../../../core/time/index.ts';
import { dayIntervals, refAddMinutes, refIsOpen, refMinutesBetween, refNextOpening } from './reference.ts';

/**
 * The engine against the day-by-day reference (reference.ts) on random calendars: zones with and
 * without DST (including half-hour DST, midnight changes and negative DST), random weekly
 * stretches (many spanning days, some ending at "24:00"), random holidays near the instants asked
 * about, instants over 2019–2030 biased towards the DST seasons and towards exact openings/closings.
 */

const ZONES = [
  'America/Los_Angeles', 'America/New_York', 'America/Phoenix', 'America/St_Johns', 'America/Santiago',
  'America/Sao_Paulo', 'Europe/London', 'Europe/Berlin', 'Europe/Dublin', 'Africa/Casablanca', 'Asia/Tehran',
  'Asia/Kolkata', 'Asia/Kathmandu', 'Asia/Tokyo', 'Asia/Seoul', 'Asia/Shanghai', 'Australia/Sydney',
  'Australia/Lord_Howe', 'Pacific/Chatham', 'UTC',
];
const WEEK = 7 * 1440;
const NUM_RUNS = 100;

const hhmm = (minute: number) => `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;

/** A stretch from `start` (minute of the week) lasting `quarters` quarter-hours, written as the contract allows. */
const stretchOf = (start: fc.Arbitrary<number>, quarters: fc.Arbitrary<number>) =>
  fc
  .record({ start, quarters, endAs2400: fc.boolean() })
  .map(({ start, quarters, endAs2400 }): WeeklyInterval => {
    const end = (start + quarters * 15) % WEEK;
    const fromDay = (Math.floor(start / 1440) + 1) as Weekday;
    let toDay = Math.floor(end / 1440) + 1;
    let toMinute = end % 1440;
    if (toMinute === 0 && endAs2400) {
      toDay = toDay === 1 ? 7 : toDay - 1;
      toMinute = 1440;
    }
    return { from: { day: fromDay, time: hhmm(start % 1440) }, to: { day: toDay as Weekday, time: hhmm(toMinute) } };
  })
  // The contract: `to` on the same weekday must be later (a stretch never wraps a whole week).
  .filter(({ from, to }) => from.day !== to.day || to.time > from.time);

/** Anywhere in the week, 15 min … ~7 days long. */
const stretch = stretchOf(
  fc.integer({ min: 0, max: WEEK / 15 - 1 }).map((q) => q * 15),
  fc.oneof(fc.integer({ min: 1, max: 48 }), fc.integer({ min: 1, max: WEEK / 15 - 1 })),
);

const YEARS = { min: Date.UTC(2019, 0, 1), max: Date.UTC(2030, 11, 31) };
/** Instants over 2019–2030, half of them in the spring and autumn DST seasons, some with stray milliseconds. */
const instant = fc
  .tuple(
    fc.oneof(
      fc.integer({ min: YEARS.min / 60_000, max: YEARS.max / 60_000 }).map((m) => m * 60_000),
      fc
        .record({ year: fc.integer({ min: 2019, max: 2030 }), month: fc.constantFrom(2, 8), minute: fc.integer({ min: 0, max: 75 * 1440 }) })
        .map(({ year, month, minute }) => Date.UTC(year, month, 1) + minute * 60_000),
    ),
    fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 59_999 })),
  )
  .map(([t, ms]) => t + ms);

function scenarioOf(zones: fc.Arbitrary<string>, weekly: fc.Arbitrary<WeeklyInterval[]>, instants: fc.Arbitrary<number>) {
  return fc
  .record({
    timeZone: zones,
    weekly,
    holidayOffsets: fc.uniqueArray(fc.integer({ min: -3, max: 40 }), { maxLength: 6 }),
    t: instants,
    /** 0: t as drawn; 1/2: t moved to the next opening/closing of its local day (exact boundaries). */
    snap: fc.constantFrom(0, 0, 1, 2),
    fraction: fc.double({ min: 0, max: 1, noNaN: true }),
    span: fc.integer({ min: 0, max: 40 * 1440 }),
  })
  .map(({ timeZone, weekly, holidayOffsets, t, snap, fraction, span }) => {
    const localDay = DateTime.fromMillis(t, { zone: timeZone });
    const date = DateTime.utc(localDay.year, localDay.month, localDay.day);
    const holidays = holidayOffsets.map((d) => date.plus({ days: d }).toISODate() as string);
    const spec: CalendarSpec = { id: 'random', name: 'random', timeZone, weekly, holidays };
    if (snap > 0) {
      const boundaries = dayIntervals(spec, date).flat().filter((_, i) => i % 2 === snap - 1);
      t = boundaries.find((b) => b >= t) ?? t;
    }
    // Budgets up to ~6 weeks of this schedule's open time keep the reference walk short.
    const weeklyMinutes = weekly.reduce((sum, s) => sum + weekLength(s), 0);
    const minutes = Math.round(fraction * weeklyMinutes * 6);
    return { spec, t, minutes, b: t + span * 60_000 };
  });
}

const general = scenarioOf(fc.constantFrom(...ZONES), fc.array(stretch, { minLength: 1, maxLength: 4 }), instant);

/** Local dates in `year` on which the zone's UTC offset changes (cached: luxon is slow). */
const changeCache = new Map<string, DateTime[]>();
function changeDays(zone: string, year: number): DateTime[] {
  const key = `${zone} ${year}`;
  let days = changeCache.get(key);
  if (!days) {
    days = [];
    const offsetAt = (d: DateTime) => DateTime.fromObject({ year: d.year, month: d.month, day: d.day, hour: 12 }, { zone }).offset;
    // Weekly samples, then day by day inside a week whose offset changed.
    for (let week = DateTime.utc(year, 1, 1); week.year === year; week = week.plus({ days: 7 })) {
      if (offsetAt(week) === offsetAt(week.plus({ days: 7 }))) continue;
      for (let d = week.plus({ days: 1 }); d <= week.plus({ days: 7 }); d = d.plus({ days: 1 })) {
        if (d.year === year && offsetAt(d) !== offsetAt(d.minus({ days: 1 }))) days.push(d);
      }
    }
    changeCache.set(key, days);
  }
  return days;
}

/**
 * Stretches that open or close in the small hours (where DST changes happen), in DST zones, with
 * instants in the days just before a change: exercises nonexistent and ambiguous wall times.
 */
const DST_ZONES = ZONES.filter((zone) => changeDays(zone, 2019).length > 0);
const nearChange = fc
  .record({ zone: fc.constantFrom(...DST_ZONES), year: fc.integer({ min: 2019, max: 2030 }), pick: fc.nat(), before: fc.integer({ min: 0, max: 4 * 1440 }) })
  .chain(({ zone, year, pick, before }) => {
    const days = changeDays(zone, year);
    const change = days[pick % Math.max(days.length, 1)] ?? DateTime.utc(year, 3, 1);
    const changeWeekday = change.weekday;
    const smallHours = fc.oneof(fc.integer({ min: 0, max: 15 }), fc.integer({ min: 88, max: 95 })).map((q) => q * 15);
    const day = fc.oneof(fc.constant(changeWeekday), fc.integer({ min: 1, max: 7 }));
    const start = fc.tuple(day, smallHours).map(([d, m]) => (d - 1) * 1440 + m);
    const weekly = fc.array(stretchOf(start, fc.integer({ min: 1, max: 24 })), { minLength: 1, maxLength: 4 });
    const t = DateTime.fromObject({ year: change.year, month: change.month, day: change.day }, { zone }).toMillis() - before * 60_000;
    return scenarioOf(fc.constant(zone), weekly, fc.constant(t));
  });


function weekLength({ from, to }: WeeklyInterval): number {
  const at = (day: number, time: string) => (day - 1) * 1440 + Number(time.slice(0, 2)) * 60 + Number(time.slice(3));
  const length = at(to.day, to.time) - at(from.day, from.time);
  return length > 0 ? length : length + WEEK;
}

const show = (t: number, spec: CalendarSpec) => DateTime.fromMillis(t, { zone: spec.timeZone }).toISO();

// Generous per-test timeout: the reference is slow by design and the machine may be busy.
describe('engine = day-by-day reference on random calendars (2019–2030)', { timeout: 60_000 }, () => {
  test('addMinutes', () => {
    fc.assert(
      fc.property(general, ({ spec, t, minutes }) => {
        const cal = compileCalendar(spec);
        expect(show(cal.addMinutes(t, minutes), spec)).toBe(show(refAddMinutes(spec, t, minutes), spec));
      }),
      { numRuns: NUM_RUNS },
    );
  });

  test('minutesBetween', () => {
    fc.assert(
      fc.property(general, ({ spec, t, b }) => {
        expect(compileCalendar(spec).minutesBetween(t, b)).toBeCloseTo(refMinutesBetween(spec, t, b), 6);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  test('isOpen and nextOpening', () => {
    fc.assert(
      fc.property(general, ({ spec, t }) => {
        const cal = compileCalendar(spec);
        expect(cal.isOpen(t)).toBe(refIsOpen(spec, t));
        expect(show(cal.nextOpening(t), spec)).toBe(show(refNextOpening(spec, t), spec));
      }),
      { numRuns: NUM_RUNS },
    );
  });

  test('openAndAdd: when the clock starts and when its minutes run out, in one search', () => {
    fc.assert(
      fc.property(fc.oneof(general, nearChange), ({ spec, t, minutes }) => {
        const [start, end] = compileCalendar(spec).openAndAdd(t, minutes);
        const opening = refNextOpening(spec, t);
        expect([show(start, spec), show(end, spec)]).toEqual([show(opening, spec), show(refAddMinutes(spec, opening, minutes), spec)]);
      }),
      { numRuns: NUM_RUNS * 2 },
    );
  });

  test('all four operations around DST changes', () => {
    fc.assert(
      fc.property(nearChange, ({ spec, t, minutes, b }) => {
        const cal = compileCalendar(spec);
        expect(show(cal.addMinutes(t, minutes), spec)).toBe(show(refAddMinutes(spec, t, minutes), spec));
        expect(cal.minutesBetween(t, b)).toBeCloseTo(refMinutesBetween(spec, t, b), 6);
        expect(cal.isOpen(t)).toBe(refIsOpen(spec, t));
        expect(show(cal.nextOpening(t), spec)).toBe(show(refNextOpening(spec, t), spec));
      }),
      { numRuns: 80 },
    );
  });

  test('round trip: minutesBetween(t, addMinutes(t, m)) = m, also for fractional m', () => {
    fc.assert(
      fc.property(general, fc.integer({ min: 0, max: 7 }), ({ spec, t, minutes }, eighths) => {
        const cal = compileCalendar(spec);
        const m = minutes + eighths / 8;
        expect(cal.minutesBetween(t, cal.addMinutes(t, m))).toBe(m);
      }),
      { numRuns: NUM_RUNS * 2 },
    );
  });
});
