import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Settings } from '../../core/settings/schema';
import { RT_PRIORITIES, rtSettings, SLA_SEARCH_FORMAT, searchPath } from '../../scripts/rt/data';
import { rtSession, type SeedManifest } from '../../scripts/rt/seed';
import { readBadges, settledBadge, waitForBadges } from './support/badges';
import { type ExtensionBrowser, launchExtension, TEST_BROWSER_ZONE } from './support/chromium';
import { expectListBadges } from './support/expect-list';
import { expectedDeadline, expectedStates } from './support/expected';
import { type RequestLog, recordRequests } from './support/requests';
import { ensureRt, signInRt } from './support/rt';
import { seedSettings } from './support/settings';

/**
 * The built extension in headless Chromium against a real Request Tracker 5 (scripts/rt/setup.sh,
 * seeded by scripts/rt/seed.ts): every seeded ticket's badge on its ticket page and in search
 * results, checked against the core's deadline for what the ticket was created with.
 */

let rt: SeedManifest;
let browser: ExtensionBrowser;
let settings: Settings;
let requests: RequestLog;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  rt = await ensureRt();
  browser = await launchExtension(undefined, { timeZone: TEST_BROWSER_ZONE });
  requests = await recordRequests(browser.context, [rt.baseUrl]);
  settings = await seedSettings(browser.worker, rtSettings(rt.baseUrl));
  await signInRt(browser.context, rt.baseUrl);
  page = await browser.context.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
});

afterAll(async () => {
  await browser?.close();
});

describe('overlay on real Request Tracker 5', () => {
  it('badges each ticket page with the ticket id, the core deadline and the state', async () => {
    for (const ticket of rt.tickets) {
      await page.goto(`${rt.baseUrl}/Ticket/Display.html?id=${ticket.id}`);
      const before = Date.now();
      await waitForBadges(page, 1, '#header');
      const badge = await settledBadge(page, '#header', ticket.id, expectedStates(settings, ticket, before, before + 10_000));
      const after = Date.now();
      const expected = { ticket: ticket.id, deadline: expectedDeadline(settings, ticket) };
      expect({ ticket: badge?.ticket, deadline: badge?.deadline }, `ticket #${ticket.id} ${ticket.subject}`).toEqual(expected);
      expect(expectedStates(settings, ticket, before, after), `#${ticket.id}: ${badge?.text}`).toContain(badge?.state);
    }
    // RT renders a ticket page in 1–3 s on two cores; nine of them.
  }, 120_000);

  it('adds no unreadable badges to a healthy ticket page (the requestor\'s other tickets box)', async () => {
    const [first] = rt.tickets;
    await page.goto(`${rt.baseUrl}/Ticket/Display.html?id=${first?.id}`);
    await waitForBadges(page, 1, '#header');
    await page.waitForLoadState('networkidle');
    const noise = (await readBadges(page)).filter((badge) => badge.state === 'unreadable');
    expect(noise.map((b) => `#${b.ticket}: ${b.text}`)).toEqual([]);
  });

  it("keeps RT's own scripts working: the ticket history still loads", async () => {
    const replied = rt.tickets.find((t) => t.replied);
    if (!replied) throw new Error('the seed has a ticket with a reply');
    await page.goto(`${rt.baseUrl}/Ticket/Display.html?id=${replied.id}`);
    await waitForBadges(page, 1, '#header');
    // RT fills #delayed_ticket_history with jQuery after the page loads.
    await page.waitForSelector('#delayed_ticket_history .transaction.message', { timeout: 15_000 });
    const [badge] = await readBadges(page, '#header');
    expect(badge?.state).toMatch(/^(met|missed)$/);
  });

  it('badges every row of a search with exact times and custom fields', async () => {
    await page.goto(rt.baseUrl + searchPath(SLA_SEARCH_FORMAT));
    const before = Date.now();
    const badges = await waitForBadges(page, rt.tickets.length, 'table.ticket-list');
    const after = Date.now();
    expectListBadges(settings, rt.tickets, badges, before, after);
  });

  it("badges every row of RT's default search format (relative times, no custom fields)", async () => {
    await page.goto(rt.baseUrl + searchPath());
    const badges = await waitForBadges(page, rt.tickets.length, 'table.ticket-list');
    expect(badges.map((b) => b.ticket).sort()).toEqual(rt.tickets.map((t) => t.id).sort());
    // The customer comes from the requester's e-mail domain, so only Mystery Corp stays unmapped.
    for (const ticket of rt.tickets) {
      const badge = badges.find((b) => b.ticket === ticket.id);
      expect(badge?.state, `row #${ticket.id}: ${badge?.text}`).not.toBe('unreadable');
      expect(badge?.state === 'unmapped', `row #${ticket.id}: ${badge?.text}`).toBe(ticket.customFields.Customer === 'Mystery Corp');
    }
    // "3 hours ago" is all the list says: every time on these badges is marked approximate.
    const timed = badges.filter((b) => ['on-track', 'at-risk', 'breached', 'waiting', 'met', 'missed'].includes(b.state ?? ''));
    expect(timed.length).toBeGreaterThan(0);
    for (const badge of timed) expect(badge.text, `row #${badge.ticket}`).toMatch(/^(⚠ )?≈ /);
  });

  it("follows RT's inline edit: the redrawn row's badge gets the new priority's deadline", async () => {
    const ticket = rt.tickets.find((t) => t.subject === 'Firmware update fails on line 3');
    if (!ticket) throw new Error('the seed has the Firmware ticket');
    await page.goto(rt.baseUrl + searchPath(SLA_SEARCH_FORMAT));
    await waitForBadges(page, rt.tickets.length, 'table.ticket-list');
    const cell = page.locator(`tbody.list-item[data-record-id="${ticket.id}"] td.editable:has(select[name="Priority"])`);
    const urgent = expectedDeadline(settings, { ...ticket, priority: 'Urgent' });
    expect(urgent).not.toBe(expectedDeadline(settings, ticket));
    try {
      // RT's own UI: the pencil opens the editor, a changed select submits it, RT redraws the row.
      await cell.hover();
      await cell.locator('.edit-icon').click({ force: true });
      await cell.locator('select[name="Priority"]').selectOption(String(RT_PRIORITIES.Urgent), { force: true });
      const badge = `table.ticket-list [data-sla-ticket="${ticket.id}"]`;
      await page
        .waitForFunction(([s, d]) => document.querySelector(s)?.getAttribute('data-sla-deadline') === d, [badge, urgent] as const)
        .catch(() => undefined);
      const [after] = (await readBadges(page, 'table.ticket-list')).filter((b) => b.ticket === ticket.id);
      expect(after?.deadline).toBe(urgent);
    } finally {
      const { rest } = await rtSession(rt.baseUrl);
      await rest('PUT', `ticket/${ticket.id}`, { Priority: RT_PRIORITIES[ticket.priority] });
    }
  });

  it('sends no request to any host but RT, and throws nothing into its pages', () => {
    expect(requests.all.some((url) => url.startsWith(rt.baseUrl))).toBe(true);
    expect(requests.foreign).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
