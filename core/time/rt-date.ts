import { weekdayOf } from './wall-time';

/**
 * Request Tracker's DefaultFormat ("Sun Nov 15 02:30:00 2026"), as its lists, ticket pages and
 * spreadsheet export write times, read without luxon or Date objects: a long list or export reads
 * one per row.
 */

const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const RT_DATE = /^([a-z]{3}) ([a-z]{3}) {1,2}(\d{1,2}) (\d{2}):(\d{2}):(\d{2}) (\d{4})$/i;
const DAY_MS = 86_400_000;

/**
 * The wall time RT's text shows (written as if it were UTC; the zone is the site's), or undefined
 * for anything that is not a real date with its own weekday.
 */
export function rtWallTime(text: string): number | undefined {
  const match = RT_DATE.exec(text);
  if (!match) return undefined;
  const weekday = WEEKDAYS.indexOf((match[1] as string).toLowerCase());
  const month = MONTHS.indexOf((match[2] as string).toLowerCase());
  const day = Number(match[3]);
  const hour = Number(match[4]);
  const minute = Number(match[5]);
  const second = Number(match[6]);
  const year = Number(match[7]);
  if (weekday < 0 || month < 0 || year < 100 || hour > 23 || minute > 59 || second > 59) return undefined;
  // Day numbers from Date.UTC (a number, no Date object); Feb 30 is past the month's last day.
  const days = Date.UTC(year, month, 1) / DAY_MS + day - 1;
  if (day < 1 || days >= Date.UTC(year, month + 1, 1) / DAY_MS) return undefined;
  // The core's ISO weekday (7 = Sunday) against RT's, counted from Sunday.
  if (weekdayOf(days) % 7 !== weekday) return undefined;
  return days * DAY_MS + ((hour * 60 + minute) * 60 + second) * 1000;
}
