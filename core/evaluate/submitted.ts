/**
 * The submission time, checked and read in one pass: exactly the strings the schema's ISO pattern
 * (`z.iso.datetime({ offset: true, local: false })`) accepts, to the instant `Date.parse` gives
 * (a property test holds both). The pattern and Date.parse cost more than the rest of evaluateTarget()
 * together.
 */

const DAY_MS = 86_400_000;
const ZERO = 48;

/** Days before each month (1–12) in a common year. */
const DAYS_BEFORE = [0, 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];
const MONTH_DAYS = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The two digits of `text` at `at` as a number, or -1 when either is not a digit. */
function two(text: string, at: number): number {
  const tens = text.charCodeAt(at) - ZERO;
  const ones = text.charCodeAt(at + 1) - ZERO;
  return tens >= 0 && tens <= 9 && ones >= 0 && ones <= 9 ? tens * 10 + ones : -1;
}

const isLeap = (year: number) => year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);

/** Days from 1970-01-01 to the first of January of `year` (proleptic Gregorian). */
function daysBeforeYear(year: number): number {
  const y = year - 1;
  return 365 * (year - 1970) + (Math.floor(y / 4) - Math.floor(y / 100) + Math.floor(y / 400)) - 477;
}

/**
 * `text` as epoch milliseconds when it is an ISO 8601 date-time with seconds and an offset or Z
 * ("2026-11-21T10:00:00+09:00", "2019-07-01T17:00:00.5Z"), else NaN.
 */
export function parseSubmitted(text: string): number {
  const length = text.length;
  if (length < 20 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45 || text.charCodeAt(10) !== 84) return Number.NaN;
  if (text.charCodeAt(13) !== 58 || text.charCodeAt(16) !== 58) return Number.NaN;
  const century = two(text, 0);
  const yearOfCentury = two(text, 2);
  const year = century < 0 || yearOfCentury < 0 ? -1 : century * 100 + yearOfCentury;
  const month = two(text, 5);
  const day = two(text, 8);
  const hour = two(text, 11);
  const minute = two(text, 14);
  const second = two(text, 17);
  if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
    return Number.NaN;
  }
  const leapDay = month === 2 && isLeap(year) ? 1 : 0;
  if (day > (MONTH_DAYS[month] as number) + leapDay) return Number.NaN;

  let at = 19;
  let millis = 0;
  if (text.charCodeAt(at) === 46) {
    // A fraction of one or more digits; Date.parse reads its first three.
    const first = ++at;
    let scale = 100;
    while (at < length) {
      const d = text.charCodeAt(at) - ZERO;
      if (d < 0 || d > 9) break;
      millis += d * scale;
      scale = scale >= 10 ? scale / 10 : 0;
      at++;
    }
    if (at === first) return Number.NaN;
  }
  let offset = 0;
  const sign = text.charCodeAt(at);
  if (sign === 90) {
    if (at + 1 !== length) return Number.NaN;
  } else if (sign === 43 || sign === 45) {
    if (at + 6 !== length || text.charCodeAt(at + 3) !== 58) return Number.NaN;
    const hours = two(text, at + 1);
    const minutes = two(text, at + 4);
    if (hours < 0 || hours > 23 || minutes < 0 || minutes > 59) return Number.NaN;
    offset = (sign === 43 ? 1 : -1) * (hours * 60 + minutes);
  } else return Number.NaN;

  const days = daysBeforeYear(year) + (DAYS_BEFORE[month] as number) + (month > 2 && isLeap(year) ? 1 : 0) + day - 1;
  return days * DAY_MS + ((hour * 60 + minute - offset) * 60 + second) * 1000 + millis;
}
