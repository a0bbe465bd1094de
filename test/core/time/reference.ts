import { DateTime } from 'luxon';
import type { CalendarSpec } from '../../../core/time/types.ts';

/**
 * A deliberately simple business-time model for checking the engine: no tables, no merging across
 * days, no binary search. It walks local days one by one; each day's open intervals come from the
 * weekly schedule laid out in "minutes of the week" and intersected with that day, resolved to
 * instants with luxon on that date. Holidays simply skip the day. Slow, but obviously right.
 */

const WEEK = 7 * 1440;
const MINUTE_MS = 60_000;
/** Walks give up after this many days (the properties never need that many). */
const MAX_DAYS = 20_000;

type Day = DateTime; // a UTC midnight standing for a local calendar date

function wallMinutes(time: string): number {
  const [h, m] = time.split(':').map(Number);
  return (h as number) * 60 + (m as number);
}

/**
 * The instant of `minute` (0–1440) minutes after local midnight on `day`; 1440 is the next day's
 * 00:00. luxon shifts a nonexistent time past the gap; an ambiguous time is taken at its first
 * occurrence (luxon's own pick depends on today's date), found by looking back up to 3 hours.
 */
function instant(spec: CalendarSpec, day: Day, minute: number): number {
  const date = minute === 1440 ? day.plus({ days: 1 }) : day;
  const m = minute % 1440;
  const wall = { year: date.year, month: date.month, day: date.day, hour: Math.floor(m / 60), minute: m % 60 };
  const guess = DateTime.fromObject(wall, { zone: spec.timeZone }).toMillis();
  const shows = (t: number) => {
    const local = DateTime.fromMillis(t, { zone: spec.timeZone });
    return local.day === wall.day && local.hour === wall.hour && local.minute === wall.minute;
  };
  // Only around an offset change can a wall time occur twice.
  if (DateTime.fromMillis(guess - 180 * MINUTE_MS, { zone: spec.timeZone }).offset === DateTime.fromMillis(guess, { zone: spec.timeZone }).offset) {
    return guess;
  }
  for (let back = 180; back > 0; back -= 15) {
    if (shows(guess - back * MINUTE_MS)) return guess - back * MINUTE_MS;
  }
  return guess;
}

/** The open [open, close) instants of one local day, sorted and merged. */
export function dayIntervals(spec: CalendarSpec, day: Day): Array<[number, number]> {
  if (spec.holidays.includes(day.toISODate() as string)) return [];
  const dayStart = (day.weekday - 1) * 1440;
  const pieces: Array<[number, number]> = [];
  for (const { from, to } of spec.weekly) {
    const open = (from.day - 1) * 1440 + wallMinutes(from.time);
    let close = (to.day - 1) * 1440 + wallMinutes(to.time);
    if (close <= open) close += WEEK;
    for (const shift of [-WEEK, 0, WEEK]) {
      const a = Math.max(open + shift, dayStart);
      const b = Math.min(close + shift, dayStart + 1440);
      if (b > a) pieces.push([a - dayStart, b - dayStart]);
    }
  }
  // Sort by instant, not wall time: a wall time in a DST gap moves forward past later wall times.
  const instants = pieces
    .map(([a, b]): [number, number] => [instant(spec, day, a), instant(spec, day, b)])
    .filter(([o, c]) => c > o)
    .sort((x, y) => x[0] - y[0]);
  const out: Array<[number, number]> = [];
  for (const [o, c] of instants) {
    const last = out[out.length - 1];
    if (last && o <= last[1]) last[1] = Math.max(last[1], c);
    else out.push([o, c]);
  }
  return out;
}

/** The local day containing t, minus one: a safe place to start walking. */
function startDay(spec: CalendarSpec, t: number): Day {
  const local = DateTime.fromMillis(t, { zone: spec.timeZone });
  return DateTime.utc(local.year, local.month, local.day).minus({ days: 1 });
}

function* days(spec: CalendarSpec, t: number): Generator<Array<[number, number]>> {
  let day = startDay(spec, t);
  for (let i = 0; i < MAX_DAYS; i++, day = day.plus({ days: 1 })) yield dayIntervals(spec, day);
  throw new Error('reference: walked too far');
}

export function refIsOpen(spec: CalendarSpec, t: number): boolean {
  let i = 0;
  for (const intervals of days(spec, t)) {
    if (intervals.some(([o, c]) => o <= t && t < c)) return true;
    if (++i === 3) return false;
  }
  return false;
}

export function refNextOpening(spec: CalendarSpec, t: number): number {
  for (const intervals of days(spec, t)) {
    for (const [o, c] of intervals) if (c > t) return Math.max(o, t);
  }
  throw new Error('unreachable');
}

export function refAddMinutes(spec: CalendarSpec, t: number, minutes: number): number {
  let remaining = minutes * MINUTE_MS;
  if (remaining === 0) return t;
  for (const intervals of days(spec, t)) {
    for (const [o, c] of intervals) {
      if (c <= t) continue;
      const start = Math.max(o, t);
      if (remaining <= c - start) return start + remaining;
      remaining -= c - start;
    }
  }
  throw new Error('unreachable');
}

export function refMinutesBetween(spec: CalendarSpec, a: number, b: number): number {
  let sum = 0;
  // Walk until a day starts after b (with one day's margin for the day-start resolution).
  for (let day = startDay(spec, a); instant(spec, day, 0) <= b + 86_400_000; day = day.plus({ days: 1 })) {
    for (const [o, c] of dayIntervals(spec, day)) sum += Math.max(0, Math.min(c, b) - Math.max(o, a));
  }
  return sum / MINUTE_MS;
}
