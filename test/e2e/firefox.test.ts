import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import demoSettings from '../../scripts/demo/demo-settings.json' with { type: 'json' };
import { type DemoServer, startDemoServer } from '../../scripts/demo/server';
import { type FirefoxExtension, launchFirefox, waitForFirefoxBadges } from './support/firefox';

/**
 * The Firefox build in Debian's firefox-esr, driven over WebDriver BiDi (puppeteer-core 24). The
 * demo's contracts reach the extension the way IT pushes them — Firefox's managed storage — which
 * also proves managed settings work in Firefox.
 */

let server: DemoServer;
let firefox: FirefoxExtension;

beforeAll(async () => {
  server = await startDemoServer();
  // Managed storage carries contracts, not sites: the demo's RT times (UTC) are read in the browser's zone.
  firefox = await launchFirefox({ managed: { customers: demoSettings.customers }, timeZone: 'UTC' });
});

afterAll(async () => {
  await firefox?.close();
  await server?.close();
});

describe('Firefox: the built extension on the demo helpdesk', () => {
  it('badges every ticket of the list with the state the demo meant', async () => {
    const page = await firefox.browser.newPage();
    await page.goto(`${server.url}/`);
    expect((await waitForFirefoxBadges(page, server.rows.length)).map((b) => b.ticket)).toEqual(server.rows.map((r) => String(r.id)));
    // The page's reading first; the demo's REST2 answer then brings the first replies (met, missed).
    const wanted = server.rows.map((row) => [String(row.id), row.expected]);
    await page
      .waitForFunction(
        (pairs: string[][]) => pairs.every(([id, state]) => document.querySelector(`[data-sla-badge][data-sla-ticket="${id}"]`)?.getAttribute('data-sla-state') === state),
        { timeout: 10_000 },
        wanted,
      )
      .catch(() => undefined);
    const badges = await waitForFirefoxBadges(page, server.rows.length);
    for (const row of server.rows) {
      const badge = badges.find((b) => b.ticket === String(row.id));
      expect(badge?.state, `#${row.id} ${row.shows}`).toBe(row.expected);
      if (['on-track', 'at-risk', 'breached', 'waiting'].includes(row.expected)) {
        expect(Date.parse(badge?.deadline ?? '')).toBeGreaterThan(row.created.getTime());
      }
    }
    await page.close();
  });

  it('keeps the badge’s box and colours under hostile page CSS, !important included', async () => {
    const page = await firefox.browser.newPage();
    await page.goto(`${server.url}/`);
    await waitForFirefoxBadges(page, server.rows.length);
    const look = () =>
      page.evaluate(() => {
        const host = document.querySelector('[data-sla-badge]') as HTMLElement;
        const style = getComputedStyle(host);
        const box = host.getBoundingClientRect();
        const names = ['display', 'visibility', 'position', 'background-color', 'color', 'border-top-color', 'font-size'];
        return JSON.stringify([Math.round(box.width), Math.round(box.height), ...names.map((name) => style.getPropertyValue(name))]);
      });
    const before = await look();
    expect(JSON.parse(before).slice(0, 4)).toEqual([184, 18, 'inline-flex', 'visible']);
    await page.addStyleTag({
      content: `* { all: unset !important; display: block !important; position: absolute !important; visibility: hidden !important;
        background: rgb(255, 0, 0) !important; color: rgb(0, 255, 0) !important; font-size: 40px !important; width: 500px !important; }
        [role="button"], sla-lens-badge { display: none !important; height: 100px !important; }`,
    });
    expect(await look()).toBe(before);
    await page.close();
  });

  it('reads the first reply on a ticket page: met and missed', async () => {
    const page = await firefox.browser.newPage();
    const seen: string[] = [];
    for (const row of server.rows.filter((r) => r.expected !== r.expectedInList)) {
      await page.goto(`${server.url}/Ticket/Display.html?id=${row.id}`);
      const [badge, ...others] = await waitForFirefoxBadges(page, 1);
      expect(others).toEqual([]);
      expect(badge?.ticket).toBe(String(row.id));
      seen.push(badge?.state ?? 'none');
    }
    expect(seen.sort()).toEqual(['met', 'missed']);
    await page.close();
  });
});
