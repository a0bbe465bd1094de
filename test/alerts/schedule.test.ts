import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, test } from 'vitest';
import { type AlertPrefs, type AlertPrefsInput, AlertPrefs as AlertPrefsSchema, type AlertState } from '../../core/alerts/prefs';
import type { PageAgent } from '../../core/alerts/owner';
import { type AlertTicket, alertKey, alertTimeline, passesOwner, planAlerts, workingCalendar } from '../../core/alerts/schedule';
import type { CalendarSpec, Weekday, WeeklyInterval } from '../../core/time/index';
import { refIsOpen } from '../core/time/reference';

const MIN = 60_000;
const HOUR = 60 * MIN;
const prefs = (input: AlertPrefsInput): AlertPrefs => AlertPrefsSchema.parse({ enabled: true, ...input });
const EVERY_DAY = (from: string, to: string): WeeklyInterval[] =>
  ([1, 2, 3, 4, 5, 6, 7] as Weekday[]).map((day) => ({ from: { day, time: from }, to: { day, time: to } }));
const utc = (iso: string) => Date.parse(iso);

/** A ticket whose clock started an hour before its deadline, at risk 15 min before it. */
function ticket(id: string, deadline: number, extra: Partial<AlertTicket> = {}): AlertTicket {
  return { id, start: deadline - HOUR, atRisk: deadline - 15 * MIN, deadline, firstSeen: deadline - 2 * HOUR, priority: 'P1', ...extra };
}

const flatten = (timeline: ReturnType<typeof alertTimeline>) =>
  timeline.flatMap(({ at, alerts }) => alerts.map((alert) => `${alertKey(alert.id, alert.state)}@${at}`)).sort();

describe('the alert timeline', () => {
  test('working hours in Berlin on the spring-forward Sunday: 08:00 is 06:00 UTC that day, 07:00 UTC the week before', () => {
    const p = prefs({ states: ['breached'], workingHours: { timeZone: 'Europe/Berlin', weekly: EVERY_DAY('08:00', '17:00') } });
    const calendar = workingCalendar(p);
    const dst = ticket('a', utc('2026-03-29T05:30:00Z')); // 07:30 CEST: before work
    const inHours = ticket('b', utc('2026-03-29T06:30:00Z')); // 08:30 CEST
    const winter = ticket('c', utc('2026-03-22T05:30:00Z')); // 06:30 CET
    const timeline = alertTimeline([dst, inHours, winter], p, { calendar }, utc('2026-04-01T00:00:00Z'));
    expect(flatten(timeline)).toEqual(
      [
        `a|breached@${utc('2026-03-29T06:00:00Z')}`,
        `b|breached@${utc('2026-03-29T06:30:00Z')}`,
        `c|breached@${utc('2026-03-22T07:00:00Z')}`,
      ].sort(),
    );
  });

  test('a working day starting inside the spring-forward gap (New York, 02:30) starts at 03:30 EDT', () => {
    const p = prefs({ states: ['breached'], workingHours: { timeZone: 'America/New_York', weekly: EVERY_DAY('02:30', '10:00') } });
    const overnight = ticket('n', utc('2026-03-08T05:00:00Z')); // 00:00 EST
    const [group] = alertTimeline([overnight], p, { calendar: workingCalendar(p) }, utc('2026-03-09T00:00:00Z'));
    expect(group?.at).toBe(utc('2026-03-08T07:30:00Z'));
  });

  test('alerts held back overnight arrive as one group when work starts; a stale at-risk one is dropped', () => {
    const p = prefs({ workingHours: { timeZone: 'Asia/Tokyo', weekly: EVERY_DAY('09:00', '18:00') } });
    const opening = utc('2026-06-02T00:00:00Z'); // 09:00 JST
    // Both at risk and breached overnight: only the breach is news in the morning.
    const x = ticket('x', opening - 3 * HOUR);
    // At risk overnight, breaching after the opening: at risk at 09:00, breached at its deadline.
    const y = ticket('y', opening + 10 * MIN, { atRisk: opening - 4 * HOUR, start: opening - 5 * HOUR, firstSeen: opening - 6 * HOUR });
    const timeline = alertTimeline([x, y], p, { calendar: workingCalendar(p) }, opening + HOUR);
    expect(timeline).toEqual([
      {
        at: opening,
        alerts: [
          { id: 'x', state: 'breached', at: x.deadline },
          { id: 'y', state: 'at-risk', at: y.atRisk },
        ],
      },
      { at: y.deadline, alerts: [{ id: 'y', state: 'breached', at: y.deadline }] },
    ]);
  });

  test('quiet while idle: held back to the agent’s return', () => {
    const t = ticket('i', utc('2026-01-10T12:00:00Z'));
    const idle: Array<[number, number]> = [[t.atRisk - MIN, t.atRisk + 5 * MIN]];
    const timeline = alertTimeline([t], prefs({}), { idle }, t.deadline + HOUR);
    expect(timeline.map((g) => [g.at, g.alerts[0]?.state])).toEqual([
      [t.atRisk + 5 * MIN, 'at-risk'],
      [t.deadline, 'breached'],
    ]);
  });

  test('filters: priorities, levels, only mine (the page’s owner; unknown owners pass, unassigned do not), states, off', () => {
    const at = utc('2026-02-01T10:00:00Z');
    const tickets: AlertTicket[] = [
      ticket('p1-gold-mine', at, { level: 'Gold', owner: 'Jane Doe' }),
      ticket('p3-gold-mine', at, { level: 'Gold', owner: 'jane doe', priority: 'P3' }),
      ticket('p1-silver-mine', at, { level: 'Silver', owner: 'jane doe' }),
      ticket('p1-gold-bob', at, { level: 'Gold', owner: 'bob' }),
      ticket('p1-gold-nobody', at, { level: 'Gold', owner: null }),
      ticket('p1-gold-unknown', at, { level: 'Gold' }),
    ];
    const ids = (p: AlertPrefs) => [...new Set(flatten(alertTimeline(tickets, p, {}, at + HOUR)).map((k) => k.split('|')[0]))].sort();
    expect(ids(prefs({ priorities: ['P1', 'P2'], levels: ['gold'], onlyMine: true, myNames: [' JANE DOE '] }))).toEqual([
      'p1-gold-mine',
      'p1-gold-unknown',
    ]);
    expect(ids(prefs({ priorities: ['P1'] }))).toHaveLength(5);
    expect(flatten(alertTimeline(tickets.slice(0, 1), prefs({ states: ['at-risk'] }), {}, at + HOUR))).toEqual([
      `p1-gold-mine|at-risk@${at - 15 * MIN}`,
    ]);
    expect(alertTimeline(tickets, prefs({ enabled: false }), {}, at + HOUR)).toEqual([]);
  });

  test('only mine: the agent the page shows (RT’s login, osTicket’s first name), typed names as an addition; nothing known lets assigned tickets through', () => {
    const on = prefs({ onlyMine: true });
    const root: PageAgent = { name: 'root', form: 'login' };
    const agent: PageAgent = { name: 'Agent', form: 'first-name' };
    expect(passesOwner({ owner: 'root (Enoch Root)', agent: root }, on)).toBe(true);
    expect(passesOwner({ owner: 'Maria Lopez <maria.lopez@acme-robotics.test>', agent: root }, on)).toBe(false);
    expect(passesOwner({ owner: 'Maria Lopez <maria.lopez@acme-robotics.test>', agent: root }, prefs({ onlyMine: true, myNames: ['maria.lopez'] }))).toBe(true);
    expect(passesOwner({ owner: 'Agent Probe', agent }, on)).toBe(true);
    expect(passesOwner({ owner: 'Other Probe', agent }, on)).toBe(false);
    expect(passesOwner({ owner: null, agent }, on)).toBe(false);
    // Neither the page's agent nor typed names: cannot tell (the popup says so), except that unassigned is nobody's.
    expect(passesOwner({ owner: 'Other Probe' }, on)).toBe(true);
    expect(passesOwner({ owner: null }, on)).toBe(false);
    // The page shows no owner: cannot tell.
    expect(passesOwner({ agent }, on)).toBe(true);
    expect(passesOwner({ owner: 'Other Probe', agent }, prefs({ onlyMine: false }))).toBe(true);
  });

  test('a transition before the ticket was first seen does not alert; a later one does', () => {
    const t = ticket('s', utc('2026-01-10T12:00:00Z'), { firstSeen: utc('2026-01-10T11:50:00Z') });
    expect(flatten(alertTimeline([t], prefs({}), {}, t.deadline + HOUR))).toEqual([`s|breached@${t.deadline}`]);
    const plan = planAlerts({ tickets: [t], prefs: prefs({}), done: new Set(), now: t.firstSeen });
    expect(plan).toEqual({ deliver: [], settle: ['s|at-risk'], wakeAt: t.deadline });
  });
});

describe('planning at an instant (the background’s alarm)', () => {
  const t = ticket('t', utc('2026-05-05T10:00:00Z'));
  test('wakes at the next at-risk or breach instant, delivers each alert once', () => {
    const done = new Set<string>();
    const first = planAlerts({ tickets: [t], prefs: prefs({}), done, now: t.firstSeen });
    expect(first).toEqual({ deliver: [], settle: [], wakeAt: t.atRisk });
    const second = planAlerts({ tickets: [t], prefs: prefs({}), done, now: t.atRisk });
    expect(second).toEqual({ deliver: [{ id: 't', state: 'at-risk', at: t.atRisk }], settle: [], wakeAt: t.deadline });
    done.add(alertKey('t', 'at-risk'));
    // Woken again (another tab's report) before the deadline: nothing more.
    expect(planAlerts({ tickets: [t], prefs: prefs({}), done, now: t.atRisk + MIN }).deliver).toEqual([]);
    expect(planAlerts({ tickets: [t], prefs: prefs({}), done, now: t.deadline }).deliver).toEqual([{ id: 't', state: 'breached', at: t.deadline }]);
  });
  test('woken late (the service worker was stopped): an at-risk alert whose ticket has breached is dropped, the breach alerts', () => {
    const plan = planAlerts({ tickets: [t], prefs: prefs({}), done: new Set(), now: t.deadline + MIN });
    expect(plan).toEqual({ deliver: [{ id: 't', state: 'breached', at: t.deadline }], settle: ['t|at-risk'] });
  });
  test('idle: nothing now and no alarm (the return from idle wakes the background)', () => {
    expect(planAlerts({ tickets: [t], prefs: prefs({}), done: new Set(), now: t.atRisk, idle: true })).toEqual({ deliver: [], settle: [] });
  });
});

// ---- Properties: the timeline against a naive reference, and the wake-up walk against the timeline.

const ZONES = ['Europe/Berlin', 'America/New_York', 'America/St_Johns', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'Pacific/Chatham', 'Asia/Tokyo', 'UTC'];
const QUARTER = 15 * MIN;
const hhmm = (minute: number) => `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;

/** The owners the scenarios use, with the names (and the first name) each one shows, spelt out by hand. */
const OWNER_FORMS: Record<string, { names: string[]; first: string[] }> = {
  jane: { names: ['jane'], first: ['jane'] },
  Bob: { names: ['bob'], first: ['bob'] },
  'jane (Jane Doe)': { names: ['jane', 'jane doe', 'jane (jane doe)'], first: ['jane'] },
  'Jane Doe': { names: ['jane doe'], first: ['jane'] },
};

/** A working stretch on one weekday (or overnight into the next), quarter-hour aligned. */
const stretch = fc
  .record({ day: fc.integer({ min: 1, max: 7 }), from: fc.integer({ min: 0, max: 95 }), quarters: fc.integer({ min: 1, max: 60 }) })
  .map(({ day, from, quarters }): WeeklyInterval => {
    const end = from * 15 + quarters * 15;
    const toDay = end > 1440 ? (day % 7) + 1 : day;
    return { from: { day: day as Weekday, time: hhmm(from * 15) }, to: { day: toDay as Weekday, time: hhmm(end > 1440 ? end - 1440 : end) } };
  });

/** Days around the DST changes of both hemispheres (and some ordinary ones), 2019–2030. */
const base = fc
  .record({ year: fc.integer({ min: 2019, max: 2030 }), month: fc.constantFrom(2, 3, 8, 9, 10, 5), day: fc.integer({ min: 0, max: 30 }) })
  .map(({ year, month, day }) => Date.UTC(year, month, 1) + day * 24 * HOUR);

const scenario = base.chain((t0) =>
  fc.record({
    t0: fc.constant(t0),
    tickets: fc.array(
      fc
        .record({
          offset: fc.integer({ min: 0, max: 3 * 24 * 60 }),
          ms: fc.integer({ min: 0, max: MIN - 1 }),
          length: fc.integer({ min: 1, max: 600 }),
          riskShare: fc.double({ min: 0, max: 1, noNaN: true }),
          seen: fc.integer({ min: -24 * 60, max: 700 }),
          priority: fc.constantFrom('P1', 'P2', 'P3', 'P4'),
          level: fc.constantFrom('Gold', 'Silver', undefined),
          owner: fc.constantFrom(...(Object.keys(OWNER_FORMS) as string[]), null, undefined),
          agent: fc.constantFrom<PageAgent | undefined>(undefined, { name: 'jane', form: 'login' }, { name: 'Jane', form: 'first-name' }),
        })
        .map((r): AlertTicket => {
          const start = t0 + r.offset * MIN + r.ms;
          const deadline = start + r.length * MIN;
          const atRisk = start + Math.floor(r.riskShare * (deadline - start));
          return { id: '', start, atRisk, deadline, firstSeen: start + r.seen * MIN, priority: r.priority, level: r.level, owner: r.owner, agent: r.agent };
        }),
      { minLength: 1, maxLength: 6 },
    ).map((list) => list.map((t, i) => ({ ...t, id: `t${i}` }))),
    prefs: fc.record({
      states: fc.subarray(['at-risk', 'breached'] as AlertState[]),
      priorities: fc.subarray(['P1', 'P2', 'P3', 'P4'] as const, { minLength: 1 }),
      levels: fc.subarray(['gold', 'Silver']),
      onlyMine: fc.boolean(),
      myNames: fc.subarray(['JANE', 'bob ']),
      workingHours: fc.option(fc.record({ timeZone: fc.constantFrom(...ZONES), weekly: fc.array(stretch, { minLength: 1, maxLength: 4 }) }), { nil: null }),
    }),
    idle: fc.array(
      fc.record({ from: fc.integer({ min: 0, max: 4 * 96 }), quarters: fc.integer({ min: 1, max: 40 }) }).map(({ from, quarters }) => [t0 + from * QUARTER, t0 + (from + quarters) * QUARTER] as [number, number]),
      { maxLength: 3 },
    ),
    extraWakes: fc.array(fc.integer({ min: 0, max: 6 * 24 * 60 }).map((m) => t0 + m * MIN), { maxLength: 5 }),
  }),
);

/** "Only mine" spelt out: unassigned never; nothing tells who the agent is: every owner; else the table's forms. */
function referenceMine(owner: string | null, agent: PageAgent | undefined, typed: string[]): boolean {
  if (owner === null) return false;
  const names = typed.map((n) => n.trim().toLowerCase());
  if (!agent && names.length === 0) return true;
  const forms = OWNER_FORMS[owner] as { names: string[]; first: string[] };
  if (names.some((n) => forms.names.includes(n))) return true;
  if (agent?.form === 'login') return forms.names.includes(agent.name.toLowerCase());
  return agent?.form === 'first-name' && forms.first.includes(agent.name.toLowerCase());
}

/** The naive reference: filters spelt out, quiet checked quarter-hour by quarter-hour with the engine's day-by-day reference. */
function reference(tickets: AlertTicket[], p: AlertPrefs, idle: Array<[number, number]>, until: number): string[] {
  const spec: CalendarSpec | null = p.workingHours ? { id: 'ref', name: 'ref', timeZone: p.workingHours.timeZone, weekly: p.workingHours.weekly, holidays: [] } : null;
  const quiet = (t: number) => (spec !== null && !refIsOpen(spec, t)) || idle.some(([a, b]) => a <= t && t < b);
  const out: string[] = [];
  for (const t of tickets) {
    if (!p.priorities.includes(t.priority as 'P1')) continue;
    if (p.levels.length > 0 && !p.levels.map((l) => l.toLowerCase()).includes((t.level ?? '').toLowerCase())) continue;
    if (p.onlyMine && t.owner !== undefined && !referenceMine(t.owner, t.agent, p.myNames)) continue;
    for (const state of p.states) {
      if (state === 'at-risk' && !(t.atRisk < t.deadline)) continue;
      const at = state === 'at-risk' ? t.atRisk : t.deadline;
      if (at < t.firstSeen) continue;
      let d = at;
      if (quiet(d)) {
        d = Math.ceil(at / QUARTER) * QUARTER;
        while (quiet(d)) d += QUARTER;
      }
      if (d > until) continue;
      if (state === 'at-risk' && d >= t.deadline) continue;
      out.push(`${alertKey(t.id, state)}@${d}`);
    }
  }
  return out.sort();
}

/** The background's walk: woken at each plan's wakeAt, each report (firstSeen), each return from idle and at random. */
function walk(tickets: AlertTicket[], p: AlertPrefs, idle: Array<[number, number]>, extra: number[], from: number, until: number): string[] {
  const events = [...tickets.map((t) => t.firstSeen), ...idle.map(([, b]) => b), ...extra].filter((t) => t >= from).sort((a, b) => a - b);
  const done = new Set<string>();
  const out: string[] = [];
  const calendar = workingCalendar(p);
  let wakeAt: number | undefined = from;
  while (true) {
    const now: number = Math.min(wakeAt ?? Number.POSITIVE_INFINITY, events[0] ?? Number.POSITIVE_INFINITY);
    if (!Number.isFinite(now) || now > until) break;
    while (events.length > 0 && (events[0] as number) <= now) events.shift();
    const seen = tickets.filter((t) => t.firstSeen <= now);
    const plan = planAlerts({ tickets: seen, prefs: p, done, now, idle: idle.some(([a, b]) => a <= now && now < b), calendar });
    for (const alert of plan.deliver) {
      out.push(`${alertKey(alert.id, alert.state)}@${now}`);
      done.add(alertKey(alert.id, alert.state));
    }
    for (const key of plan.settle) done.add(key);
    wakeAt = plan.wakeAt;
    if (wakeAt !== undefined && wakeAt <= now) throw new Error(`plan at ${now} asked to wake at ${wakeAt}`);
  }
  return out.sort();
}

// Up to about 3.5 s of work a test on an idle machine (150 random scenarios against the naive
// reference); 60 s covers a 2-core machine at load 10.
describe('properties (fast-check)', { timeout: 60_000 }, () => {
  test('the timeline equals the naive reference, DST days and quiet hours included', () => {
    fc.assert(
      fc.property(scenario, ({ t0, tickets, prefs: raw, idle }) => {
        const p = prefs(raw);
        const until = t0 + 10 * 24 * HOUR;
        const got = flatten(alertTimeline(tickets, p, { calendar: workingCalendar(p), idle }, until));
        expect(got).toEqual(reference(tickets, p, idle, until));
      }),
      { numRuns: 150 },
    );
  });

  test('walking the plans wake-up by wake-up delivers exactly the timeline: each alert once, at its instant', () => {
    fc.assert(
      fc.property(scenario, ({ t0, tickets, prefs: raw, idle, extraWakes }) => {
        const p = prefs(raw);
        const until = t0 + 10 * 24 * HOUR;
        const from = Math.min(...tickets.map((t) => t.firstSeen));
        const expected = flatten(alertTimeline(tickets, p, { calendar: workingCalendar(p), idle }, until));
        expect(walk(tickets, p, idle, extraWakes, from, until)).toEqual(expected);
      }),
      { numRuns: 200 },
    );
  });

  test('the DST day sanity check: the generator reaches days whose UTC offset changes', () => {
    const change = DateTime.fromISO('2026-03-29T12:00:00', { zone: 'Europe/Berlin' }).offset !== DateTime.fromISO('2026-03-28T12:00:00', { zone: 'Europe/Berlin' }).offset;
    expect(change).toBe(true);
  });
});
