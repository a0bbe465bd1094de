import { describe, expect, test } from 'vitest';
import { compileCalendar } from '../../../core/time/index.ts';
import type { CalendarSpec } from '../../../core/time/index.ts';
import { clockFor } from '../../../core/time/zone-clock.ts';
import { at, LA, show, weekdayHours } from './fixtures.ts';

const TOKYO = 'Asia/Tokyo';

describe('compileCalendar cache', () => {
  test('the same content compiles once, whatever object carries it', () => {
    const a = compileCalendar(weekdayHours('cache', TOKYO, '09:00', '17:00', ['2019-01-01', '2019-01-02']));
    const b = compileCalendar(weekdayHours('cache', TOKYO, '09:00', '17:00', ['2019-01-02', '2019-01-01']));
    expect(b).toBe(a);
    expect(compileCalendar(weekdayHours('cache', TOKYO, '09:00', '17:00', ['2019-01-01']))).not.toBe(a);
    expect(compileCalendar(weekdayHours('cache', TOKYO, '09:00', '18:00', ['2019-01-01', '2019-01-02']))).not.toBe(a);
  });

  test("editing the caller's spec afterwards changes nothing", () => {
    const spec = weekdayHours('mutable', TOKYO, '09:00', '17:00');
    const cal = compileCalendar(spec);
    spec.holidays.push('2019-07-01');
    (spec.weekly[0] as CalendarSpec['weekly'][0]).from.time = '12:00';
    expect(cal.isOpen(at('2019-07-01T09:30', TOKYO))).toBe(true);
    expect(cal.spec.holidays).toEqual([]);
    expect(Object.isFrozen(cal.spec)).toBe(true);
  });
});

describe('invalid specs are rejected with the calendar and the field named', () => {
  const base = weekdayHours('bad', TOKYO, '09:00', '17:00');
  test.each<[string, CalendarSpec, RegExp]>([
    ['unknown zone', { ...base, timeZone: 'Mars/Olympus' }, /calendar "bad": unknown time zone "Mars\/Olympus"/],
    ['bad wall time', { ...base, weekly: [{ from: { day: 1, time: '9:00' }, to: { day: 1, time: '17:00' } }] }, /invalid wall time "9:00"/],
    ['25:00', { ...base, weekly: [{ from: { day: 1, time: '09:00' }, to: { day: 1, time: '25:00' } }] }, /invalid wall time "25:00"/],
    ['weekday 8', { ...base, weekly: [{ from: { day: 8 as 1, time: '09:00' }, to: { day: 1, time: '17:00' } }] }, /weekly\[0\]: weekday 8/],
    ['a whole week', { ...base, weekly: [{ from: { day: 1, time: '09:00' }, to: { day: 1, time: '09:00' } }] }, /whole week/],
    ['impossible holiday', { ...base, holidays: ['2019-02-30'] }, /invalid holiday "2019-02-30"/],
  ])('%s', (_, spec, message) => {
    expect(() => compileCalendar(spec)).toThrow(message);
  });
});

describe('edge cases', () => {
  const tokyo = compileCalendar(weekdayHours('edges', TOKYO, '09:00', '17:00'));
  const monday = at('2019-07-01T10:00', TOKYO);

  test('minutes = 0 returns t unchanged, even when closed', () => {
    expect(tokyo.addMinutes(monday, 0)).toBe(monday);
    const saturday = at('2019-07-06T10:00', TOKYO);
    expect(tokyo.addMinutes(saturday, 0)).toBe(saturday);
  });

  test('fractional minutes are kept', () => {
    expect(tokyo.addMinutes(monday, 0.5)).toBe(monday + 30_000);
    expect(tokyo.minutesBetween(monday, monday + 90_000)).toBe(1.5);
  });

  test('negative or non-finite input is refused', () => {
    expect(() => tokyo.addMinutes(monday, -1)).toThrow(RangeError);
    expect(() => tokyo.addMinutes(monday, Number.NaN)).toThrow(RangeError);
    expect(() => tokyo.isOpen(Number.NaN)).toThrow(/not a finite epoch-ms/);
  });

  test('openIntervals lists the open time in a window, clipped', () => {
    const from = at('2019-07-01T12:00', TOKYO);
    const to = at('2019-07-03T10:00', TOKYO);
    expect(tokyo.openIntervals(from, to).map(([o, c]) => [show(o, TOKYO), show(c, TOKYO)])).toEqual([
      ['2019-07-01T12:00+09:00', '2019-07-01T17:00+09:00'],
      ['2019-07-02T09:00+09:00', '2019-07-02T17:00+09:00'],
      ['2019-07-03T09:00+09:00', '2019-07-03T10:00+09:00'],
    ]);
    expect(tokyo.openIntervals(to, from)).toEqual([]);
  });

  test('"24:00" is the next midnight, and touching stretches are one open period', () => {
    const night = compileCalendar({
      id: 'night',
      name: 'Mon 20:00–24:00 and Tue 00:00–04:00',
      timeZone: LA,
      weekly: [
        { from: { day: 1, time: '20:00' }, to: { day: 1, time: '24:00' } },
        { from: { day: 2, time: '00:00' }, to: { day: 2, time: '04:00' } },
      ],
      holidays: [],
    });
    expect(night.isOpen(at('2019-07-02T00:00', LA))).toBe(true);
    expect(show(night.addMinutes(at('2019-07-01T23:00', LA), 120), LA)).toBe('2019-07-02T01:00-07:00');
    expect(night.openIntervals(at('2019-07-01T00:00', LA), at('2019-07-03T00:00', LA))).toEqual([
      [at('2019-07-01T20:00', LA), at('2019-07-02T04:00', LA)],
    ]);
  });

  test('DST: a day stretch is resolved on its own date; a nonexistent opening moves past the gap', () => {
    const sundays = (from: string, to: string) =>
      compileCalendar({
        id: `sunday-${from}-${to}`,
        name: 'Sundays',
        timeZone: LA,
        weekly: [{ from: { day: 7, time: from }, to: { day: 7, time: to } }],
        holidays: [],
      });
    const early = sundays('00:00', '04:00');
    const dayLength = (cal: ReturnType<typeof sundays>, date: string) =>
      cal.minutesBetween(at(`${date}T00:00`, LA), at(`${date}T23:00`, LA));
    expect(dayLength(early, '2019-03-10')).toBe(180);
    expect(dayLength(early, '2019-06-09')).toBe(240);
    expect(dayLength(early, '2019-11-03')).toBe(300);
    const inGap = sundays('02:30', '04:00');
    expect(show(inGap.nextOpening(at('2019-03-10T00:00', LA)), LA)).toBe('2019-03-10T03:30-07:00');
    expect(dayLength(inGap, '2019-03-10')).toBe(30);
  });

  test('an ambiguous opening is its first occurrence, whatever the season we ask in', () => {
    const cal = compileCalendar({
      id: 'fall-back',
      name: 'Sun 01:30–03:00',
      timeZone: LA,
      weekly: [{ from: { day: 7, time: '01:30' }, to: { day: 7, time: '03:00' } }],
      holidays: [],
    });
    // 2019-11-03 01:30 happens twice: 08:30Z (PDT) and 09:30Z (PST).
    expect(cal.nextOpening(Date.parse('2019-11-03T00:00:00Z'))).toBe(Date.parse('2019-11-03T08:30:00Z'));
    expect(cal.minutesBetween(Date.parse('2019-11-03T00:00:00Z'), Date.parse('2019-11-04T00:00:00Z'))).toBe(150);
  });

  test('a calendar with no open time says so instead of searching forever', () => {
    const never = compileCalendar({ id: 'never', name: 'never', timeZone: TOKYO, weekly: [], holidays: [] });
    expect(never.isOpen(monday)).toBe(false);
    expect(never.minutesBetween(monday, monday + 86_400_000)).toBe(0);
    expect(() => never.nextOpening(monday)).toThrow(/calendar "never" is never open/);
    expect(() => never.addMinutes(monday, 1)).toThrow(/never open/);
  });

  test('answers do not depend on which years were compiled first', () => {
    const spec = (id: string) => weekdayHours(id, LA, '12:00', '17:00', ['2045-07-03']);
    const grown = compileCalendar(spec('grown'));
    const fresh = compileCalendar(spec('fresh'));
    const t2019 = at('2019-07-01T16:00', LA);
    const tLater = at('2045-06-30T16:00', LA); // Friday 30 June 2045; Monday 3 July is a holiday
    const tEarlier = at('2012-07-02T16:00', LA);
    expect(show(grown.addMinutes(t2019, 120), LA)).toBe('2019-07-02T13:00-07:00');
    expect(show(grown.addMinutes(tLater, 120), LA)).toBe('2045-07-04T13:00-07:00');
    expect(show(grown.addMinutes(tEarlier, 120), LA)).toBe('2012-07-03T13:00-07:00');
    expect(fresh.addMinutes(tLater, 120)).toBe(grown.addMinutes(tLater, 120));
    expect(grown.minutesBetween(tEarlier, tLater)).toBe(fresh.minutesBetween(tEarlier, tLater));
    expect(grown.addMinutes(t2019, 300 * 5 * 52 * 20)).toBe(fresh.addMinutes(t2019, 300 * 5 * 52 * 20));
  });
});

describe('openAndAdd', () => {
  test('agrees with nextOpening and addMinutes for no minutes, a closed start and a target years past the compiled table', () => {
    const cal = compileCalendar(weekdayHours('open-and-add', TOKYO, '09:00', '17:00'));
    const saturday = at('2026-12-05T10:00', TOKYO);
    for (const minutes of [0, 60, 480, 600_000]) {
      const opening = cal.nextOpening(saturday);
      expect(cal.openAndAdd(saturday, minutes)).toEqual([opening, cal.addMinutes(opening, minutes)]);
    }
    expect(show(cal.openAndAdd(saturday, 60)[1], TOKYO)).toBe('2026-12-07T10:00+09:00');
    expect(() => cal.openAndAdd(saturday, -1)).toThrow(RangeError);
    expect(() => cal.openAndAdd(saturday, Number.NaN)).toThrow(RangeError);
  });
});

describe('ZoneClock: a typed wall time', () => {
  const berlin = clockFor('Europe/Berlin');
  const wall = (text: string) => Date.parse(`${text}Z`);
  test('shows once, twice in the fall-back hour, never in the spring-forward gap — with the change it skipped', () => {
    expect(berlin.occurrences(wall('2026-07-01T12:00:00'))).toEqual([Date.parse('2026-07-01T10:00:00Z')]);
    expect(berlin.occurrences(wall('2026-10-25T02:30:00'))).toEqual([Date.parse('2026-10-25T00:30:00Z'), Date.parse('2026-10-25T01:30:00Z')]);
    expect(berlin.occurrences(wall('2026-03-29T02:30:00'))).toEqual([]);
    expect(berlin.changeBefore(berlin.instant(wall('2026-03-29T02:30:00')))).toBe(Date.parse('2026-03-29T01:00:00Z'));
    expect(berlin.changeBefore(Date.parse('2026-07-01T10:00:00Z'))).toBeUndefined();
  });
});
