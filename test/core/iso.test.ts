import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { civilFromDays, isoAtOffset, isoUtc } from '../../core/time/iso';

const DAY = 86_400_000;

describe('ISO text for instants', () => {
  it('isoUtc writes exactly what Date#toISOString writes, in and outside four-digit years', () => {
    fc.assert(
      fc.property(fc.integer({ min: -8.64e15, max: 8.64e15 }), (ms) => {
        expect(isoUtc(ms)).toBe(new Date(ms).toISOString());
      }),
      { numRuns: 5000 },
    );
    for (const ms of [0, -1, -62_167_219_200_000, -62_167_219_200_001, 253_402_300_799_999, 253_402_300_800_000, 951_782_400_000]) {
      expect(isoUtc(ms)).toBe(new Date(ms).toISOString());
    }
    expect(isoUtc(1.5)).toBe(new Date(1.5).toISOString());
    expect(() => isoUtc(Number.NaN)).toThrow(RangeError);
  });

  it('isoAtOffset writes the wall time at the offset, which reads back as the same instant', () => {
    fc.assert(
      fc.property(fc.integer({ min: -2e12, max: 4e12 }), fc.integer({ min: -14 * 60, max: 14 * 60 }), (ms, offset) => {
        const text = isoAtOffset(ms, offset);
        expect(text).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}[+-]\d{2}:\d{2}$/);
        expect(Date.parse(text)).toBe(ms);
        expect(text.slice(0, 23)).toBe(new Date(ms + offset * 60_000).toISOString().slice(0, 23));
      }),
      { numRuns: 3000 },
    );
    expect(isoAtOffset(Date.parse('2026-11-14T17:30:00Z'), 540)).toBe('2026-11-15T02:30:00.000+09:00');
    expect(isoAtOffset(Date.parse('2026-11-15T08:00:00Z'), -330)).toBe('2026-11-15T02:30:00.000-05:30');
  });

  it('civilFromDays agrees with the engine day by day across leap years and centuries', () => {
    for (let days = Date.UTC(1599, 0, 1) / DAY; days < Date.UTC(2401, 0, 1) / DAY; days++) {
      const date = new Date(days * DAY);
      const civil = civilFromDays(days);
      if (civil.year !== date.getUTCFullYear() || civil.month !== date.getUTCMonth() + 1 || civil.day !== date.getUTCDate()) {
        expect(civil).toEqual({ year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() });
      }
    }
  });
});
