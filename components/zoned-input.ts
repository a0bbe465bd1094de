import { DateTime, IANAZone } from 'luxon';
import { clockFor } from '@/core/time/zone-clock';

/**
 * A datetime-local value read as a wall time of a chosen IANA zone. Around a DST change a wall time
 * can be missing (spring forward: 02:30 never shows in Berlin on 29 March 2026) or happen twice
 * (fall back: 02:30 shows twice on 25 October 2026). Neither is guessed silently: a missing time is
 * refused with the jump it falls into, and a doubled one is read as its first occurrence, with the
 * second offered.
 */
export type ZonedReading =
  | { kind: 'invalid' }
  /** The wall time falls into the jump from `from` to `to` ("02:00" → "03:00"). */
  | { kind: 'gap'; from: string; to: string }
  /** `iso` is the instant read; `other` the second occurrence of a doubled wall time. */
  | { kind: 'ok'; iso: string; offset: string; other?: { iso: string; offset: string } };

const MINUTE_MS = 60_000;

const iso = (ts: number, zone: string) => DateTime.fromMillis(ts, { zone }).toISO({ suppressMilliseconds: true }) as string;
/** "UTC+02:00" at that instant. */
const offsetAt = (ts: number, zone: string) => `UTC${DateTime.fromMillis(ts, { zone }).toFormat('ZZ')}`;
const wallText = (ms: number) => DateTime.fromMillis(ms, { zone: 'utc' }).toFormat('HH:mm');

/** `value` ("2026-03-29T02:30") in `zone`; `second` picks the later occurrence of a doubled wall time. */
export function readZonedInput(value: string, zone: string, second = false): ZonedReading {
  const wall = DateTime.fromISO(value, { zone: 'utc' });
  if (!value || !wall.isValid || !IANAZone.isValidZone(zone)) return { kind: 'invalid' };
  const wallMs = wall.toMillis();
  const clock = clockFor(zone);
  const [first, later] = clock.occurrences(wallMs);
  if (first === undefined) {
    // In the gap, the engine's reading lands just past the jump: the change it skipped is before it.
    const change = clock.changeBefore(clock.instant(wallMs)) as number;
    return {
      kind: 'gap',
      from: wallText(change + clock.offset(change - MINUTE_MS) * MINUTE_MS),
      to: wallText(change + clock.offset(change) * MINUTE_MS),
    };
  }
  const [used, other] = second && later !== undefined ? [later, first] : [first, later];
  return {
    kind: 'ok',
    iso: iso(used, zone),
    offset: offsetAt(used, zone),
    other: other === undefined ? undefined : { iso: iso(other, zone), offset: offsetAt(other, zone) },
  };
}
