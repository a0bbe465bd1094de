import { describe, expect, it, vi } from 'vitest';
import { policyCalendar } from '../../core/evaluate/calendars';
import { builtinPolicies } from '../../core/policy/builtin';
import type { Policy } from '../../core/policy/schema';
import { Settings } from '../../core/settings/schema';
import { badgeState } from '../../entrypoints/overlay.content/badge-state';
import { createPipeline, warmPipeline } from '../../entrypoints/overlay.content/pipeline';
import { ticket } from './inputs';
import { localeWords } from './locale-words';

const settings = Settings.parse({
  version: 1,
  customers: [
    {
      id: 'acme',
      name: 'Acme',
      domains: ['acme.example'],
      policy: 'velostrata-1.2',
      level: 'gold',
      contacts: [{ address: 'lead@acme.example' }],
    },
    { id: 'kumo', name: 'Kumo KK', organisations: ['Kumo'], policy: 'velostrata-1.2', level: 'platinum' },
    { id: 'broken', name: 'Broken', organisations: ['Broken'], policy: 'velostrata-1.2', level: 'diamond' },
  ],
});
const pipeline = () => createPipeline(settings, undefined);

describe('the popover speaks the language of the badges', () => {
  // A 4.0 customer whose team list names the holidays: Wed 3 July 2019 16:00 PDT, 4 and 5 July closed.
  const teamList = Settings.parse({
    version: 1,
    customers: [{ id: 'north', name: 'North', organisations: ['North'], policy: 'velostrata-4.0', region: 'americas' }],
    holidays: { americas: { name: 'US', calendar: 'pacific', dates: [{ date: '2019-07-04', name: 'Independence Day' }] } },
  });
  const read = async (lang: 'en' | 'de' | 'ja') => {
    const model = createPipeline(teamList, undefined, await localeWords(lang))(
      ticket({ id: '1', organisation: 'North', priority: 'P1', submitted: '2019-07-03T23:00:00Z' }),
    );
    return model.sections.flatMap((section) => section.lines);
  };

  it('names the skipped holidays and cites §5.2/§5.3 in English, German and Japanese', async () => {
    expect(await read('en')).toContain(
      'Calendar: Velostrata v4.0 business hours (Mon–Fri 12:00–17:00 Pacific Time) in America/Los_Angeles (§5.2, §5.3), 12 holidays (region US) closed; skipped: Thu 2019-07-04 (Independence Day), Fri 2019-07-05.',
    );
    const de = await read('de');
    expect(de).toContain('Regel: P1 → Erstreaktion innerhalb von 4 Std. Geschäftszeit (§4(b)).');
    expect(de.find((line) => line.startsWith('Kalender:'))).toContain('übersprungen: Do 2019-07-04 (Independence Day), Fr 2019-07-05.');
    const ja = await read('ja');
    expect(ja).toContain('期限: 2019-07-08(月) 15:00 PDT（2019-07-08(月) 22:00 UTC）。');
    expect(ja.find((line) => line.startsWith('カレンダー:'))).toContain('スキップした祝日: 2019-07-04(木)（Independence Day）、2019-07-05(金)。');
  });
});

describe('pipeline (real core)', () => {
  it('evaluates a mapped ticket: label, deadline, explanation and contact warning', () => {
    const model = pipeline()(
      ticket({ id: '7', priorityRaw: 'High', requesterEmail: 'Bob <bob@acme.example>', submitted: '2026-11-17T17:00:00Z' }),
    );
    expect(model.input.kind).toBe('evaluated');
    // Tuesday 09:00 PST, Gold P2 = 4 business hours on the Pacific calendar.
    const view = badgeState(model.input, Date.parse('2026-11-17T18:00:00Z'));
    expect(view).toMatchObject({ state: 'on-track', text: 'P2 · Gold · 3h left', deadline: '2026-11-17T21:00:00.000Z' });
    const titles = model.sections.filter((s) => s.lines.length).map((s) => s.title);
    expect(titles).toEqual(expect.arrayContaining(['Contract', 'Clock', 'Designated contacts', 'Why']));
    const contacts = model.sections.find((s) => s.title === 'Designated contacts');
    expect(contacts?.warning).toBe(true);
    expect(contacts?.lines.join()).toContain('bob@acme.example is not one of');
    // At-risk counts business minutes: 50 of 240 left → at risk.
    expect(badgeState(model.input, Date.parse('2026-11-17T20:10:00Z')).state).toBe('at-risk');
  });

  it('switches to at-risk when a quarter of the business minutes is left, across a closed night', () => {
    const model = pipeline()(ticket({ id: '9', priorityRaw: 'High', requesterEmail: 'lead@acme.example', submitted: '2026-11-17T23:30:00Z' }));
    if (model.input.kind !== 'evaluated' || !model.input.result.target) throw new Error('expected a target');
    const { target } = model.input.result;
    expect(target.clock).toBe('business-hours');
    const calendar = policyCalendar(builtinPolicies['velostrata-1.2'] as Policy, target.calendar, undefined, undefined);
    const [start, due] = [Date.parse(target.start), Date.parse(target.deadline)];
    let switches = 0;
    for (let now = start; now < due; now += 5 * 60_000) {
      const left = calendar.minutesBetween(now, due);
      const expected = left / target.minutes <= settings.atRiskShare ? 'at-risk' : 'on-track';
      const state = badgeState(model.input, now).state;
      expect(state, new Date(now).toISOString()).toBe(expected);
      if (state === 'at-risk') switches++;
    }
    expect(switches).toBeGreaterThan(0);
  });

  it('shows a deferred start for a Japanese request in Japan time, with the English alternative', () => {
    const model = pipeline()(
      ticket({ id: '8', priority: 'P3', organisation: 'Kumo', language: 'ja', submitted: '2026-11-14T03:00:00Z' }),
    );
    // Saturday: the Japan team opens Monday 09:00 JST.
    expect(badgeState(model.input, Date.parse('2026-11-14T03:05:00Z')).text).toBe('Waiting · starts Mon 09:00 JST');
    const routing = model.sections.find((s) => s.title === 'Routing')?.lines.join(' ') ?? '';
    expect(routing).toMatch(/accepts English/);
  });

  describe('a 2.0 requester who is not a designated contact', () => {
    const northwind = (level?: string) =>
      Settings.parse({
        version: 1,
        customers: [
          {
            id: 'northwind',
            name: 'Northwind',
            domains: ['northwind.example'],
            policy: 'velostrata-2.0',
            level,
            contacts: [{ address: 'ops@northwind.example', role: 'production' }],
          },
        ],
      });
    const eve = ticket({ id: '12', priorityRaw: 'High', requesterEmail: 'eve@northwind.example', submitted: '2026-11-17T17:00:00Z' });

    it("is evaluated with the customer's default role, and the popover warns", () => {
      const model = createPipeline(northwind('development'), undefined)(eve);
      expect(model.input).toMatchObject({ kind: 'evaluated', label: 'P2 · Development' });
      const contacts = model.sections.find((s) => s.title === 'Designated contacts');
      expect(contacts).toMatchObject({ warning: true });
      expect(contacts?.lines).toEqual([
        "eve@northwind.example is not one of Northwind's 1 designated contacts: the target uses Development (the customer's level or role).",
      ]);
    });

    it('without a default role: unreadable, once saying why and how to give one', () => {
      const model = createPipeline(northwind(), undefined)(eve);
      expect(model.input).toEqual({ kind: 'unreadable', reason: 'no role for this requester' });
      expect(badgeState(model.input, 0).text).toBe('Unreadable · no role for this requester');
      expect(model.sections[0]?.lines).toEqual([
        'no role for this requester',
        "eve@northwind.example is not one of Northwind's 1 designated contacts.",
        'Give Northwind a level or role (options page → Contracts), or add the requester as a designated contact with a role.',
      ]);
    });
  });

  it('names an invalid level once ("level: …", not "level: level: …")', () => {
    const broken = createPipeline(settings, undefined)(
      ticket({ id: '13', priorityRaw: 'High', organisation: 'Broken', submitted: '2026-11-17T17:00:00Z' }),
    );
    expect(broken.input).toEqual({ kind: 'unreadable', reason: expect.stringMatching(/^level: unknown level "diamond"/) });
  });

  it('unmapped customers offer a prefilled mapping', () => {
    const model = pipeline()(ticket({ id: '9', priorityRaw: 'Low', requesterEmail: 'a@unknown.example', organisation: 'Unknown Co', submitted: '2026-11-17T17:00:00Z' }));
    expect(model.input).toEqual({ kind: 'unmapped', customer: 'Unknown Co' });
    expect(model.mapCustomer).toEqual({ name: 'Unknown Co', domain: 'unknown.example' });
  });

  it('names what could not be read', () => {
    const run = pipeline();
    const noTime = run(ticket({ id: '10', priorityRaw: 'High', organisation: 'Kumo' }, ['submitted']));
    expect(badgeState(noTime.input, 0).text).toBe('Unreadable · no submission time');
    const oddPriority = run(ticket({ id: '11', priorityRaw: 'Whenever', organisation: 'Kumo', submitted: '2026-11-17T17:00:00Z' }));
    expect(badgeState(oddPriority.input, 0).text).toBe('Unreadable · priority "Whenever" not mapped');
    const badLevel = run(ticket({ id: '12', priority: 'P1', organisation: 'Broken', submitted: '2026-11-17T17:00:00Z' }));
    expect(badLevel.input.kind).toBe('unreadable');
    const page = run({ ...ticket({}, ['id']), key: 'page', problem: 'invalid selector "tr[["' });
    expect(badgeState(page.input, 0).text).toBe('Unreadable · invalid selector "tr[["');
  });

  it('returns the same model for an unchanged ticket and a new one when fields change', () => {
    const run = pipeline();
    const fields = { id: '7', priorityRaw: 'High', requesterEmail: 'lead@acme.example', submitted: '2026-11-17T17:00:00Z' };
    const first = run(ticket(fields));
    expect(run(ticket({ ...fields }))).toBe(first);
    expect(run(ticket({ ...fields, priorityRaw: 'Low' }))).not.toBe(first);
  });

  it('keeps the model when the same relative time ("3 hours ago") is read again later, not when it changes', () => {
    vi.useFakeTimers({ now: Date.parse('2026-11-17T20:00:00Z') });
    try {
      const run = pipeline();
      const fields = { id: '8', priorityRaw: 'High', requesterEmail: 'lead@acme.example', submittedApproximate: true };
      const first = run(ticket({ ...fields, submitted: '2026-11-17T17:00:00Z' }));
      vi.advanceTimersByTime(90_000);
      // The same text read 90 s later: a start 90 s later, and the same deadline as before.
      expect(run(ticket({ ...fields, submitted: '2026-11-17T17:01:30Z' }))).toBe(first);
      // The page now says "4 hours ago": a new reading.
      const later = run(ticket({ ...fields, submitted: '2026-11-17T16:01:30Z' }));
      expect(later).not.toBe(first);
      // An exact time that moves is always a new reading.
      const exact = { id: '9', priorityRaw: 'High', requesterEmail: 'lead@acme.example' };
      const pinned = run(ticket({ ...exact, submitted: '2026-11-17T17:00:00Z' }));
      vi.advanceTimersByTime(90_000);
      expect(run(ticket({ ...exact, submitted: '2026-11-17T17:01:30Z' }))).not.toBe(pinned);
    } finally {
      vi.useRealTimers();
    }
  });

  it('warmPipeline: never throws (unknown level, unknown policy) and leaves every result unchanged', () => {
    const odd = Settings.parse({
      ...settings,
      customers: [
        ...settings.customers,
        { id: 'ghost', name: 'Ghost', organisations: ['Ghost'], policy: 'no-such-policy' },
        { id: 'ja', name: 'Nihon', organisations: ['Nihon'], policy: 'velostrata-4.0', region: 'emea' },
      ],
    });
    const tickets = ['Kumo', 'Broken', 'Ghost', 'Nihon'].flatMap((organisation, i) =>
      (['High', 'Low'] as const).map((priorityRaw, j) =>
        ticket({ id: `${i}-${j}`, organisation, priorityRaw, language: 'ja', submitted: '2026-11-17T17:00:00Z' }),
      ),
    );
    const cold = tickets.map((t) => createPipeline(odd, undefined)(t).input);
    expect(() => warmPipeline(odd, Date.parse('2026-11-17T17:00:00Z'))).not.toThrow();
    expect(() => warmPipeline(odd)).not.toThrow();
    const warm = tickets.map((t) => createPipeline(odd, undefined)(t).input);
    expect(warm).toEqual(cold);
  });

  it('a submission time without an offset still gets the schema’s reason (validated path)', () => {
    const model = pipeline()(ticket({ id: '9', organisation: 'Kumo', priorityRaw: 'High', submitted: '2026-11-17T17:00:00' }));
    expect(model.input).toMatchObject({ kind: 'unreadable', reason: expect.stringMatching(/^submitted: /) });
  });
});
