import { describe, expect, it } from 'vitest';
import { builtinPolicies, evaluate, EvaluateError, type EvaluateInput, renderNote } from '../../core';

/** A note as the English reader reads it. */
const text = (note: Parameters<typeof renderNote>[0] | undefined) => (note ? renderNote(note, 'en') : undefined);

const codes = (input: EvaluateInput) => evaluate(input).notes.map((note) => note.code);

describe('requests without a target', () => {
  it('feature requests get none under 1.2 §1.5 and 2.0 §1.7', () => {
    for (const [policy, level, section] of [['velostrata-1.2', 'gold', '§1.5'], ['velostrata-2.0', 'production', '§1.7']] as const) {
      const result = evaluate({ policy, level, priority: 'P2', submitted: '2026-11-23T10:00:00-08:00', type: 'feature' });
      expect(result.target).toBeNull();
      expect(result.notes[0]?.code).toBe('feature-request');
      expect(text(result.notes[0])).toContain(section);
    }
  });

  it('4.0 has no feature clause, so a feature request keeps its target', () => {
    const result = evaluate({ policy: 'velostrata-4.0', priority: 'P4', submitted: '2026-11-23T12:00:00-08:00', type: 'feature' });
    expect(result.target?.minutes).toBe(480);
  });

  it('the 2.0 Basic role has no technical support', () => {
    const result = evaluate({ policy: 'velostrata-2.0', level: 'Einfach', priority: 'P1', submitted: '2026-11-23T10:00:00-08:00' });
    expect(result.target).toBeNull();
    expect(codes({ policy: 'velostrata-2.0', level: 'basic', priority: 'P3', submitted: '2026-11-23T10:00:00-08:00' })).toEqual(['no-technical-support']);
  });
});

describe('centron Cloud GPU scope', () => {
  const centron = (topic?: string) => evaluate({ policy: 'centron-cloud-gpu', priority: 'P2', submitted: '2026-11-23T10:00:00+01:00', topic });

  it('promises no response times', () => {
    expect(centron('Kündigung meines Vertrags').target).toBeNull();
    expect(centron('Kündigung meines Vertrags').notes[0]?.code).toBe('no-response-times');
  });

  it.each([
    ['Kündigung meines Cloud-GPU-Vertrags zum Monatsende', 'in-scope'],
    ['Please help me set up a virtual machine with two GPUs', 'in-scope'],
    ['Passwort für mein Kundenkonto zurücksetzen', 'in-scope'],
    ['Bitte PyTorch und Jupyter auf meiner VM installieren', 'out-of-scope'],
    ['Can you write code for my training loop?', 'out-of-scope'],
    ['Wir wurden gehackt – Sicherheitsvorfall auf dem Server', 'out-of-scope'],
    ['Connect our VM to the Hugging Face API', 'out-of-scope'],
    ['Hallo zusammen', 'scope-unclear'],
  ])('%s → %s', (topic, code) => {
    expect(centron(topic).notes.map((note) => note.code)).toContain(code);
  });

  it('offers the paid administrative service for out-of-scope requests', () => {
    const note = centron('Deploy Stable Diffusion for us').notes.find((n) => n.code === 'out-of-scope');
    expect(text(note)).toMatch(/paid administrative services/);
    expect(text(note)).toContain('Kostenpflichtige administrative Dienste');
  });

  it('matches keywords as whole words, so "vm" does not match "vmware-free"', () => {
    expect(centron('Frage zu vmwarefree').notes.map((n) => n.code)).toContain('scope-unclear');
  });
});

describe('language routing notes', () => {
  it('names the team, its calendar and the English alternative', () => {
    const note = evaluate({ policy: 'velostrata-1.2', level: 'gold', priority: 'P1', submitted: '2026-11-21T10:00:00+09:00', language: 'ja' }).notes.find(
      (n) => n.code === 'language-routed',
    );
    expect(text(note)).toContain('Japanese-language support team');
    expect(text(note)).toContain('received outside those hours (Sat 2026-11-21 10:00 JST): the clock starts at their next opening, Mon 2026-11-23 09:00 JST');
    expect(text(note)).toContain('If the customer accepts English: 1h 24/7');
  });

  const routing = (input: EvaluateInput) => text(evaluate(input).notes.find((n) => n.code === 'language-routed')) ?? '';

  it("speaks of the ticket's own times, not of the moment it is read", () => {
    // Received in Japan's hours two weeks ago: the same line whenever (and on whatever weekday) it is read.
    const message = routing({ policy: 'velostrata-1.2', level: 'gold', priority: 'P2', submitted: '2026-11-02T10:15:00+09:00', language: 'ja' });
    expect(message).toContain('received during those hours (Mon 2026-11-02 10:15 JST): the clock starts at receipt.');
    expect(message).not.toMatch(/\bnow\b/);
  });

  it('says a 24/7 target runs from receipt while the team is closed, and when its hours begin', () => {
    const message = routing({ policy: 'velostrata-1.2', level: 'platinum', priority: 'P1', submitted: '2026-11-21T10:00:00+09:00', language: 'ja' });
    expect(message).toContain("received outside those hours (Sat 2026-11-21 10:00 JST): the 24/7 clock runs from receipt; the team's hours begin Mon 2026-11-23 09:00 JST.");
  });

  it('says English terms apply when the level has no language support', () => {
    const result = evaluate({ policy: 'velostrata-1.2', level: 'silver', priority: 'P2', submitted: '2026-11-23T10:00:00+09:00', language: 'ja' });
    expect(result.notes[0]).toMatchObject({ code: 'language-not-included' });
    expect(text(result.notes[0])).toContain('English terms apply');
    expect(result.target?.calendar).toBe('pacific');
  });
});

describe('invalid input names the field', () => {
  const base = { policy: 'velostrata-1.2', level: 'gold', priority: 'P2', submitted: '2026-11-23T10:00:00Z' } as const;
  it.each([
    [{ ...base, priority: 'P5' }, 'priority'],
    [{ ...base, submitted: '2026-11-23T10:00:00' }, 'submitted'],
    [{ ...base, submitted: 'yesterday' }, 'submitted'],
    [{ ...base, level: 'bronze' }, 'level'],
    [{ ...base, level: undefined }, 'level'],
    [{ ...base, policy: 'velostrata-9' }, 'policy'],
    [{ ...base, language: 'fr' }, 'language'],
    [{ ...base, type: 'question' }, 'type'],
    [{ policy: 'velostrata-4.0', priority: 'P1', submitted: '2019-07-01T12:00:00Z', region: 'apac' }, 'region'],
  ])('%o → %s', (input, field) => {
    try {
      evaluate(input as EvaluateInput);
      expect.unreachable('should have thrown');
    } catch (error) {
      expect(error).toBeInstanceOf(EvaluateError);
      expect((error as EvaluateError).path[0]).toBe(field);
      expect((error as Error).message.startsWith(`${field}: `)).toBe(true);
    }
  });

  it('lists the levels to choose from', () => {
    expect(() => evaluate({ ...base, level: 'bronze' })).toThrow(/one of silver, gold, platinum/);
  });
});

describe('custom policies', () => {
  it('a custom policy object stands in for the id, with its own calendar and holidays', () => {
    const policy = {
      id: 'acme-premium',
      name: 'ACME premium',
      document: 'ACME support contract 2026',
      calendars: {
        berlin: {
          name: 'Berlin office hours',
          timeZone: 'Europe/Berlin',
          weekly: [1, 2, 3, 4, 5].map((day) => ({ from: { day, time: '08:00' }, to: { day, time: '18:00' } })),
          holidays: { de: ['2026-12-24', '2026-12-25'] },
          source: '§2',
        },
      },
      calendar: 'berlin',
      defaultRegion: 'de',
      levels: { premium: { name: 'Premium', source: '§3', targets: { P1: { minutes: 120, clock: 'business-hours', source: '§3.1' } } } },
      defaultLevel: 'premium',
    };
    // Wed 23 Dec 17:00 CET: 1 h, then 24/25 Dec closed and the weekend → Mon 28 Dec 08:00 + 1 h.
    const result = evaluate({ policy, priority: 'P1', submitted: '2026-12-23T17:00:00+01:00' } as EvaluateInput);
    expect(result.target).toMatchObject({ deadline: '2026-12-28T08:00:00.000Z', source: 'ACME support contract 2026 §3.1' });
    expect(evaluate({ policy, priority: 'P2', submitted: '2026-12-23T17:00:00+01:00' } as EvaluateInput).notes[0]?.code).toBe('no-target-for-priority');
  });

  it('an invalid custom policy is rejected with a path into it', () => {
    const broken = { ...builtinPolicies['velostrata-4.0'], calendar: 'nowhere' };
    expect(() => evaluate({ policy: broken, priority: 'P1', submitted: '2019-07-01T12:00:00Z' } as EvaluateInput)).toThrow(/^policy\.calendar: unknown calendar "nowhere"/);
  });
});
