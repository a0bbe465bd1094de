import { DateTime, Duration } from 'luxon';
// Relative: the E2E tests (plain Node, no WXT aliases) format expected values with this module too.
import { zoneAbbreviation } from '../core';

/**
 * Dates and durations for people: Intl (through luxon) in the browser's locale, so a German or
 * Japanese browser reads its own formats without extra translation strings.
 */

export function uiLocale(): string {
  return typeof navigator !== 'undefined' && navigator.language ? navigator.language : 'en';
}

export function localZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** Weekday, date and time, as every instant in the popup and options page is written. */
const DAY_AND_TIME: Intl.DateTimeFormatOptions = {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
};

/**
 * "Mon, Nov 18, 2019, 09:00 AM JST" in the given zone: date and time in the reader's locale, the
 * zone as the abbreviation badges and explanations use (Intl alone says "GMT+9" for Tokyo in English).
 */
export function formatInstant(iso: string | number, zone: string, locale = uiLocale()): string {
  const dt = (typeof iso === 'number' ? DateTime.fromMillis(iso) : DateTime.fromISO(iso)).setZone(zone);
  const text = dt.setLocale(locale).toLocaleString(DAY_AND_TIME);
  return `${text} ${zoneAbbreviation(zone, dt.toJSDate())}`;
}

/** "2 days, 3 hr, 5 min" — whole minutes, largest units first, zero units left out. */
export function formatDuration(ms: number, locale = uiLocale()): string {
  const minutes = Math.floor(Math.abs(ms) / 60_000);
  const parts = Duration.fromObject({ minutes }).shiftTo('days', 'hours', 'minutes').toObject();
  const kept = Object.fromEntries(Object.entries(parts).filter(([, v]) => v));
  const shown = Object.keys(kept).length ? kept : { minutes: 0 };
  return Duration.fromObject(shown).reconfigure({ locale }).toHuman({ unitDisplay: 'short', listStyle: 'narrow' });
}

/** A datetime-local value ("2019-11-18T09:00") read in `zone`, as ISO with offset; null when invalid. */
export function localInputToIso(value: string, zone = localZone()): string | null {
  const dt = DateTime.fromISO(value, { zone });
  return dt.isValid ? dt.toISO({ suppressMilliseconds: true }) : null;
}

/**
 * A datetime-local value as the reader's locale writes it with a 24-hour clock ("Tue, Jun 4, 2024,
 * 16:30"): the control itself may show 12-hour times, so this says which hour was meant.
 */
export function formatLocalInput(value: string, locale = uiLocale()): string | null {
  const dt = DateTime.fromISO(value, { zone: 'UTC' });
  if (!dt.isValid) return null;
  return new Intl.DateTimeFormat(locale, {
    ...DAY_AND_TIME,
    hourCycle: 'h23',
    timeZone: 'UTC',
  }).format(dt.toJSDate());
}

/** A calendar day (yyyy-mm-dd) as the reader's locale writes it ("Jan 31, 2025", "31.01.2025"); the text when invalid. */
export function formatDay(day: string, locale = uiLocale()): string {
  const dt = DateTime.fromISO(day, { zone: 'UTC' });
  return dt.isValid ? new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(dt.toJSDate()) : day;
}

/** Now as a datetime-local value in `zone`, to the minute. */
export function nowAsLocalInput(zone = localZone(), now = Date.now()): string {
  return DateTime.fromMillis(now, { zone }).toFormat("yyyy-MM-dd'T'HH:mm");
}
