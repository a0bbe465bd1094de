import { describe, expect, test } from 'vitest';
import { compileCalendar } from '../../../core/time/index.ts';
import { at, LA, pacificWeek, show, weekdayHours } from './fixtures.ts';

const HOUR = 3_600_000;
const holidays2019 = ['2019-07-04', '2019-12-24', '2019-12-25'];

describe('Mon–Fri 12:00–17:00 America/Los_Angeles (velostrata 4.0) with 2019 holidays', () => {
  const cal = compileCalendar(weekdayHours('pacific-noon', LA, '12:00', '17:00', holidays2019));

  test.each([
    ['at opening', '2019-07-01T12:00', 240, '2019-07-01T16:00-07:00'],
    ['at closing (closed: half-open)', '2019-07-01T17:00', 240, '2019-07-02T16:00-07:00'],
    ['used up exactly at closing', '2019-07-01T16:00', 60, '2019-07-01T17:00-07:00'],
    ['a whole day, due at its closing', '2019-07-01T12:00', 300, '2019-07-01T17:00-07:00'],
    ['one minute past a day', '2019-07-01T12:00', 301, '2019-07-02T12:01-07:00'],
    ['before opening', '2019-07-01T08:00', 240, '2019-07-01T16:00-07:00'],
    ['over Independence Day', '2019-07-03T15:00', 480, '2019-07-08T13:00-07:00'],
    ['over Christmas Eve and Day', '2019-12-23T16:00', 240, '2019-12-26T15:00-08:00'],
    ['Friday evening', '2019-07-05T18:00', 480, '2019-07-09T15:00-07:00'],
    ['Saturday', '2019-07-06T10:00', 1, '2019-07-08T12:01-07:00'],
    ['a whole week, due Friday at closing', '2019-07-08T12:00', 1500, '2019-07-12T17:00-07:00'],
    ['a week and a minute', '2019-07-08T12:00', 1501, '2019-07-15T12:01-07:00'],
    ['March 2019 DST weekend', '2019-03-08T16:00', 120, '2019-03-11T13:00-07:00'],
    ['November 2019 DST weekend', '2019-11-01T16:00', 120, '2019-11-04T13:00-08:00'],
    ['March 2027 DST weekend', '2027-03-12T16:30', 90, '2027-03-15T13:00-07:00'],
    ['November 2027 DST weekend', '2027-11-05T16:30', 90, '2027-11-08T13:00-08:00'],
  ])('addMinutes %s: %s + %i min → %s', (_, submitted, minutes, due) => {
    expect(show(cal.addMinutes(at(submitted, LA), minutes), LA)).toBe(due);
  });

  test('submissions with any offset are the same instant', () => {
    const t = Date.parse('2019-07-01T21:00:00+02:00'); // 12:00 PDT
    expect(cal.isOpen(t)).toBe(true);
    expect(show(cal.addMinutes(t, 60), LA)).toBe('2019-07-01T13:00-07:00');
  });

  test.each([
    ['2019-07-01T12:00', true],
    ['2019-07-01T11:59', false],
    ['2019-07-01T16:59', true],
    ['2019-07-01T17:00', false],
    ['2019-07-04T13:00', false],
    ['2019-07-06T13:00', false],
  ])('isOpen(%s) = %s', (t, open) => {
    expect(cal.isOpen(at(t, LA))).toBe(open);
  });

  test('the last millisecond before closing is open', () => {
    expect(cal.isOpen(at('2019-07-01T17:00', LA) - 1)).toBe(true);
  });

  test.each([
    ['2019-07-01T17:00', '2019-07-02T12:00-07:00'],
    ['2019-07-01T12:00', '2019-07-01T12:00-07:00'],
    ['2019-07-01T13:00', '2019-07-01T13:00-07:00'],
    ['2019-07-03T17:00', '2019-07-05T12:00-07:00'],
    ['2019-12-23T17:00', '2019-12-26T12:00-08:00'],
    ['2019-03-09T10:00', '2019-03-11T12:00-07:00'],
  ])('nextOpening(%s) = %s', (t, next) => {
    expect(show(cal.nextOpening(at(t, LA)), LA)).toBe(next);
  });

  test.each([
    ['2019-07-01T12:00', '2019-07-01T17:00', 300],
    ['2019-07-01T00:00', '2019-07-08T00:00', 1200],
    ['2019-07-01T16:00', '2019-07-02T13:00', 120],
    ['2019-03-08T16:00', '2019-03-11T13:00', 120],
    ['2019-07-02T13:00', '2019-07-01T16:00', 0],
  ])('minutesBetween(%s, %s) = %i', (a, b, minutes) => {
    expect(cal.minutesBetween(at(a, LA), at(b, LA))).toBe(minutes);
  });
});

describe('Sunday 17:00 → Friday 17:00 America/Los_Angeles (velostrata 1.2/2.0)', () => {
  const cal = compileCalendar(pacificWeek(holidays2019));

  test('an ordinary week is one 120-hour stretch', () => {
    expect(cal.minutesBetween(at('2019-06-02T17:00', LA), at('2019-06-07T17:00', LA))).toBe(120 * 60);
    expect(cal.openIntervals(at('2019-06-01T00:00', LA), at('2019-06-08T00:00', LA))).toEqual([
      [at('2019-06-02T17:00', LA), at('2019-06-07T17:00', LA)],
    ]);
  });

  test.each([
    ['March 2019', '2019-03-08T17:00', 47],
    ['November 2019', '2019-11-01T17:00', 49],
    ['an ordinary weekend', '2019-06-07T17:00', 48],
    ['March 2028', '2028-03-10T17:00', 47],
    ['November 2028', '2028-11-03T17:00', 49],
  ])('the closed weekend of %s (closing %s) lasts %i real hours: the change falls on Sunday 02:00', (_, friday, hours) => {
    const close = at(friday, LA);
    expect(cal.isOpen(close)).toBe(false);
    expect((cal.nextOpening(close) - close) / HOUR).toBe(hours);
  });

  test.each([
    ['at opening', '2019-06-02T17:00', 240, '2019-06-02T21:00-07:00'],
    ['at closing', '2019-06-07T17:00', 240, '2019-06-09T21:00-07:00'],
    ['the whole stretch, due Friday at closing', '2019-06-02T17:00', 7200, '2019-06-07T17:00-07:00'],
    ['the stretch and a minute', '2019-06-02T17:00', 7201, '2019-06-09T17:01-07:00'],
    ['over the March 2019 weekend', '2019-03-08T16:00', 120, '2019-03-10T18:00-07:00'],
    ['over the November 2019 weekend', '2019-11-01T16:00', 120, '2019-11-03T18:00-08:00'],
    ['into Independence Day (cut at its midnight)', '2019-07-03T23:00', 60, '2019-07-04T00:00-07:00'],
    ['over Independence Day', '2019-07-03T23:00', 120, '2019-07-05T01:00-07:00'],
    ['over Christmas Eve and Day', '2019-12-23T22:00', 180, '2019-12-26T01:00-08:00'],
  ])('addMinutes %s: %s + %i min → %s', (_, submitted, minutes, due) => {
    expect(show(cal.addMinutes(at(submitted, LA), minutes), LA)).toBe(due);
  });

  test('holidays inside the stretch close their whole local day', () => {
    expect(cal.minutesBetween(at('2019-06-30T17:00', LA), at('2019-07-05T17:00', LA))).toBe(96 * 60);
    expect(cal.minutesBetween(at('2019-12-22T17:00', LA), at('2019-12-27T17:00', LA))).toBe(72 * 60);
    expect(cal.isOpen(at('2019-07-03T23:59', LA))).toBe(true);
    expect(cal.isOpen(at('2019-07-04T12:00', LA))).toBe(false);
    expect(cal.isOpen(at('2019-07-05T00:00', LA))).toBe(true);
    expect(show(cal.nextOpening(at('2019-07-04T08:00', LA)), LA)).toBe('2019-07-05T00:00-07:00');
  });

  test('a Sunday holiday moves the opening to Monday 00:00', () => {
    const sundayOff = compileCalendar(pacificWeek(['2019-06-09']));
    expect(show(sundayOff.nextOpening(at('2019-06-07T17:00', LA)), LA)).toBe('2019-06-10T00:00-07:00');
  });

  test('a stretch that crosses a DST change is an hour shorter or longer', () => {
    const weekend = compileCalendar({
      id: 'weekend',
      name: 'Sat 09:00 → Mon 09:00',
      timeZone: LA,
      weekly: [{ from: { day: 6, time: '09:00' }, to: { day: 1, time: '09:00' } }],
      holidays: [],
    });
    const length = (saturday: string, monday: string) => weekend.minutesBetween(at(saturday, LA), at(monday, LA)) / 60;
    expect(length('2019-03-09T09:00', '2019-03-11T09:00')).toBe(47);
    expect(length('2019-06-08T09:00', '2019-06-10T09:00')).toBe(48);
    expect(length('2019-11-02T09:00', '2019-11-04T09:00')).toBe(49);
    expect(length('2030-03-09T09:00', '2030-03-11T09:00')).toBe(47);
  });
});
