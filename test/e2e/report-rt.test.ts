import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ColumnMapping, createReport, PRESETS, type ReportResult, readReportFile } from '../../core/report';
import type { Settings } from '../../core/settings/schema';
import { RT_QUEUE, rtSettings, searchPath } from '../../scripts/rt/data';
import type { SeedManifest } from '../../scripts/rt/seed';
import { violations } from './support/axe';
import { waitForBadges } from './support/badges';
import { type ExtensionBrowser, launchExtension, TEST_BROWSER_ZONE } from './support/chromium';
import { type RequestLog, recordRequests } from './support/requests';
import { ensureRt, signInRt } from './support/rt';
import { seedSettings } from './support/settings';

/**
 * The SLA report of a real RT 5 search, made by the built extension (the list page's content script
 * reads the TicketSQL through REST2, the options page's worker counts), against the core's report
 * of RT's own spreadsheet export of the same search (Results.tsv, downloaded with the agent's
 * session) with the same settings, zone and "now": the same figures per priority.
 *
 * RT's export has no first-reply column; for the seeded tickets (one agent reply at most, no
 * requestor follow-up) RT's Told — the last time the requestor was told — is the first reply, so
 * the export's format names it FirstReply (the column the RT preset reads). The test checks that
 * precondition against the seed's manifest.
 */

let rt: SeedManifest;
let browser: ExtensionBrowser;
let settings: Settings;
let requests: RequestLog;
let list: Page;
const pageErrors: string[] = [];
/** Every request to RT's origin: method and URL, in order. */
const rtRequests: Array<{ method: string; url: string }> = [];

const QUERY = `Queue = '${RT_QUEUE}'`;
const FORMAT = [
  "'__id__'",
  "'__Subject__'",
  "'__Priority__'",
  "'__Created__'",
  "'__Told__/TITLE:FirstReply'",
  "'__Requestors__'",
  "'__CustomField.{Customer}__'",
  "'__CustomField.{Language}__'",
  "'__CustomField.{Support level}__'",
].join(',');

interface Figures {
  tickets: number;
  met: number;
  late: number;
  openLate: number;
}

function byPriority(groups: ReportResult['groups']): Record<string, Figures> {
  const out: Record<string, Figures> = {};
  for (const { priority, counts } of groups) {
    const f = out[priority] ?? { tickets: 0, met: 0, late: 0, openLate: 0 };
    out[priority] = f;
    f.tickets += counts.tickets;
    f.met += counts.met;
    f.late += counts.late;
    f.openLate += counts.openLate;
  }
  return out;
}

beforeAll(async () => {
  rt = await ensureRt();
  browser = await launchExtension(undefined, { timeZone: TEST_BROWSER_ZONE });
  requests = await recordRequests(browser.context, [rt.baseUrl]);
  browser.context.on('request', (request) => {
    if (request.url().startsWith(`${rt.baseUrl}/`)) rtRequests.push({ method: request.method(), url: request.url() });
  });
  settings = await seedSettings(browser.worker, rtSettings(rt.baseUrl));
  await signInRt(browser.context, rt.baseUrl);
  list = await browser.context.newPage();
  list.on('pageerror', (error) => pageErrors.push(error.message));
});

afterAll(async () => {
  await browser?.close();
});

describe("SLA report of RT's search results, read through REST2", () => {
  let shown: { now: string; figures: Record<string, Figures>; bad: number; status: string };
  let reportRequests: Array<{ method: string; url: string }>;

  it('makes the report of the list page’s search on the options page, opened for that tab', async () => {
    await list.goto(rt.baseUrl + searchPath(undefined, QUERY));
    await waitForBadges(list, rt.tickets.length, 'table.ticket-list');
    const tabId = await browser.worker.evaluate(
      // biome-ignore lint/suspicious/noExplicitAny: the worker's global `chrome`, not typed in Node
      async (url) => ((await (globalThis as any).chrome.tabs.query({})) as Array<{ id: number; url?: string }>).find((t) => t.url?.startsWith(url))?.id,
      `${rt.baseUrl}/Search/Results.html`,
    );
    expect(tabId).toBeTypeOf('number');
    // What the popup's button asks the tab: the search and the API it is read through.
    const info = await browser.worker.evaluate(
      // biome-ignore lint/suspicious/noExplicitAny: the worker's global `chrome`
      (id) => (globalThis as any).chrome.tabs.sendMessage(id, { type: 'sla:search-info' }, { frameId: 0 }),
      tabId as number,
    );
    expect(info).toMatchObject({ kind: 'api', helpdesk: 'rt', apiName: 'RT REST2', query: QUERY });

    const before = rtRequests.length;
    const options = await browser.context.newPage();
    options.on('pageerror', (error) => pageErrors.push(error.message));
    await options.goto(`chrome-extension://${browser.extensionId}/options.html#/reports?tab=${tabId}`);
    const report = options.locator('section.report');
    await report.waitFor({ timeout: 60_000 });
    reportRequests = rtRequests.slice(before);
    const status = (await options.locator('.report-status [role="status"]').textContent()) ?? '';
    const rows = await options.locator('table.report-table tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')));
    const figures: Record<string, Figures> = {};
    for (const cells of rows) {
      const priority = cells[4] as string;
      const f = figures[priority] ?? { tickets: 0, met: 0, late: 0, openLate: 0 };
      figures[priority] = f;
      f.tickets += Number(cells[5]);
      f.met += Number(cells[6]);
      f.late += Number(cells[7]);
      f.openLate += Number(cells[8]);
    }
    const bad = await options.locator('section.report table[aria-label*="could not be evaluated"] tbody tr').count();
    shown = { now: (await report.getAttribute('data-now')) ?? '', figures, bad, status };
    // The report's table, charts and lists: nothing axe-core finds (target sizes included).
    await options.setViewportSize({ width: 1200, height: 900 });
    expect(await violations(options)).toEqual([]);
    expect(shown.status).toMatch(new RegExp(`^${rt.tickets.length} tickets read in \\d+ requests\\.$`));
    expect(Object.values(figures).reduce((n, f) => n + f.tickets, 0) + bad).toBe(rt.tickets.length);
  }, 120_000);

  it("equals the core's report of RT's own spreadsheet export of the same search (same settings, zone and now)", async () => {
    const tsv = await list.request.get(`${rt.baseUrl}/Search/Results.tsv?${new URLSearchParams({ Query: QUERY, OrderBy: 'id', Order: 'ASC', Format: FORMAT })}`, {
      // RT refuses a spreadsheet request without a referrer from itself (its CSRF check).
      headers: { Referer: `${rt.baseUrl}/Search/Results.html` },
    });
    expect(tsv.ok()).toBe(true);
    const lines = (await tsv.text()).split('\n');
    const header = (lines[0] ?? '').split('\t');
    const told = header.indexOf('FirstReply');
    expect(told).toBeGreaterThan(0);
    // RT writes "Not set" for a date it has not: the report reads it as no reply, as the file is.
    const text = lines.join('\n');
    for (const ticket of rt.tickets) {
      const cells = lines.find((line) => line.startsWith(`${ticket.id}\t`))?.split('\t') ?? [];
      expect(cells[told] === 'Not set', `#${ticket.id} Told is its first reply`).toBe(!ticket.replied);
    }

    const mapping: ColumnMapping = PRESETS.rt;
    const report = createReport({
      settings,
      zone: TEST_BROWSER_ZONE,
      now: Date.parse(shown.now),
      adapter: mapping.adapter,
      priorityMap: mapping.priorityMap,
      dateFormats: mapping.dateFormats,
    });
    await readReportFile(text, 'tsv', mapping, report);
    const result = report.result();
    expect(result.rows).toBe(rt.tickets.length);
    expect(shown.figures).toEqual(byPriority(result.groups));
    expect(shown.bad).toBe(result.bad.count);
    // Not a vacuous match: the search has answered, late or open-past-deadline tickets.
    expect(Object.values(shown.figures).some((f) => f.met + f.late + f.openLate > 0)).toBe(true);
  }, 60_000);

  it('read the search with GETs to RT’s origin only: one REST2 ticket search for the page, then its first replies', () => {
    expect(reportRequests.filter((r) => r.method !== 'GET')).toEqual([]);
    const searches = reportRequests.filter((r) => new URL(r.url).pathname === '/REST/2.0/tickets' && new URL(r.url).searchParams.get('query') === QUERY);
    expect(searches.map((r) => Object.fromEntries(new URL(r.url).searchParams))).toEqual([
      expect.objectContaining({ query: QUERY, orderby: 'id', order: 'ASC', page: '1', per_page: '100' }),
    ]);
    expect(reportRequests.some((r) => new URL(r.url).pathname === '/REST/2.0/transactions')).toBe(true);
    console.info(`report of ${rt.tickets.length} tickets: ${shown.status}; GETs to RT meanwhile: ${reportRequests.length}`);
    expect(requests.foreign).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
