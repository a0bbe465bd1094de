import { DateTime } from 'luxon';
import type { CalendarSpec, Weekday } from '../../../core/time/types.ts';

export const LA = 'America/Los_Angeles';

const weekdays = [1, 2, 3, 4, 5] as const;

/** Mon–Fri daily hours, e.g. 12:00–17:00 (velostrata 4.0) or 09:00–17:00 (Japan, Korea, China). */
export function weekdayHours(id: string, timeZone: string, from: string, to: string, holidays: string[] = []): CalendarSpec {
  const weekly = weekdays.map((day: Weekday) => ({ from: { day, time: from }, to: { day, time: to } }));
  return { id, name: id, timeZone, weekly, holidays };
}

/** Sunday 17:00 → Friday 17:00 Pacific as one stretch (velostrata 1.2 / 2.0). */
export function pacificWeek(holidays: string[] = []): CalendarSpec {
  return {
    id: 'pacific-week',
    name: 'Pacific Sun 17:00 → Fri 17:00',
    timeZone: LA,
    weekly: [{ from: { day: 7, time: '17:00' }, to: { day: 5, time: '17:00' } }],
    holidays,
  };
}

/** Epoch ms of a local wall time "yyyy-MM-ddTHH:mm" in `zone`. */
export function at(local: string, zone: string): number {
  const dt = DateTime.fromISO(local, { zone });
  if (!dt.isValid) throw new Error(`bad test time ${local}`);
  return dt.toMillis();
}

/** An instant shown as local wall time with offset, for readable expectations. */
export function show(t: number, zone: string): string {
  return DateTime.fromMillis(t, { zone }).toFormat("yyyy-MM-dd'T'HH:mmZZ");
}
