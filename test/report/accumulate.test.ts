import { describe, expect, it } from 'vitest';
import { createReport, type ReportRow, sumCounts } from '../../core/report';
import { Settings } from '../../core/settings/schema';

/**
 * The aggregation against small exports whose deadlines were worked out by hand from the contracts
 * (1.2 Silver: Sun 17:00 → Fri 17:00 Pacific business hours; 4.0: Mon–Fri 12:00–17:00 Pacific).
 */

const settings = Settings.parse({
  version: 1,
  customers: [
    { id: 'kestrel', name: 'Kestrel Bank', domains: ['kestrel.example'], policy: 'velostrata-1.2', level: 'silver' },
    { id: 'hoshino', name: 'Hoshino Robotics', organisations: ['Hoshino KK'], policy: 'velostrata-1.2', level: 'gold' },
    { id: 'atlas', name: 'Atlas Freight', policy: 'velostrata-4.0', region: 'americas' },
  ],
  holidays: { americas: { name: 'US 2026', calendar: 'pacific', dates: [{ date: '2026-11-26', name: 'Thanksgiving' }] } },
});

function report(rows: ReportRow[], now: string, extra: Partial<Parameters<typeof createReport>[0]> = {}) {
  const accumulator = createReport({ settings, now: Date.parse(now), ...extra });
  for (const [i, row] of rows.entries()) accumulator.add(row, i + 2);
  return accumulator.result();
}

describe('createReport', () => {
  it('counts across the US spring-forward weekend: a Friday 16:00 PST Silver P1 is due Sunday 20:00 PDT (03:00 UTC), not 04:00', () => {
    // 60 business minutes on Friday (16:00–17:00 PST), the other 180 from Sunday 17:00 PDT: due 20:00 PDT.
    const submitted = '2026-03-06T16:00:00-08:00';
    const result = report(
      [
        { customer: 'Kestrel Bank', priority: 'P1', submitted, firstReply: '2026-03-09T02:59:00Z' }, // 19:59 PDT: in time
        { requesterEmail: 'ops@kestrel.example', priority: 'urgent', submitted, firstReply: '2026-03-09T03:01:00Z' }, // 20:01 PDT: late
        { domain: 'kestrel.example', priority: 'P1', submitted, firstReply: '2026-03-09T02:00:00Z' }, // 19:00 PDT: 180 of 240 min
      ],
      '2026-04-01T00:00:00Z',
    );
    expect(result.totals).toMatchObject({ tickets: 3, met: 2, late: 1, openLate: 0, open: 0, noTarget: 0 });
    // 60 Friday minutes + 179 Sunday ones = 239/240 (≤ 100 %), 60 + 120 = 180/240 (≤ 75 %), 241/240 (≤ 150 %).
    expect(result.totals.shares).toEqual([0, 0, 1, 1, 1, 0, 0]);
    expect(result.groups).toHaveLength(1);
    expect(result.groups[0]).toMatchObject({ month: '2026-03', customer: 'Kestrel Bank', policy: 'velostrata-1.2', level: 'silver', priority: 'P1' });
    expect(result.worst).toHaveLength(1);
    expect(result.worst[0]).toMatchObject({ row: 3, state: 'late', deadline: '2026-03-09T03:00:00.000Z', overdueMinutes: 1 });
  });

  it('puts a ticket in the month of its submission in the chosen zone, across the EU switch to summer time', () => {
    const rows: ReportRow[] = [
      // 23:30 UTC on 31 March is 01:30 CEST on 1 April in Berlin (UTC+2 since 29 March), still March in UTC.
      { policy: 'velostrata-4.0', priority: 'P3', submitted: '2026-03-31T23:30:00Z' },
      // 23:30 UTC on 28 February is 00:30 CET on 1 March.
      { policy: 'velostrata-4.0', priority: 'P3', submitted: '2026-02-28T23:30:00Z' },
    ];
    const utc = report(rows, '2026-06-01T00:00:00Z');
    const berlin = report(rows, '2026-06-01T00:00:00Z', { zone: 'Europe/Berlin' });
    expect(utc.months.map((m) => m.month)).toEqual(['2026-02', '2026-03']);
    expect(berlin.months.map((m) => m.month)).toEqual(['2026-03', '2026-04']);
    expect(berlin.totals.openLate).toBe(2);
  });

  it("uses the settings' holiday list: a 4.0 P3 from Wednesday before Thanksgiving is due Monday 14:00 PST", () => {
    // Wed 16:00–17:00 (60), Thu closed, Fri 12:00–17:00 (300), Mon 12:00–14:00 (120) = 480 business minutes.
    const row = { organisation: 'Atlas Freight', priority: 'normal', submitted: '2026-11-25T16:00:00-08:00' };
    const before = report([row], '2026-11-30T21:59:00Z');
    const after = report([row], '2026-11-30T22:00:00Z');
    expect(before.totals).toMatchObject({ open: 1, openLate: 0 });
    expect(after.totals).toMatchObject({ open: 0, openLate: 1 });
    expect(after.worst[0]).toMatchObject({ state: 'open-late', deadline: '2026-11-30T22:00:00.000Z', overdueMinutes: 0 });
  });

  it('counts tickets routed to the Japanese team apart, and no-target tickets by why', () => {
    const result = report(
      [
        // Gold P1 in Japanese on a Saturday: Japan's hours, clock from Monday 09:00 JST, 1 h.
        { customer: 'Hoshino Robotics', priority: 'P1', language: 'ja', submitted: '2026-03-07T10:00:00+09:00', firstReply: '2026-03-09T09:30:00+09:00' },
        { customer: 'Hoshino Robotics', priority: 'P1', language: 'ja', submitted: '2026-03-07T10:00:00+09:00', firstReply: '2026-03-09T10:30:00+09:00' },
        { customer: 'Hoshino Robotics', priority: 'P1', submitted: '2026-03-07T10:00:00+09:00', firstReply: '2026-03-07T10:30:00+09:00' },
        { customer: 'Hoshino Robotics', priority: 'P2', type: 'feature', submitted: '2026-03-07T10:00:00+09:00' },
        { policy: 'velostrata-2.0', level: 'basic', priority: 'P2', submitted: '2026-03-07T10:00:00+09:00' },
      ],
      '2026-04-01T00:00:00Z',
    );
    expect(result.routed).toHaveLength(1);
    expect(result.routed[0]?.language).toBe('ja');
    expect(result.routed[0]?.counts).toMatchObject({ tickets: 2, met: 1, late: 1 });
    // 30 of 60 minutes (≤ 50 %), 90 of 60 (≤ 150 %); the English P1: 30 of 60 round the clock.
    expect(result.totals.shares).toEqual([0, 2, 0, 0, 1, 0, 0]);
    expect(result.totals.noTargetBy).toEqual({ 'feature-request': 1, 'no-technical-support': 1 });
    expect(result.totals).toMatchObject({ tickets: 5, met: 2, late: 1, noTarget: 2 });
  });

  it('lists bad rows with their row and reason, counts them all, and goes on', () => {
    const accumulator = createReport({ settings, now: Date.parse('2026-04-01T00:00:00Z'), badRowsListed: 3 });
    const good = { customer: 'Kestrel Bank', priority: 'P2', submitted: '2026-03-02T10:00:00-08:00' };
    accumulator.add({ ...good, submitted: 'yesterday' }, 2);
    accumulator.add({ ...good, priority: 'whenever' }, 3);
    accumulator.add({ ...good, customer: 'Nobody Ltd' }, 4);
    accumulator.add({ ...good, submitted: '' }, 5);
    accumulator.addBad(6, { code: 'bad-syntax', detail: 'Unexpected token' });
    accumulator.add(good, 7);
    accumulator.add({ ...good, level: 'diamond', customer: '', policy: 'velostrata-1.2' }, 8);
    const result = accumulator.result();
    expect(result.rows).toBe(7);
    expect(result.totals.tickets).toBe(1);
    expect(result.bad.count).toBe(6);
    expect(result.bad.byCode).toEqual({ 'unparsable-date': 1, 'unknown-priority': 1, 'unknown-customer': 1, 'missing-submitted': 1, 'bad-syntax': 1, 'invalid-field': 1 });
    expect(result.bad.listed).toEqual([
      { row: 2, code: 'unparsable-date', field: 'submitted', value: 'yesterday' },
      { row: 3, code: 'unknown-priority', field: 'priority', value: 'whenever' },
      { row: 4, code: 'unknown-customer', field: 'customer', value: 'Nobody Ltd' },
    ]);
  });

  it("names the field the core rejects once, in the core's words", () => {
    const accumulator = createReport({ now: 0 });
    accumulator.add({ policy: 'velostrata-1.2', level: 'diamond', priority: 'P1', submitted: '2026-03-02T10:00:00Z' }, 9);
    const [bad] = accumulator.result().bad.listed;
    expect(bad).toMatchObject({ row: 9, code: 'invalid-field', field: 'level' });
    expect(bad?.detail).toMatch(/^unknown level "diamond"/);
  });

  it('needs a policy on every row without settings', () => {
    const accumulator = createReport({ now: 0 });
    accumulator.add({ customer: 'Kestrel Bank', priority: 'P1', submitted: '2026-03-02T10:00:00Z' }, 2);
    expect(accumulator.result().bad.listed).toEqual([{ row: 2, code: 'no-policy', field: 'policy' }]);
  });

  it('skips rows outside from–to (days in the report zone) and keeps only the worst misses', () => {
    const rows: ReportRow[] = [1, 2, 3, 4, 5].map((day) => ({
      policy: 'velostrata-1.2',
      level: 'platinum',
      priority: 'P1',
      submitted: `2026-05-0${day}T10:00:00Z`,
      // Platinum P1: 15 min round the clock; each reply later than the one before.
      firstReply: `2026-05-0${day}T1${day}:00:00Z`,
    }));
    const result = report(rows, '2026-06-01T00:00:00Z', { from: '2026-05-02', to: '2026-05-04', worst: 2 });
    expect(result.skipped).toBe(2);
    expect(result.totals.late).toBe(3);
    expect(result.totals.met).toBe(0);
    expect(result.worst.map((w) => [w.row, w.overdueMinutes])).toEqual([
      [5, 225],
      [4, 165],
    ]);
    expect(sumCounts(result.groups.map((g) => g.counts))).toEqual(result.totals);
  });
});
