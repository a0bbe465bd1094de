import { DateTime } from 'luxon';
import { isIsoWithOffset } from '../evaluate/types';
import { isoAtOffset } from '../time/iso';
import { rtWallTime } from '../time/rt-date';
import { clockFor } from '../time/zone-clock';

/**
 * A time as a helpdesk export writes it → ISO 8601 with an offset, or undefined when it cannot be
 * read. ISO with an offset is kept as it is (so `sla batch` and the report evaluate the same text);
 * a time without one is a wall time in `zone` (the helpdesk's), read with the engine's zone clock:
 * an ambiguous autumn hour is its first occurrence, a spring-gap time moves past the gap — the same
 * rule as every other wall time in SLA Lens.
 */

/** "2026-11-20 09:15", "2026-11-20T09:15:00", "2026-11-20 09:15:00.000" (Zendesk, osTicket, SQL). */
const ISO_LOCAL = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?$/;

function wall(year: number, month: number, day: number, hour: number, minute: number, second: number): number | undefined {
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return undefined;
  const ms = Date.UTC(year, month - 1, day, hour, minute, second);
  // 31 February rolls over: not a date.
  return new Date(ms).getUTCDate() === day ? ms : undefined;
}

function wallFields(text: string): number | undefined {
  const iso = ISO_LOCAL.exec(text);
  if (iso) return wall(+(iso[1] as string), +(iso[2] as string), +(iso[3] as string), +(iso[4] as string), +(iso[5] as string), +(iso[6] ?? 0));
  // RT's default "Fri Dec 04 13:43:00 2026".
  return rtWallTime(text);
}

/** Text → ISO 8601 with offset; `formats` are luxon formats for anything else (e.g. Jira's "dd/MMM/yy h:mm a"). */
export function readTime(raw: string, zone: string, formats: readonly string[] = []): string | undefined {
  const text = raw.trim();
  if (isIsoWithOffset(text)) return text;
  const local = wallFields(text);
  const clock = clockFor(zone);
  if (local !== undefined) {
    const at = clock.instant(local);
    return isoAtOffset(at, clock.offset(at));
  }
  // osTicket writes U+202F before AM/PM, RT a no-break space in places: one plain space for the formats.
  const spaced = text.replace(/\s+/gu, ' ');
  for (const format of formats) {
    const parsed = DateTime.fromFormat(spaced, format, { zone: 'UTC', locale: 'en-US' });
    if (!parsed.isValid) continue;
    const at = clock.instant(parsed.toMillis());
    return isoAtOffset(at, clock.offset(at));
  }
  return undefined;
}
