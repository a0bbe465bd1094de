import { DateTime } from 'luxon';
import { parseRelativeTime } from './relative-time';

/**
 * Page date text → ISO 8601 with offset. Order: ISO (times without offset are in `timeZone`), the
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

export function parsePageDate(text: string, options: DateOptions): ParsedDate {
  const value = text.replace(/\s+/gu, ' ').trim();
  const zone = options.timeZone;
  if (!DateTime.now().setZone(zone).isValid) return { problem: `unknown time zone "${zone}"` };
  const iso = DateTime.fromISO(value.replace(' ', 'T'), { zone, setZone: true });
  if (iso.isValid) return { iso: iso.toISO() ?? value, approximate: false };
  if (options.dateFormat) {
    const parsed = DateTime.fromFormat(value, options.dateFormat, { zone, setZone: true, locale: 'en-US' });
    if (parsed.isValid) return { iso: parsed.toISO() ?? value, approximate: false };
  }
  if (options.relative) {
    const instant = parseRelativeTime(value, options.now);
    if (instant) return { iso: DateTime.fromJSDate(instant, { zone }).toISO() ?? value, approximate: true };
  }
  const expected = options.dateFormat ? `ISO 8601 or "${options.dateFormat}"` : 'ISO 8601';
  return { problem: `cannot read the date "${value}" (expected ${expected}${options.relative ? ' or relative text' : ''})` };
}
