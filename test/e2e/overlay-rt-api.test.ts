import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TicketFields } from '../../core/contracts/ticket';
import type { Settings } from '../../core/settings/schema';
import { languageFromScript } from '../../core/contracts/detect-language';
import { toRequestType } from '../../entrypoints/overlay.content/adapters/field-values';
import { RT_API_QUEUE, RT_QUEUE, rtSettings, searchPath } from '../../scripts/rt/data';
import type { SeededTicket, SeedManifest } from '../../scripts/rt/seed';
import { type BadgeReading, readBadges, waitForBadges } from './support/badges';
import { type ExtensionBrowser, launchExtension, TEST_BROWSER_ZONE } from './support/chromium';
import { deadlineFor, seededFields } from './support/expected';
import { type RequestLog, recordRequests } from './support/requests';
import { ensureRt, signInRt } from './support/rt';
import { seedSettings } from './support/settings';

/**
 * The built extension on RT's default search list ("3 hours ago", no custom fields, no replies),
 * with the RT REST2 reader filling each row's exact data: every row's deadline equals its ticket
 * page's and the core's, answered tickets show met/missed, nothing is approximate, and what only
 * the API tells (a first message's language, a request type no column shows) reaches the list.
 */

let rt: SeedManifest;
let browser: ExtensionBrowser;
let settings: Settings;
let requests: RequestLog;
let page: Page;
const pageErrors: string[] = [];
/** Methods of the requests to RT's REST2 API. */
const restMethods = new Set<string>();

const tickets = () => [...rt.tickets, ...rt.apiTickets];
const listPath = () => searchPath(undefined, `Queue = '${RT_QUEUE}' OR Queue = '${RT_API_QUEUE}'`);
const firstMessageOnly = () => rt.apiTickets.find((t) => t.subject === 'Cannot export the monthly report') as SeededTicket;
const featureRequest = () => rt.apiTickets.find((t) => t.customFields['Request type']) as SeededTicket;

/** What a ticket is, the first message's language and the request type included. */
function truth(ticket: SeededTicket): TicketFields {
  const fields = seededFields(ticket);
  const type = ticket.customFields['Request type'];
  const language = fields.language ?? languageFromScript(ticket.subject, ticket.body);
  return { ...fields, ...(language ? { language } : {}), ...(type && toRequestType(type) ? { type: toRequestType(type) } : {}) };
}

/** Badges under `within` once none is approximate any more (the API's answer is in), or as they are after the wait. */
async function exactBadges(within: string, count: number): Promise<BadgeReading[]> {
  await waitForBadges(page, count, within);
  await page
    .waitForFunction(
      (w) => [...document.querySelectorAll(`${w} [data-sla-badge]`)].every((host) => !host.shadowRoot?.textContent?.includes('≈')),
      within,
      { timeout: 15_000 },
    )
    .catch(() => undefined);
  return readBadges(page, within);
}

beforeAll(async () => {
  rt = await ensureRt();
  browser = await launchExtension(undefined, { timeZone: TEST_BROWSER_ZONE });
  requests = await recordRequests(browser.context, [rt.baseUrl]);
  browser.context.on('request', (request) => {
    if (request.url().includes('/REST/2.0/')) restMethods.add(request.method());
  });
  settings = await seedSettings(browser.worker, rtSettings(rt.baseUrl));
  await signInRt(browser.context, rt.baseUrl);
  page = await browser.context.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
});

afterAll(async () => {
  await browser?.close();
});

describe("RT's default search list with exact data from RT REST2", () => {
  const onPage = new Map<string, BadgeReading | undefined>();

  it('reads each ticket page (history loaded) for the deadline the list must match', async () => {
    for (const ticket of tickets()) {
      await page.goto(`${rt.baseUrl}/Ticket/Display.html?id=${ticket.id}`);
      await page.waitForSelector('#delayed_ticket_history .transaction.message', { timeout: 15_000 });
      const [badge] = await exactBadges('#header', 1);
      onPage.set(ticket.id, badge);
      expect(badge?.deadline ?? null, `ticket page #${ticket.id} ${ticket.subject}`).toBe(deadlineFor(settings, truth(ticket)));
    }
  }, 120_000);

  it("badges every row with its ticket page's deadline, exact (no ≈), answered tickets met or missed", async () => {
    await page.goto(rt.baseUrl + listPath());
    const badges = await exactBadges('table.ticket-list', tickets().length);
    expect(badges.map((b) => b.ticket).sort()).toEqual(tickets().map((t) => t.id).sort());
    for (const ticket of tickets()) {
      const badge = badges.find((b) => b.ticket === ticket.id);
      const label = `row #${ticket.id} ${ticket.subject}: ${badge?.text}`;
      expect(badge?.deadline ?? null, label).toBe(onPage.get(ticket.id)?.deadline ?? null);
      expect(badge?.text, label).not.toContain('≈');
      if (ticket.replied && badge?.deadline) expect(badge.state, label).toMatch(/^(met|missed)$/);
    }
    expect(badges.find((b) => b.ticket === featureRequest().id)?.state).toBe('no-target');
  });

  it('routes the ticket whose language only its first message shows as Japanese on the list', async () => {
    const ticket = firstMessageOnly();
    const fields = truth(ticket);
    expect(fields.language).toBe('ja');
    const [badge] = (await readBadges(page, 'table.ticket-list')).filter((b) => b.ticket === ticket.id);
    expect(badge?.deadline).toBe(deadlineFor(settings, fields));
    await page.locator(`table.ticket-list [data-sla-badge][data-sla-ticket="${ticket.id}"]`).hover();
    const popover = page.locator('[data-sla-popover]');
    const text = () => popover.evaluate((p) => p.shadowRoot?.textContent ?? p.textContent ?? '');
    await expect.poll(text).toContain('Route to the Japanese-language support team');
    expect(await text()).toContain('RT REST2');
    await page.mouse.move(0, 0);
  });

  it('reads RT REST2 with GETs on the page origin only: one ticket search per list', () => {
    const rest = requests.all.filter((url) => url.startsWith(`${rt.baseUrl}/REST/2.0/`));
    expect(rest.length).toBeGreaterThan(0);
    expect([...restMethods]).toEqual(['GET']);
    const lists = requests.all.filter((url) => url.includes('/Search/Results.html')).length;
    const searches = rest.filter((url) => new URL(url).pathname === '/REST/2.0/tickets');
    // Ticket pages and the list: one search each (a minute's cache may spare some).
    expect(searches.length).toBeLessThanOrEqual(tickets().length + lists);
    expect(requests.foreign).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
