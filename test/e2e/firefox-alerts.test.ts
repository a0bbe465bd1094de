import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DrillServer, drillManaged, startDrill, TWO_TABS } from './support/drill-helpdesk';
import { type FirefoxExtension, launchFirefox, openBadgedTabs } from './support/firefox';

/**
 * Firefox (MV3, firefox-esr): desktop alerts from two background tabs of the drill helpdesk, listed
 * as RT 5 lists tickets. Contracts and the alert settings arrive as IT pushes them (managed storage).
 *
 * The alerts are observed as the background's decisions — the overlay marks an alerted ticket's badge
 * (`data-sla-alerted`) when the background tells it; turning alerts on (the agent's click grants the
 * notifications permission in a browser prompt automation cannot answer) is replaced by the managed
 * setting. The popup's list of both tabs' tickets, in the real popup page, is in firefox-pages.test.ts.
 */

let drill: DrillServer;
let firefox: FirefoxExtension;
let pageA: Page;
let pageB: Page;

beforeAll(async () => {
  drill = await startDrill(TWO_TABS, 'rt');
  firefox = await launchFirefox({ managed: drillManaged({ alerts: { enabled: true } }), timeZone: 'UTC' });
  [pageA, pageB] = (await openBadgedTabs(firefox, drill.origin, TWO_TABS)) as [Page, Page];
}, 120_000);

afterAll(async () => {
  await firefox?.close();
  await drill?.close();
});

describe('Firefox: desktop alerts from background tabs', () => {
  it('alerts when a ticket becomes at risk and when another tab’s ticket breaches (the background’s decisions, marked on their badges)', async () => {
    // A third tab in front: both helpdesk tabs are in the background.
    const front = await firefox.browser.newPage();
    await front.goto('about:blank');
    await front.bringToFront();
    await pageA.waitForFunction(() => document.querySelector('[data-sla-ticket="101"]')?.getAttribute('data-sla-alerted')?.includes('at-risk'), { timeout: 30_000 });
    // Already at risk when first seen: only its breach alerts.
    await pageB.waitForFunction(() => document.querySelector('[data-sla-ticket="201"]')?.getAttribute('data-sla-alerted') === 'breached', { timeout: 40_000 });
    expect(await pageB.$eval('[data-sla-ticket="202"]', (b) => b.getAttribute('data-sla-alerted'))).toBeNull();
  });
});
