import { DateTime, IANAZone } from 'luxon';
import { isoAtOffset, isoUtc } from '../../../core/time/iso';
import { rtWallTime } from '../../../core/time/rt-date';
import { clockFor } from '../../../core/time/zone-clock';
import { cleanText } from './field-values';
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

/** RT's DefaultFormat (adapters/rt.ts RT_DATE_FORMAT), read without luxon on every row. */
const RT_FORMAT = 'EEE MMM d HH:mm:ss yyyy';

/** "Sun Nov 15 02:30:00 2026" → the instant, through the core's zone clock (learned offsets, no Intl call per row). */
function rtDate(value: string, zone: string): string | undefined {
  const wall = rtWallTime(value);
  return wall === undefined ? undefined : isoInZone(wall, zone);
}

/**
 * A wall time in `zone` → ISO 8601 with the zone's offset. Ambiguous and skipped wall times (DST)
 * follow the core's rule (the earlier occurrence; a skipped time moves forward by the gap), not
 * luxon's guess, which depends on today's date.
 */
function isoInZone(wallMs: number, zone: string): string {
  const clock = clockFor(zone);
  const instant = clock.instant(wallMs);
  // As luxon writes it: "Z" for the zone named UTC/GMT, an offset for every IANA zone.
  return UNIVERSAL.test(zone) ? isoUtc(instant) : isoAtOffset(instant, clock.offset(instant));
}

const UNIVERSAL = /^(?:utc|gmt)$/i;

/** An instant as ISO text at `zone`'s offset then (as luxon writes it, without a DateTime). */
function isoOfInstant(ms: number, zone: string): string {
  return UNIVERSAL.test(zone) ? isoUtc(ms) : isoAtOffset(ms, clockFor(zone).offset(ms));
}

/** A DateTime luxon read in `zone` (no offset in the text) is re-placed by isoInZone's rule. */
function settled(date: DateTime, zone: string): string {
  if (date.zoneName !== zone) return date.toISO() as string;
  return isoInZone(Date.UTC(date.year, date.month - 1, date.day, date.hour, date.minute, date.second, date.millisecond), zone);
}

/** A letter first: not ISO 8601 as luxon reads it (it takes no "T10:00" either; RT's Tue and Thu included). */
const NOT_ISO = /^[A-Za-z]/;

const HAS_DIGIT = /\d/;

/** ISO 8601, RT's format, RFC 2822, then the helpdesk's own format: the ISO result, or undefined. */
function parseAbsolute(value: string, zone: string, dateFormat: string | undefined): string | undefined {
  // ISO 8601 (dates, week/ordinal dates, times) starts with a digit or a sign: skip luxon's
  // failing attempt (an invalid DateTime with its explanation) for "Sun Nov 15 …" on every row.
  if (!NOT_ISO.test(value)) {
    const iso = DateTime.fromISO(value.replace(' ', 'T'), { zone, setZone: true });
    if (iso.isValid) return settled(iso, zone);
  }
  // Before RFC 2822: RT's format cannot be an RFC 2822 date (no comma, no offset), and RT lists are long.
  if (dateFormat === RT_FORMAT) {
    const fast = rtDate(value, zone);
    if (fast) return fast;
  }
  // RT's $DateTimeFormat 'RFC2822' and e-mail style dates carry their own offset.
  const mail = DateTime.fromRFC2822(value, { zone, setZone: true });
  if (mail.isValid) return settled(mail, zone);
  if (dateFormat) {
    const parsed = DateTime.fromFormatParser(value, formatParser(dateFormat), { zone, setZone: true, locale: 'en-US' });
    if (parsed.isValid) return settled(parsed, zone);
  }
  return undefined;
}

function parseUncached(text: string, options: DateOptions): ParsedDate {
  const value = cleanText(text);
  const zone = options.timeZone;
  if (!validZone(zone)) return { problem: `unknown time zone "${zone}"` };
  // Relative text first where a field may be relative: its patterns ("… ago", "vor …", "…前") never
  // match an absolute date, while "3 hours ago" has a digit and would go through every absolute
  // parser (luxon's ISO, RFC 2822, the helpdesk's format) first, on every row of RT's default list.
  if (options.relative) {
    const instant = parseRelativeTime(value, options.now);
    if (instant) return { iso: isoOfInstant(instant.getTime(), zone), approximate: true };
  }
  // An absolute date has digits; "Not set" (RT's empty date) goes straight to the end.
  if (HAS_DIGIT.test(value)) {
    const absolute = parseAbsolute(value, zone, options.dateFormat);
    if (absolute) return { iso: absolute, approximate: false };
  }
  const expected = options.dateFormat ? `ISO 8601 or "${options.dateFormat}"` : 'ISO 8601';
  return { problem: `cannot read the date "${value}" (expected ${expected}${options.relative ? ' or relative text' : ''})` };
}
