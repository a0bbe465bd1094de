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
  // A list asks for the same calendar ticket after ticket: the last answer, by the arguments' identity.
  if (policy === last.policy && calendarId === last.calendarId && region === last.region && extraHolidays === last.extraHolidays && last.calendar) {
    return last.calendar;
  }
  const rule = policy.calendars[calendarId];
  if (!rule) throw new EvaluateError(['policy', 'calendars', calendarId], 'calendar is not defined');
  const extra = extraHolidays?.[calendarId];
  // A list of tickets asks for the same few calendars again and again: find them by calendar,
  // region and extra days without building the spec (or a string key) each time.
  let byCalendar = compiled.get(policy);
  if (!byCalendar) {
    byCalendar = new Map();
    compiled.set(policy, byCalendar);
  }
  let byRegion = byCalendar.get(calendarId);
  if (!byRegion) {
    byRegion = new Map();
    byCalendar.set(calendarId, byRegion);
  }
  let byExtra = byRegion.get(region ?? '');
  if (!byExtra) {
    byExtra = new Map();
    byRegion.set(region ?? '', byExtra);
  }
  const extraKey = extra && extra.length > 0 ? extra.join(',') : '';
  let calendar = byExtra.get(extraKey);
  if (!calendar) {
    const regional = region ? (rule.holidays[region] ?? []) : [];
    calendar = compileCalendar({
      id: calendarId,
      name: rule.name,
      timeZone: rule.timeZone,
      weekly: rule.weekly,
      holidays: [...new Set([...regional, ...(extra ?? [])])].sort(),
    });
    // Bounded: a team editing its holiday lists makes new keys.
    if (byExtra.size >= 100) byExtra.clear();
    byExtra.set(extraKey, calendar);
  }
  // Kept only without extra days: a caller may change its own holiday arrays in place.
  last = extraHolidays === undefined ? { policy, calendarId, region, extraHolidays, calendar } : NONE;
  return calendar;
}

interface LastCalendar {
  policy?: Policy;
  calendarId?: string;
  region?: string;
  extraHolidays?: Record<string, string[]>;
  calendar?: BusinessCalendar;
}
const NONE: LastCalendar = {};
let last: LastCalendar = NONE;

const compiled = new WeakMap<Policy, Map<string, Map<string, Map<string, BusinessCalendar>>>>();

/** Regions with built-in holiday lists in the policy's main calendar (e.g. americas, emea for 4.0). */
export function holidayRegions(policy: Policy): string[] {
  return [...policyRegions(policy)];
}

/** holidayRegions() read once per policy object, shared: evaluate() asks for every ticket with a region. */
export function policyRegions(policy: Policy): readonly string[] {
  let regions = regionsOf.get(policy);
  if (!regions) {
    const main = policy.calendar ? policy.calendars[policy.calendar] : undefined;
    regions = Object.freeze(Object.keys(main?.holidays ?? {}));
    regionsOf.set(policy, regions);
  }
  return regions;
}

const regionsOf = new WeakMap<Policy, readonly string[]>();
