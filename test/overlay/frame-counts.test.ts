import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { forgetTab, recordFrameCounts, tabCounts } from '../../entrypoints/background';

/**
 * The background keeps each frame's last report per tab (in storage.session, WXT's fake browser
 * here) and answers with their sum: a top frame without tickets must not hide its iframe's.
 */

const breached = { counts: { breached: 2, 'on-track': 1 }, total: 3, nextDeadline: '2026-11-23T01:00:00.000Z' };
const none = { counts: {}, total: 0 };

beforeEach(() => fakeBrowser.reset());

describe('toolbar counts per frame', () => {
  it("keeps an iframe's counts when the top frame reports none, before or after", async () => {
    await recordFrameCounts(1, 0, none);
    expect(await recordFrameCounts(1, 7, breached)).toEqual(breached);
    expect(await recordFrameCounts(1, 0, none)).toEqual(breached);
    expect(await tabCounts(1)).toEqual(breached);
  });

  it("replaces a frame's counts with its next report and drops them when it reports none", async () => {
    await recordFrameCounts(1, 0, { counts: { met: 1 }, total: 1 });
    await recordFrameCounts(1, 7, breached);
    expect(await recordFrameCounts(1, 7, { counts: { 'at-risk': 1 }, total: 1 })).toEqual({
      counts: { met: 1, 'at-risk': 1 },
      total: 2,
    });
    // The frame's page went away (pagehide reports zero).
    expect(await recordFrameCounts(1, 7, none)).toEqual({ counts: { met: 1 }, total: 1 });
    await recordFrameCounts(1, 0, none);
    // No frame has badges: the popup falls back to asking the tab.
    expect(await tabCounts(1)).toBeNull();
  });

  it('keeps both of two reports that arrive at once', async () => {
    await Promise.all([recordFrameCounts(1, 0, { counts: { met: 1 }, total: 1 }), recordFrameCounts(1, 7, breached)]);
    expect((await tabCounts(1))?.total).toBe(4);
  });

  it('keeps tabs apart and forgets a closed tab', async () => {
    await recordFrameCounts(1, 7, breached);
    await recordFrameCounts(2, 0, { counts: { met: 1 }, total: 1 });
    await forgetTab(1);
    expect(await tabCounts(1)).toBeNull();
    expect(await tabCounts(2)).toEqual({ counts: { met: 1 }, total: 1 });
  });
});
