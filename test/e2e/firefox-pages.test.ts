import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import type { ElementHandle, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatInstant } from '../../components/format';
import { evaluate } from '../../core';
import { type DrillServer, drillManaged, startDrill, TWO_TABS } from './support/drill-helpdesk';
import { type FirefoxExtension, launchFirefox, openBadgedTabs, openExtensionPage } from './support/firefox';
import { addressOf, nameOf, teamCsv } from './support/team-csv';

/**
 * The real popup and options page of the Firefox build in firefox-esr (opened in tabs: see
 * openExtensionPage), with the real extension APIs: the popup's next-to-breach list with tickets
 * from two background tabs of the drill helpdesk, its ad-hoc deadline, and a CSV import on the
 * options page with a customer found in the contract table. English only: Debian's firefox-esr has
 * no language packs, and the extension follows the browser's UI language.
 */

// The drill lists times as RT does by default, in UTC, read in the browser's zone.
const ZONE = 'UTC';
let drill: DrillServer;
let firefox: FirefoxExtension;
let files: string;
let pageB: Page;
const pageErrors: string[] = [];

/** The form control a label names (puppeteer's ARIA queries do not reach extension pages). */
async function control(page: Page, label: string): Promise<ElementHandle<HTMLInputElement | HTMLSelectElement>> {
  const handle = await page.waitForFunction(
    (text: string) =>
      [...document.querySelectorAll<HTMLInputElement | HTMLSelectElement>('input, select')].find((c) =>
        [...(c.labels ?? [])].some((l) => l.firstChild?.textContent?.trim() === text),
      ),
    {},
    label,
  );
  return handle as ElementHandle<HTMLInputElement | HTMLSelectElement>;
}

/** Sets a field as the browser does when the user picks a value (a date-time field's parts are not typed text). */
const setValue = (field: ElementHandle<HTMLInputElement | HTMLSelectElement>, value: string) =>
  field.evaluate((el, v) => {
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(el, v);
    el.dispatchEvent(new Event('input', { bubbles: true }));
    el.dispatchEvent(new Event('change', { bubbles: true }));
  }, value);

/** Spaces as one kind: Firefox's ICU puts a plain space before "AM" where Node's puts a narrow no-break one. */
const spaces = (s: string) => s.replace(/\s/g, ' ');
const text = async (page: Page, selector: string) => spaces(await page.$eval(selector, (el) => el.textContent ?? ''));

beforeAll(async () => {
  files = await mkdtemp(join(tmpdir(), 'sla-lens-ff-pages-'));
  // 201 is due before 101, both before 202, whatever their states when read.
  drill = await startDrill(TWO_TABS, 'rt');
  firefox = await launchFirefox({ managed: drillManaged(), timeZone: ZONE, extensionPages: true });
  pageB = (await openBadgedTabs(firefox, drill.origin, TWO_TABS))[1] as Page;
}, 120_000);

afterAll(async () => {
  await firefox?.close();
  await drill?.close();
  if (files) await rm(files, { recursive: true, force: true });
});

describe('Firefox: the popup and the options page', () => {
  it('the popup lists both background tabs’ tickets by deadline, each with its tab; a click brings the ticket’s tab to the front', async () => {
    const popup = await openExtensionPage(firefox, 'popup.html');
    popup.on('pageerror', (error) => pageErrors.push(String(error)));
    await popup.waitForFunction(() => document.querySelectorAll('[data-testid="next-to-breach"] li').length === 3, { timeout: 20_000 });
    const items = await popup.$$eval('[data-testid="next-to-breach"] li', (lis) =>
      lis.map((li) => ({ ticket: li.getAttribute('data-ticket'), state: li.getAttribute('data-state'), tab: li.getAttribute('data-tab'), text: li.textContent ?? '' })),
    );
    expect(items.map((i) => i.ticket)).toEqual(['201', '101', '202']);
    expect(items[0]?.tab).toBe(items[2]?.tab);
    expect(items[1]?.tab).not.toBe(items[0]?.tab);
    expect(items[0]?.text).toMatch(/#201 Invoice wrong/);
    // 202 was submitted seconds ago with two minutes to go.
    expect(items[2]).toMatchObject({ state: 'on-track', text: expect.stringMatching(/#202 New user.*Acme · P2 Gold.*left$/) });

    // Clicking a ticket brings its tab to the front and focuses its badge.
    expect(await pageB.evaluate(() => document.visibilityState)).toBe('hidden');
    await popup.locator('[data-ticket="202"] button').click();
    await pageB.waitForFunction(() => document.visibilityState === 'visible' && document.activeElement?.getAttribute('data-sla-ticket') === '202', { timeout: 10_000 });
  });

  it('the popup computes an ad-hoc deadline from the core, in the browser’s zone', async () => {
    const popup = await openExtensionPage(firefox, 'popup.html');
    popup.on('pageerror', (error) => pageErrors.push(String(error)));
    await (await control(popup, 'Policy')).select('velostrata-1.2');
    await (await control(popup, 'Level or role')).select('gold');
    await (await control(popup, 'Priority')).select('P2');
    await (await control(popup, 'Language')).select('ja');
    await setValue(await control(popup, 'Submitted'), '2019-11-15T16:30');

    const submitted = DateTime.fromISO('2019-11-15T16:30', { zone: ZONE }).toISO() as string;
    const expected = evaluate({ policy: 'velostrata-1.2', level: 'gold', priority: 'P2', language: 'ja', englishAccepted: false, type: 'technical', submitted });
    const deadline = expected.target?.deadline as string;
    const locale = await popup.evaluate(() => navigator.language);
    await expect.poll(() => text(popup, '[data-testid="deadline-local"]').catch(() => null)).toBe(spaces(formatInstant(deadline, ZONE, locale)));
    expect(await text(popup, '[data-testid="deadline-contract"]')).toContain(spaces(formatInstant(deadline, 'Asia/Tokyo', locale)));
    expect(await text(popup, '[data-testid="countdown"]')).toMatch(/^Overdue by /);
    await popup.close();
  });

  it('the options page imports a CSV of customers and finds one by its address in the contract table', async () => {
    const csv = join(files, 'customers.csv');
    await writeFile(csv, teamCsv(500));
    const options = await openExtensionPage(firefox, 'options.html#/transfer');
    options.on('pageerror', (error) => pageErrors.push(String(error)));
    const file = (await control(options, 'Settings or customer file')) as ElementHandle<HTMLInputElement>;
    await file.uploadFile(csv);
    // The drill's customer comes from IT (managed) and stays: 1 now, 500 new.
    await options.locator('::-p-text(1 customers now; the file has 500 rows: 500 new, 0 changed, 0 unchanged, 0 removed.)').wait();
    await options.locator('button::-p-text(Apply all)').click();
    await options.locator('::-p-text(Applied customers.csv.)').wait();

    await options.locator('nav a::-p-text(Contracts)').click();
    await (await control(options, 'Search in')).select('addresses');
    const filter = await control(options, 'Filter');
    await filter.click();
    await options.keyboard.type(addressOf(242));
    await options.waitForFunction(() => document.querySelectorAll('table.contracts tbody tr').length === 1, { timeout: 10_000 });
    expect(await text(options, 'table.contracts tbody th[scope="row"]')).toBe(nameOf(242));
    expect(pageErrors).toEqual([]);
  });
});
