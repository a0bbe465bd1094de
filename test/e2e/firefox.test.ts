import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import demoSettings from '../../scripts/demo/demo-settings.json' with { type: 'json' };
import { type DemoServer, startDemoServer } from '../../scripts/demo/server';

/**
 * The Firefox build (.output/firefox-mv3) in Debian's firefox-esr, driven over WebDriver BiDi. The
 * demo's contracts reach the extension the way IT pushes them: Firefox's managed storage manifest
 * (~/.mozilla/managed-storage/<add-on id>.json), which also proves managed settings work in Firefox.
 */

const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const EXTENSION_DIR = resolve(process.env.SLA_FIREFOX_EXTENSION_DIR ?? '.output/firefox-mv3');
const ADDON_ID = 'sla-lens@example.org';

let server: DemoServer;
let browser: Browser;
let home: string;

async function badgesOn(page: Page, url: string, count: number) {
  await page.goto(url);
  await page.waitForFunction(
    (n: number) => document.querySelectorAll('[data-sla-badge][data-sla-state]').length >= n,
    { timeout: 20_000 },
    count,
  );
  return page.$$eval('[data-sla-badge]', (hosts) =>
    hosts.map((host) => ({
      ticket: host.getAttribute('data-sla-ticket'),
      state: host.getAttribute('data-sla-state'),
      deadline: host.getAttribute('data-sla-deadline'),
    })),
  );
}

beforeAll(async () => {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No Firefox build in ${EXTENSION_DIR}: run \`npx wxt build -b firefox\` (npm test does).`);
  }
  if (!existsSync(FIREFOX)) throw new Error(`No Firefox at ${FIREFOX}: apt-get install firefox-esr (or set FIREFOX_PATH).`);
  server = await startDemoServer();
  home = await mkdtemp(join(tmpdir(), 'sla-lens-firefox-'));
  const managed = join(home, '.mozilla', 'managed-storage');
  await mkdir(managed, { recursive: true });
  await writeFile(
    join(managed, `${ADDON_ID}.json`),
    JSON.stringify({ name: ADDON_ID, description: 'SLA Lens demo contracts', type: 'storage', data: { customers: demoSettings.customers } }),
  );
  browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    protocol: 'webDriverBiDi',
    headless: true,
    // RT shows times without an offset: the demo's are UTC, and so is this browser's zone.
    env: { ...process.env, HOME: home, TZ: 'UTC' },
  });
  expect(await browser.installExtension(EXTENSION_DIR)).toBe(ADDON_ID);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (home) await rm(home, { recursive: true, force: true });
});

describe('Firefox: the built extension on the demo helpdesk', () => {
  it('badges every ticket of the list with the state the demo meant', async () => {
    const page = await browser.newPage();
    const badges = await badgesOn(page, `${server.url}/`, server.rows.length);
    expect(badges.map((b) => b.ticket)).toEqual(server.rows.map((r) => String(r.id)));
    for (const row of server.rows) {
      const badge = badges.find((b) => b.ticket === String(row.id));
      expect(badge?.state, `#${row.id} ${row.shows}`).toBe(row.expectedInList);
      if (['on-track', 'at-risk', 'breached', 'waiting'].includes(row.expectedInList)) {
        expect(Date.parse(badge?.deadline ?? '')).toBeGreaterThan(row.created.getTime());
      }
    }
    await page.close();
  });

  it('reads the first reply on a ticket page: met and missed', async () => {
    const page = await browser.newPage();
    for (const row of server.rows.filter((r) => r.expected === 'met' || r.expected === 'missed')) {
      const [badge, ...others] = await badgesOn(page, `${server.url}/Ticket/Display.html?id=${row.id}`, 1);
      expect(others).toEqual([]);
      expect(badge).toMatchObject({ ticket: String(row.id), state: row.expected });
    }
    await page.close();
  });
});
