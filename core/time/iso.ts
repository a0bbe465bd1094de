/**
 * ISO 8601 text for instants, written by hand: V8's `Date#toISOString` costs several times more
 * than this (a builtin that goes through the engine's date cache), and the overlay writes three
 * such strings for each row of a 500-ticket list in the task the page is waiting on. Output is
 * exactly `toISOString`'s (the ticker compares deadlines as strings).
 */

const DAY_MS = 86_400_000;
/** 0000-01-01T00:00:00Z and 10000-01-01T00:00:00Z: four-digit years; others (and NaN) are left to Date. */
const FIRST = -62_167_219_200_000;
const END = 253_402_300_800_000;

export interface CivilDate {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
}

/** The proleptic Gregorian date of a day number (days since 1970-01-01): H. Hinnant's civil_from_days. */
export function civilFromDays(days: number): CivilDate {
  const shifted = days + 719_468;
  const era = Math.floor(shifted / 146_097);
  const dayOfEra = shifted - era * 146_097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  // Months counted from March, so that February (and its leap day) comes last.
  const fromMarch = Math.floor((5 * dayOfYear + 2) / 153);
  const month = fromMarch < 10 ? fromMarch + 3 : fromMarch - 9;
  return {
    year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0),
    month,
    day: dayOfYear - Math.floor((153 * fromMarch + 2) / 5) + 1,
  };
}

/** "00" … "99": the two-digit fields come from a table, so writing one allocates nothing. */
const TWO = Array.from({ length: 100 }, (_, n) => String(n).padStart(2, '0'));

/**
 * "yyyy-MM-ddT" by day number: a list's dates fall on a few days, so each day is written once. Room
 * for 22 years of days, so a report over years of tickets does not keep clearing it.
 */
const dayPrefixes = new Map<number, string>();
const DAYS_KEPT = 8192;

function dayPrefix(days: number): string {
  let prefix = dayPrefixes.get(days);
  if (prefix === undefined) {
    const { year, month, day } = civilFromDays(days);
    prefix = `${String(year).padStart(4, '0')}-${TWO[month]}-${TWO[day]}T`;
    if (dayPrefixes.size >= DAYS_KEPT) dayPrefixes.clear();
    dayPrefixes.set(days, prefix);
  }
  return prefix;
}

/** "HH:mm:" by minute of the day, written when first needed (a filled array, so it stays a packed one). */
const minutePrefixes: Array<string | undefined> = new Array(1440).fill(undefined);

function minutePrefix(minute: number): string {
  let prefix = minutePrefixes[minute];
  if (prefix === undefined) {
    prefix = `${TWO[Math.floor(minute / 60)]}:${TWO[minute % 60]}:`;
    minutePrefixes[minute] = prefix;
  }
  return prefix;
}

/** "yyyy-MM-ddTHH:mm:ss.SSS" of `ms` read as UTC, for a four-digit year. */
function utcFields(ms: number): string {
  const days = Math.floor(ms / DAY_MS);
  const time = ms - days * DAY_MS;
  const seconds = Math.floor(time / 1000);
  const millis = time % 1000;
  const fraction = millis === 0 ? '000' : String(millis).padStart(3, '0');
  return `${dayPrefix(days)}${minutePrefix(Math.floor(seconds / 60))}${TWO[seconds % 60]}.${fraction}`;
}

/** `new Date(ms).toISOString()`, faster. Throws the same RangeError for an invalid time. */
export function isoUtc(ms: number): string {
  return ms >= FIRST && ms < END && Number.isInteger(ms) ? `${utcFields(ms)}Z` : new Date(ms).toISOString();
}

/** The instant `ms` as ISO 8601 local time at `offsetMinutes` from UTC: "2026-11-15T02:30:00.000+09:00". */
export function isoAtOffset(ms: number, offsetMinutes: number): string {
  const wall = ms + offsetMinutes * 60_000;
  const fields = wall >= FIRST && wall < END && Number.isInteger(wall) ? utcFields(wall) : new Date(wall).toISOString().slice(0, -1);
  const size = Math.abs(offsetMinutes);
  return `${fields}${offsetMinutes < 0 ? '-' : '+'}${TWO[Math.floor(size / 60)]}:${TWO[size % 60]}`;
}
