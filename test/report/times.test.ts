import { describe, expect, it } from 'vitest';
import { PRESETS } from '../../core/report';
import { readTime } from '../../core/report/times';

describe('readTime', () => {
  it('keeps ISO 8601 with an offset as written (the text sla batch evaluates)', () => {
    expect(readTime(' 2026-03-06T16:00:00-08:00 ', 'Asia/Tokyo')).toBe('2026-03-06T16:00:00-08:00');
  });

  it("reads times without an offset as wall times in the helpdesk's zone, DST-correct", () => {
    expect(readTime('2026-03-06 16:00', 'America/Los_Angeles')).toBe('2026-03-06T16:00:00.000-08:00');
    expect(readTime('2026-03-09 16:00:00', 'America/Los_Angeles')).toBe('2026-03-09T16:00:00.000-07:00');
    // RT's format; in the spring gap 02:30 moves on to 03:30; the autumn's 01:30 is its first occurrence.
    expect(readTime('Fri Dec 04 13:43:00 2026', 'UTC')).toBe('2026-12-04T13:43:00.000+00:00');
    expect(readTime('Sun Mar 08 02:30:00 2026', 'America/New_York')).toBe('2026-03-08T03:30:00.000-04:00');
    expect(readTime('2026-11-01 01:30', 'America/New_York')).toBe('2026-11-01T01:30:00.000-04:00');
  });

  it("reads the presets' own formats (Jira Server and Cloud, osTicket with U+202F before PM)", () => {
    expect(readTime('06/Mar/26 4:00 PM', 'America/Los_Angeles', PRESETS.jira.dateFormats)).toBe('2026-03-06T16:00:00.000-08:00');
    expect(readTime('6/21/2025 16:14', 'UTC', PRESETS.jira.dateFormats)).toBe('2025-06-21T16:14:00.000+00:00');
    expect(readTime('3/6/26 4:00\u202fPM', 'UTC', PRESETS.osticket.dateFormats)).toBe('2026-03-06T16:00:00.000+00:00');
  });

  it('says undefined for what is not a date and time', () => {
    expect(readTime('2026-02-31 10:00', 'UTC')).toBeUndefined();
    expect(readTime('yesterday', 'UTC', PRESETS.jira.dateFormats)).toBeUndefined();
    expect(readTime('2026-03-06', 'UTC')).toBeUndefined();
  });
});
