import { execFile } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Settings, SettingsInput } from '../../core/settings/schema';
import { builtinAdapters } from '../../entrypoints/overlay.content/adapters/registry';
import { type BadgeReading, readBadges } from './support/badges';
import { type ExtensionBrowser, launchExtension, TEST_BROWSER_ZONE } from './support/chromium';
import { deadlineFor, statesFor } from './support/expected';
import { HELPDESK_CUSTOMERS, PAGE_TICKETS, pageTicketFields } from './support/helpdesk-tickets';
import { type RequestLog, recordRequests } from './support/requests';
import type { FixtureScan } from './support/scan-fixture';
import { seedSettings } from './support/settings';
import { type StaticServer, serveStatic } from './support/static-server';

/**
 * Every built-in helpdesk's saved fixture pages (test/fixtures/<adapter id>/) in real Chromium with
 * the built extension and the pages' customers configured: the overlay badges exactly the tickets
 * the adapter finds on the same page in the unit tests' DOM (happy-dom), marks `unreadable` exactly
 * the ones it could not read, and gives every other badge the state and deadline the core computes
 * from what the page shows (support/helpdesk-tickets.ts) — once with the helpdesk configured as a
 * site, once detected among all adapters (loopback, no site).
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

/** The page's badges once `count` carry a state, and the instants around its load and reading. */
async function badgedPage(path: string, count: number) {
  const before = Date.now();
  await page.goto(server.url(`/${path}`));
  await page
    .waitForFunction((n) => document.querySelectorAll('[data-sla-badge][data-sla-state]').length >= n, count, {
      timeout: 10_000,
    })
    .catch(() => undefined);
  // A window for what should NOT come: a surplus badge (a ticket the adapter should not see) would
  // show up in the same scan or the next, well within it.
  await page.waitForTimeout(300);
  const badges = await readBadges(page);
  return { badges, before, after: Date.now() };
}

const found = (badges: BadgeReading[]) => ({
  keys: [...new Set(badges.map((b) => b.ticket ?? ''))].sort(),
  unreadable: [...new Set(badges.filter((b) => b.state === 'unreadable').map((b) => b.ticket ?? ''))].sort(),
});

const sorted = (scan: FixtureScan | undefined) => ({
  keys: [...(scan?.keys ?? [])].sort(),
  unreadable: [...(scan?.unreadable ?? [])].sort(),
});

/**
 * Each known ticket's badge shows the core's deadline and a state possible between `before` and
 * `after`, its page's zone-less times read in `zone`; any other badge is `unreadable`. Returns how
 * many badges were checked.
 */
function expectValues(path: string, settings: Settings, zone: string, reading: Awaited<ReturnType<typeof badgedPage>>) {
  const { badges, before, after } = reading;
  const known = PAGE_TICKETS[path] ?? [];
  for (const badge of badges) {
    const ticket = known.find((t) => t.id === badge.ticket);
    const label = `${path} #${badge.ticket} (${zone}): ${badge.text}`;
    if (!ticket) {
      expect(badge.state, label).toBe('unreadable');
      continue;
    }
    // Relative text ("3 hours ago") is read at some instant of the load: the fields read first and last.
    const early = pageTicketFields(ticket, zone, before);
    const late = pageTicketFields(ticket, zone, after);
    const [first, last] = [deadlineFor(settings, early), deadlineFor(settings, late)];
    if (first === last) expect(badge.deadline, label).toBe(first);
    else {
      // ISO UTC strings of one format sort as their instants do.
      const within = first && last && badge.deadline && first <= badge.deadline && badge.deadline <= last;
      expect(within, `${label}: ${badge.deadline} not in ${first}…${last}`).toBeTruthy();
    }
    expect([...statesFor(settings, early, before, after), ...statesFor(settings, late, before, after)], label).toContain(badge.state);
  }
  const badged = known.filter((t) => badges.some((b) => b.ticket === t.id)).length;
  expect(badged, `${path}: badges of ${known.map((t) => t.id)}`).toBe(known.length);
  return badged;
}

/** All known tickets: a renamed or removed fixture page leaves its tickets unchecked, and the count short. */
const knownTickets = Object.values(PAGE_TICKETS).flat().length;

describe('overlay on every built-in helpdesk fixture page', () => {
  it('finds fixture pages for the built-in adapters', () => {
    expect(new Set(pages.map((p) => p.adapter)).size).toBeGreaterThanOrEqual(6);
  });

  it('badges the same tickets as the adapter unit tests, with the core values, with the helpdesk configured as a site', async () => {
    let checked = 0;
    for (const { adapter, path } of pages) {
      const input: SettingsInput = {
        version: 1,
        customers: HELPDESK_CUSTOMERS,
        sites: [{ adapter, matches: ['http://127.0.0.1/*'], timeZone: 'UTC' }],
      };
      const settings = await seedSettings(browser.worker, input);
      const want = sorted(expected[path]);
      const read = await badgedPage(path, want.keys.length);
      expect(found(read.badges), `${path} (site: ${adapter})`).toEqual(want);
      checked += expectValues(path, settings, 'UTC', read);
    }
    expect(checked).toBe(knownTickets);
  }, 120_000);

  it('badges the same tickets, with the core values, when the adapter is detected (loopback, no site configured)', async () => {
    // No site: zone-less page times are read in the browser's zone.
    const settings = await seedSettings(browser.worker, { version: 1, customers: HELPDESK_CUSTOMERS });
    let checked = 0;
    for (const { path } of pages) {
      const want = sorted(expected[path]);
      const read = await badgedPage(path, want.keys.length);
      expect(found(read.badges), `${path} (detected)`).toEqual(want);
      checked += expectValues(path, settings, TEST_BROWSER_ZONE, read);
    }
    expect(checked).toBe(knownTickets);
  }, 120_000);

  it('sends no request to any host but the page’s own', () => {
    expect(requests.all.some((url) => url.startsWith(server.origin))).toBe(true);
    expect(requests.foreign).toEqual([]);
  });
});
