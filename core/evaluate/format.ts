import { clockFor } from '../time/zone-clock.ts';
import { zoneAbbreviation } from '../time/zone-abbreviation.ts';

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/**
 * The wall clock of `zone` at `ms`, as a Date whose UTC fields read as local time. Uses the engine's
 * cached zone offsets: asking Intl for an offset on every explanation line was most of evaluate()'s cost.
 */
function wallClock(ms: number, zone: string): Date {
  return new Date(ms + clockFor(zone).offset(ms) * 60_000);
}

/** "Mon 2019-07-01" */
function wallDay(wall: Date): string {
  return `${WEEKDAYS[wall.getUTCDay()]} ${wall.toISOString().slice(0, 10)}`;
}

/** "12:00" */
function wallTime(wall: Date): string {
  return wall.toISOString().slice(11, 16);
}

/** "Mon 2019-07-01 12:00 PDT" — wall time in the zone that matters, with its abbreviation. */
export function formatInZone(ms: number, zone: string): string {
  const wall = wallClock(ms, zone);
  return `${wallDay(wall)} ${wallTime(wall)} ${zoneAbbreviation(zone, new Date(ms))}`;
}

/** "Mon 2019-07-01 12:00–17:00 PDT", or both ends in full when the span crosses midnight. */
export function formatSpan(from: number, to: number, zone: string): string {
  const start = wallClock(from, zone);
  const end = wallClock(to, zone);
  if (wallDay(start) === wallDay(end)) {
    return `${wallDay(start)} ${wallTime(start)}–${wallTime(end)} ${zoneAbbreviation(zone, new Date(to))}`;
  }
  return `${formatInZone(from, zone)} – ${formatInZone(to, zone)}`;
}

/** "2h 14m", "45m", "3d 2h" — compact durations for notes and explanations. */
export function formatMinutes(totalMinutes: number): string {
  const minutes = Math.round(totalMinutes);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  const parts = [days && `${days}d`, hours && `${hours}h`, rest && `${rest}m`].filter(Boolean);
  return parts.length ? parts.join(' ') : '0m';
}
