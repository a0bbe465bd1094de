import type { RenderOptions } from '../explain/render';
import type { Settings } from './schema';

/**
 * Holiday names by day (yyyy-mm-dd → "Christmas Day") from the team's holiday lists, for the
 * explanation's "skipped: …" and the timeline. With a region, that region's list names its days (a
 * date can be named differently in two lists); without one, or where that list has none, the first
 * list naming a day wins.
 */
export function holidayNames(holidays: Settings['holidays'] | undefined, region?: string): Record<string, string> {
  const names: Record<string, string> = {};
  const own = region ? holidays?.[region] : undefined;
  for (const list of own ? [own, ...Object.values(holidays ?? {})] : Object.values(holidays ?? {})) {
    for (const { date, name } of list.dates) if (name && !names[date]) names[date] = name;
  }
  return names;
}

/**
 * What the explanation needs to name the team's days and regions in words: the holidays the clock
 * skipped, and a team list's region by the name the team gave it (not "jp-team").
 */
export function explanationNames(holidays: Settings['holidays'] | undefined, region?: string): RenderOptions {
  const regionNames = Object.fromEntries(Object.entries(holidays ?? {}).map(([id, list]) => [id, list.name]));
  return { holidayNames: holidayNames(holidays, region), regionNames };
}
