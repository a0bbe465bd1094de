import { compileCalendar } from '../time';
import type { BusinessCalendar } from '../time/types';
import type { Policy } from '../policy/schema';
import { EvaluateError } from './error';

/**
 * Compiles one of a policy's calendars with the holidays that apply: the region's built-in list plus
 * the team's own extra days for that calendar. Compiled calendars are cached by the engine.
 */
export function policyCalendar(
  policy: Policy,
  calendarId: string,
  region: string | undefined,
  extraHolidays: Record<string, string[]> | undefined,
): BusinessCalendar {
  const rule = policy.calendars[calendarId];
  if (!rule) throw new EvaluateError(['policy', 'calendars', calendarId], 'calendar is not defined');
  const extra = extraHolidays?.[calendarId] ?? [];
  // A list of tickets asks for the same few calendars again and again: skip building the spec and
  // the engine's cache key each time.
  let known = compiled.get(policy);
  if (!known) {
    known = new Map();
    compiled.set(policy, known);
  }
  const key = `${calendarId}\u0000${region ?? ''}\u0000${extra.join(',')}`;
  let calendar = known.get(key);
  if (!calendar) {
    const regional = region ? (rule.holidays[region] ?? []) : [];
    calendar = compileCalendar({
      id: calendarId,
      name: rule.name,
      timeZone: rule.timeZone,
      weekly: rule.weekly,
      holidays: [...new Set([...regional, ...extra])].sort(),
    });
    if (known.size >= 100) known.clear();
    known.set(key, calendar);
  }
  return calendar;
}

const compiled = new WeakMap<Policy, Map<string, BusinessCalendar>>();

/** Regions with built-in holiday lists in the policy's main calendar (e.g. americas, emea for 4.0). */
export function holidayRegions(policy: Policy): string[] {
  const main = policy.calendar ? policy.calendars[policy.calendar] : undefined;
  return Object.keys(main?.holidays ?? {});
}
