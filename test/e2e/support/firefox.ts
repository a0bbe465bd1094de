import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import type { BadgeReading } from './badges';

/**
 * The Firefox build (.output/firefox-mv3) in Debian's firefox-esr over WebDriver BiDi (puppeteer-core).
 * BiDi cannot open moz-extension:// pages, so settings arrive the way IT pushes them: a managed
 * storage manifest (~/.mozilla/managed-storage/<add-on id>.json) in a throw-away HOME.
 */

export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const FIREFOX_EXTENSION_DIR = resolve(process.env.SLA_FIREFOX_EXTENSION_DIR ?? '.output/firefox-mv3');
export const ADDON_ID = 'sla-lens@example.org';

export interface FirefoxExtension {
  browser: Browser;
  close(): Promise<void>;
}

export async function launchFirefox(options: {
  /** Values for storage.managed (customers, priorityMap, atRiskShare, …). */
  managed: Record<string, unknown>;
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
    const managed = join(home, '.mozilla', 'managed-storage');
    await mkdir(managed, { recursive: true });
    const manifest = { name: ADDON_ID, description: 'SLA Lens settings', type: 'storage', data: options.managed };
    await writeFile(join(managed, `${ADDON_ID}.json`), JSON.stringify(manifest));
    const browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX,
      protocol: 'webDriverBiDi',
      headless: options.headless ?? true,
      extraPrefsFirefox: options.prefs,
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
