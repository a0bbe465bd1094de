import { describe, expect, it } from 'vitest';
import { zoneAbbreviation } from '../../../core/time/zone-abbreviation';
import { formatInZone } from '../../../core/evaluate/format';

const winter = new Date('2026-01-15T12:00:00Z');
const summer = new Date('2026-07-15T12:00:00Z');

describe('zoneAbbreviation', () => {
  it.each([
    ['Asia/Tokyo', 'JST', 'JST'],
    ['Asia/Seoul', 'KST', 'KST'],
    ['America/Los_Angeles', 'PST', 'PDT'],
    ['America/Chicago', 'CST', 'CDT'],
    ['Europe/Berlin', 'CET', 'CEST'],
  ])('%s: the abbreviation its readers know', (zone, inWinter, inSummer) => {
    expect([zoneAbbreviation(zone, winter), zoneAbbreviation(zone, summer)]).toEqual([inWinter, inSummer]);
  });

  it.each(['Asia/Shanghai', 'Asia/Chongqing', 'Asia/Taipei'])('%s is UTC+8, never "CST" (US Central to an American agent)', (zone) => {
    expect(zoneAbbreviation(zone, winter)).toBe('UTC+8');
  });

  it.each([
    ['America/Havana', 'UTC-5'],
    ['Asia/Kathmandu', 'UTC+5:45'],
    ['Etc/UTC', 'UTC'],
  ])('%s without an unambiguous abbreviation: its offset, %s', (zone, name) => {
    expect(zoneAbbreviation(zone, winter)).toBe(name);
  });

  it('names China time unambiguously in explanations too', () => {
    expect(formatInZone(Date.parse('2026-11-23T01:00:00Z'), 'Asia/Shanghai')).toBe('Mon 2026-11-23 09:00 UTC+8');
  });
});
