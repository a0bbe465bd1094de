import { describe, expect, it } from 'vitest';
import { Settings } from '../../core/settings/schema';
import { type BadgeInput, badgeState, formatDuration, missingFieldReason } from '../../entrypoints/overlay.content/badge-state';
import { type BadgeWords, badgeWords, ENGLISH_WORDS } from '../../entrypoints/overlay.content/badge-words';
import { createPipeline } from '../../entrypoints/overlay.content/pipeline';
import { at, evaluated, result, target, ticket } from './inputs';
import { localeLookup, localeMessages, localeWords } from './locale-words';

const [en, de, ja] = await Promise.all([localeWords('en'), localeWords('de'), localeWords('ja')]);

const featureRequest = result(null, [{ code: 'feature-request', text: 'Feature requests have no target', source: '§1.5' }]);
// Monday 2026-11-16 00:00 UTC is 09:00 in Tokyo.
const waitingInTokyo = evaluated({ startZone: 'Asia/Tokyo' });

/** Every word as text: functions filled with 7 and 8, keyed by path ("duration.hoursMinutes"). */
function leaves(value: unknown, path = ''): Record<string, string> {
  if (typeof value === 'function') return { [path]: value(7, 8) };
  if (typeof value !== 'object' || value === null) return { [path]: String(value) };
  return Object.assign({}, ...Object.entries(value).map(([key, inner]) => leaves(inner, path ? `${path}.${key}` : key)));
}

/** Every message key the words ask for. */
function askedKeys(): string[] {
  const asked = new Set<string>();
  badgeWords((key) => {
    asked.add(key);
    return '';
  });
  return [...asked];
}

/** The paths whose text is the same as English. */
const sameAsEnglish = (words: BadgeWords) => {
  const english = leaves(ENGLISH_WORDS);
  return Object.entries(leaves(words))
    .filter(([path, text]) => english[path] === text)
    .map(([path]) => path);
};

describe('badge words from the locales', () => {
  it('English from locales/en.yml is exactly the built-in English (an English browser sees no change)', () => {
    expect(leaves(en)).toEqual(leaves(ENGLISH_WORDS));
  });

  it('German and Japanese translate every word (none falls back to English)', () => {
    // German writes hours and the helpdesk term "Routing" as English does.
    expect(sameAsEnglish(de)).toEqual(['duration.hours', 'popover.titles.routing']);
    expect(sameAsEnglish(ja)).toEqual([]);
  });

  it('every key the words ask for is in each locale', async () => {
    expect(askedKeys().length).toBeGreaterThan(40);
    for (const language of ['en', 'de', 'ja'] as const) {
      const message = await localeMessages(language);
      expect(askedKeys().filter((key) => !message(key)), language).toEqual([]);
    }
  });

  it('no message reads as a named placeholder ("$1h$2m" would: Chrome refuses the locale, Firefox drops it)', async () => {
    for (const language of ['en', 'de', 'ja'] as const) {
      const message = await localeMessages(language);
      expect(askedKeys().filter((key) => /\$[A-Za-z0-9@_]+\$/.test(message(key))), language).toEqual([]);
    }
  });
});

describe('badge texts in German and Japanese', () => {
  it.each([
    ['on-track', evaluated(), '2026-11-16T01:46:00Z', 'P2 · Gold · noch 2h 14min', 'P2 · Gold · 残り 2時間14分'],
    ['at-risk', evaluated(), '2026-11-16T03:00:00Z', '⚠ P2 · Gold · noch 1h', '⚠ P2 · Gold · 残り 1時間'],
    ['breached', evaluated(), '2026-11-16T04:12:30Z', 'Überfällig seit 12min', '12分 超過'],
    ['breached over a day', evaluated(), '2026-11-17T07:00:00Z', 'Überfällig seit 1T 3h', '1日3時間 超過'],
    ['approximate, breached', evaluated({ approximate: true }), '2026-11-16T04:12:30Z', '≈ Überfällig seit 12min', '≈ 12分 超過'],
    ['met', evaluated({ firstReply: '2026-11-16T00:42:00Z' }), '2026-11-16T09:00:00Z', 'Antwort nach 42min ✓', '42分で回答 ✓'],
    ['met before start', evaluated({ firstReply: '2026-11-15T23:10:00Z' }), '2026-11-16T09:00:00Z', 'Antwort vor Beginn ✓', '開始前に回答 ✓'],
    ['missed', evaluated({ firstReply: '2026-11-16T05:03:00Z' }), '2026-11-16T09:00:00Z', 'Verfehlt um 1h 3min', '1時間3分遅れで回答'],
    ['waiting', waitingInTokyo, '2026-11-15T10:00:00Z', 'Wartet · ab Mo 09:00 JST', '開始待ち · 月 09:00 JST から'],
    ['no target', { ...evaluated(), result: featureRequest }, '2026-11-16T00:00:00Z', 'Keine Frist · Funktionswunsch', '期限なし · 機能要望'],
    ['no target, no note', { ...evaluated(), result: result(null) }, '2026-11-16T00:00:00Z', 'Keine Frist', '期限なし'],
    ['unmapped', { kind: 'unmapped', customer: 'Acme' } as BadgeInput, '2026-11-16T00:00:00Z', 'Nicht zugeordnet · zuordnen…', '未割り当て · 顧客を割り当て…'],
  ])('%s', (_name, input, now, german, japanese) => {
    expect(badgeState(input, at(now), true, de).text).toBe(german);
    expect(badgeState(input, at(now), true, ja).text).toBe(japanese);
  });

  it('names a missing field in the language', () => {
    const unreadable = (words: BadgeWords): BadgeInput => ({ kind: 'unreadable', reason: missingFieldReason('submitted', words) });
    expect(badgeState(unreadable(de), 0, true, de).text).toBe('Nicht lesbar · keine Eingangszeit');
    expect(badgeState(unreadable(ja), 0, true, ja).text).toBe('読み取り不可 · 受付日時なし');
    expect(missingFieldReason('priorityRaw', de)).toBe('keine Priorität');
  });

  it("keeps a countdown's localised time whole at the end of the text", () => {
    const view = badgeState(evaluated({ label: 'P1 · Business-critical (Enterprise)' }), at('2026-11-16T01:46:00Z'), true, de);
    expect(view.time).toBe(' · noch 2h 14min');
    expect(view.text.endsWith(view.time as string)).toBe(true);
  });

  it("keeps a waiting badge's localised start and zone whole, with what the language puts after it", () => {
    const start = at('2026-11-15T10:00:00Z');
    expect(badgeState(waitingInTokyo, start, true, de).time).toBe('Mo 09:00 JST');
    expect(badgeState(waitingInTokyo, start, true, ja).time).toBe('月 09:00 JST から');
  });

  it.each([
    [0, '<1min', '1分未満'],
    [60_000, '1min', '1分'],
    [3_600_000, '1h', '1時間'],
    [8_040_000, '2h 14min', '2時間14分'],
    [86_400_000 + 3 * 3_600_000 + 59_000, '1T 3h', '1日3時間'],
    [2 * 86_400_000, '2T', '2日'],
  ])('duration %d ms', (ms, german, japanese) => {
    expect(formatDuration(ms, de.duration)).toBe(german);
    expect(formatDuration(ms, ja.duration)).toBe(japanese);
  });

  it("writes the waiting badge's weekday in the language (Intl), for the same input in turn", () => {
    expect(badgeState(waitingInTokyo, at('2026-11-15T10:00:00Z'), true, en).text).toBe('Waiting · starts Mon 09:00 JST');
    expect(badgeState(waitingInTokyo, at('2026-11-15T10:00:00Z'), true, de).text).toBe('Wartet · ab Mo 09:00 JST');
    expect(badgeState(waitingInTokyo, at('2026-11-15T10:00:00Z'), true, ja).text).toBe('開始待ち · 月 09:00 JST から');
    const tuesday = evaluated({ startZone: 'Asia/Tokyo', result: result({ ...target, start: '2026-11-17T00:00:00.000Z', deadline: '2026-11-17T04:00:00.000Z' }) });
    expect([en, de, ja].map((words) => badgeState(tuesday, at('2026-11-16T10:00:00Z'), true, words).text)).toEqual([
      'Waiting · starts Tue 09:00 JST',
      'Wartet · ab Di 09:00 JST',
      '開始待ち · 火 09:00 JST から',
    ]);
  });

  it('leaves state, deadline and next change to the clock, not the language', () => {
    for (let t = at('2026-11-15T23:00:00Z'); t < at('2026-11-16T06:00:00Z'); t += 7 * 60_000) {
      const { text: _en, time: _t1, ...english } = badgeState(evaluated(), t);
      const { text: _de, time: _t2, ...german } = badgeState(evaluated(), t, true, de);
      expect(german).toEqual(english);
    }
  });
});

describe('badge words that cannot be read', () => {

  it('are English when the lookup finds nothing or throws', () => {
    expect(leaves(badgeWords(() => ''))).toEqual(leaves(ENGLISH_WORDS));
    const throwing = badgeWords(() => {
      throw new Error('no i18n here');
    });
    expect(leaves(throwing)).toEqual(leaves(ENGLISH_WORDS));
  });

  it('fall back one by one: a translation that lost its $1, a thrown message, an unknown locale', async () => {
    const german = await localeLookup('de', { 'badge.left': 'noch', 'badge.locale': 'not a locale!' });
    const words = badgeWords((key, subs) => {
      if (key === 'badge.breached') throw new Error('gone');
      return german(key, subs);
    });
    expect(words.left('2h 14min')).toBe('2h 14min left');
    expect(words.breached('12min')).toBe('Breached 12min ago');
    expect(words.weekdays).toEqual(ENGLISH_WORDS.weekdays);
    expect(words.missedBy('1h')).toBe('Verfehlt um 1h');
  });

  it('follow a message that puts its second value first', async () => {
    const words = badgeWords(await localeLookup('de', { 'badge.duration.hoursMinutes': '$2min nach $1h' }));
    expect(formatDuration(8_040_000, words.duration)).toBe('14min nach 2h');
  });
});

describe('popover chrome in the language', () => {
  const settings = Settings.parse({
    version: 1,
    customers: [
      { id: 'acme', name: 'Acme', domains: ['acme.example'], policy: 'velostrata-1.2', level: 'gold', contacts: [{ address: 'lead@acme.example' }] },
    ],
  });
  const fields = { id: '7', priorityRaw: 'High', requesterEmail: 'bob@acme.example', submitted: '2026-11-17T17:00:00Z' };

  it('titles, clock lines and the relative-time line; the core writes the rest', () => {
    const model = createPipeline(settings, undefined, de)(ticket({ ...fields, submittedApproximate: true }));
    const section = (title: string) => model.sections.find((s) => s.title === title)?.lines ?? [];
    const titles = model.sections.filter((s) => s.lines.length).map((s) => s.title);
    expect(titles).toEqual(['Vertrag', 'Frist', 'Benannte Ansprechpartner', 'Berechnung', 'Seite']);
    expect(section('Frist')).toEqual([
      expect.stringMatching(/^Geschäftszeiten: /),
      'Uhr startet Tue 2026-11-17 09:00 PST',
      'Fällig Tue 2026-11-17 13:00 PST',
    ]);
    expect(section('Seite')).toEqual(['Eingangszeit aus relativer Angabe gelesen („vor 3 Stunden“): ungefähr.']);
    expect(section('Vertrag')).toEqual([
      expect.stringMatching(/^Acme \(erkannt an der Domain\): /),
      'Quelle: Velostrata Supportrichtlinien Version 1.2 §4.2',
    ]);
    // Contact rules and the explanation are the contract's own words.
    expect(section('Benannte Ansprechpartner').join()).toContain('bob@acme.example is not one of');
    const japanese = createPipeline(settings, undefined, ja)(ticket(fields));
    expect(japanese.sections.filter((s) => s.lines.length).map((s) => s.title)).toEqual(['契約', '期限', '指定連絡先', '計算の経緯']);
  });

  it('a requester without a role: the reason and what to do, in the language', () => {
    const northwind = Settings.parse({
      version: 1,
      customers: [
        { id: 'nw', name: 'Northwind', domains: ['northwind.example'], policy: 'velostrata-2.0', contacts: [{ address: 'ops@northwind.example', role: 'production' }] },
      ],
    });
    const eve = ticket({ id: '12', priorityRaw: 'High', requesterEmail: 'eve@northwind.example', submitted: '2026-11-17T17:00:00Z' });
    const german = createPipeline(northwind, undefined, de)(eve);
    expect(badgeState(german.input, 0, true, de).text).toBe('Nicht lesbar · keine Rolle für diesen Absender');
    expect(german.sections[0]?.lines.at(-1)).toBe(
      'Geben Sie Northwind eine Stufe oder Rolle (Einstellungen → Verträge) oder tragen Sie den Absender als benannten Ansprechpartner mit Rolle ein.',
    );
    const japanese = createPipeline(northwind, undefined, ja)(eve);
    expect(badgeState(japanese.input, 0, true, ja).text).toBe('読み取り不可 · この依頼者のロールなし');
    expect(japanese.sections[0]?.lines.at(-1)).toMatch(/^Northwind にレベルまたはロールを設定するか/);
  });

  it('an unreadable ticket and an unmapped customer', () => {
    const run = createPipeline(settings, undefined, de);
    const noTime = run(ticket({ id: '8', priorityRaw: 'High', requesterEmail: 'bob@acme.example' }, ['submitted']));
    expect(noTime.input).toEqual({ kind: 'unreadable', reason: 'keine Eingangszeit' });
    expect(noTime.sections[0]?.title).toBe('Ticket nicht lesbar');
    // Read, but no time in it: the same reason.
    expect(run(ticket({ id: '10', priorityRaw: 'High', requesterEmail: 'bob@acme.example' })).input).toEqual(noTime.input);
    const stranger = run(ticket({ ...fields, id: '9', requesterEmail: 'x@unknown.example' }));
    expect(stranger.sections[0]).toEqual({ title: 'Kein Vertrag', lines: ['x@unknown.example ist in SLA Lens keinem Vertrag zugeordnet.'] });
    const whenever = run(ticket({ ...fields, id: '11', priorityRaw: 'Whenever' }));
    expect(whenever.input).toEqual({ kind: 'unreadable', reason: 'Priorität „Whenever“ nicht zugeordnet' });
    expect(whenever.sections[0]?.lines).toContain('Ordnen Sie diesen Wert des Helpdesks in den Site-Einstellungen P1–P4 zu.');
  });
});
