import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TicketFields } from '../../core/contracts/ticket';
import type { Settings, SettingsInput } from '../../core/settings/schema';
import { languageFromScript } from '../../core/contracts/detect-language';
import { type BadgeReading, readBadges } from './support/badges';
import { type ExtensionBrowser, launchExtension, TEST_BROWSER_ZONE } from './support/chromium';
import { deadlineFor, statesFor } from './support/expected';
import { type RequestLog, recordRequests } from './support/requests';
import { seedSettings } from './support/settings';
import { customers, FIXTURES, open, osticketRoute, type Truth, WITH_PAGE } from './support/osticket';
import { type StaticServer, serveStatic } from './support/static-server';

/**
 * The built extension on a real osTicket 1.18.1's pages (test/fixtures/osticket-1.18.1), served on
 * loopback at the addresses they came from: the Open queue at `/scp/tickets.php?queue=1`, each
 * ticket's ajax preview at `/scp/ajax.php/tickets/<id>/preview`, and the ticket pages captured as the
 * server sent them (ids 1 and 7) at `/scp/tickets.php?id=<id>`. The queue alone shows no created time
 * and no requester: every badge's deadline must come from the API reader, equal to the core's for
 * the database's truth (truth.json). Where no ticket page was captured the reader falls back to the
 * preview, which has the created time and first reply to the minute only: those are the truth's
 * times cut to the minute.
 */

const toMinute = (utc: string): string => new Date(Math.floor(Date.parse(utc) / 60_000) * 60_000).toISOString();

/** What the overlay can know of a ticket: the truth, to the minute where only the preview was read. */
function truthFields(t: Truth): TicketFields {
  const exact = WITH_PAGE.has(String(t.ticket_id));
  const time = (utc: string) => (exact ? new Date(utc).toISOString() : toMinute(utc));
  const language = languageFromScript(t.subject);
  return {
    id: t.number,
    subject: t.subject,
    priorityRaw: t.priority,
    requesterEmail: t.requester_email,
    submitted: time(t.created_utc),
    ...(exact && t.organization ? { organisation: t.organization } : {}),
    ...(language ? { language } : {}),
    ...(t.first_agent_response_utc ? { firstReply: time(t.first_agent_response_utc) } : {}),
  };
}

let server: StaticServer;
let browser: ExtensionBrowser;
let requests: RequestLog;
let page: Page;
const extensionRequests: Array<{ method: string; url: string }> = [];

beforeAll(async () => {
  server = await serveStatic(FIXTURES, { route: osticketRoute });
  browser = await launchExtension(undefined, { timeZone: TEST_BROWSER_ZONE });
  requests = await recordRequests(browser.context, [server.origin]);
  // The pages' own scripts were removed: requests for tickets and previews are the reader's.
  browser.context.on('request', (request) => {
    if (/\/scp\/(?:tickets\.php\?id=|ajax\.php\/)/u.test(request.url())) extensionRequests.push({ method: request.method(), url: request.url() });
  });
  page = await browser.context.newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** The queue's badges once every row's badge is past `unreadable` (the API pass answered), or after 15 s. */
async function queueBadges(path: string): Promise<{ badges: BadgeReading[]; before: number; after: number }> {
  const before = Date.now();
  await page.goto(server.url(path));
  await page
    .waitForFunction(
      (n) => {
        const badges = [...document.querySelectorAll('[data-sla-badge][data-sla-state]')];
        return badges.length >= n && badges.every((badge) => badge.getAttribute('data-sla-state') !== 'unreadable');
      },
      open.length,
      { timeout: 15_000 },
    )
    .catch(() => undefined);
  return { badges: await readBadges(page), before, after: Date.now() };
}

function expectTruth(settings: Settings, { badges, before, after }: Awaited<ReturnType<typeof queueBadges>>): void {
  expect(badges.map((b) => b.ticket).sort()).toEqual(open.map((t) => t.number).sort());
  for (const t of open) {
    const badge = badges.find((b) => b.ticket === t.number);
    const fields = truthFields(t);
    const label = `#${t.number}: ${badge?.text}`;
    expect(badge?.state, label).not.toBe('unreadable');
    const deadline = deadlineFor(settings, fields);
    expect(deadline, label).not.toBeNull();
    expect(badge?.deadline, label).toBe(deadline);
    expect(statesFor(settings, fields, before, after), label).toContain(badge?.state);
    if (t.first_agent_response_utc) expect(['met', 'missed'], label).toContain(badge?.state);
  }
  // The two tickets read from their ticket pages carry the created time's seconds into the deadline.
  const seconds = badges.filter((b) => WITH_PAGE.has(String(open.find((t) => t.number === b.ticket)?.ticket_id)));
  expect(seconds.map((b) => new Date(b.deadline ?? '').getUTCSeconds())).not.toEqual([0, 0]);
}

describe('overlay on a real osTicket 1.18.1 queue, exact data from its staff pages', () => {
  const site = (matches: string[]): SettingsInput => ({
    version: 1,
    customers,
    sites: [{ adapter: 'osticket', matches, timeZone: 'UTC' }],
  });

  it('badges every row of the Open queue with the core deadline of the ticket’s real data', async () => {
    const settings = await seedSettings(browser.worker, site(['http://127.0.0.1/*']));
    expectTruth(settings, await queueBadges('/scp/tickets.php?queue=1'));
  }, 60_000);

  it('does the same in the German UI with osTicket installed under /support/', async () => {
    const settings = await seedSettings(browser.worker, site(['http://127.0.0.1/*']));
    extensionRequests.length = 0;
    expectTruth(settings, await queueBadges('/support/scp/tickets.php?queue=1'));
    expect(extensionRequests.length).toBeGreaterThan(0);
    for (const { url } of extensionRequests) expect(new URL(url).pathname.startsWith('/support/scp/')).toBe(true);
  }, 60_000);

  it('reads with GETs to the page’s own origin only, and not at all with API reading switched off', async () => {
    expect(extensionRequests.length).toBeGreaterThan(0);
    for (const { method, url } of extensionRequests) {
      expect(method, url).toBe('GET');
      expect(new URL(url).origin).toBe(server.origin);
    }
    expect(requests.foreign).toEqual([]);

    await seedSettings(browser.worker, { version: 1, customers, sites: [{ adapter: 'osticket', matches: ['http://127.0.0.1/*'], timeZone: 'UTC', readApi: false }] });
    extensionRequests.length = 0;
    await page.goto(server.url('/scp/tickets.php?queue=1'));
    await page.waitForFunction((n) => document.querySelectorAll('[data-sla-badge][data-sla-state]').length >= n, open.length);
    // Proves that NO request comes: with reading on, the first ones leave right after the scan.
    await page.waitForTimeout(1_000);
    expect(extensionRequests).toEqual([]);
  }, 60_000);
});
