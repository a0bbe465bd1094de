import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  cleanText,
  extractEmail,
  literalPriority,
  toRequestType,
} from '../../entrypoints/overlay.content/adapters/field-values';

describe('field values', () => {
  it('sets P1–P4 only when the page literally shows it', () => {
    expect(literalPriority('P2')).toBe('P2');
    expect(literalPriority('p1 - Critical')).toBe('P1');
    expect(literalPriority('P5')).toBeUndefined();
    expect(literalPriority('High')).toBeUndefined();
    expect(literalPriority('Priority 2')).toBeUndefined();
  });

  it('finds the address in RT\'s "Name <address>", mailto links and plain text', () => {
    expect(extractEmail('Taro Yamada <Taro@Kaiyo.example.jp>')).toBe('taro@kaiyo.example.jp');
    expect(extractEmail('"Lopez, Maria" <maria@acme.test>, Lee <lee@acme.test>')).toBe('maria@acme.test');
    expect(extractEmail('mailto:ops@example.org')).toBe('ops@example.org');
    expect(extractEmail('wang@longmen.example.cn')).toBe('wang@longmen.example.cn');
    expect(extractEmail('root (Enoch Root)')).toBeUndefined();
  });

  it('maps request wording to feature / billing / technical, unknown stays unknown', () => {
    expect(toRequestType('Feature request')).toBe('feature');
    expect(toRequestType('New Feature')).toBe('feature');
    expect(toRequestType('Rechnung')).toBe('billing');
    expect(toRequestType('Incident')).toBe('technical');
    expect(toRequestType('Request for Change')).toBeUndefined();
  });

  it('collapses whitespace, including RT\'s no-break spaces', () => {
    expect(cleanText('Sun\u00a0Nov\u00a015  02:30:00\n2026 ')).toBe('Sun Nov 15 02:30:00 2026');
    expect(cleanText(null)).toBe('');
  });

  it('collapses every whitespace run to one space and trims, whatever the mix', () => {
    const piece = fc.oneof(fc.string({ maxLength: 4 }), fc.constantFrom(' ', '  ', '\u00a0', '\n', '\t', '\u3000', '\u2028', 'x', '日本'));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const text = pieces.join('');
        expect(cleanText(text)).toBe(text.replace(/\s+/gu, ' ').trim());
      }),
      { numRuns: 2000 },
    );
  });
});
