import { execFile } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SettingsInput } from '../../core/settings/schema';
import { builtinAdapters } from '../../entrypoints/overlay.content/adapters/registry';
import { readBadges } from './support/badges';
import { type ExtensionBrowser, launchExtension, TEST_BROWSER_ZONE } from './support/chromium';
import { type RequestLog, recordRequests } from './support/requests';
import type { FixtureScan } from './support/scan-fixture';
import { seedSettings } from './support/settings';
import { type StaticServer, serveStatic } from './support/static-server';

/**
 * Every built-in helpdesk's saved fixture pages (test/fixtures/<adapter id>/) in real Chromium with
 * the built extension: the overlay badges exactly the tickets the adapter finds on the same page in
 * the unit tests' DOM (happy-dom), and marks `unreadable` exactly the ones it could not read — once
 * with the helpdesk configured as a site, once detected among all adapters (loopback, no site).
 */

const fixturesDir = new URL('../fixtures/', import.meta.url).pathname;
const pages = builtinAdapters.flatMap((adapter) => {
  const dir = `${fixturesDir}${adapter.id}`;
  let files: string[] = [];
  try {
    files = readdirSync(dir).filter((file) => file.endsWith('.html'));
  } catch {
    // An adapter without saved pages has nothing to check here.
  }
  return files.map((file) => ({ adapter: adapter.id, path: `${adapter.id}/${file}` }));
});

let expected: Record<string, FixtureScan>;
let server: StaticServer;
let browser: ExtensionBrowser;
let requests: RequestLog;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  // The adapters expect a global `document`, so the happy-dom scans run in their own process.
  const script = new URL('./support/scan-fixture.ts', import.meta.url).pathname;
  const args = pages.map((p) => `${p.adapter}=${fixturesDir}${p.path}`);
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', script, ...args]);
  const scans = JSON.parse(stdout) as Record<string, FixtureScan>;
  expected = Object.fromEntries(Object.entries(scans).map(([file, scan]) => [file.slice(fixturesDir.length), scan]));
  server = await serveStatic(fixturesDir);
  browser = await launchExtension(undefined, { timeZone: TEST_BROWSER_ZONE });
  requests = await recordRequests(browser.context, [server.origin]);
  page = await browser.context.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function badgedPage(path: string, count: number) {
  await page.goto(server.url(`/${path}`));
  await page
    .waitForFunction((n) => document.querySelectorAll('[data-sla-badge][data-sla-state]').length >= n, count, {
      timeout: 10_000,
    })
    .catch(() => undefined);
  // A moment more, so a surplus badge (a ticket the adapter should not see) shows up too.
  await page.waitForTimeout(300);
  const badges = await readBadges(page);
  return {
    keys: [...new Set(badges.map((b) => b.ticket ?? ''))].sort(),
    unreadable: [...new Set(badges.filter((b) => b.state === 'unreadable').map((b) => b.ticket ?? ''))].sort(),
  };
}

const sorted = (scan: FixtureScan | undefined) => ({
  keys: [...(scan?.keys ?? [])].sort(),
  unreadable: [...(scan?.unreadable ?? [])].sort(),
});

describe('overlay on every built-in helpdesk fixture page', () => {
  it('finds fixture pages for the built-in adapters', () => {
    expect(new Set(pages.map((p) => p.adapter)).size).toBeGreaterThanOrEqual(6);
  });

  it('badges the same tickets as the adapter unit tests, with the helpdesk configured as a site', async () => {
    for (const { adapter, path } of pages) {
      const settings: SettingsInput = { version: 1, sites: [{ adapter, matches: ['http://127.0.0.1/*'], timeZone: 'UTC' }] };
      await seedSettings(browser.worker, settings);
      const want = sorted(expected[path]);
      expect(await badgedPage(path, want.keys.length), `${path} (site: ${adapter})`).toEqual(want);
    }
  }, 120_000);

  it('badges the same tickets when the adapter is detected (loopback, no site configured)', async () => {
    await seedSettings(browser.worker, { version: 1 });
    for (const { path } of pages) {
      const want = sorted(expected[path]);
      expect(await badgedPage(path, want.keys.length), `${path} (detected)`).toEqual(want);
    }
  }, 120_000);

  it('sends no request to any host but the page’s own', () => {
    expect(requests.all.some((url) => url.startsWith(server.origin))).toBe(true);
    expect(requests.foreign).toEqual([]);
  });
});
