import type { Interval } from './interval-set.ts';
import type { WeeklyInterval } from './types.ts';
import { instantOf, parseWallTime, weekdayOf } from './wall-time.ts';
import type { ZoneClock } from './zone-clock.ts';

/** A weekly stretch in numbers: it opens on weekday `day` at `openMinute` and closes `days` later at `closeMinute`. */
export interface Stretch {
  day: number;
  openMinute: number;
  days: number;
  closeMinute: number;
}

/**
 * Stretches opening this many days before a range can still reach into it: at most 7 days (6 days
 * later at 24:00), plus a day's margin for DST.
 */
export const REACH_DAYS = 8;

/**
 * Validates and normalises the weekly schedule. `to` on a later weekday spans days (Sun 17:00 →
 * Fri 17:00); `to` on the same weekday with an earlier or equal time would wrap a whole week, which
 * the contract rules out, so it is rejected rather than guessed at.
 */
export function parseWeekly(weekly: readonly WeeklyInterval[]): Stretch[] {
  return weekly.map(({ from, to }, i) => {
    for (const day of [from.day, to.day]) {
      if (!Number.isInteger(day) || day < 1 || day > 7) {
        throw new Error(`weekly[${i}]: weekday ${day} is not 1 (Monday) … 7 (Sunday)`);
      }
    }
    const openMinute = parseWallTime(from.time);
    const closeMinute = parseWallTime(to.time);
    const days = (to.day - from.day + 7) % 7;
    if (days === 0 && closeMinute <= openMinute) {
      throw new Error(`weekly[${i}]: ${from.time} → ${to.time} on the same weekday would cover a whole week or more`);
    }
    return { day: from.day, openMinute, days, closeMinute };
  });
}

/**
 * The stretches opening on local days [firstDay, endDay) as UTC [open, close) pairs, unsorted.
 * Each end is resolved in the zone on its own date, so a stretch crossing a DST change is an hour
 * shorter or longer in real time.
 */
export function stretchInstants(clock: ZoneClock, stretches: readonly Stretch[], firstDay: number, endDay: number): Interval[] {
  const out: Interval[] = [];
  for (let dayNumber = firstDay; dayNumber < endDay; dayNumber++) {
    const weekday = weekdayOf(dayNumber);
    for (const s of stretches) {
      if (s.day !== weekday) continue;
      const open = instantOf(clock, dayNumber, s.openMinute);
      const close = instantOf(clock, dayNumber + s.days, s.closeMinute);
      if (close > open) out.push([open, close]);
    }
  }
  return out;
}
