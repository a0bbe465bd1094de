import type { Page } from 'playwright-core';
import { Settings } from '../../core/settings/schema';
import { type BadgeReading, waitForBadges } from '../../test/e2e/support/badges';
import { EXTENSION_DIR, launchExtension } from '../../test/e2e/support/chromium';
import { launchFirefox, waitForFirefoxBadges } from '../../test/e2e/support/firefox';
import { seedSettings } from '../../test/e2e/support/settings';
import demoSettings from './demo-settings.json' with { type: 'json' };

/**
 * The browser `npm run demo` opens, with the built extension and the demo's settings: Chromium
 * (settings written to the extension's storage, as the options page would) or Firefox (contracts
 * pushed as managed storage, as IT would — WebDriver BiDi cannot open extension pages).
 */
export interface DemoBrowser {
  /** Opens `url` in the main tab; its badges once each ticket's shows the state wanted (or after a while). */
  show(url: string, wanted: WantedStates): Promise<BadgeReading[]>;
  /** The same in a second tab, closed afterwards, so the main tab stays in front. */
  probe(url: string, wanted: WantedStates): Promise<BadgeReading[]>;
  screenshot(file: string): Promise<void>;
  /** Chromium's main tab, for the README screenshots. */
  page?: Page;
  /** Resolves when the user closes the window. */
  closed(): Promise<void>;
  close(): Promise<void>;
}

/** Ticket → the state its badge should reach. */
export type WantedStates = ReadonlyMap<string, string>;

/**
 * Badges show what the page says at once, and change when the helpdesk's API answers (REST2's first
 * reply turns a countdown into met or missed): read again until each shows the state wanted, or the
 * time is up (then the caller reports what is there).
 */
async function settled(read: () => Promise<BadgeReading[]>, wanted: WantedStates, timeout = 10_000): Promise<BadgeReading[]> {
  const until = Date.now() + timeout;
  for (;;) {
    const badges = await read();
    const done = [...wanted].every(([ticket, state]) => badges.some((badge) => badge.ticket === ticket && badge.state === state));
    if (done || Date.now() > until) return badges;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

export async function openChromium(headless: boolean): Promise<DemoBrowser> {
  const browser = await launchExtension(EXTENSION_DIR, { headless });
  try {
    await seedSettings(browser.worker, Settings.parse(demoSettings));
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    // A window keeps its own size; screenshots get a fixed one.
    if (headless) await page.setViewportSize({ width: 1400, height: 1100 });
    return {
      page,
      async show(url, wanted) {
        await page.goto(url);
        return settled(() => waitForBadges(page, wanted.size, 'body', 30_000), wanted);
      },
      async probe(url, wanted) {
        const tab = await browser.context.newPage();
        await tab.goto(url);
        const badges = await settled(() => waitForBadges(tab, wanted.size), wanted);
        await tab.close();
        return badges;
      },
      screenshot: (file) => page.screenshot({ path: file, fullPage: true }).then(() => {}),
      closed: () => new Promise((done) => browser.context.once('close', () => done())),
      close: () => browser.close(),
    };
  } catch (error) {
    await browser.close();
    throw error;
  }
}

export async function openFirefox(headless: boolean): Promise<DemoBrowser> {
  // The demo's RT times carry no offset and are UTC; managed storage has no per-site zone, so the
  // browser runs in UTC.
  const firefox = await launchFirefox({ managed: { customers: demoSettings.customers }, headless, timeZone: 'UTC' });
  try {
    const page = await firefox.browser.newPage();
    if (headless) await page.setViewport({ width: 1400, height: 1100 });
    return {
      async show(url, wanted) {
        await page.goto(url);
        return settled(() => waitForFirefoxBadges(page, wanted.size, 30_000), wanted);
      },
      async probe(url, wanted) {
        const tab = await firefox.browser.newPage();
        await tab.goto(url);
        const badges = await settled(() => waitForFirefoxBadges(tab, wanted.size), wanted);
        await tab.close();
        return badges;
      },
      screenshot: (file) => page.screenshot({ path: file as `${string}.png`, fullPage: true }).then(() => {}),
      closed: () => new Promise((done) => firefox.browser.once('disconnected', () => done())),
      close: () => firefox.close(),
    };
  } catch (error) {
    await firefox.close();
    throw error;
  }
}
