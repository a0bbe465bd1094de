import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import demoSettings from '../../scripts/demo/demo-settings.json';
import { type DemoServer, startDemoServer } from '../../scripts/demo/server';
import { readBadges, settledStates, waitForBadges } from './support/badges';
import { type ExtensionBrowser, launchExtension } from './support/chromium';
import { seedSettings } from './support/settings';

/**
 * The overlay's conversation with the rest of the extension, in Chromium on the demo helpdesk's
 * list page: the toolbar badge counts per tab, the popup's question for a tab's counts, and
 * "Map customer" opening the options page prefilled.
 */

let browser: ExtensionBrowser;
let demo: DemoServer;
let page: Page;
let tabId: number;

beforeAll(async () => {
  browser = await launchExtension();
  demo = await startDemoServer();
  await seedSettings(browser.worker, demoSettings as Parameters<typeof seedSettings>[1]);
  page = await browser.context.newPage();
  await page.goto(`${demo.url}/Search/Results.html`);
  await waitForBadges(page, demo.rows.length, 'table.ticket-list');
  // Counted once the demo's REST2 answered (answered tickets turn from breached to met/missed).
  await settledStates(page, demo.rows.map((row) => [String(row.id), row.expected]));
  tabId = await browser.worker.evaluate(async (url) => {
    // biome-ignore lint/suspicious/noExplicitAny: the worker's global `chrome`, not typed in Node
    const [tab] = await (globalThis as any).chrome.tabs.query({ url: `${url}/*` });
    return tab.id as number;
  }, demo.url);
});

afterAll(async () => {
  await browser?.close();
  await demo?.close();
});

async function pageCounts(): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const badge of await readBadges(page, 'table.ticket-list')) counts[badge.state ?? ''] = (counts[badge.state ?? ''] ?? 0) + 1;
  return counts;
}

describe('overlay ↔ background ↔ popup', () => {
  it('sets the tab’s toolbar badge from the page’s counts (breached first)', async () => {
    const counts = await pageCounts();
    expect(counts.breached).toBeGreaterThan(0);
    await expect
      .poll(() =>
        browser.worker.evaluate(
          // biome-ignore lint/suspicious/noExplicitAny: the worker's global `chrome`
          (id) => (globalThis as any).chrome.action.getBadgeText({ tabId: id }) as Promise<string>,
          tabId,
        ),
      )
      .toBe(String(counts.breached));
    const title = await browser.worker.evaluate(
      // biome-ignore lint/suspicious/noExplicitAny: the worker's global `chrome`
      (id) => (globalThis as any).chrome.action.getTitle({ tabId: id }) as Promise<string>,
      tabId,
    );
    expect(title).toContain(`${counts.breached} breached`);
  });

  it('answers the popup’s question for a tab’s counts and next deadline', async () => {
    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    const reply = (await popup.evaluate(
      // biome-ignore lint/suspicious/noExplicitAny: the page's global `chrome`
      (id) => (globalThis as any).chrome.runtime.sendMessage({ type: 'sla:get-counts', tabId: id }),
      tabId,
    )) as { counts: Record<string, number>; total: number; nextDeadline?: string };
    expect(reply.counts).toEqual(await pageCounts());
    expect(reply.total).toBe(demo.rows.length);
    const open = (await readBadges(page, 'table.ticket-list'))
      .filter((b) => ['on-track', 'at-risk', 'waiting'].includes(b.state ?? '') && b.deadline)
      .map((b) => b.deadline as string)
      .sort();
    expect(reply.nextDeadline).toBe(open[0]);
    await popup.close();
  });

  it('opens the options page prefilled from an unmapped badge', async () => {
    const unmapped = page.locator('table.ticket-list [data-sla-state="unmapped"]').first();
    await unmapped.click();
    const map = page.locator('sla-lens-popover .map');
    await expect.poll(() => map.isVisible()).toBe(true);
    const [options] = await Promise.all([browser.context.waitForEvent('page'), map.click()]);
    await options.waitForURL(/\/options\.html#/);
    const url = new URL(options.url());
    expect(url.pathname).toBe('/options.html');
    expect(url.hash).toMatch(/^#\/contracts\/new\?/);
    const prefill = new URLSearchParams(url.hash.slice(url.hash.indexOf('?') + 1));
    expect(prefill.get('domain') ?? prefill.get('name')).toBeTruthy();
    await options.close();
  });
});
