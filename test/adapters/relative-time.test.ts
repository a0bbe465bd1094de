import { describe, expect, it } from 'vitest';
import { parsePageDate } from '../../entrypoints/overlay.content/adapters/parse-date';
import { parseRelativeTime } from '../../entrypoints/overlay.content/adapters/relative-time';

const now = new Date('2026-11-15T12:00:00Z');
const ago = (text: string) => parseRelativeTime(text, now)?.toISOString();

describe('parseRelativeTime', () => {
  it.each([
    ['just now', '2026-11-15T12:00:00.000Z'],
    ['3 hours ago', '2026-11-15T09:00:00.000Z'],
    ['an hour ago', '2026-11-15T11:00:00.000Z'],
    ['about 1 hour ago', '2026-11-15T11:00:00.000Z'],
    ['2 days ago', '2026-11-13T12:00:00.000Z'],
    ['3 weeks ago', '2026-10-25T12:00:00.000Z'],
    ['5 min ago', '2026-11-15T11:55:00.000Z'],
    ['vor 2 Stunden', '2026-11-15T10:00:00.000Z'],
    ['vor einer Stunde', '2026-11-15T11:00:00.000Z'],
    ['gerade eben', '2026-11-15T12:00:00.000Z'],
    ['2日前', '2026-11-13T12:00:00.000Z'],
    ['3 時間前', '2026-11-15T09:00:00.000Z'],
    ['3시간 전', '2026-11-15T09:00:00.000Z'],
    ['3小时前', '2026-11-15T09:00:00.000Z'],
  ])('%s', (text, expected) => {
    expect(ago(text)).toBe(expected);
  });

  it('rejects text that is not a relative time', () => {
    expect(ago('sometime last spring')).toBeUndefined();
    expect(ago('3 bananas ago')).toBeUndefined();
    expect(ago('Sun Nov 15 02:30:00 2026')).toBeUndefined();
  });
});

describe('parsePageDate', () => {
  const zone = { timeZone: 'Europe/Berlin', now };

  it('keeps the offset of ISO times and applies the zone to times without one', () => {
    expect(parsePageDate('2026-11-15T02:30:00+09:00', zone)).toEqual({ iso: '2026-11-15T02:30:00.000+09:00', approximate: false });
    expect(parsePageDate('2026-11-15 02:30:00', zone)).toEqual({ iso: '2026-11-15T02:30:00.000+01:00', approximate: false });
    expect(parsePageDate('2026-11-15T02:30:00+0900', zone)).toEqual({ iso: '2026-11-15T02:30:00.000+09:00', approximate: false });
    expect(parsePageDate('Sun, 15 Nov 2026 02:30:00 +0900', zone)).toEqual({ iso: '2026-11-15T02:30:00.000+09:00', approximate: false });
  });

  it('reads a helpdesk format in the zone, DST-correct', () => {
    const rt = { ...zone, dateFormat: 'EEE MMM d HH:mm:ss yyyy' };
    expect(parsePageDate('Sun Nov 15 02:30:00 2026', rt)).toEqual({ iso: '2026-11-15T02:30:00.000+01:00', approximate: false });
    expect(parsePageDate('Mon Jun  1 09:00:00 2026', rt)).toEqual({ iso: '2026-06-01T09:00:00.000+02:00', approximate: false });
  });

  it('uses relative text only when allowed, and flags it', () => {
    expect(parsePageDate('3 hours ago', zone)).toHaveProperty('problem');
    expect(parsePageDate('3 hours ago', { ...zone, relative: true })).toEqual({ iso: '2026-11-15T10:00:00.000+01:00', approximate: true });
  });

  it('explains unreadable dates and unknown zones', () => {
    expect(parsePageDate('soon', { ...zone, dateFormat: 'dd.MM.yyyy' })).toEqual({
      problem: 'cannot read the date "soon" (expected ISO 8601 or "dd.MM.yyyy")',
    });
    expect(parsePageDate('2026-11-15 02:30', { ...zone, timeZone: 'Mars/Olympus' })).toEqual({ problem: 'unknown time zone "Mars/Olympus"' });
  });
});
