import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Settings } from '../../core/settings/schema';
import { BADGE_STATES } from '../../entrypoints/overlay.content/badge-state';
import demoSettings from '../../scripts/demo/demo-settings.json' with { type: 'json' };
import { type DemoServer, startDemoServer } from '../../scripts/demo/server';
import { settledStates, waitForBadges } from './support/badges';
import { type ExtensionBrowser, launchExtension, TEST_BROWSER_ZONE } from './support/chromium';
import { type RequestLog, recordRequests } from './support/requests';
import { seedSettings } from './support/settings';

/**
 * `npm run demo`'s helpdesk with the built extension in headless Chromium, as a new user sees it:
 * every ticket badged with the state the demo meant (on the list once the demo's REST2 answered the
 * RT reader), the explanation on hover, and no request to any host but the demo's. The browser runs
 * in New York time; the demo site's zone (UTC) must win.
 */

let server: DemoServer;
let browser: ExtensionBrowser;
let requests: RequestLog;
let page: Page;

beforeAll(async () => {
  server = await startDemoServer();
  browser = await launchExtension(undefined, { timeZone: TEST_BROWSER_ZONE });
  requests = await recordRequests(browser.context, [server.url]);
  await seedSettings(browser.worker, Settings.parse(demoSettings));
  page = await browser.context.newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the demo helpdesk in Chromium', () => {
  it('badges every listed ticket with the state the demo meant, met and missed too once REST2 answered', async () => {
    await page.goto(`${server.url}/`);
    expect((await waitForBadges(page, server.rows.length)).map((b) => b.ticket)).toEqual(server.rows.map((r) => String(r.id)));
    // The page's reading comes first (no replies on a list); the API's answer then brings the first replies.
    const badges = await settledStates(page, server.rows.map((row) => [String(row.id), row.expected]));
    for (const row of server.rows) {
      expect(badges.find((b) => b.ticket === String(row.id))?.state, `#${row.id} ${row.shows}`).toBe(row.expected);
    }
    expect(new Set(badges.map((b) => b.state))).toEqual(new Set(BADGE_STATES));
    expect(requests.all.filter((url) => new URL(url).pathname.startsWith('/REST/2.0/')).length).toBeGreaterThan(0);
  });

  it('explains a badge on hover: contract, section and clock', async () => {
    await page.locator('[data-sla-badge][data-sla-ticket="4102"]').hover();
    const popover = page.locator('[data-sla-popover]');
    await expect.poll(() => popover.evaluate((p) => p.shadowRoot?.textContent ?? p.textContent ?? '')).toContain(
      'Kestrel Bank',
    );
    const text = await popover.evaluate((p) => p.shadowRoot?.textContent ?? p.textContent ?? '');
    expect(text).toContain('§4.3');
    expect(text).toContain('24/7');
    expect(text).toContain('Exact data from RT REST2, read');
  });

  it('keeps a countdown whole when its label is too long, and its popover open while the mouse crosses it', async () => {
    // #4118: "P1 · Business-critical (Enterprise) · …h …m left", wider than a badge.
    const badge = page.locator('[data-sla-badge][data-sla-ticket="4118"]');
    const fit = await badge.evaluate((host) => {
      const shadow = host.shadowRoot as ShadowRoot;
      const head = shadow.querySelector('span') as HTMLElement;
      const tail = shadow.lastChild as Text;
      const time = document.createRange();
      time.selectNodeContents(tail);
      const box = host.getBoundingClientRect();
      const shown = time.getBoundingClientRect();
      // The "·" after the label's ellipsis, with the space before it kept.
      const dot = document.createRange();
      dot.setStart(tail, 1);
      dot.setEnd(tail, 2);
      return {
        time: time.toString(),
        spaced: dot.getBoundingClientRect().left - head.getBoundingClientRect().right >= 2,
        inside: shown.width > 0 && shown.left >= box.left && shown.right <= box.right,
        labelCut: head.scrollWidth > head.clientWidth,
      };
    });
    expect(fit.time).toMatch(/^ · (\d+[dhm] ?)+ left$/);
    expect(fit.inside).toBe(true);
    expect(fit.spaced).toBe(true);
    expect(fit.labelCut).toBe(true);

    // From the label (a span in the shadow root) to the time (its text): still the same badge.
    const popover = page.locator('[data-sla-popover]');
    const shown = () => popover.evaluate((p) => !(p.shadowRoot?.querySelector('.pop') as HTMLElement | null)?.hidden);
    await badge.hover({ position: { x: 20, y: 9 } });
    await expect.poll(shown).toBe(true);
    await badge.hover({ position: { x: 170, y: 9 } });
    // Proves the popover does NOT close: 400 ms on the page's own timers, which run after the badge's
    // 150 ms grace timer from any mouseout during the move, however busy the machine is.
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 400)));
    expect(await shown()).toBe(true);
    await page.mouse.move(0, 0);
    await expect.poll(shown).toBe(false);
  });

  it('shows met and missed where the ticket page shows the first reply', async () => {
    const seen: string[] = [];
    for (const row of server.rows.filter((r) => r.expected !== r.expectedInList)) {
      await page.goto(`${server.url}/Ticket/Display.html?id=${row.id}`);
      const [badge] = await waitForBadges(page, 1);
      expect(badge?.ticket).toBe(String(row.id));
      seen.push(badge?.state ?? 'none');
    }
    expect(seen.sort()).toEqual(['met', 'missed']);
  });

  it('sends nothing to any other host', () => {
    expect(requests.all.length).toBeGreaterThan(0);
    expect(requests.foreign).toEqual([]);
  });
});
