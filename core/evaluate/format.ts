import { DateTime } from 'luxon';
import { zoneAbbreviation } from '../time/zone-abbreviation';

/** "Mon 2019-07-01 12:00 PDT" — wall time in the zone that matters, with its abbreviation. */
export function formatInZone(ms: number, zone: string): string {
  const time = DateTime.fromMillis(ms, { zone }).toFormat('ccc yyyy-LL-dd HH:mm', { locale: 'en-US' });
  return `${time} ${zoneAbbreviation(zone, new Date(ms))}`;
}

/** "Mon 2019-07-01 12:00–17:00 PDT", or both ends in full when the span crosses midnight. */
export function formatSpan(from: number, to: number, zone: string): string {
  const start = DateTime.fromMillis(from, { zone });
  const end = DateTime.fromMillis(to, { zone });
  if (start.hasSame(end, 'day')) {
    return `${start.toFormat('ccc yyyy-LL-dd HH:mm', { locale: 'en-US' })}–${end.toFormat('HH:mm', { locale: 'en-US' })} ${zoneAbbreviation(zone, new Date(to))}`;
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

export function toIsoUtc(ms: number): string {
  return new Date(ms).toISOString();
}
