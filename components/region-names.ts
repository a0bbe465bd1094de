import { i18n } from '#i18n';
import { builtinPolicies } from '@/core/policy/builtin';
import type { Policy } from '@/core/policy/schema';
import type { Settings } from '@/core/settings/schema';

/**
 * Holiday regions and policy calendars by name, never by id ("jp-team", "emea", "pacific"): the
 * built-in contracts' regions and calendars in the UI's language, a team list by the name the team
 * gave it, a custom policy's calendar by its own name.
 */

const REGIONS: Record<string, () => string> = {
  americas: () => i18n.t('names.region.americas'),
  emea: () => i18n.t('names.region.emea'),
};

const CALENDARS: Record<string, () => string> = {
  pacific: () => i18n.t('names.calendar.pacific'),
  japan: () => i18n.t('names.calendar.japan'),
  korea: () => i18n.t('names.calendar.korea'),
  china: () => i18n.t('names.calendar.china'),
};

/** A holiday region's name: the team list's own name, else the contracts' region in the UI's language. */
export function regionName(region: string, holidays: Settings['holidays'] = {}): string {
  const list = holidays[region];
  if (list?.name && list.name !== region) return list.name;
  return REGIONS[region]?.() ?? list?.name ?? region;
}

/** A policy calendar's name: a built-in contract's in the UI's language, a custom policy's own. */
export function calendarName(calendar: string, policies: readonly Policy[] = []): string {
  const builtin = Object.values(builtinPolicies).some((p) => calendar in p.calendars);
  const own = policies.find((p) => !(p.id in builtinPolicies) && calendar in p.calendars)?.calendars[calendar]?.name;
  return (builtin ? CALENDARS[calendar]?.() : undefined) ?? own ?? calendar;
}
