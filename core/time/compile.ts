import { LazyBusinessCalendar } from './business-calendar.ts';
import type { BusinessCalendar, CalendarSpec } from './types.ts';
import { parseIsoDate } from './wall-time.ts';
import { parseWeekly } from './weekly-stretches.ts';
import { clockFor } from './zone-clock.ts';

/** Compiled calendars by content; bounded so edited settings cannot grow it without limit. */
const cache = new Map<string, BusinessCalendar>();
const CACHE_SIZE = 64;

/**
 * Compiles a calendar spec (validating it; throws an Error naming the bad field). The same content
 * — even in a different object, or with holidays in another order — returns the same compiled
 * calendar, so callers may compile on every evaluation.
 */
export function compileCalendar(spec: CalendarSpec): BusinessCalendar {
  const key = cacheKey(spec);
  const hit = cache.get(key);
  if (hit) {
    // Refresh its place: the map's insertion order is the eviction order.
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  let calendar: BusinessCalendar;
  try {
    const holidays = [...new Set(spec.holidays.map(parseIsoDate))].sort((a, b) => a - b);
    calendar = new LazyBusinessCalendar(freeze(spec), clockFor(spec.timeZone), parseWeekly(spec.weekly), holidays);
  } catch (error) {
    throw new Error(`calendar "${spec.id}": ${(error as Error).message}`);
  }
  cache.set(key, calendar);
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  return calendar;
}

function cacheKey(spec: CalendarSpec): string {
  const weekly = spec.weekly.map(({ from, to }) => [from.day, from.time, to.day, to.time]);
  return JSON.stringify([spec.id, spec.name, spec.timeZone, weekly, [...new Set(spec.holidays)].sort()]);
}

/** A private, frozen copy: later edits to the caller's object must not change a cached calendar. */
function freeze(spec: CalendarSpec): CalendarSpec {
  return Object.freeze({
    id: spec.id,
    name: spec.name,
    timeZone: spec.timeZone,
    weekly: Object.freeze(
      spec.weekly.map(({ from, to }) => Object.freeze({ from: Object.freeze({ ...from }), to: Object.freeze({ ...to }) })),
    ) as CalendarSpec['weekly'],
    holidays: Object.freeze([...spec.holidays]) as string[],
  });
}
