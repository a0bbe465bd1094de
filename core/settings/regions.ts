import { holidayRegions } from '../evaluate/calendars';
import type { Policy } from '../policy/schema';
import type { Settings } from './schema';

/**
 * Which holiday regions a contract can use. A policy with built-in regional lists (4.0: americas,
 * emea) knows only those: any other region makes every badge of the customer unreadable. A policy
 * without them (1.2, 2.0) takes the team's own lists, but only lists that close one of its calendars
 * (a list that closes a calendar the policy does not have would change nothing).
 */
export function usableRegions(policy: Policy, holidays: Settings['holidays']): string[] {
  const builtin = holidayRegions(policy);
  if (builtin.length > 0) return builtin;
  return Object.entries(holidays)
    .filter(([, list]) => list.calendar in policy.calendars)
    .map(([region]) => region)
    .sort();
}

export type RegionProblem =
  | { code: 'region-not-in-policy'; regions: string[] }
  | { code: 'region-unknown' }
  | { code: 'region-calendar'; calendar: string; calendars: string[] };

/** Why a customer's region cannot be used with its policy; undefined when it can. */
export function regionProblem(policy: Policy, region: string | undefined, holidays: Settings['holidays']): RegionProblem | undefined {
  if (region === undefined) return undefined;
  const builtin = holidayRegions(policy);
  if (builtin.length > 0) return builtin.includes(region) ? undefined : { code: 'region-not-in-policy', regions: builtin };
  const list = holidays[region];
  if (!list) return { code: 'region-unknown' };
  if (!(list.calendar in policy.calendars)) return { code: 'region-calendar', calendar: list.calendar, calendars: Object.keys(policy.calendars) };
  return undefined;
}

/**
 * Who uses a team holiday list: the customers whose contracts name it and the custom policies whose
 * default region it is (a list cannot be deleted while any does: their badges would lose the days).
 */
export function regionUsers(settings: Pick<Settings, 'customers' | 'customPolicies'>, region: string): { customers: string[]; policies: string[] } {
  return {
    customers: settings.customers.filter((c) => c.region === region).map((c) => c.name),
    policies: settings.customPolicies.filter((p) => p.defaultRegion === region).map((p) => p.name),
  };
}
