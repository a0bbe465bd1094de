import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Settings } from '../../core/settings/schema';
import demoSettings from '../../scripts/demo/demo-settings.json' with { type: 'json' };
import { listPage } from '../../scripts/demo/rt-markup';
import { demoRows, type ExpectedRow } from '../../scripts/demo/server';
import { readBadges, waitForBadges } from './support/badges';
import { type ExtensionBrowser, launchExtension, TEST_BROWSER_ZONE } from './support/chromium';
import { seedSettings } from './support/settings';

/**
 * The overlay in a same-origin iframe nested in open shadow roots, as in ServiceNow's Next
 * Experience (test/e2e/pages/next-experience.html), with the demo helpdesk's RT list in the frame:
 * the frame's own overlay badges it, styled and explained in the frame's document, and the toolbar
 * shows the sum over the tab's frames (the shell has no ticket of its own, except in one test).
 */

const SHELL = readFileSync(new URL('pages/next-experience.html', import.meta.url), 'utf8');
const rows = demoRows(Date.now());
/** Two lists with different tickets: #4101–#4104 (one breached), #4105–#4111 (two breached). */
const FIRST = rows.filter((row) => row.id <= 4104);
const SECOND = rows.filter((row) => row.id >= 4105 && row.id <= 4111);
const LISTS: Record<string, ExpectedRow[]> = { first: FIRST, second: SECOND };

let server: Server;
let origin: string;
let browser: ExtensionBrowser;
let page: Page;
let frame: Frame;
let tabId: number;

beforeAll(async () => {
  server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const list = LISTS[url.searchParams.get('list') ?? ''];
    const body = url.pathname === '/next-experience.html' ? SHELL : url.pathname === '/Search/Results.html' && list ? listPage(list, Date.now()) : undefined;
    response.writeHead(body ? 200 : 404, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    response.end(body ?? 'not found');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launchExtension(undefined, { timeZone: TEST_BROWSER_ZONE });
  await seedSettings(browser.worker, Settings.parse(demoSettings));
  page = await browser.context.newPage();
  await page.goto(`${origin}/next-experience.html?frame=${encodeURIComponent('/Search/Results.html?list=first')}`);
  frame = gsftMain();
  tabId = await browser.worker.evaluate(async (url) => {
    // biome-ignore lint/suspicious/noExplicitAny: the worker's global `chrome`, not typed in Node
    const [tab] = await (globalThis as any).chrome.tabs.query({ url: `${url}/*` });
    return tab.id as number;
  }, origin);
});

afterAll(async () => {
  await browser?.close();
  await new Promise((done) => server?.close(done));
});

/** The shell's iframe (loaded with the shell: `goto` waits for the frame's load too). */
function gsftMain(): Frame {
  const found = page.frames().find((f) => f.url().includes('/Search/Results.html'));
  if (!found) throw new Error(`no list frame in ${page.url()}`);
  return found;
}

/** Badges in the frame: one per listed ticket, each in the state the demo meant for the list. */
async function expectListBadged(list: ExpectedRow[]) {
  await waitForBadges(frame, list.length, 'table.ticket-list');
  const badges = await readBadges(frame, 'table.ticket-list');
  expect(badges.map((b) => b.ticket)).toEqual(list.map((row) => String(row.id)));
  for (const row of list) {
    expect(badges.find((b) => b.ticket === String(row.id))?.state, `#${row.id} ${row.shows}`).toBe(row.expectedInList);
  }
}

const breachedIn = (list: ExpectedRow[]) => list.filter((row) => row.expectedInList === 'breached').length;

function toolbarText(): Promise<string> {
  return browser.worker.evaluate(
    // biome-ignore lint/suspicious/noExplicitAny: the worker's global `chrome`
    (id) => (globalThis as any).chrome.action.getBadgeText({ tabId: id }) as Promise<string>,
    tabId,
  );
}

/** What the popup hears when it asks the background for the tab's counts. */
async function popupCounts(): Promise<{ counts: Record<string, number>; total: number }> {
  const popup = await browser.context.newPage();
  await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
  const reply = await popup.evaluate(
    // biome-ignore lint/suspicious/noExplicitAny: the page's global `chrome`
    (id) => (globalThis as any).chrome.runtime.sendMessage({ type: 'sla:get-counts', tabId: id }),
    tabId,
  );
  await popup.close();
  return reply;
}

function countsOf(list: ExpectedRow[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const row of list) counts[row.expectedInList] = (counts[row.expectedInList] ?? 0) + 1;
  return counts;
}

/** The shell's own document (shadow roots included) holds no badge and no popover. */
function shellOverlay(): Promise<number> {
  return page.evaluate(() => {
    const roots: Array<Document | ShadowRoot> = [document];
    for (const root of roots) for (const el of root.querySelectorAll('*')) if (el.shadowRoot) roots.push(el.shadowRoot);
    return roots.reduce((n, root) => n + root.querySelectorAll('[data-sla-badge], [data-sla-popover]').length, 0);
  });
}

describe('overlay in a same-origin iframe inside shadow roots (ServiceNow Next Experience)', () => {
  it("badges the frame's list once per ticket, from the frame's own overlay", async () => {
    await expectListBadged(FIRST);
    expect(await shellOverlay()).toBe(0);
  });

  it("styles the badges with the frame's stylesheet", async () => {
    const look = await frame.locator('[data-sla-badge][data-sla-state="breached"]').first().evaluate((host) => {
      const style = getComputedStyle(host);
      return { width: style.width, radius: style.borderTopLeftRadius, background: style.backgroundColor, contain: style.contain };
    });
    expect(look).toEqual({ width: '184px', radius: '9px', background: 'rgb(197, 34, 31)', contain: 'strict' });
  });

  it("opens the explanation in the frame's document on hover", async () => {
    await frame.locator('[data-sla-badge][data-sla-ticket="4103"]').hover();
    const dialog = frame.locator('sla-lens-popover [role="dialog"]');
    await expect.poll(() => dialog.isVisible()).toBe(true);
    expect(await dialog.textContent()).toMatch(/Velostrata/);
    expect(await shellOverlay()).toBe(0);
    await page.mouse.move(0, 0);
  });

  it("keeps a badge's click from the frame page's own click handler", async () => {
    await frame.evaluate(() => {
      const list = document.querySelector('table.ticket-list') as HTMLElement;
      list.dataset.clicks = '0';
      list.addEventListener('click', () => {
        list.dataset.clicks = String(Number(list.dataset.clicks) + 1);
      });
    });
    const clicks = () => frame.locator('table.ticket-list').getAttribute('data-clicks');
    const badge = frame.locator('[data-sla-badge][data-sla-ticket="4101"]');
    await badge.click();
    expect(await badge.getAttribute('aria-expanded')).toBe('true');
    expect(await clicks()).toBe('0');
    // The handler works: a click beside the badge reaches it.
    await frame.locator('tbody.list-item td').nth(3).click();
    expect(await clicks()).toBe('1');
  });

  it("shows the frame's breached count on the toolbar, and the popup gets the tab's counts", async () => {
    expect(breachedIn(FIRST)).toBe(1);
    await expect.poll(toolbarText).toBe('1');
    expect(await popupCounts()).toMatchObject({ counts: countsOf(FIRST), total: FIRST.length });
  });

  it("adds the shell's own tickets to the frame's, and the shell's none leaves the frame's", async () => {
    await page.evaluate(async () => {
      const html = await (await fetch('/Search/Results.html?list=first')).text();
      const table = new DOMParser().parseFromString(html, 'text/html').querySelector('table.ticket-list') as HTMLElement;
      table.id = 'shell-list';
      document.body.append(document.adoptNode(table));
    });
    await waitForBadges(page, FIRST.length, '#shell-list');
    await expect.poll(toolbarText).toBe('2');
    expect(await popupCounts()).toMatchObject({ counts: countsOf([...FIRST, ...FIRST]), total: 2 * FIRST.length });
    // The shell reports zero tickets after the frame's report: the frame's breached one stays.
    await page.evaluate(() => document.getElementById('shell-list')?.remove());
    await expect.poll(toolbarText).toBe('1');
  });

  it('badges the next list when the frame navigates, and the toolbar follows', async () => {
    // As the shell does: a new address for the frame (Playwright's locators enter open shadow roots).
    await page.locator('iframe#gsft_main').evaluate((iframe: HTMLIFrameElement) => {
      iframe.src = '/Search/Results.html?list=second';
    });
    await expect.poll(() => frame.url()).toContain('list=second');
    await expectListBadged(SECOND);
    expect(breachedIn(SECOND)).toBe(2);
    await expect.poll(toolbarText).toBe('2');
  });

  it("drops a removed frame's counts from the toolbar", async () => {
    expect(await toolbarText()).toBe('2');
    // Its page hides as it goes and reports zero.
    await page.locator('iframe#gsft_main').evaluate((iframe) => iframe.remove());
    await expect.poll(toolbarText).toBe('');
  });
});
