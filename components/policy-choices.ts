import { builtinPolicies, getPolicy } from '@/core';
import type { EvaluateResult } from '@/core/evaluate/types';
import type { Policy } from '@/core/policy/schema';
import { usableRegions } from '@/core/settings/regions';
import type { Settings } from '@/core/settings/schema';

/** Built-in and custom policies for pickers; a custom policy with a built-in id replaces it. */
export function policyChoices(customPolicies: readonly Policy[]): Policy[] {
  const ids = new Set([...Object.keys(builtinPolicies), ...customPolicies.map((p) => p.id)]);
  return [...ids].flatMap((id) => getPolicy(id, customPolicies) ?? []);
}

/**
 * Holiday regions a contract can use: a policy's own regional lists when it has them (4.0: americas,
 * emea — no other region can be read), else the team's lists that close one of its calendars.
 */
export function regionChoices(policy: Policy, settings: Pick<Settings, 'holidays'>): string[] {
  return usableRegions(policy, settings.holidays);
}

/** The team's extra closed days for a region, per calendar id, as evaluate() takes them. */
export function teamHolidays(settings: Pick<Settings, 'holidays'>, region: string | undefined): Record<string, string[]> | undefined {
  const list = region ? settings.holidays[region] : undefined;
  return list ? { [list.calendar]: list.dates.map((d) => d.date) } : undefined;
}

/** yyyy-mm-dd → holiday name across the team's lists, for timeline labels. */
/** The zone a policy's business hours are in (its main calendar's; a policy without targets may have none). */
export function policyZone(policy: Policy): string | undefined {
  const main = policy.calendar ? policy.calendars[policy.calendar] : Object.values(policy.calendars)[0];
  return main?.timeZone;
}

/** The zone of the calendar a result's target counts in; the policy's own zone for 24/7 or no target. */
export function contractZone(policy: Policy, result: EvaluateResult): string | undefined {
  const calendar = result.target ? policy.calendars[result.target.calendar] : undefined;
  return calendar?.timeZone ?? policyZone(policy);
}

/** Every zone a policy's calendars are in, its main calendar's first (the zones a reader most likely means). */
export function policyZones(policy: Policy): string[] {
  return [...new Set([policyZone(policy), ...Object.values(policy.calendars).map((c) => c.timeZone)].filter((z): z is string => !!z))];
}
