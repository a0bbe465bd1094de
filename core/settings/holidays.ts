import Holidays from 'date-holidays';
import ICAL from 'ical.js';
import { DateTime } from 'luxon';
import type { HolidayCalendar } from './schema';

/**
 * Holiday lists from an `.ics` file or a country's public holidays, as a HolidayCalendar that
 * closes one policy calendar. A holiday closes whole days, so only all-day events count.
 */

export interface YearRange {
  /** First and last year (inclusive) that recurring events and country rules are expanded over. */
  from: number;
  to: number;
}

export type HolidayImport = { ok: true; calendar: HolidayCalendar; skipped: string[] } | { ok: false; error: string };

type Day = { date: string; name: string };

function finish(name: string, calendar: string, days: Day[]): HolidayCalendar {
  const byDate = new Map<string, Day>();
  for (const day of days) if (!byDate.has(day.date)) byDate.set(day.date, day);
  return { name, calendar, dates: [...byDate.values()].sort((a, b) => a.date.localeCompare(b.date)) };
}

/** Every date from `start` until (not including) `end`, both yyyy-mm-dd. */
function* datesBetween(start: string, end: string) {
  let day = DateTime.fromISO(start, { zone: 'utc' });
  const stop = DateTime.fromISO(end, { zone: 'utc' });
  if (stop <= day) {
    yield start;
    return;
  }
  for (; day < stop; day = day.plus({ days: 1 })) yield day.toISODate() as string;
}

/** VEVENTs of an iCalendar file: all-day dates within the range, yearly (any) rules expanded. */
export function holidaysFromIcs(text: string, options: { name: string; calendar: string; years: YearRange }): HolidayImport {
  let root: ICAL.Component;
  try {
    root = new ICAL.Component(ICAL.parse(text) as unknown[]);
  } catch (err) {
    return { ok: false, error: `not an iCalendar file: ${(err as Error).message}` };
  }
  const events = root.getAllSubcomponents('vevent');
  if (events.length === 0) return { ok: false, error: 'the file has no events (VEVENT)' };
  const inRange = (date: string) => {
    const year = Number(date.slice(0, 4));
    return year >= options.years.from && year <= options.years.to;
  };
  const days: Day[] = [];
  const skipped: string[] = [];
  for (const vevent of events) {
    const event = new ICAL.Event(vevent);
    const summary = event.summary ?? '';
    if (!event.startDate?.isDate) {
      skipped.push(`${summary || 'an event'}: has a time of day, not a whole day`);
      continue;
    }
    const add = (start: ICAL.Time, end: ICAL.Time) => {
      for (const date of datesBetween(start.toString(), end.toString())) if (inRange(date)) days.push({ date, name: summary });
    };
    if (!event.isRecurring()) {
      add(event.startDate, event.endDate);
      continue;
    }
    const it = event.iterator();
    for (let next = it.next(); next; next = it.next()) {
      if (next.year > options.years.to) break;
      const { startDate, endDate } = event.getOccurrenceDetails(next);
      add(startDate, endDate);
    }
  }
  return { ok: true, calendar: finish(options.name, options.calendar, days), skipped };
}

/**
 * A country's (optionally a state's) public holidays from date-holidays, e.g. ("DE") or ("DE", "BY").
 * Observances and optional days do not close a support desk and are left out.
 */
export function holidaysFromCountry(options: {
  country: string;
  state?: string;
  calendar: string;
  years: YearRange;
  language?: string;
  name?: string;
}): HolidayImport {
  const hd = new Holidays();
  const country = options.country.toUpperCase();
  const state = options.state?.toUpperCase();
  // init() accepts unknown codes silently, so check the country and state lists first.
  const known = country in hd.getCountries() && (!state || state in (hd.getStates(country) ?? {}));
  if (!known) return { ok: false, error: `date-holidays has no data for "${[options.country, options.state].filter(Boolean).join('-')}"` };
  const opts = { languages: options.language ? [options.language] : undefined };
  if (state) hd.init(country, state, opts);
  else hd.init(country, opts);
  const days: Day[] = [];
  for (let year = options.years.from; year <= options.years.to; year++) {
    for (const holiday of hd.getHolidays(year)) {
      if (holiday.type === 'public') days.push({ date: holiday.date.slice(0, 10), name: holiday.name });
    }
  }
  const where = [country, state].filter(Boolean).join('-');
  const name = options.name ?? `${where} public holidays ${options.years.from}–${options.years.to}`;
  return { ok: true, calendar: finish(name, options.calendar, days), skipped: [] };
}
