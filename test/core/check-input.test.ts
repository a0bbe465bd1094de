import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { builtinPolicies, evaluate, EvaluateError, type EvaluateInput } from '../../core';
import { isWellFormed } from '../../core/evaluate/check-input';
import { parseSubmitted } from '../../core/evaluate/submitted';
import { EvaluateInput as EvaluateInputSchema, IsoWithOffset } from '../../core/evaluate/types';

/**
 * evaluate() checks its input by hand and leaves to zod only what that check does not accept: the
 * inputs it accepts and rejects must stay exactly the schema's.
 */

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** ISO-like date-times, right and wrong in every field: month 13, Feb 29 of a common year, hour 24, no offset, … */
const isoLikeIn = (years: { min: number; max: number }) => fc
  .tuple(
    fc.integer(years),
    fc.integer({ min: 0, max: 13 }),
    fc.integer({ min: 0, max: 32 }),
    fc.integer({ min: 0, max: 24 }),
    fc.integer({ min: 0, max: 60 }),
    fc.integer({ min: 0, max: 60 }),
    fc.option(fc.stringMatching(/^[0-9]{0,9}$/), { nil: undefined }),
    fc.constantFrom('Z', 'z', '+09:00', '-08:00', '+05:30', '+23:59', '+24:00', '-00:60', '', '+0900', '+09:00Z', ' '),
  )
  .map(([y, mo, d, h, mi, s, fraction, zone]) =>
    `${pad(y, 4)}-${pad(mo, 2)}-${pad(d, 2)}T${pad(h, 2)}:${pad(mi, 2)}:${pad(s, 2)}${fraction === undefined ? '' : `.${fraction}`}${zone}`,
  );
/** Every year the pattern allows, for the parser; years a contract is asked about, for evaluate() (the engine compiles its tables around the years asked). */
const isoLike = isoLikeIn({ min: 0, max: 9999 });
const recentIsoLike = isoLikeIn({ min: 2016, max: 2032 });
/** …and the same with one character dropped, a space for the T, or any text at all. */
const textsLike = (iso: fc.Arbitrary<string>) =>
  fc.oneof(
    iso,
    iso.map((text) => text.replace('T', ' ')),
    iso.chain((text) => fc.nat(text.length - 1).map((i) => text.slice(0, i) + text.slice(i + 1))),
    fc.string(),
  );
const submittedTexts = textsLike(isoLike);

const customPolicy = {
  id: 'acme',
  name: 'ACME',
  document: 'ACME contract',
  calendars: {
    office: {
      name: 'Office hours',
      timeZone: 'Europe/Berlin',
      weekly: [1, 2, 3, 4, 5].map((day) => ({ from: { day, time: '08:00' }, to: { day, time: '18:00' } })),
      source: '§2',
    },
  },
  calendar: 'office',
  levels: { premium: { name: 'Premium', source: '§3', targets: { P1: { minutes: 120, clock: 'business-hours', source: '§3.1' } } } },
  defaultLevel: 'premium',
};
const brokenPolicy = { ...customPolicy, calendar: 'nowhere' };

/** Inputs of every shape: each field right, wrong, absent or explicitly undefined. */
const inputs: fc.Arbitrary<unknown> = fc.oneof(
  fc.record(
    {
      policy: fc.constantFrom<unknown>('velostrata-1.2', 'velostrata-4.0', 'no-such-policy', '', customPolicy, brokenPolicy, 42, null, ['velostrata-1.2']),
      level: fc.constantFrom<unknown>(undefined, 'gold', 'Silber', '', 7),
      priority: fc.constantFrom<unknown>('P1', 'P2', 'P4', 'P5', 'p1', 1),
      submitted: fc.oneof(textsLike(recentIsoLike), fc.constantFrom<unknown>(1_700_000_000_000, null)),
      language: fc.constantFrom<unknown>(undefined, 'en', 'ja', 'ko', 'zh', 'fr', null),
      englishAccepted: fc.constantFrom<unknown>(undefined, true, false, 'yes'),
      region: fc.constantFrom<unknown>(undefined, 'americas', 'emea', 3),
      type: fc.constantFrom<unknown>(undefined, 'technical', 'billing', 'feature', 'question'),
      topic: fc.constantFrom<unknown>(undefined, 'GPU', ['GPU']),
      holidays: fc.constantFrom<unknown>(
        undefined,
        {},
        { pacific: ['2026-12-25'] },
        { pacific: ['2026-02-29'] },
        { pacific: '2026-12-25' },
        { pacific: [20261225] },
        [],
        new Map(),
        Object.assign(Object.create(null), { pacific: ['2024-02-29'] }),
        null,
      ),
    },
    { requiredKeys: [] },
  ),
  fc.constantFrom<unknown>(null, undefined, 'velostrata-1.2', [], 42),
);

/** Inputs right in every field but (at times) one. */
const mostlyValid: fc.Arbitrary<unknown> = fc
  .tuple(
    fc.record(
      {
        policy: fc.constantFrom<unknown>('velostrata-1.2', 'velostrata-4.0', customPolicy),
        level: fc.constantFrom<unknown>(undefined, 'gold'),
        priority: fc.constantFrom<unknown>('P1', 'P2', 'P3', 'P4'),
        submitted: recentIsoLike.filter((text) => IsoWithOffset.safeParse(text).success),
        language: fc.constantFrom<unknown>(undefined, 'en', 'ja'),
        englishAccepted: fc.constantFrom<unknown>(undefined, true, false),
        region: fc.constantFrom<unknown>(undefined, 'americas'),
        type: fc.constantFrom<unknown>(undefined, 'technical', 'feature'),
        topic: fc.constantFrom<unknown>(undefined, 'GPU'),
        holidays: fc.constantFrom<unknown>(undefined, {}, { pacific: ['2026-12-25', '2024-02-29'] }),
      },
      { requiredKeys: ['policy', 'priority', 'submitted'] },
    ),
    inputs,
    fc.option(fc.constantFrom('policy', 'level', 'priority', 'submitted', 'language', 'englishAccepted', 'region', 'type', 'topic', 'holidays'), {
      nil: undefined,
    }),
  )
  .map(([valid, other, field]) => {
    if (field === undefined || typeof other !== 'object' || other === null || !(field in other)) return valid;
    return { ...valid, [field]: (other as Record<string, unknown>)[field] };
  });

const schemaAccepts = (input: unknown) => EvaluateInputSchema.safeParse(input).success;

describe('the hand-written input check', () => {
  it('says "valid" only for inputs the schema accepts, and for all of the usual ones', { timeout: 20_000 }, () => {
    let valid = 0;
    fc.assert(
      fc.property(fc.oneof(inputs, mostlyValid), (input) => {
        const accepted = schemaAccepts(input);
        expect(isWellFormed(input)).toBe(accepted);
        if (accepted) valid++;
      }),
      { numRuns: 1500 },
    );
    // Both kinds were tried, in numbers.
    expect(valid).toBeGreaterThan(150);
    expect(valid).toBeLessThan(1350);
  });

  it('evaluate() accepts what the schema accepts, and rejects the rest with the schema’s own error', { timeout: 20_000 }, () => {
    fc.assert(
      fc.property(fc.oneof(inputs, mostlyValid), (input) => {
        const parsed = EvaluateInputSchema.safeParse(input);
        let error: unknown;
        try {
          evaluate(input as EvaluateInput);
        } catch (thrown) {
          error = thrown;
        }
        if (!parsed.success) {
          expect(error).toEqual(EvaluateError.fromZod(parsed.error));
          expect((error as Error).message).toBe(EvaluateError.fromZod(parsed.error).message);
        } else if (error) {
          // Valid by the schema, refused by the contract (unknown policy, level or region).
          expect(error).toBeInstanceOf(EvaluateError);
          expect(['policy', 'level', 'region']).toContain((error as EvaluateError).path[0]);
        }
      }),
      { numRuns: 1500 },
    );
  });

  it('reads the submission time exactly as the schema’s pattern accepts it, to Date.parse’s instant', () => {
    fc.assert(
      fc.property(submittedTexts, (text) => {
        const at = parseSubmitted(text);
        expect(!Number.isNaN(at)).toBe(IsoWithOffset.safeParse(text).success);
        if (!Number.isNaN(at)) expect(at).toBe(Date.parse(text));
      }),
      { numRuns: 20_000 },
    );
  });

  it('reads a custom policy object once; a new object is read again', () => {
    const policy = structuredClone(customPolicy);
    const input = { policy, priority: 'P1', submitted: '2026-11-23T09:00:00+01:00' } as EvaluateInput;
    expect(evaluate(input).target?.deadline).toBe('2026-11-23T10:00:00.000Z');
    expect(evaluate(input).target?.deadline).toBe('2026-11-23T10:00:00.000Z');
    const longer = structuredClone(customPolicy);
    (longer.levels.premium.targets.P1 as { minutes: number }).minutes = 180;
    expect(evaluate({ ...input, policy: longer } as EvaluateInput).target?.deadline).toBe('2026-11-23T11:00:00.000Z');
    expect(() => evaluate({ ...input, policy: brokenPolicy } as EvaluateInput)).toThrow(/^policy\.calendar: unknown calendar "nowhere"/);
  });

  it('a built-in policy passed as an object gives the same target as its id', () => {
    const input = { policy: 'velostrata-4.0', priority: 'P1', submitted: '2019-07-03T16:00:00-07:00' } as const;
    expect(evaluate({ ...input, policy: builtinPolicies['velostrata-4.0'] } as EvaluateInput)).toEqual(evaluate(input));
  });
});
