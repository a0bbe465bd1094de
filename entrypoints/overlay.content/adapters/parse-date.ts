import { DateTime, IANAZone, type WeekdayNumbers } from 'luxon';
import { parseRelativeTime } from './relative-time';

/**
 * Page date text → ISO 8601 with offset. Order: ISO (times without offset are in `timeZone`), RFC 2822, the
 * helpdesk's own format if given (admin-configured, e.g. RT's "Sun Nov 15 02:30:00 2026"), then
 * relative text as a last resort (flagged approximate).
 */

export interface DateOptions {
  timeZone: string;
  now: Date;
  dateFormat?: string;
  relative?: boolean;
}

export type ParsedDate = { iso: string; approximate: boolean } | { problem: string };

/**
 * Absolute results do not depend on "now", and lists re-show the same dates on every re-scan:
 * remember them (bounded) so a 500-row list is not re-parsed by luxon each time.
 */
const absolute = new Map<string, ParsedDate>();
const MAX_REMEMBERED = 5000;

export function parsePageDate(text: string, options: DateOptions): ParsedDate {
  const key = `${options.timeZone}\u0000${options.dateFormat ?? ''}\u0000${text}`;
  const known = absolute.get(key);
  if (known) return known;
  const parsed = parseUncached(text, options);
  if ('iso' in parsed && !parsed.approximate) {
    if (absolute.size >= MAX_REMEMBERED) absolute.clear();
    absolute.set(key, parsed);
  }
  return parsed;
}

const zones = new Map<string, boolean>();

function validZone(zone: string): boolean {
  let valid = zones.get(zone);
  if (valid === undefined) {
    valid = IANAZone.isValidZone(zone);
    zones.set(zone, valid);
  }
  return valid;
}

const parsers = new Map<string, ReturnType<typeof DateTime.buildFormatParser>>();

/** A format compiled once (luxon's fromFormat compiles it on every call: most of a list's scan). */
function formatParser(format: string): ReturnType<typeof DateTime.buildFormatParser> {
  let parser = parsers.get(format);
  if (!parser) {
    parser = DateTime.buildFormatParser(format, { locale: 'en-US' });
    parsers.set(format, parser);
  }
  return parser;
}

/** RT's DefaultFormat (adapters/rt.ts RT_DATE_FORMAT), read without luxon's token matcher on every row. */
const RT_FORMAT = 'EEE MMM d HH:mm:ss yyyy';
const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const RT_DATE = /^([a-z]{3}) ([a-z]{3}) (\d{1,2}) (\d{2}):(\d{2}):(\d{2}) (\d{4})$/i;

/**
 * "Sun Nov 15 02:30:00 2026" → the DateTime luxon's format parser builds for RT_FORMAT (it ends in
 * the same `DateTime.fromObject`, which also rejects a weekday that does not match the date);
 * undefined for anything else, which then goes through luxon's parser.
 */
function rtDate(value: string, zone: string): DateTime | undefined {
  const match = RT_DATE.exec(value);
  if (!match) return undefined;
  const weekday = (WEEKDAYS.indexOf((match[1] as string).toLowerCase()) + 1) as WeekdayNumbers | 0;
  const month = MONTHS.indexOf((match[2] as string).toLowerCase()) + 1;
  if (!weekday || !month) return undefined;
  const [day, hour, minute, second, year] = match.slice(3).map(Number) as [number, number, number, number, number];
  return DateTime.fromObject({ year, month, day, hour, minute, second, weekday }, { zone, locale: 'en-US' });
}

/** A first letter other than T: cannot be ISO 8601. */
const NOT_ISO = /^[A-SU-Za-z]/;

function parseUncached(text: string, options: DateOptions): ParsedDate {
  const value = text.replace(/\s+/gu, ' ').trim();
  const zone = options.timeZone;
  if (!validZone(zone)) return { problem: `unknown time zone "${zone}"` };
  // ISO 8601 (dates, week/ordinal dates, times) starts with a digit, a sign or "T": skip luxon's
  // failing attempt (an invalid DateTime with its explanation) for "Sun Nov 15 …" on every row.
  if (!NOT_ISO.test(value)) {
    const iso = DateTime.fromISO(value.replace(' ', 'T'), { zone, setZone: true });
    if (iso.isValid) return { iso: iso.toISO() ?? value, approximate: false };
  }
  // RT's $DateTimeFormat 'RFC2822' and e-mail style dates carry their own offset.
  const mail = DateTime.fromRFC2822(value, { zone, setZone: true });
  if (mail.isValid) return { iso: mail.toISO() ?? value, approximate: false };
  if (options.dateFormat === RT_FORMAT) {
    const fast = rtDate(value, zone);
    if (fast?.isValid) return { iso: fast.toISO() ?? value, approximate: false };
  }
  if (options.dateFormat) {
    const parsed = DateTime.fromFormatParser(value, formatParser(options.dateFormat), { zone, setZone: true, locale: 'en-US' });
    if (parsed.isValid) return { iso: parsed.toISO() ?? value, approximate: false };
  }
  if (options.relative) {
    const instant = parseRelativeTime(value, options.now);
    if (instant) return { iso: DateTime.fromJSDate(instant, { zone }).toISO() ?? value, approximate: true };
  }
  const expected = options.dateFormat ? `ISO 8601 or "${options.dateFormat}"` : 'ISO 8601';
  return { problem: `cannot read the date "${value}" (expected ${expected}${options.relative ? ' or relative text' : ''})` };
}
