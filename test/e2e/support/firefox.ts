import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import type { BadgeReading } from './badges';

/**
 * The Firefox build (.output/firefox-mv3) in Debian's firefox-esr over WebDriver BiDi (puppeteer-core).
 * Settings can arrive the way IT pushes them: a managed storage manifest
 * (~/.mozilla/managed-storage/<add-on id>.json) in a throw-away HOME.
 *
 * BiDi refuses to open moz-extension:// pages and hides extension contexts unless Firefox runs with
 * system access for its remote agent (`--remote-allow-system-access`); with `extensionPages`, the
 * add-on also gets a fixed internal UUID (the `extensions.webextensions.uuids` pref), so its pages
 * have a known address and openExtensionPage() can show the real popup and options page in a tab.
 */

export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const FIREFOX_EXTENSION_DIR = resolve(process.env.SLA_FIREFOX_EXTENSION_DIR ?? '.output/firefox-mv3');
export const ADDON_ID = 'sla-lens@example.org';
/** The add-on's internal UUID (its pages' host) when launched with `extensionPages`. */
export const EXTENSION_UUID = '5a1a1e25-0000-4000-8000-000000000001';

export interface FirefoxExtension {
  browser: Browser;
  close(): Promise<void>;
}

export async function launchFirefox(options: {
  /** Values for storage.managed (customers, priorityMap, atRiskShare, …); none when absent. */
  managed?: Record<string, unknown>;
  /** Allow openExtensionPage() (the remote agent's system access and a fixed add-on UUID). */
  extensionPages?: boolean;
  headless?: boolean;
  /** The browser's zone; the system's when absent. */
  timeZone?: string;
  /** Extra Firefox preferences (e.g. a proxy that catches every request to another host). */
  prefs?: Record<string, unknown>;
  /** Extra environment variables for Firefox. */
  env?: Record<string, string>;
}): Promise<FirefoxExtension> {
  if (!existsSync(join(FIREFOX_EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No Firefox build in ${FIREFOX_EXTENSION_DIR}: run \`npx wxt build -b firefox\` (npm test does).`);
  }
  if (!existsSync(FIREFOX)) throw new Error(`No Firefox at ${FIREFOX}: apt-get install firefox-esr (or set FIREFOX_PATH).`);
  const home = await mkdtemp(join(tmpdir(), 'sla-lens-firefox-'));
  const cleanup = () => rm(home, { recursive: true, force: true });
  try {
    if (options.managed) {
      const managed = join(home, '.mozilla', 'managed-storage');
      await mkdir(managed, { recursive: true });
      const manifest = { name: ADDON_ID, description: 'SLA Lens settings', type: 'storage', data: options.managed };
      await writeFile(join(managed, `${ADDON_ID}.json`), JSON.stringify(manifest));
    }
    const pages = options.extensionPages ?? false;
    const browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX,
      protocol: 'webDriverBiDi',
      headless: options.headless ?? true,
      extraPrefsFirefox: { ...(pages ? { 'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: EXTENSION_UUID }) } : {}), ...options.prefs },
      args: pages ? ['--remote-allow-system-access'] : [],
      env: { ...process.env, HOME: home, ...(options.timeZone ? { TZ: options.timeZone } : {}), ...options.env },
    });
    const id = await browser.installExtension(FIREFOX_EXTENSION_DIR).catch(async (error) => {
      await browser.close();
      throw error;
    });
    if (id !== ADDON_ID) throw new Error(`Firefox installed the add-on as ${id}, expected ${ADDON_ID}`);
    return {
      browser,
      async close() {
        await browser.close().catch(() => {});
        await cleanup();
      },
    };
  } catch (error) {
    await cleanup();
    throw error;
  }
}

/**
 * Opens one of the add-on's pages (e.g. `popup.html`, `options.html#/contracts`) in a new tab of a
 * browser launched with `extensionPages`. BiDi sends no navigation events for extension contexts,
 * so the tab is navigated over puppeteer's BiDi connection without waiting for them (the frame's
 * `_id` is its BiDi context; neither is in puppeteer's types) and the page counts as open once its
 * first heading shows.
 */
export async function openExtensionPage(firefox: FirefoxExtension, path: string): Promise<Page> {
  const page = await firefox.browser.newPage();
  const context = (page.mainFrame() as unknown as { _id: string })._id;
  const bidi = firefox.browser as unknown as { connection: { send(method: string, params: object): Promise<unknown> } };
  await bidi.connection.send('browsingContext.navigate', { context, url: `moz-extension://${EXTENSION_UUID}/${path}`, wait: 'none' });
  await page.waitForFunction((host: string) => location.host === host && document.querySelector('h1, h2') !== null, { timeout: 20_000 }, EXTENSION_UUID);
  return page;
}

/** Opens each queue of a helpdesk in a tab of its own, in order, and waits for all their badges. */
export async function openBadgedTabs(firefox: FirefoxExtension, origin: string, queues: Record<string, unknown[]>): Promise<Page[]> {
  const pages: Page[] = [];
  for (const path of Object.keys(queues)) {
    const page = await firefox.browser.newPage();
    await page.goto(`${origin}${path}`);
    pages.push(page);
  }
  for (const [i, rows] of Object.values(queues).entries()) await waitForFirefoxBadges(pages[i] as Page, rows.length);
  return pages;
}

/** Waits until `count` badges carry a state, then reads them (as support/badges.ts does in Chromium). */
export async function waitForFirefoxBadges(page: Page, count: number, timeout = 20_000): Promise<BadgeReading[]> {
  await page.waitForFunction(
    (n: number) => document.querySelectorAll('[data-sla-badge][data-sla-state]').length >= n,
    { timeout },
    count,
  );
  return page.$$eval('[data-sla-badge]', (hosts) =>
    hosts.map((host) => ({
      ticket: host.getAttribute('data-sla-ticket'),
      state: host.getAttribute('data-sla-state'),
      deadline: host.getAttribute('data-sla-deadline'),
      text: (host.shadowRoot?.textContent ?? '').trim(),
    })),
  );
}
