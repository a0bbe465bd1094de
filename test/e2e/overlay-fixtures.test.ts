import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Settings } from '../../core/settings/schema';
import { rtSettings } from '../../scripts/rt/data';
import type { SeedManifest } from '../../scripts/rt/seed';
import { waitForBadges } from './support/badges';
import { type ExtensionBrowser, launchExtension, TEST_BROWSER_ZONE } from './support/chromium';
import { expectListBadges } from './support/expect-list';
import { expectedDeadline, expectedStates } from './support/expected';
import { type RequestLog, recordRequests } from './support/requests';
import { seedSettings } from './support/settings';
import { type StaticServer, serveStatic } from './support/static-server';

/**
 * The built extension in headless Chromium on saved pages served from 127.0.0.1: real RT 5 pages
 * (test/fixtures/rt-real, captured by scripts/rt/capture.ts, with the manifest of what each ticket
 * was created with) and a malformed ticket page.
 */

const manifest: SeedManifest = JSON.parse(
  readFileSync(new URL('../fixtures/rt-real/manifest.json', import.meta.url), 'utf8'),
);

let server: StaticServer;
let browser: ExtensionBrowser;
let settings: Settings;
let requests: RequestLog;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  server = await serveStatic(new URL('..', import.meta.url).pathname);
  browser = await launchExtension(undefined, { timeZone: TEST_BROWSER_ZONE });
  requests = await recordRequests(browser.context, [server.origin]);
  settings = await seedSettings(browser.worker, rtSettings(server.origin));
  page = await browser.context.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const ticketNamed = (subject: string) => {
  const ticket = manifest.tickets.find((t) => t.subject === subject);
  if (!ticket) throw new Error(`no "${subject}" in the fixture manifest`);
  return ticket;
};

describe('overlay on saved helpdesk pages', () => {
  it('badges a saved RT ticket page with the core deadline', async () => {
    const ticket = ticketNamed('Robot arm controller down in production');
    await page.goto(server.url('/fixtures/rt-real/ticket-display.html'));
    const before = Date.now();
    const [badge] = await waitForBadges(page, 1, '#header');
    const after = Date.now();
    expect(badge?.ticket).toBe(ticket.id);
    expect(badge?.deadline).toBe(expectedDeadline(settings, ticket));
    expect(expectedStates(settings, ticket, before, after)).toContain(badge?.state);
  });

  it('routes a Japanese ticket by the page language and still gives the deadline', async () => {
    const ticket = ticketNamed('本番環境でログインできません');
    await page.goto(server.url('/fixtures/rt-real/ticket-display-ja.html'));
    const [badge] = await waitForBadges(page, 1, '#header');
    expect(badge?.ticket).toBe(ticket.id);
    expect(badge?.deadline).toBe(expectedDeadline(settings, ticket));
  });

  it('badges every row of a saved RT search result', async () => {
    await page.goto(server.url('/fixtures/rt-real/search-results-sla-format.html'));
    const before = Date.now();
    const badges = await waitForBadges(page, manifest.tickets.length, 'table.ticket-list');
    const after = Date.now();
    expectListBadges(settings, manifest.tickets, badges, before, after);
  });

  it("shows `unreadable` on a malformed page, naming the field, and the page's scripts keep working", async () => {
    // Saved RT pages throw without RT's static files (jQuery); only this page's errors count.
    pageErrors.length = 0;
    await page.goto(server.url('/e2e/pages/rt-malformed.html'));
    const [badge] = await waitForBadges(page, 1, '#header');
    expect(badge).toMatchObject({ ticket: '77', state: 'unreadable', deadline: null });
    expect(badge?.text).toMatch(/submission time/i);
    const counter = page.locator('#counter');
    await counter.click();
    await counter.click();
    await counter.click();
    expect(await counter.textContent()).toBe('3');
    const ticks = Number(await page.locator('#ticks').textContent());
    await page.waitForFunction((t) => Number(document.getElementById('ticks')?.textContent) > t, ticks);
    expect(pageErrors).toEqual([]);
  });

  it('keeps its box and colours under hostile page CSS, !important included', async () => {
    await page.goto(server.url('/e2e/pages/rt-malformed.html'));
    await waitForBadges(page, 1, '#header');
    const look = () =>
      page.locator('[data-sla-badge]').first().evaluate((host) => {
        const style = getComputedStyle(host);
        const box = host.getBoundingClientRect();
        return {
          size: [Math.round(box.width), Math.round(box.height)],
          ...Object.fromEntries(
            ['display', 'visibility', 'position', 'background-color', 'color', 'border-top-color', 'font-size', 'contain'].map(
              (name) => [name, style.getPropertyValue(name)],
            ),
          ),
        };
      });
    const before = await look();
    expect(before).toMatchObject({ size: [184, 18], display: 'inline-flex', visibility: 'visible', contain: 'strict' });
    await page.addStyleTag({
      content: `* { all: unset !important; display: block !important; position: absolute !important; visibility: hidden !important;
        background: rgb(255, 0, 0) !important; color: rgb(0, 255, 0) !important; font-size: 40px !important; width: 500px !important; }
        [role="button"], sla-lens-badge { display: none !important; height: 100px !important; }`,
    });
    expect(await look()).toEqual(before);
  });

  it('sends no request to any host but the page’s own', () => {
    expect(requests.all.some((url) => url.startsWith(server.origin))).toBe(true);
    expect(requests.foreign).toEqual([]);
  });
});
