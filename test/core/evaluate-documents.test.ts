import { describe, expect, it } from 'vitest';
import { evaluate, type EvaluateInput } from '../../core';

/**
 * Table tests read off the documents by hand. Times are written in the zone that matters and the
 * expected deadlines computed on paper (see the comment on each row).
 */
interface Row {
  name: string;
  input: EvaluateInput;
  start: string;
  deadline: string;
  minutes: number;
  clock: '24/7' | 'business-hours';
  calendar: string;
  source: string;
  notes?: string[];
}

const v12 = (level: string, priority: 'P1' | 'P2' | 'P3' | 'P4', submitted: string, extra: Partial<EvaluateInput> = {}) =>
  ({ policy: 'velostrata-1.2', level, priority, submitted, ...extra }) as EvaluateInput;
const v20 = (level: string, priority: 'P1' | 'P2' | 'P3' | 'P4', submitted: string, extra: Partial<EvaluateInput> = {}) =>
  ({ policy: 'velostrata-2.0', level, priority, submitted, ...extra }) as EvaluateInput;
const v40 = (priority: 'P1' | 'P2' | 'P3' | 'P4', submitted: string, extra: Partial<EvaluateInput> = {}) =>
  ({ policy: 'velostrata-4.0', priority, submitted, ...extra }) as EvaluateInput;

const rows: Row[] = [
  // 1.2 §4.1 Silver P1: 4 h business hours; Mon 10:00 PDT + 4 h = 14:00 PDT.
  { name: '1.2 silver P1 during hours', input: v12('silver', 'P1', '2019-07-01T10:00:00-07:00'), start: '2019-07-01T17:00:00.000Z', deadline: '2019-07-01T21:00:00.000Z', minutes: 240, clock: 'business-hours', calendar: 'pacific', source: 'Version 1.2 §4.1' },
  // Fri 15:00 PDT: 2 h until Fri 17:00, 6 h from Sun 17:00 PDT → Sun 23:00 PDT.
  { name: '1.2 silver P2 across the weekend', input: v12('Silber', 'P2', '2019-07-05T15:00:00-07:00'), start: '2019-07-05T22:00:00.000Z', deadline: '2019-07-08T06:00:00.000Z', minutes: 480, clock: 'business-hours', calendar: 'pacific', source: '§4.1' },
  // Saturday: closed until Sun 17:00 PDT; Gold P2 4 h → Sun 21:00 PDT.
  { name: '1.2 gold P2 on Saturday', input: v12('gold', 'P2', '2019-07-06T10:00:00-07:00'), start: '2019-07-08T00:00:00.000Z', deadline: '2019-07-08T04:00:00.000Z', minutes: 240, clock: 'business-hours', calendar: 'pacific', source: '§4.2', notes: ['deferred-start'] },
  // Gold P1: 1 h around the clock, even on Saturday.
  { name: '1.2 gold P1 24/7 on Saturday', input: v12('Gold', 'P1', '2019-07-06T10:00:00-07:00'), start: '2019-07-06T17:00:00.000Z', deadline: '2019-07-06T18:00:00.000Z', minutes: 60, clock: '24/7', calendar: '24/7', source: '§4.2' },
  { name: '1.2 platinum P1 15 min 24/7', input: v12('platinum', 'P1', '2019-07-06T10:00:00-07:00'), start: '2019-07-06T17:00:00.000Z', deadline: '2019-07-06T17:15:00.000Z', minutes: 15, clock: '24/7', calendar: '24/7', source: '§4.3' },
  { name: '1.2 platinum P2 4 h 24/7', input: v12('Platin', 'P2', '2019-07-06T10:00:00-07:00'), start: '2019-07-06T17:00:00.000Z', deadline: '2019-07-06T21:00:00.000Z', minutes: 240, clock: '24/7', calendar: '24/7', source: '§4.3' },
  { name: '1.2 platinum P3 8 h business', input: v12('platinum', 'P3', '2019-07-06T10:00:00-07:00'), start: '2019-07-08T00:00:00.000Z', deadline: '2019-07-08T08:00:00.000Z', minutes: 480, clock: 'business-hours', calendar: 'pacific', source: '§4.3', notes: ['deferred-start'] },
  // Submitted exactly at the Friday 17:00 close: closed (half-open), starts Sunday 17:00.
  { name: 'submitted exactly at closing', input: v12('silver', 'P1', '2019-07-05T17:00:00-07:00'), start: '2019-07-08T00:00:00.000Z', deadline: '2019-07-08T04:00:00.000Z', minutes: 240, clock: 'business-hours', calendar: 'pacific', source: '§4.1', notes: ['deferred-start'] },
  // Submitted exactly at the Sunday 17:00 opening: the clock starts at once.
  { name: 'submitted exactly at opening', input: v12('silver', 'P1', '2019-07-07T17:00:00-07:00'), start: '2019-07-08T00:00:00.000Z', deadline: '2019-07-08T04:00:00.000Z', minutes: 240, clock: 'business-hours', calendar: 'pacific', source: '§4.1' },
  // Fri 13:00 + 4 h is used up exactly at the 17:00 close: due then, not on Sunday.
  { name: 'used up exactly at closing', input: v12('silver', 'P1', '2019-07-05T13:00:00-07:00'), start: '2019-07-05T20:00:00.000Z', deadline: '2019-07-06T00:00:00.000Z', minutes: 240, clock: 'business-hours', calendar: 'pacific', source: '§4.1' },
  // DST starts Sun 2019-03-10: the Sunday opening is 17:00 PDT (00:00Z), a week earlier 17:00 PST (01:00Z).
  { name: '1.2 spring-forward Sunday opening', input: v12('silver', 'P1', '2019-03-09T12:00:00-08:00'), start: '2019-03-11T00:00:00.000Z', deadline: '2019-03-11T04:00:00.000Z', minutes: 240, clock: 'business-hours', calendar: 'pacific', source: '§4.1', notes: ['deferred-start'] },
  { name: '1.2 fall-back Sunday opening', input: v12('silver', 'P1', '2019-11-02T12:00:00-07:00'), start: '2019-11-04T01:00:00.000Z', deadline: '2019-11-04T05:00:00.000Z', minutes: 240, clock: 'business-hours', calendar: 'pacific', source: '§4.1', notes: ['deferred-start'] },

  // 2.0 roles (§4, §5.1).
  { name: '2.0 development P1 gets the P2 target', input: v20('development', 'P1', '2019-07-01T10:00:00-07:00'), start: '2019-07-01T17:00:00.000Z', deadline: '2019-07-01T21:00:00.000Z', minutes: 240, clock: 'business-hours', calendar: 'pacific', source: 'Version 2.0 §4.1(b)', notes: ['p1-not-available-for-role'] },
  { name: '2.0 production P1 1 h 24/7', input: v20('Produktion', 'P1', '2019-07-06T10:00:00-07:00'), start: '2019-07-06T17:00:00.000Z', deadline: '2019-07-06T18:00:00.000Z', minutes: 60, clock: '24/7', calendar: '24/7', source: '§4.2(b)' },
  { name: '2.0 business-critical P1 15 min', input: v20('business-critical', 'P1', '2019-07-06T10:00:00-07:00'), start: '2019-07-06T17:00:00.000Z', deadline: '2019-07-06T17:15:00.000Z', minutes: 15, clock: '24/7', calendar: '24/7', source: '§5.1(c)(1)' },
  { name: '2.0 business-critical P2 4 h 24/7', input: v20('Enterprise', 'P2', '2019-07-06T10:00:00-07:00'), start: '2019-07-06T17:00:00.000Z', deadline: '2019-07-06T21:00:00.000Z', minutes: 240, clock: '24/7', calendar: '24/7', source: '§5.1(c)(2)' },
  { name: '2.0 production P4 8 h business', input: v20('production', 'P4', '2019-07-05T15:00:00-07:00'), start: '2019-07-05T22:00:00.000Z', deadline: '2019-07-08T06:00:00.000Z', minutes: 480, clock: 'business-hours', calendar: 'pacific', source: '§4.2(d)' },

  // 4.0: Mon–Fri 12:00–17:00 Pacific with DST (§5.2). Fri 16:00 PST: 1 h Fri, 3 h from Mon 12:00 PDT.
  { name: '4.0 P1 across spring-forward', input: v40('P1', '2019-03-08T16:00:00-08:00'), start: '2019-03-09T00:00:00.000Z', deadline: '2019-03-11T22:00:00.000Z', minutes: 240, clock: 'business-hours', calendar: 'pacific', source: 'frühere Versionen §4(b)' },
  // Fri 16:00 PDT: 1 h Fri, 5 h Mon (12:00–17:00 PST), 2 h Tue → Tue 14:00 PST.
  { name: '4.0 P3 across fall-back', input: v40('P3', '2019-11-01T16:00:00-07:00'), start: '2019-11-01T23:00:00.000Z', deadline: '2019-11-05T22:00:00.000Z', minutes: 480, clock: 'business-hours', calendar: 'pacific', source: '§4(c)' },
  // Americas: 4 and 5 July closed → 1 h Wed, 3 h Mon 8 July.
  { name: '4.0 americas July 4th', input: v40('P2', '2019-07-03T16:00:00-07:00'), start: '2019-07-03T23:00:00.000Z', deadline: '2019-07-08T22:00:00.000Z', minutes: 240, clock: 'business-hours', calendar: 'pacific', source: '§4(b)' },
  { name: '4.0 emea works on July 4th', input: v40('P2', '2019-07-03T16:00:00-07:00', { region: 'emea' }), start: '2019-07-03T23:00:00.000Z', deadline: '2019-07-04T22:00:00.000Z', minutes: 240, clock: 'business-hours', calendar: 'pacific', source: '§4(b)' },
  // EMEA: Good Friday 19 April and Easter Monday 22 April closed.
  { name: '4.0 emea Easter', input: v40('P1', '2019-04-18T16:00:00-07:00', { region: 'emea' }), start: '2019-04-18T23:00:00.000Z', deadline: '2019-04-23T22:00:00.000Z', minutes: 240, clock: 'business-hours', calendar: 'pacific', source: '§4(b)' },
  { name: '4.0 americas works at Easter', input: v40('P1', '2019-04-18T16:00:00-07:00'), start: '2019-04-18T23:00:00.000Z', deadline: '2019-04-19T22:00:00.000Z', minutes: 240, clock: 'business-hours', calendar: 'pacific', source: '§4(b)' },
  // Americas: 24, 25 and 31 Dec closed; Mon 23 Dec 16:00: 1 h, then Thu 26 Dec 12:00 + 7 h: 5 h Thu, 2 h Fri.
  { name: '4.0 americas Christmas', input: v40('P4', '2019-12-23T16:00:00-08:00'), start: '2019-12-24T00:00:00.000Z', deadline: '2019-12-27T22:00:00.000Z', minutes: 480, clock: 'business-hours', calendar: 'pacific', source: '§4(c)' },
  // 4.0 is English only (§3.1).
  { name: '4.0 Japanese gets English terms', input: v40('P1', '2019-07-01T12:00:00-07:00', { language: 'ja' }), start: '2019-07-01T19:00:00.000Z', deadline: '2019-07-01T23:00:00.000Z', minutes: 240, clock: 'business-hours', calendar: 'pacific', source: '§4(b)', notes: ['language-not-included'] },

  // Japanese (1.2 §3.3): Gold P1 only in Japan hours, 60 business minutes there.
  { name: '1.2 gold P1 ja in Japan hours', input: v12('gold', 'P1', '2019-07-01T10:00:00+09:00', { language: 'ja' }), start: '2019-07-01T01:00:00.000Z', deadline: '2019-07-01T02:00:00.000Z', minutes: 60, clock: 'business-hours', calendar: 'japan', source: '§3.3', notes: ['language-routed'] },
  { name: '1.2 gold P1 ja on Saturday waits for Monday', input: v12('gold', 'P1', '2019-07-06T10:00:00+09:00', { language: 'ja' }), start: '2019-07-08T00:00:00.000Z', deadline: '2019-07-08T01:00:00.000Z', minutes: 60, clock: 'business-hours', calendar: 'japan', source: '§3.3', notes: ['deferred-start', 'language-routed'] },
  // Platinum P1 in Japanese stays 24/7.
  { name: '1.2 platinum P1 ja stays 24/7', input: v12('platinum', 'P1', '2019-07-06T10:00:00+09:00', { language: 'ja' }), start: '2019-07-06T01:00:00.000Z', deadline: '2019-07-06T01:15:00.000Z', minutes: 15, clock: '24/7', calendar: '24/7', source: '§4.3', notes: ['language-routed'] },
  // Gold P2 ja: Fri 16:00 JST 1 h, Mon 09:00 JST + 3 h.
  { name: '1.2 gold P2 ja in Japan hours', input: v12('gold', 'P2', '2019-07-05T16:00:00+09:00', { language: 'ja' }), start: '2019-07-05T07:00:00.000Z', deadline: '2019-07-08T03:00:00.000Z', minutes: 240, clock: 'business-hours', calendar: 'japan', source: '§4.2', notes: ['language-routed'] },
  // English accepted: English terms (24/7 from submission).
  { name: '1.2 gold P1 ja, English accepted', input: v12('gold', 'P1', '2019-07-06T10:00:00+09:00', { language: 'ja', englishAccepted: true }), start: '2019-07-06T01:00:00.000Z', deadline: '2019-07-06T02:00:00.000Z', minutes: 60, clock: '24/7', calendar: '24/7', source: '§4.2', notes: ['english-accepted'] },
  // Korean (§3.4): every request outside Korea hours starts at the next opening, 24/7 included.
  { name: '1.2 platinum P1 ko deferred', input: v12('platinum', 'P1', '2019-07-06T10:00:00+09:00', { language: 'ko' }), start: '2019-07-08T00:00:00.000Z', deadline: '2019-07-08T00:15:00.000Z', minutes: 15, clock: '24/7', calendar: '24/7', source: '§4.3', notes: ['deferred-start', 'language-routed'] },
  { name: '1.2 platinum P1 ko, English accepted', input: v12('platinum', 'P1', '2019-07-06T10:00:00+09:00', { language: 'ko', englishAccepted: true }), start: '2019-07-06T01:00:00.000Z', deadline: '2019-07-06T01:15:00.000Z', minutes: 15, clock: '24/7', calendar: '24/7', source: '§4.3', notes: ['english-accepted'] },
  // Mandarin P3 (Gold): business hours in China, Mon 09:00 UTC+8 + 8 h = 17:00 UTC+8.
  { name: '1.2 gold P3 zh in China hours', input: v12('gold', 'P3', '2019-07-06T10:00:00+08:00', { language: 'zh' }), start: '2019-07-08T01:00:00.000Z', deadline: '2019-07-08T09:00:00.000Z', minutes: 480, clock: 'business-hours', calendar: 'china', source: '§4.2', notes: ['deferred-start', 'language-routed'] },
  // Silver has no language support: English terms.
  { name: '1.2 silver zh gets English terms', input: v12('silver', 'P1', '2019-07-01T10:00:00-07:00', { language: 'zh' }), start: '2019-07-01T17:00:00.000Z', deadline: '2019-07-01T21:00:00.000Z', minutes: 240, clock: 'business-hours', calendar: 'pacific', source: '§4.1', notes: ['language-not-included'] },
  // 2.0 §3.3: Production P1 in Japanese: 60 business minutes in Japan hours.
  { name: '2.0 production P1 ja', input: v20('production', 'P1', '2019-07-01T16:30:00+09:00', { language: 'ja' }), start: '2019-07-01T07:30:00.000Z', deadline: '2019-07-02T00:30:00.000Z', minutes: 60, clock: 'business-hours', calendar: 'japan', source: 'Version 2.0 §3.3', notes: ['language-routed'] },
  { name: '2.0 development ja gets English terms', input: v20('development', 'P2', '2019-07-01T10:00:00-07:00', { language: 'ja' }), start: '2019-07-01T17:00:00.000Z', deadline: '2019-07-01T21:00:00.000Z', minutes: 240, clock: 'business-hours', calendar: 'pacific', source: '§4.1(b)', notes: ['language-not-included'] },
  // Billing in Japanese for Gold: only during Japan hours, even the 24/7 P1.
  { name: '1.2 gold billing ja waits for Japan hours', input: v12('gold', 'P1', '2019-07-06T10:00:00+09:00', { language: 'ja', type: 'billing' }), start: '2019-07-08T00:00:00.000Z', deadline: '2019-07-08T01:00:00.000Z', minutes: 60, clock: '24/7', calendar: '24/7', source: '§4.2', notes: ['deferred-start', 'language-routed'] },
  // Billing in Korean is offered to Silver too, only in Korea hours.
  { name: '1.2 silver billing ko routed', input: v12('silver', 'P2', '2019-07-06T10:00:00+09:00', { language: 'ko', type: 'billing' }), start: '2019-07-08T00:00:00.000Z', deadline: '2019-07-08T08:00:00.000Z', minutes: 480, clock: 'business-hours', calendar: 'korea', source: '§4.1', notes: ['deferred-start', 'language-routed'] },
  // A team's own holiday closes the day: Christmas 2026 is a Friday. Thu 22:00 PST: 2 h until
  // midnight, Friday closed, then Sun 17:00 PST + 2 h.
  { name: 'extra holiday closes the day', input: v12('silver', 'P1', '2026-12-24T22:00:00-08:00', { holidays: { pacific: ['2026-12-25'] } }), start: '2026-12-25T06:00:00.000Z', deadline: '2026-12-28T03:00:00.000Z', minutes: 240, clock: 'business-hours', calendar: 'pacific', source: '§4.1' },
];

describe('evaluate() against the documents', () => {
  it.each(rows)('$name', (row) => {
    const result = evaluate(row.input);
    expect(result.target).not.toBeNull();
    expect(result.target).toMatchObject({
      start: row.start,
      deadline: row.deadline,
      minutes: row.minutes,
      clock: row.clock,
      calendar: row.calendar,
    });
    expect(result.target?.source).toContain(row.source);
    expect(result.notes.map((note) => note.code).sort()).toEqual([...(row.notes ?? [])].sort());
    expect(result.steps.length).toBeGreaterThanOrEqual(3);
  });
});
