import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IsoWithOffset, isIsoWithOffset } from '../../core/evaluate/types';

describe('isIsoWithOffset', () => {
  it('agrees with the schema on ISO-like and arbitrary text', () => {
    const part = (min: number, max: number, width: number) => fc.integer({ min, max }).map((n) => String(n).padStart(width, '0'));
    const isoLike = fc
      .tuple(
        part(0, 9999, 4),
        part(0, 13, 2),
        part(0, 32, 2),
        fc.constantFrom('T', ' ', 't'),
        part(0, 24, 2),
        part(0, 60, 2),
        fc.option(part(0, 60, 2)),
        fc.option(fc.constantFrom('.5', '.000', '.123456', '.')),
        fc.constantFrom('Z', 'z', '+09:00', '-05:30', '+0900', '+24:00', '', '+09'),
      )
      .map(([y, mo, d, t, h, mi, s, frac, zone]) => `${y}-${mo}-${d}${t}${h}:${mi}${s === null ? '' : `:${s}`}${frac ?? ''}${zone}`);
    fc.assert(
      fc.property(fc.oneof(isoLike, fc.string()), (text) => {
        expect(isIsoWithOffset(text)).toBe(IsoWithOffset.safeParse(text).success);
      }),
      { numRuns: 2000 },
    );
    expect(isIsoWithOffset('2026-11-15T02:30:00.000+09:00')).toBe(true);
    expect(isIsoWithOffset('2026-11-15T02:30:00')).toBe(false);
  });
});
