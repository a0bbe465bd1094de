import { describe, expect, test } from 'vitest';
import { compileCalendar } from '../../../core/time/index.ts';
import { at, show, weekdayHours } from './fixtures.ts';

describe.each([
  ['Asia/Tokyo', '+09:00'],
  ['Asia/Seoul', '+09:00'],
  ['Asia/Shanghai', '+08:00'],
])('Mon–Fri 09:00–17:00 %s', (zone, offset) => {
  const cal = compileCalendar(weekdayHours(`hours-${zone}`, zone, '09:00', '17:00'));
  const local = (t: number) => show(t, zone);

  test.each([
    ['Friday late, due Monday', '2019-07-05T16:30', 60, `2019-07-08T09:30${offset}`],
    ['at opening, due at closing', '2019-07-01T09:00', 480, `2019-07-01T17:00${offset}`],
    ['at closing', '2019-07-01T17:00', 60, `2019-07-02T10:00${offset}`],
    ['a whole week, due Friday at closing', '2019-07-01T09:00', 2400, `2019-07-05T17:00${offset}`],
    ['a week and a minute', '2019-07-01T09:00', 2401, `2019-07-08T09:01${offset}`],
    ['in 2030', '2030-12-31T16:00', 120, `2031-01-01T10:00${offset}`],
  ])('addMinutes %s: %s + %i min → %s', (_, submitted, minutes, due) => {
    expect(local(cal.addMinutes(at(submitted, zone), minutes))).toBe(due);
  });

  test('opening is open, closing is closed', () => {
    expect(cal.isOpen(at('2019-07-01T09:00', zone))).toBe(true);
    expect(cal.isOpen(at('2019-07-01T17:00', zone))).toBe(false);
    expect(cal.isOpen(at('2019-07-06T12:00', zone))).toBe(false);
  });

  test('a week has 40 hours', () => {
    expect(cal.minutesBetween(at('2019-07-01T00:00', zone), at('2019-07-08T00:00', zone))).toBe(2400);
  });

  test('a Friday-evening request from Los Angeles waits for Monday 09:00 local', () => {
    const friday = Date.parse('2019-07-05T17:00:00-07:00');
    expect(local(cal.nextOpening(friday))).toBe(`2019-07-08T09:00${offset}`);
  });

  test('a request sent on the US DST Sunday lands on Monday morning local time', () => {
    // Sunday 2019-03-10 17:00 PDT is Monday 09:00 in Tokyo/Seoul, 08:00 in Shanghai.
    const sunday = Date.parse('2019-03-10T17:00:00-07:00');
    expect(local(cal.addMinutes(sunday, 60))).toBe(`2019-03-11T10:00${offset}`);
    expect(cal.isOpen(sunday)).toBe(offset === '+09:00');
  });
});

test('a 10,000-hour target in Tokyo lands 250 working weeks later, due at a Friday closing', () => {
  const cal = compileCalendar(weekdayHours('tokyo-long', 'Asia/Tokyo', '09:00', '17:00'));
  const monday = at('2019-01-07T09:00', 'Asia/Tokyo');
  const due = cal.addMinutes(monday, 600_000);
  expect(show(due, 'Asia/Tokyo')).toBe('2023-10-20T17:00+09:00');
  expect(cal.minutesBetween(monday, due)).toBe(600_000);
});
