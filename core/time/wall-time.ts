import type { ZoneClock } from './zone-clock.ts';

/**
 * Local calendar dates are "day numbers" (days since 1970-01-01), counted as if in UTC so that date
 * arithmetic never meets DST; only instantOf() brings the zone in.
 */

const DAY_MS = 86_400_000;
const WALL = /^(?:([01]\d|2[0-3]):([0-5]\d)|24:00)$/;

/** "HH:mm" → minutes after local midnight; "24:00" → 1440 (the next day's midnight). */
export function parseWallTime(time: string): number {
  const match = WALL.exec(time);
  if (!match) throw new Error(`invalid wall time "${time}": expected "HH:mm" (00:00–23:59, or 24:00)`);
  return match[1] === undefined ? 1440 : Number(match[1]) * 60 + Number(match[2]);
}

/** Parses "yyyy-mm-dd" strictly (rejects 2019-02-30) into a day number (days since 1970-01-01). */
export function parseIsoDate(date: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const dayNumber = match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / DAY_MS : Number.NaN;
  // Date.UTC rolls 2019-02-30 over into March; the day of month gives that away.
  if (!match || new Date(dayNumber * DAY_MS).getUTCDate() !== Number(match[3])) {
    throw new Error(`invalid holiday "${date}": expected an existing date "yyyy-mm-dd"`);
  }
  return dayNumber;
}

/** The day number of 1 January of `year`. */
export function firstDayOfYear(year: number): number {
  return Date.UTC(year, 0, 1) / DAY_MS;
}

/** ISO weekday (1 = Monday … 7 = Sunday) of a day number. */
export function weekdayOf(dayNumber: number): number {
  // 1970-01-01 was a Thursday (4).
  return ((((dayNumber + 3) % 7) + 7) % 7) + 1;
}

/** The UTC instant of a wall time on a local date; "24:00" (1440) is the next day's 00:00. */
export function instantOf(clock: ZoneClock, dayNumber: number, minuteOfDay: number): number {
  return clock.instant(dayNumber * DAY_MS + minuteOfDay * 60_000);
}
