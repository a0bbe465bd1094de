import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { holidaysFromCountry, holidaysFromIcs } from '../../core/settings/holidays';
import { HolidayCalendar } from '../../core/settings/schema';

const ics = readFileSync(new URL('./fixtures/holidays.ics', import.meta.url), 'utf8');

describe('holidaysFromIcs', () => {
  it('takes all-day events, expands yearly rules over the range and skips timed events', () => {
    const result = holidaysFromIcs(ics, { name: 'Team', calendar: 'pacific', years: { from: 2026, to: 2027 } });
    if (!result.ok) throw new Error(result.error);
    expect(HolidayCalendar.parse(result.calendar)).toEqual(result.calendar);
    expect(result.calendar.dates).toEqual([
      { date: '2026-01-01', name: 'New Year' },
      { date: '2026-12-24', name: 'Christmas break' },
      { date: '2026-12-25', name: 'Christmas break' },
      { date: '2026-12-26', name: 'Christmas break' },
      { date: '2027-01-01', name: 'New Year' },
    ]);
    expect(result.skipped).toEqual(['Team party: has a time of day, not a whole day']);
  });

  it('keeps a one-day event without DTEND in range; a rule does not reach before its start', () => {
    const result = holidaysFromIcs(ics, { name: 'T', calendar: 'pacific', years: { from: 2019, to: 2019 } });
    expect(result.ok && result.calendar.dates).toEqual([{ date: '2019-07-04', name: 'Independence Day 2019' }]);
  });

  it('rejects text that is not iCalendar, or has no events', () => {
    expect(holidaysFromIcs('hello', { name: 'T', calendar: 'pacific', years: { from: 2026, to: 2026 } }).ok).toBe(false);
    const empty = holidaysFromIcs('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n', { name: 'T', calendar: 'p', years: { from: 2026, to: 2026 } });
    expect(empty).toEqual({ ok: false, error: 'the file has no events (VEVENT)' });
  });
});

describe('holidaysFromCountry', () => {
  it('DE 2026: the nine nationwide public holidays, no observances', () => {
    const result = holidaysFromCountry({ country: 'de', calendar: 'pacific', years: { from: 2026, to: 2026 } });
    if (!result.ok) throw new Error(result.error);
    expect(result.calendar.name).toBe('DE public holidays 2026–2026');
    expect(result.calendar.dates.map((d) => d.date)).toEqual([
      '2026-01-01',
      '2026-04-03',
      '2026-04-06',
      '2026-05-01',
      '2026-05-14',
      '2026-05-25',
      '2026-10-03',
      '2026-12-25',
      '2026-12-26',
    ]);
    expect(result.calendar.dates[6]?.name).toBe('Tag der Deutschen Einheit');
  });

  it('a state adds its own days; unknown codes are an error', () => {
    const by = holidaysFromCountry({ country: 'DE', state: 'BY', calendar: 'pacific', years: { from: 2026, to: 2026 }, language: 'en' });
    expect(by.ok && by.calendar.dates.find((d) => d.date === '2026-01-06')?.name).toBe('Epiphany');
    expect(holidaysFromCountry({ country: 'XX', calendar: 'pacific', years: { from: 2026, to: 2026 } }).ok).toBe(false);
    expect(holidaysFromCountry({ country: 'DE', state: 'ZZ', calendar: 'pacific', years: { from: 2026, to: 2026 } }).ok).toBe(false);
  });
});
