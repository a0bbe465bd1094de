import { DateTime } from 'luxon';
import type { BusinessCalendar } from '../time/types';

/**
 * 2.0 §5.2: leaving Enterprise support takes effect at the later of the notice date and the business
 * day after the first anniversary of enrolment. A business day (§7.2) is a day with business hours in
 * `calendar` (with the Sunday 17:00 opening, Sunday counts; Saturday does not).
 */
export function enterpriseCancellationEffective(
  calendar: BusinessCalendar,
  enrolled: string,
  notice: string,
): string {
  const zone = calendar.spec.timeZone;
  let day = DateTime.fromISO(enrolled, { zone }).plus({ years: 1, days: 1 }).startOf('day');
  // A week always holds a business day in a real calendar; a year is a generous bound for odd ones.
  for (let i = 0; i < 366 && !hasBusinessHours(calendar, day); i++) day = day.plus({ days: 1 });
  const noticeDay = DateTime.fromISO(notice, { zone }).startOf('day');
  return DateTime.max(noticeDay, day).toISODate() ?? notice;
}

function hasBusinessHours(calendar: BusinessCalendar, day: DateTime): boolean {
  return calendar.minutesBetween(day.toMillis(), day.plus({ days: 1 }).toMillis()) > 0;
}
