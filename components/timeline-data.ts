import { DateTime } from 'luxon';
import { policyCalendar } from '@/core';
import type { EvaluateResult } from '@/core/evaluate/types';
import type { Policy } from '@/core/policy/schema';
import { policyZone } from './policy-choices';
import type { TimelineMark, TimelineProps } from './Timeline';

const DAY = 86_400_000;
const MIN_DAYS = 3;
const MAX_DAYS = 10;

export interface TimelineSource {
  policy: Policy;
  result: EvaluateResult;
  submitted: number;
  now: number;
  region?: string;
  /** Extra closed days per calendar id, as passed to evaluate(). */
  holidays?: Record<string, string[]>;
  /** Names for closed days (yyyy-mm-dd → name), from the team's holiday lists. */
  holidayNames?: Record<string, string>;
  zone: string;
}

/**
 * What the timeline draws for one evaluation: from the start of the submission day to the end of the
 * deadline day (3 to 10 days), with the open hours of the calendar the target counts in.
 */
export function timelineFor(src: TimelineSource): TimelineProps {
  const { policy, result, zone } = src;
  const target = result.target;
  const first = Math.min(src.submitted, target ? Date.parse(target.start) : src.submitted);
  const from = DateTime.fromMillis(first, { zone }).startOf('day').toMillis();
  const last = target ? Date.parse(target.deadline) : src.submitted;
  const end = DateTime.fromMillis(last, { zone }).endOf('day').toMillis() + 1;
  const to = Math.min(Math.max(end, from + MIN_DAYS * DAY), from + MAX_DAYS * DAY);

  const marks: TimelineMark[] = [{ kind: 'submitted', at: src.submitted }];
  if (target) marks.push({ kind: 'start', at: Date.parse(target.start) }, { kind: 'deadline', at: Date.parse(target.deadline) });
  marks.push({ kind: 'now', at: src.now });

  const calendarId = target?.calendar ?? policy.calendar;
  const rule = calendarId ? policy.calendars[calendarId] : undefined;
  const calendarZone = policyZone(policy) ?? zone;
  // Round-the-clock targets count every minute; a policy without targets has no hours to shade.
  if (calendarId === '24/7') return { from, to, open: [[from, to]], holidays: [], marks, zone, calendarZone };
  if (!calendarId || !rule) return { from, to, open: [], holidays: [], marks, zone, calendarZone };

  const region = src.region ?? policy.defaultRegion;
  const calendar = policyCalendar(policy, calendarId, region, src.holidays);
  const holidays = calendar.spec.holidays
    .map((date) => {
      const day = DateTime.fromISO(date, { zone: rule.timeZone });
      return { from: day.toMillis(), to: day.plus({ days: 1 }).toMillis(), name: src.holidayNames?.[date] ?? date };
    })
    .filter((h) => h.to > from && h.from < to);
  return { from, to, open: calendar.openIntervals(from, to), holidays, marks, zone, calendarZone: rule.timeZone };
}
