import { readFile } from 'node:fs/promises';
import { DOMParser } from 'linkedom';
import Papa from 'papaparse';
import type { Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReport, NATIVE, type ReportResult, readReportFile, reportToCsv, reportToHtml, reportWords } from '../../core/report';
import type { Settings } from '../../core/settings/schema';
import { type ExtensionBrowser, launchExtension } from './support/chromium';
import { BAD_ROWS, REPORT_ZONE, reportExport, reportSettings } from './support/report-export';
import { type RequestLog, recordRequests } from './support/requests';
import { seedSettings } from './support/settings';

/**
 * The options page's Reports section in real Chromium with the built extension: a 100,000-ticket
 * export chosen through the file input is read in the section's Web Worker, and what the page shows
 * (figures per priority, the rows that could not be evaluated) and downloads (the CSV table, the
 * HTML report) equal the core's report of the same text in Node with the same settings, zone and
 * "now" — the instant the page judged open tickets at, which it shows as `data-now`. Every ticket
 * was submitted months before that instant, so which instant it is changes no ticket's state.
 */

const TICKETS = 100_000;

let browser: ExtensionBrowser;
let page: Page;
let settings: Settings;
let requests: RequestLog;
let text: string;
const pageErrors: string[] = [];

/** The table's count columns, in order after month, customer, contract, level and priority. */
const FIGURES = ['tickets', 'met', 'late', 'openLate', 'open', 'noTarget'] as const;
type Figures = Record<(typeof FIGURES)[number], number>;

/** Figures added up per priority. */
function byPriority(lines: Iterable<{ priority: string; counts: Figures }>): Record<string, Figures> {
  const out: Record<string, Figures> = {};
  for (const { priority, counts } of lines) {
    const f = out[priority] ?? { tickets: 0, met: 0, late: 0, openLate: 0, open: 0, noTarget: 0 };
    out[priority] = f;
    for (const k of FIGURES) f[k] += counts[k];
  }
  return out;
}

/** The core's report of the export in Node, judged at `now`. */
async function coreReport(now: number): Promise<ReportResult> {
  const report = createReport({ settings, zone: REPORT_ZONE, now });
  await readReportFile(text, 'csv', NATIVE, report);
  return report.result();
}

/** Every line of the report's table, page by page (fifty lines a page), as cell texts. */
async function shownTable(): Promise<string[][]> {
  const lines: string[][] = [];
  const next = page.getByRole('navigation', { name: 'Pages of the table' }).getByRole('button', { name: 'Next' });
  for (;;) {
    const first = await page.locator('table.report-table tbody tr').first().textContent();
    lines.push(...(await page.locator('table.report-table tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')))));
    if ((await next.count()) === 0 || (await next.isDisabled())) return lines;
    await next.click();
    await expect.poll(() => page.locator('table.report-table tbody tr').first().textContent()).not.toBe(first);
  }
}

beforeAll(async () => {
  text = reportExport(TICKETS);
  browser = await launchExtension(undefined, { timeZone: REPORT_ZONE });
  // No host is the options page's own: any http(s) request is foreign (and aborted).
  requests = await recordRequests(browser.context, []);
  settings = await seedSettings(browser.worker, reportSettings);
  page = await browser.context.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
});

afterAll(async () => {
  await browser?.close();
});

describe('Reports: a 100,000-ticket export in the options page of the built extension', () => {
  let result: ReportResult;

  it("reads the file in a worker while the page answers, and shows the core's figures per priority and the bad rows", async () => {
    await page.goto(`chrome-extension://${browser.extensionId}/options.html#/reports`);
    await page.getByLabel('Export file').setInputFiles({ name: 'tickets.csv', mimeType: 'text/csv', buffer: Buffer.from(text) });
    await page.getByLabel('Columns').selectOption({ label: "SLA Lens's own names (as sla batch reads them)" });
    const make = page.getByRole('button', { name: 'Make the report' });
    await expect.poll(() => make.isEnabled()).toBe(true);
    await make.click();
    const clicked = Date.now();

    // While the worker reads, the page answers round trips and shows its progress as it comes.
    const report = page.locator('section.report');
    const seen: number[] = [];
    const until = Date.now() + 100_000;
    while (!(await report.isVisible())) {
      // "12,345 rows read" beside the progress bar (the bar has no maximum for a file).
      const progress = await page.evaluate(() => document.querySelector('.report-status label:has(progress)')?.textContent ?? null);
      if (progress !== null) seen.push(Number(progress.replace(/\D/g, '')));
      if (Date.now() > until) throw new Error(`no report after 100 s; progress seen: ${seen.join(', ')}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const seconds = ((Date.now() - clicked) / 1000).toFixed(1);
    console.info(`report of ${TICKETS.toLocaleString('en-US')} rows: rendered ${seconds} s after the click; the page answered ${seen.length} round trips meanwhile, showing ${seen.join(', ')} rows read`);
    expect(seen.some((rows) => rows > 0 && rows < TICKETS), `rows read, as the page showed them: ${seen.join(', ')}`).toBe(true);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));

    const now = (await report.getAttribute('data-now')) ?? '';
    result = await coreReport(Date.parse(now));
    expect(result.now).toBe(now);
    expect(result.rows).toBe(TICKETS);

    const lines = await shownTable();
    const shown = byPriority(lines.map((cells) => ({ priority: cells[4] as string, counts: Object.fromEntries(FIGURES.map((k, i) => [k, Number(cells[5 + i])])) as Figures })));
    expect(lines).toHaveLength(result.groups.length);
    expect(shown).toEqual(byPriority(result.groups));
    const figures = await page
      .getByTestId('report-figures')
      .locator('div')
      .evaluateAll((divs) => divs.map((d) => [d.querySelector('dt')?.textContent, d.querySelector('dd')?.textContent]));
    const words = reportWords('en').columns;
    expect(Object.fromEntries(figures)).toMatchObject(Object.fromEntries(FIGURES.map((k) => [words[k], String(result.totals[k])])));
    // Not a vacuous match: every priority has tickets in time, late and open past the deadline.
    for (const f of Object.values(shown)) expect(Math.min(f.met, f.late, f.openLate)).toBeGreaterThan(0);
    expect(Object.keys(shown).sort()).toEqual(['P1', 'P2', 'P3', 'P4']);

    // The rows that could not be evaluated: exactly the spoilt ones, with their rows and the core's reasons.
    const bad = await page.locator('section.report table[aria-label*="could not be evaluated"] tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')));
    expect(bad.map(([row]) => Number(row))).toEqual([...BAD_ROWS.keys()]);
    expect(bad).toEqual(result.bad.listed.map((row) => [String(row.row), reportWords('en').badRow(row)]));
    await page.screenshot({ path: 'test-results/ui/options-report.png', fullPage: true });
  }, 150_000);

  it("downloads the CSV table and the HTML report: the core's files for the same report, the HTML loading nothing", async () => {
    const download = async (name: string): Promise<string> => {
      const started = page.waitForEvent('download');
      await page.getByRole('button', { name }).click();
      const file: Download = await started;
      return readFile((await file.path()) as string, 'utf8');
    };
    const render = { lang: 'en' as const, customPolicies: settings.customPolicies };

    const csv = await download('Download the table (CSV)');
    const parsed = Papa.parse<string[]>(csv, { skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data).toEqual(Papa.parse<string[]>(reportToCsv(result, render), { skipEmptyLines: true }).data);
    expect(parsed.data).toHaveLength(1 + result.groups.length);

    const html = await download('Download the report (HTML)');
    expect(html).toBe(reportToHtml(result, render));
    const doc = new DOMParser().parseFromString(html, 'text/html');
    expect(doc.querySelectorAll('svg')).toHaveLength(2);
    const tables = [...doc.querySelectorAll('table')];
    expect(tables.length).toBeGreaterThan(1);
    expect(Math.max(...tables.map((t) => t.querySelectorAll('tbody tr').length))).toBe(result.groups.length);
    // Nothing external: no attribute that loads or links a URL off the file, no stylesheet import or url().
    const external = [...doc.querySelectorAll('*')].flatMap((el) =>
      [...el.attributes].filter((a) => /^(src|srcset|href|xlink:href|action|poster|data)$/i.test(a.name) && /^\s*(https?:)?\/\//i.test(a.value)).map((a) => `${el.tagName} ${a.name}=${a.value}`),
    );
    expect(external).toEqual([]);
    expect(doc.querySelectorAll('link, iframe, object, embed, img, script[src]')).toHaveLength(0);
    for (const style of doc.querySelectorAll('style')) expect(style.textContent).not.toMatch(/@import|url\(/i);
  }, 60_000);

  it('made no request to any host', () => {
    // The recorder saw the page's own loads, so its silence about hosts means something.
    expect(requests.all.some((url) => url.startsWith(`chrome-extension://${browser.extensionId}/`))).toBe(true);
    expect(requests.all.filter((url) => /^(https?|wss?):/.test(url))).toEqual([]);
    expect(requests.foreign).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
