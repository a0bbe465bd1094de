import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { parsePageDate } from '../../entrypoints/overlay.content/adapters/parse-date';

const options = { timeZone: 'Europe/Berlin', now: new Date('2026-11-17T12:00:00Z') };

describe('parsePageDate', () => {
  it('text starting with a letter is never ISO 8601 for luxon, not even "T10:00" (the parser skips fromISO for it)', () => {
    const tails = fc.oneof(
      fc.string(),
      fc.constantFrom('2026-11-15T02:30:00Z', '026-11-15', '10:00', '10:00:00.000Z', '2026-W05-3', '-002026-01-01', 'un Nov 15 02:30:00 2026'),
    );
    const letter = fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz');
    fc.assert(
      fc.property(letter, tails, (first, tail) => {
        expect(DateTime.fromISO(`${first}${tail}`.replace(' ', 'T'), { zone: 'Europe/Berlin', setZone: true }).isValid).toBe(false);
      }),
      { numRuns: 500 },
    );
  });

  it('text without digits is never an absolute date for luxon (the parser goes straight to relative text)', () => {
    const digitFree = fc.oneof(
      fc.string().map((text) => text.replace(/\d/g, '')),
      fc.constantFrom('Not set', 'Never', 'Sun Nov', 'T', 'now', 'today', 'Sun, Nov GMT'),
    );
    fc.assert(
      fc.property(digitFree, (text) => {
        const zone = { zone: 'Europe/Berlin', setZone: true };
        expect(DateTime.fromISO(text.replace(' ', 'T'), zone).isValid).toBe(false);
        expect(DateTime.fromRFC2822(text, zone).isValid).toBe(false);
        expect(DateTime.fromFormat(text, 'EEE MMM d HH:mm:ss yyyy', { ...zone, locale: 'en-US' }).isValid).toBe(false);
        expect(parsePageDate(text, { ...options, dateFormat: 'EEE MMM d HH:mm:ss yyyy' })).toHaveProperty('problem');
      }),
      { numRuns: 500 },
    );
  });

  it('reads ISO (with and without offset, time first with T), RFC 2822 and the RT format', () => {
    const read = (text: string, dateFormat?: string) => parsePageDate(text, { ...options, dateFormat });
    expect(read('2026-11-15T02:30:00+09:00')).toEqual({ iso: '2026-11-15T02:30:00.000+09:00', approximate: false });
    expect(read('2026-11-15 02:30:00')).toEqual({ iso: '2026-11-15T02:30:00.000+01:00', approximate: false });
    expect(read('Sun, 15 Nov 2026 02:30:00 +0000')).toEqual({ iso: '2026-11-15T02:30:00.000Z', approximate: false });
    expect(read('Sun Nov 15 02:30:00 2026', 'EEE MMM d HH:mm:ss yyyy')).toEqual({
      iso: '2026-11-15T02:30:00.000+01:00',
      approximate: false,
    });
    expect(read('Sunday')).toMatchObject({ problem: expect.stringContaining('cannot read the date') });
  });

  // About 1 s of work on an idle machine (luxon's parser on many generated dates); 30 s covers a
  // 2-core machine at load 10.
  it('reads RT dates as luxon’s format parser does, with the core’s rule for DST gaps and overlaps', { timeout: 30_000 }, () => {
    const format = 'EEE MMM d HH:mm:ss yyyy';
    const zones = ['Europe/Berlin', 'America/Los_Angeles', 'Asia/Tokyo', 'Australia/Lord_Howe', 'UTC'];
    const texts = fc.oneof(
      fc
        .tuple(fc.integer({ min: Date.parse('2019-01-01T00:00:00Z'), max: Date.parse('2031-01-01T00:00:00Z') }), fc.constantFrom(...zones))
        .map(([at, zone]) => DateTime.fromMillis(at, { zone }).toFormat(format, { locale: 'en-US' })),
      // Wall times that fall in DST gaps/overlaps, a wrong weekday, odd case, impossible dates.
      fc
        .tuple(
          fc.constantFrom('Sun', 'mon', 'TUE', 'Wed', 'Thu', 'Fri', 'Sat', 'Xyz'),
          fc.constantFrom('Mar', 'oct', 'NOV', 'Apr', 'Sep', 'Feb', 'Foo'),
          fc.integer({ min: 1, max: 32 }),
          fc.integer({ min: 0, max: 24 }),
          fc.constantFrom(0, 30, 59),
          fc.integer({ min: 2019, max: 2030 }),
        )
        .map(([w, m, d, h, min, y]) => `${w} ${m} ${d} ${String(h).padStart(2, '0')}:${String(min).padStart(2, '0')}:00 ${y}`),
    );
    fc.assert(
      fc.property(texts, fc.constantFrom(...zones), (text, zone) => {
        const luxon = DateTime.fromFormat(text, format, { zone, setZone: true, locale: 'en-US' });
        const ours = parsePageDate(text, { timeZone: zone, now: options.now, dateFormat: format });
        if (!luxon.isValid) {
          expect(ours).toHaveProperty('problem');
          return;
        }
        if (!('iso' in ours)) throw new Error(`${text} in ${zone}: ${ours.problem}`);
        expect(ours.approximate).toBe(false);
        const instant = Date.parse(ours.iso);
        expect(instant).toBe(wallInstant(luxon, zone));
        // The offset written is the zone's at that instant, in luxon's notation ("Z" for UTC).
        expect(DateTime.fromISO(ours.iso, { setZone: true }).offset).toBe(DateTime.fromMillis(instant, { zone }).offset);
        expect(ours.iso.slice(23)).toBe(DateTime.fromMillis(instant, { zone }).toISO()?.slice(23));
      }),
      { numRuns: 1000 },
    );
  });
});

const DAY = 86_400_000;

/**
 * Reference for a wall time's instant, straight from luxon's offsets: every offset the zone has
 * within a day of it is tried; the wall time shown exactly once is that instant, one shown twice
 * (fall back) is its earlier occurrence, one never shown (spring forward) moves on by the gap.
 */
function wallInstant(parsed: DateTime, zone: string): number {
  const wall = Date.UTC(parsed.year, parsed.month - 1, parsed.day, parsed.hour, parsed.minute, parsed.second);
  const offsetAt = (at: number) => DateTime.fromMillis(at, { zone }).offset;
  const offsets = new Set([offsetAt(wall - DAY), offsetAt(wall), offsetAt(wall + DAY)]);
  const shown = [...offsets].map((offset) => wall - offset * 60_000).filter((at) => at + offsetAt(at) * 60_000 === wall);
  if (shown.length) return Math.min(...shown);
  return wall - offsetAt(wall - DAY) * 60_000;
}
