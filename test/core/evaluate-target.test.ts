import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { builtinPolicies, evaluate, evaluateTarget, type EvaluateInput } from '../../core';
import { holidayRegions } from '../../core/evaluate/calendars';
import { evaluateTargetTrusted, type ParsedEvaluateInput } from '../../core/evaluate/evaluate';
import { EvaluateInput as EvaluateInputSchema } from '../../core/evaluate/types';

/** Scope classification only adds notes after "no response times"; evaluateTarget() leaves it out. */
const SCOPE_CODES = new Set(['in-scope', 'out-of-scope', 'scope-unclear']);

const outcome = (run: () => unknown) => {
  try {
    return { value: run() };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
};

const inputs: fc.Arbitrary<EvaluateInput> = fc
  .constantFrom(...Object.keys(builtinPolicies))
  .chain((id) => {
    const policy = builtinPolicies[id];
    const levels = Object.keys(policy?.levels ?? {});
    const regions = policy ? holidayRegions(policy) : [];
    return fc.record(
      {
        policy: fc.constant(id),
        level: fc.option(fc.constantFrom(...levels, 'unknown-level'), { nil: undefined }),
        priority: fc.constantFrom('P1', 'P2', 'P3', 'P4'),
        // Whole minutes across two years (DST changes, holidays, weekends), written with an offset.
        submitted: fc
          .tuple(fc.integer({ min: 0, max: 2 * 365 * 1440 }), fc.constantFrom('Z', '+09:00', '-08:00', '+01:00'))
          .map(([minutes, zone]) => {
            const at = Date.parse('2026-01-01T00:00:00Z') + minutes * 60_000;
            const shift = zone === 'Z' ? 0 : (zone.startsWith('-') ? -1 : 1) * Number(zone.slice(1, 3)) * 60;
            return `${new Date(at + shift * 60_000).toISOString().slice(0, 19)}${zone}`;
          }),
        language: fc.option(fc.constantFrom('en', 'ja', 'ko', 'zh'), { nil: undefined }),
        englishAccepted: fc.option(fc.boolean(), { nil: undefined }),
        region: fc.option(fc.constantFrom(...regions, 'mars'), { nil: undefined }),
        type: fc.option(fc.constantFrom('technical', 'billing', 'feature'), { nil: undefined }),
        topic: fc.option(fc.constantFrom('GPU driver crash', 'Bitte kündigen', 'Server down'), { nil: undefined }),
      },
      { requiredKeys: ['policy', 'priority', 'submitted'] },
    ) as fc.Arbitrary<EvaluateInput>;
  });

describe('evaluateTarget()', () => {
  // About 0.6 s of work on an idle machine; 15 s covers a 2-core machine at load 10.
  it('gives evaluate()’s target and note codes (without scope), or the same error', { timeout: 15_000 }, () => {
    fc.assert(
      fc.property(inputs, (input) => {
        const full = outcome(() => evaluate(input));
        const brief = outcome(() => evaluateTarget(input));
        if ('error' in full) {
          expect(brief).toEqual(full);
          return;
        }
        const result = full.value as ReturnType<typeof evaluate>;
        expect(brief.value).toEqual({
          target: result.target,
          notes: result.notes.filter((note) => !SCOPE_CODES.has(note.code)).map(({ code }) => ({ code })),
        });
      }),
      { numRuns: 400 },
    );
  });

  it('leaves evaluate()’s own output as it was: explanation steps and notes with their values', () => {
    const input: EvaluateInput = { policy: 'velostrata-1.2', level: 'gold', priority: 'P2', submitted: '2026-11-23T10:00:00-08:00', language: 'ja' };
    const result = evaluate(input);
    expect(result.steps.length).toBeGreaterThan(3);
    expect(result.notes.find((note) => note.code === 'language-routed')).toMatchObject({ team: 'Japanese-language support team', zone: 'Asia/Tokyo' });
    expect(evaluateTarget(input).target).toEqual(result.target);
  });

  it('evaluateTargetTrusted() gives evaluateTarget()’s result (or the same error) for valid inputs, parsed or as built', () => {
    fc.assert(
      fc.property(inputs, (input) => {
        const parsed = EvaluateInputSchema.safeParse(input);
        expect(parsed.success).toBe(true);
        if (!parsed.success) return;
        const checked = outcome(() => evaluateTarget(input));
        expect(outcome(() => evaluateTargetTrusted(parsed.data))).toEqual(checked);
        // The overlay passes its input as built (absent fields absent), without a parsed copy.
        expect(outcome(() => evaluateTargetTrusted(input as ParsedEvaluateInput))).toEqual(checked);
      }),
      { numRuns: 400 },
    );
  });
});
