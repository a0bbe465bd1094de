import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { builtinPolicies, evaluate, type EvaluateInput, READER_LANGUAGES, readerLanguage, renderExplanation, renderNote } from '../../core';

/** evaluate()'s notes and explanation as each reader reads them. */
const read = (input: EvaluateInput, options = {}) => {
  const result = evaluate(input);
  return Object.fromEntries(
    READER_LANGUAGES.map((lang) => [
      lang,
      { notes: Object.fromEntries(result.notes.map((n) => [n.code, renderNote(n, lang)])), steps: renderExplanation(result.steps, lang, options) },
    ]),
  ) as Record<'en' | 'de' | 'ja', { notes: Record<string, string>; steps: string[] }>;
};

describe('a Japanese Gold P1 received on a Saturday: deferred to Japan hours, with the English alternative', () => {
  const { en, de, ja } = read({ policy: 'velostrata-1.2', level: 'gold', priority: 'P1', submitted: '2026-11-21T10:00:00+09:00', language: 'ja' });

  it('says when the clock starts, in JST, in each language', () => {
    expect(en.notes['deferred-start']).toBe('Received outside Japan business hours (Mon–Fri 09:00–17:00 JST); the clock starts at Mon 2026-11-23 09:00 JST.');
    expect(de.notes['deferred-start']).toBe(
      'Außerhalb von Japan business hours (Mon–Fri 09:00–17:00 JST) eingegangen; die Uhr startet am Mo 2026-11-23 09:00 JST.',
    );
    expect(ja.notes['deferred-start']).toBe('Japan business hours (Mon–Fri 09:00–17:00 JST)の時間外に受付。計測は 2026-11-23(月) 09:00 JST に始まります。');
  });

  it('routes to the Japan team and says what English would change', () => {
    expect(en.notes['language-routed']).toBe(
      'Route to the Japanese-language support team — Japan business hours (Mon–Fri 09:00–17:00 JST); received outside those hours (Sat 2026-11-21 10:00 JST): the clock starts at their next opening, Mon 2026-11-23 09:00 JST. If the customer accepts English: 1h 24/7, due Sat 2026-11-21 11:00 JST.',
    );
    expect(de.notes['language-routed']).toContain('außerhalb dieser Zeiten eingegangen (Sa 2026-11-21 10:00 JST): Die Uhr startet mit der nächsten Öffnung des Teams, Mo 2026-11-23 09:00 JST.');
    expect(de.notes['language-routed']).toContain('Wenn der Kunde Englisch akzeptiert: 1 Std. 24/7, fällig Sa 2026-11-21 11:00 JST.');
    expect(ja.notes['language-routed']).toContain('その時間外に受付（2026-11-21(土) 10:00 JST）: チームの次の営業開始 2026-11-23(月) 09:00 JST から計測が始まります。');
    expect(ja.notes['language-routed']).toContain('顧客が英語を受け入れる場合: 24/7で1時間、期限 2026-11-21(土) 11:00 JST。');
  });

  it('explains the rule of the language and the team in each language', () => {
    expect(en.steps).toContain('Rule: P1 → first response within 1h of business hours (§3.3, Japanese requests).');
    expect(en.steps).toContain('Language: Japanese request, handled by the Japanese-language support team (§3.3).');
    expect(de.steps).toContain('Regel: P1 → Erstreaktion innerhalb von 1 Std. Geschäftszeit (§3.3, Anfragen auf Japanisch).');
    expect(de.steps).toContain('Sprache: Anfrage auf Japanisch, bearbeitet vom Team „Japanese-language support team“ (§3.3).');
    expect(ja.steps).toContain('ルール: P1 → 営業時間で1時間以内に初回応答（§3.3、日本語のリクエスト）。');
    expect(ja.steps).toContain('期限: 2026-11-23(月) 10:00 JST（2026-11-23(月) 01:00 UTC）。');
  });
});

describe('holidays the clock skipped', () => {
  // 4.0, Americas: Wed 3 July 2019 16:00 PDT, 1 h that day; 4 and 5 July closed (§5.3); 3 h on Mon 8 July.
  const input = { policy: 'velostrata-4.0', priority: 'P1', submitted: '2019-07-03T16:00:00-07:00' } as const;

  it('are named by day, with the names the holiday list gives, and the sections of hours and holidays are cited', () => {
    const { en, de, ja } = read(input, { holidayNames: { '2019-07-04': 'Independence Day' } });
    expect(en.steps).toContain(
      'Calendar: Velostrata v4.0 business hours (Mon–Fri 12:00–17:00 Pacific Time) in America/Los_Angeles (§5.2, §5.3), 12 holidays (region Americas) closed; skipped: Thu 2019-07-04 (Independence Day), Fri 2019-07-05.',
    );
    expect(de.steps.find((s) => s.startsWith('Kalender:'))).toContain(
      '(§5.2, §5.3), 12 Feiertage (Region Amerika) geschlossen; übersprungen: Do 2019-07-04 (Independence Day), Fr 2019-07-05.',
    );
    expect(ja.steps.find((s) => s.startsWith('カレンダー:'))).toContain(
      '（§5.2, §5.3）、祝日12日（地域 南北アメリカ）は休業。スキップした祝日: 2019-07-04(木)（Independence Day）、2019-07-05(金)。',
    );
  });

  it('are not listed when none falls between submission and deadline', () => {
    const { en } = read({ ...input, submitted: '2019-08-07T13:00:00-07:00' });
    expect(en.steps.find((s) => s.startsWith('Calendar:'))).toMatch(/\(§5\.2, §5\.3\), 12 holidays \(region Americas\) closed\.$/);
  });

  it('include a team’s own extra days', () => {
    const result = evaluate({ policy: 'velostrata-1.2', level: 'silver', priority: 'P1', submitted: '2026-12-24T22:00:00-08:00', holidays: { pacific: ['2026-12-25'] } });
    expect(result.steps.find((s) => s.code === 'calendar')).toMatchObject({ holidays: 1, skipped: ['2026-12-25'], source: '§5.7' });
    expect(renderExplanation(result.steps, 'en', { holidayNames: { '2026-12-25': 'Christmas Day' } })).toContain(
      'Calendar: Velostrata business hours (Sun 17:00 – Fri 17:00 Pacific Time) in America/Los_Angeles (§5.7), 1 holiday closed; skipped: Fri 2026-12-25 (Christmas Day).',
    );
  });
});

describe('why there is no target', () => {
  it('a 1.2 feature request (§1.5): the policy’s words, translated for the built-in contract', () => {
    const { en, de, ja } = read({ policy: 'velostrata-1.2', level: 'gold', priority: 'P2', submitted: '2026-11-23T10:00:00-08:00', type: 'feature' });
    expect(en.notes['feature-request']).toBe('Feature requests are noted for a future release; there is no response obligation. (§1.5)');
    expect(de.notes['feature-request']).toBe('Feature Requests werden für ein künftiges Release vorgemerkt; es besteht keine Reaktionspflicht. (§1.5)');
    expect(ja.notes['feature-request']).toBe('機能リクエストは将来のリリースに向けて記録されます。応答の義務はありません。（§1.5）');
    expect(de.steps).toContain('Feature Request: keine angestrebte Erstreaktionszeit (§1.5).');
  });

  it('the 2.0 Basic role, and a custom policy’s own words shown as written', () => {
    const { de, ja } = read({ policy: 'velostrata-2.0', level: 'basic', priority: 'P1', submitted: '2026-11-23T10:00:00-08:00' });
    expect(de.notes['no-technical-support']).toContain('Die Rolle Basic (Einfach) umfasst keine technischen Supportanfragen');
    expect(ja.notes['no-technical-support']).toContain('Basic（Einfach）ロールには技術サポートのリクエストが含まれません');
    const custom = structuredClone(builtinPolicies['velostrata-2.0']);
    if (!custom?.levels.basic?.noTarget) throw new Error('2.0 changed shape');
    custom.levels.basic.noTarget.message = 'Basic: nur Lizenzfragen.';
    const own = evaluate({ policy: custom, level: 'basic', priority: 'P1', submitted: '2026-11-23T10:00:00-08:00' } as EvaluateInput);
    expect(renderNote(own.notes[0] as never, 'ja')).toBe(`Basic: nur Lizenzfragen.（${custom.levels.basic.noTarget.source}）`);
  });

  it('a language the level does not include, and a priority the level defines nothing for', () => {
    const { en, de, ja } = read({ policy: 'velostrata-1.2', level: 'silver', priority: 'P2', submitted: '2026-11-23T10:00:00+09:00', language: 'ko' });
    expect(en.notes['language-not-included']).toBe('Support in Korean is not included for Silver (§3.4): English terms apply.');
    expect(de.notes['language-not-included']).toBe('Support auf Koreanisch ist für Silver nicht enthalten (§3.4): Es gelten die englischen Bedingungen.');
    expect(ja.notes['language-not-included']).toBe('Silverには韓国語のサポートが含まれません（§3.4）。英語の条件が適用されます。');
    const note = { code: 'no-target-for-priority', level: 'Premium', priority: 'P3' } as const;
    expect([renderNote(note, 'en'), renderNote(note, 'de'), renderNote(note, 'ja')]).toEqual([
      'Premium defines no target for P3.',
      'Premium legt für P3 keine Frist fest.',
      'PremiumにはP3の目標時間が定められていません。',
    ]);
  });

  it('centron promises no response times and its paid offer is named in the reader’s language', () => {
    const { de, ja } = read({ policy: 'centron-cloud-gpu', priority: 'P2', submitted: '2026-11-23T10:00:00+01:00', topic: 'Bitte PyTorch installieren' });
    expect(de.notes['out-of-scope']).toContain('Nicht im regulären Support: die kostenpflichtigen administrativen Dienste von centron anbieten');
    expect(ja.notes['no-response-times']).toContain('centron Cloud GPU のサポート範囲は応答時間を約束していません');
  });
});

describe('the reader’s language', () => {
  it('is German or Japanese for those locales and English for any other', () => {
    expect(['de', 'de-AT', 'ja', 'ja-JP', 'en-GB', 'fr', '', undefined].map(readerLanguage)).toEqual(['de', 'de', 'ja', 'ja', 'en', 'en', 'en', 'en']);
  });

  it('every step and note of any evaluation has words in each language, and the German and Japanese ones are not the English', () => {
    const ids = Object.keys(builtinPolicies);
    fc.assert(
      fc.property(
        fc.constantFrom(...ids),
        fc.constantFrom(undefined, 'silver', 'gold', 'platinum', 'basic', 'development', 'production', 'business-critical'),
        fc.constantFrom('P1', 'P2', 'P3', 'P4'),
        fc.integer({ min: 0, max: 3 * 365 * 1440 }),
        fc.constantFrom(undefined, 'ja', 'ko', 'zh'),
        fc.constantFrom(undefined, 'billing', 'feature'),
        fc.constantFrom(undefined, 'GPU-Treiber abgestürzt', 'Bitte PyTorch installieren'),
        (policy, level, priority, minutes, language, type, topic) => {
          const submitted = new Date(Date.UTC(2019, 0, 1) + minutes * 60_000).toISOString();
          let result: ReturnType<typeof evaluate>;
          try {
            result = evaluate({ policy, level, priority, submitted, language, type, topic } as EvaluateInput);
          } catch {
            return; // an unknown level for the policy
          }
          const english = renderExplanation(result.steps, 'en');
          for (const lang of ['de', 'ja'] as const) {
            const lines = renderExplanation(result.steps, lang);
            expect(lines).toHaveLength(result.steps.length);
            for (const [i, line] of lines.entries()) expect(line).not.toBe(english[i]);
            for (const note of result.notes) expect(renderNote(note, lang)).not.toBe(renderNote(note, 'en'));
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
