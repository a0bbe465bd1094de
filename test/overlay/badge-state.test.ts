import { describe, expect, it } from 'vitest';
import { type BadgeInput, badgeState, formatDuration, missingFieldReason } from '../../entrypoints/overlay.content/badge-state';
import { at, evaluated, result, target } from './inputs';

describe('badgeState', () => {
  it.each([
    ['on-track', evaluated(), '2026-11-16T01:46:00Z', 'P2 · Gold · 2h 14m left'],
    ['at-risk at exactly 25% left', evaluated(), '2026-11-16T03:00:00Z', '⚠ P2 · Gold · 1h left'],
    ['on-track just above 25% left', evaluated(), '2026-11-16T02:59:00Z', 'P2 · Gold · 1h 1m left'],
    ['breached', evaluated(), '2026-11-16T04:12:30Z', 'Breached 12m ago'],
    ['met', evaluated({ firstReply: '2026-11-16T00:42:00Z' }), '2026-11-16T09:00:00Z', 'Answered in 42m ✓'],
    ['met before the clock started', evaluated({ firstReply: '2026-11-15T23:10:00Z' }), '2026-11-16T09:00:00Z', 'Answered before start ✓'],
    ['missed', evaluated({ firstReply: '2026-11-16T05:03:00Z' }), '2026-11-16T09:00:00Z', 'Missed by 1h 3m'],
    ['approximate, on-track', evaluated({ approximate: true }), '2026-11-16T01:46:00Z', '≈ P2 · Gold · 2h 14m left'],
    ['approximate, at-risk', evaluated({ approximate: true }), '2026-11-16T03:00:00Z', '⚠ ≈ P2 · Gold · 1h left'],
    ['approximate, breached', evaluated({ approximate: true }), '2026-11-16T04:12:30Z', '≈ Breached 12m ago'],
    ['approximate, waiting', evaluated({ approximate: true, startZone: 'UTC' }), '2026-11-15T23:00:00Z', '≈ Waiting · starts Mon 00:00 UTC'],
    ['approximate, met', evaluated({ approximate: true, firstReply: '2026-11-16T00:42:00Z' }), '2026-11-16T09:00:00Z', '≈ Answered in 42m ✓'],
    ['unmapped', { kind: 'unmapped', customer: 'Acme' } as BadgeInput, '2026-11-16T00:00:00Z', 'Unmapped · map customer…'],
    ['unreadable', { kind: 'unreadable', reason: missingFieldReason('submitted') } as BadgeInput, '2026-11-16T00:00:00Z', 'Unreadable · no submission time'],
  ])('%s', (_name, input, now, text) => {
    expect(badgeState(input, at(now)).text).toBe(text);
  });

  it("marks a countdown's time, which the badge keeps whole when its label is too long", () => {
    const view = badgeState(evaluated({ label: 'P1 · Business-critical (Enterprise)' }), at('2026-11-16T01:46:00Z'));
    expect(view.time).toBe(' · 2h 14m left');
    expect(view.text.endsWith(view.time as string)).toBe(true);
    expect(badgeState(evaluated(), at('2026-11-16T04:12:30Z')).time).toBeUndefined();
  });

  it("marks a waiting badge's start and zone, kept whole like a countdown's time", () => {
    const view = badgeState(evaluated({ approximate: true, startZone: 'Asia/Shanghai' }), at('2026-11-15T10:00:00Z'));
    expect(view.text).toBe('≈ Waiting · starts Mon 08:00 UTC+8');
    expect(view.time).toBe('Mon 08:00 UTC+8');
  });

  it('names every state and sets the deadline only with a target', () => {
    expect(badgeState(evaluated(), at('2026-11-16T01:00:00Z'))).toMatchObject({
      state: 'on-track',
      text: 'P2 · Gold · 3h left',
      deadline: target.deadline,
    });
    expect(badgeState(evaluated(), at('2026-11-16T03:30:00Z')).state).toBe('at-risk');
    expect(badgeState(evaluated(), at('2026-11-16T04:00:00Z')).state).toBe('breached');
    expect(badgeState(evaluated({ firstReply: '2026-11-16T04:00:00Z' }), 0).state).toBe('met');
    expect(badgeState(evaluated({ firstReply: '2026-11-16T04:00:01Z' }), 0).state).toBe('missed');
    const none = badgeState({ ...evaluated(), result: result(null, [{ code: 'feature-request', text: 'Feature requests have no target', source: '§1.5' }]) }, 0);
    expect(none).toMatchObject({ state: 'no-target', text: 'No target · feature request' });
    expect(badgeState({ kind: 'unmapped' }, 0).deadline).toBeUndefined();
  });

  it('leaves only the text out for a badge off screen (same state, deadline and next change)', () => {
    const inputs = [evaluated(), evaluated({ firstReply: '2026-11-16T00:42:00Z' }), { kind: 'unmapped' } as BadgeInput];
    // Every 7 minutes from before the clock starts (waiting) to after the deadline (breached).
    for (let t = at('2026-11-15T23:00:00Z'); t < at('2026-11-16T06:00:00Z'); t += 7 * 60_000) {
      for (const input of inputs) {
        const full = badgeState(input, t);
        const withoutText = badgeState(input, t, false);
        expect(withoutText).toEqual(input.kind === 'evaluated' && !input.firstReply ? { ...full, text: '', time: undefined } : full);
      }
    }
  });

  it('uses the configured at-risk share', () => {
    const now = at('2026-11-16T02:00:00Z'); // 50% left
    expect(badgeState(evaluated({ atRiskShare: 0.5 }), now).state).toBe('at-risk');
    expect(badgeState(evaluated({ atRiskShare: 0.49 }), now).state).toBe('on-track');
  });

  it('measures at-risk in business minutes for business-hours targets', () => {
    const business = { ...target, clock: 'business-hours' as const, deadline: '2026-11-17T01:00:00.000Z' };
    // Wall time: most of a day left; business time: past the at-risk instant → at risk.
    const input = evaluated({ result: result(business), atRiskFrom: at('2026-11-16T07:00:00Z') });
    expect(badgeState(input, at('2026-11-16T08:00:00Z')).state).toBe('at-risk');
    const later = { ...input, atRiskFrom: at('2026-11-16T09:00:00Z') };
    expect(badgeState(later, at('2026-11-16T08:00:00Z'))).toMatchObject({ state: 'on-track', until: at('2026-11-16T08:00:00Z') + 1 });
    expect(badgeState(later, at('2026-11-16T08:59:59Z')).until).toBe(at('2026-11-16T09:00:00Z'));
    expect(badgeState(later, at('2026-11-16T09:00:00Z')).state).toBe('at-risk');
  });

  it('says when a deferred clock starts, in the start zone with its abbreviation', () => {
    const deferred = { ...target, start: '2026-11-16T00:00:00.000Z', deadline: '2026-11-16T04:00:00.000Z' };
    const input = evaluated({ result: result(deferred), startZone: 'Asia/Tokyo' });
    expect(badgeState(input, at('2026-11-15T10:00:00Z'))).toMatchObject({
      state: 'waiting',
      text: 'Waiting · starts Mon 09:00 JST',
      deadline: deferred.deadline,
    });
    const pacific = evaluated({ result: result({ ...deferred, start: '2026-11-16T17:00:00.000Z' }), startZone: 'America/Los_Angeles' });
    expect(badgeState(pacific, at('2026-11-15T10:00:00Z')).text).toBe('Waiting · starts Mon 09:00 PST');
    const seoul = evaluated({ result: result(deferred), startZone: 'Asia/Seoul' });
    expect(badgeState(seoul, at('2026-11-15T10:00:00Z')).text).toBe('Waiting · starts Mon 09:00 KST');
  });

  it('falls back to a generic no-target text', () => {
    expect(badgeState({ ...evaluated(), result: result(null) }, 0).text).toBe('No target');
    expect(badgeState({ ...evaluated(), result: result(null, [{ code: 'something-new', text: 'm', source: '§1' }]) }, 0).text).toBe(
      'No target · something new',
    );
  });
});

describe('until: the instant a view may next change', () => {
  // Property: for any instant before `until`, badgeState gives the same view.
  it.each([
    ['on-track', evaluated(), '2026-11-16T01:46:30Z'],
    ['on-track near the at-risk switch', evaluated(), '2026-11-16T02:59:59.500Z'],
    ['at-risk', evaluated(), '2026-11-16T03:30:10Z'],
    ['breached', evaluated(), '2026-11-16T04:12:30Z'],
    ['waiting', evaluated({ startZone: 'Asia/Tokyo' }), '2026-11-15T23:00:00Z'],
  ])('%s', (_name, input, now) => {
    const view = badgeState(input, at(now));
    expect(view.until).toBeGreaterThan(at(now));
    const { until, ...shown } = view;
    for (const t of [at(now) + 1, (at(now) + until) / 2, until - 1]) {
      expect(badgeState(input, Math.floor(t))).toMatchObject(shown);
    }
    expect(badgeState(input, until)).not.toMatchObject(shown);
  });

  it('is never for final states', () => {
    expect(badgeState(evaluated({ firstReply: '2026-11-16T00:42:00Z' }), 0).until).toBe(Number.POSITIVE_INFINITY);
    expect(badgeState({ kind: 'unmapped' }, 0).until).toBe(Number.POSITIVE_INFINITY);
  });
});

describe('formatDuration', () => {
  it.each([
    [0, '<1m'],
    [59_999, '<1m'],
    [60_000, '1m'],
    [3_600_000, '1h'],
    [8_040_000, '2h 14m'],
    [86_400_000 + 3 * 3_600_000 + 59_000, '1d 3h'],
    [2 * 86_400_000, '2d'],
    [-5, '<1m'],
  ])('%d ms → %s', (ms, text) => expect(formatDuration(ms)).toBe(text));
});
