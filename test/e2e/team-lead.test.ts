import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { DateTime } from 'luxon';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatInstant } from '../../components/format';
import { evaluate } from '../../core';
import type { Policy } from '../../core/policy/schema';
import type { Customer } from '../../core/settings/schema';
import { type ExtensionBrowser, getExtensionStorage, launchExtension } from './support/chromium';
import { addressOf, BULK_ORGANISATION, bulkGroupSize, nameOf, TEAM_SIZE, teamCsv } from './support/team-csv';

/**
 * A team lead's day at real scale, in real Chromium and only through the options page (no JSON
 * typed): 5,000 customers imported from a spreadsheet's CSV, one found by its requester address,
 * 200 moved to another level at once, the list exported and the export imported again (nothing to
 * change), the bulk change undone, a custom policy built in the form and given to a customer, and a
 * Japanese request previewed for a customer.
 */

const ZONE = 'Europe/Berlin';
const BULK = bulkGroupSize(TEAM_SIZE);
let browser: ExtensionBrowser;
let page: Page;
const pageErrors: string[] = [];

const open = async (hash: string) => {
  await page.goto(`chrome-extension://${browser.extensionId}/options.html${hash}`);
  await page.getByRole('heading', { level: 1 }).waitFor();
};
const customers = async () => (await getExtensionStorage(browser.worker, 'local')).customers as Customer[];
/** The contract table's "Contracts 1–50 of 200" line. */
const shownLine = () => page.getByRole('status').filter({ hasText: /^Contracts \d|^No contract/ });

beforeAll(async () => {
  browser = await launchExtension(undefined, { timeZone: ZONE });
  page = await browser.context.newPage();
  await page.setViewportSize({ width: 1200, height: 900 });
  page.on('pageerror', (error) => pageErrors.push(error.message));
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

describe('team lead with 5,000 customers (Chromium)', () => {
  it('imports 5,000 customers from a CSV: the preview counts them, Apply stores them all', async () => {
    await open('#/transfer');
    await page.getByLabel('Settings or customer file').setInputFiles({ name: 'customers.csv', mimeType: 'text/csv', buffer: Buffer.from(teamCsv()) });
    await page.getByText(`0 customers now; the file has ${TEAM_SIZE} rows: ${TEAM_SIZE} new, 0 changed, 0 unchanged, 0 removed.`).waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Apply all' }).click();
    await page.getByText('Applied customers.csv.').waitFor({ timeout: 30_000 });
    const stored = await customers();
    expect(stored).toHaveLength(TEAM_SIZE);
    expect(stored.find((c) => c.name === nameOf(13))).toMatchObject({ policy: 'velostrata-2.0', level: 'development', languages: [], englishAccepted: false });
    expect(stored.find((c) => c.name === nameOf(14))).toMatchObject({ policy: 'velostrata-4.0', region: 'emea', addresses: [addressOf(14)] });
  }, 90_000);

  it('finds a customer by its requester address, and the contracts section has no axe violations', async () => {
    await open('#/contracts');
    await shownLine().filter({ hasText: `of ${TEAM_SIZE}` }).waitFor();
    await page.getByLabel('Search in').selectOption({ label: 'Exact addresses' });
    await page.getByLabel('Filter').fill(addressOf(4242));
    await expect.poll(() => shownLine().textContent()).toBe('Contracts 1–1 of 1');
    expect(await page.locator('table.contracts tbody th[scope="row"]').allTextContents()).toEqual([nameOf(4242)]);

    // Evaluated over the debugging protocol: the page's CSP refuses an added <script>.
    await page.evaluate(await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8'));
    // biome-ignore lint/suspicious/noExplicitAny: axe's global in the page
    const violations = await page.evaluate(async () => (await (window as any).axe.run(document)).violations.map((v: { id: string; nodes: unknown[] }) => `${v.id} (${v.nodes.length})`));
    expect(violations).toEqual([]);
  });

  it('moves 200 customers to another level at once, exports the list, and the re-imported export changes nothing', async () => {
    const before = await customers();
    await page.getByLabel('Search in').selectOption({ label: 'Organisation names' });
    await page.getByLabel('Filter').fill(BULK_ORGANISATION);
    await expect.poll(() => shownLine().textContent()).toBe(`Contracts 1–50 of ${BULK}`);
    await page.getByRole('button', { name: `Select all ${BULK} matching contracts` }).click();
    const bulk = page.getByRole('group', { name: `Change the ${BULK} selected contracts` });
    await bulk.getByLabel('Level or role').selectOption({ label: 'Gold' });
    await bulk.getByRole('button', { name: `Change ${BULK} contracts` }).click();
    await bulk.getByText(`Changed ${BULK} contracts.`).waitFor({ timeout: 30_000 });

    const after = await customers();
    const moved = after.filter((c, i) => c.level !== before[i]?.level);
    expect(moved).toHaveLength(BULK);
    expect(moved.every((c) => c.organisations[0]?.startsWith(BULK_ORGANISATION) && c.level === 'gold')).toBe(true);
    expect(after.map(({ level, ...rest }) => rest)).toEqual(before.map(({ level, ...rest }) => rest));

    await open('#/transfer');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download customers (CSV)' }).click();
    const exported = await readFile(await (await download).path());
    expect(exported.toString().trim().split('\n')).toHaveLength(TEAM_SIZE + 1);
    await page.getByLabel('Settings or customer file').setInputFiles({ name: 'sla-lens-customers.csv', mimeType: 'text/csv', buffer: exported });
    await page.getByText(`${TEAM_SIZE} customers now; the file has ${TEAM_SIZE} rows: 0 new, 0 changed, ${TEAM_SIZE} unchanged, 0 removed.`).waitFor({ timeout: 30_000 });
    await page.getByText('The file matches your current settings.').waitFor();
    expect(await page.getByRole('button', { name: 'Apply all' }).isDisabled()).toBe(true);

    await page.getByRole('button', { name: 'Undo last change' }).click();
    await page.getByText('Restored the previous settings.').waitFor();
    expect(await customers()).toEqual(before);
  }, 90_000);

  it('builds a policy in the form (one Tokyo business-hours calendar, one level), gives it to a customer, and the preview shows the core’s deadline', async () => {
    await open('#/policies');
    await page.getByRole('button', { name: 'New policy' }).click();
    await page.getByLabel('Policy name').fill('Tokyo Support');
    await page.getByLabel('Document title').fill('Tokyo support terms');
    await page.getByRole('button', { name: 'Add a calendar' }).click();
    const calendar = page.getByTestId('policy-calendar-1');
    await calendar.getByLabel('Calendar name').fill('Tokyo office');
    await calendar.getByRole('combobox', { name: 'Time zone' }).fill('Asia/Tokyo');
    await page.keyboard.press('Enter');
    await calendar.getByLabel('Section of the document').fill('§5');
    await page.getByRole('button', { name: 'Add a level' }).click();
    const level = page.getByTestId('policy-level-1');
    await level.getByLabel('Level name').fill('Gold');
    await level.getByLabel('Section of the document').fill('§4');
    await level.getByLabel('P2 · response target').selectOption({ label: 'Business hours' });
    await level.getByLabel('P2 · hours').fill('4');
    await page.getByText('No problems — the policy can be saved.').waitFor();
    await page.getByRole('button', { name: 'Save policy' }).click();
    await page.getByText('Saved Tokyo Support.', { exact: false }).waitFor();
    const policy = ((await getExtensionStorage(browser.worker, 'local')).customPolicies as Policy[]).find((p) => p.name === 'Tokyo Support') as Policy;
    expect(policy.calendars[policy.calendar as string]?.timeZone).toBe('Asia/Tokyo');

    // The customer with this requester address moves to the new policy (a bulk change of one).
    await open('#/contracts');
    await page.getByLabel('Search in').selectOption({ label: 'Exact addresses' });
    await page.getByLabel('Filter').fill(addressOf(12));
    await expect.poll(() => shownLine().textContent()).toBe('Contracts 1–1 of 1');
    await page.getByRole('checkbox', { name: `Select ${nameOf(12)}` }).check();
    const bulk = page.getByRole('group', { name: 'Change the 1 selected contract' });
    await bulk.getByLabel(/^Policy/).selectOption({ label: 'Tokyo Support' });
    await bulk.getByLabel('Level or role').selectOption({ label: 'Gold' });
    await bulk.getByLabel('Holiday region').selectOption({ label: 'Policy default' });
    await bulk.getByRole('button', { name: 'Change 1 contract' }).click();
    await bulk.getByText('Changed 1 contract.').waitFor({ timeout: 30_000 });
    expect((await customers()).find((c) => c.name === nameOf(12))).toMatchObject({ policy: policy.id, level: 'gold' });

    await open('#/preview');
    await page.getByRole('combobox', { name: 'Customer' }).fill(nameOf(12));
    await page.getByRole('option', { name: nameOf(12), exact: true }).click();
    await page.getByLabel('Priority').selectOption('P2');
    // Friday 16:30 in Tokyo: half an hour of business hours left that day.
    await page.getByLabel('Submitted', { exact: true }).fill('2026-12-04T08:30');
    const submitted = DateTime.fromISO('2026-12-04T08:30', { zone: ZONE }).toISO() as string;
    const expected = evaluate({ policy, level: 'gold', priority: 'P2', submitted });
    expect(expected.target?.deadline).toBe('2026-12-07T03:30:00.000Z');
    const locale = await page.evaluate(() => navigator.language);
    await expect.poll(() => page.getByTestId('deadline-local').textContent()).toBe(formatInstant(expected.target?.deadline as string, ZONE, locale));
  });

  it('previews a Japanese request for a customer: routed to the Japan team, the badge the agent would see, the core’s deadline', async () => {
    await open('#/preview');
    const customer = (await customers()).find((c) => c.name === nameOf(17)) as Customer;
    expect(customer).toMatchObject({ policy: 'velostrata-1.2', level: 'gold', languages: [] });
    const picker = page.getByRole('combobox', { name: 'Customer' });
    await picker.fill(customer.name);
    await page.getByRole('option', { name: customer.name, exact: true }).click();
    await page.getByLabel('Language').selectOption({ label: 'Japanese' });
    // A Friday evening in Berlin: after the Japan team's hours.
    await page.getByLabel('Submitted', { exact: true }).fill('2026-11-20T18:30');

    const badge = page.getByRole('region', { name: 'The badge the agent sees' });
    const routing = badge.getByRole('list', { name: 'Routing' });
    await expect.poll(() => routing.textContent()).toMatch(/^Route to the Japanese-language support team — Japan business hours/);
    const submitted = DateTime.fromISO('2026-11-20T18:30', { zone: ZONE }).toISO() as string;
    const expected = evaluate({ policy: 'velostrata-1.2', level: 'gold', priority: 'P2', language: 'ja', englishAccepted: false, type: 'technical', submitted, region: customer.region });
    // Long past: the badge says the deadline was missed.
    const shown = badge.getByTestId('preview-badge');
    expect(await shown.getAttribute('data-sla-state')).toBe('breached');
    expect(await shown.textContent()).toMatch(/^Breached .+ ago$/);
    const locale = await page.evaluate(() => navigator.language);
    expect(await page.getByTestId('deadline-local').textContent()).toBe(formatInstant(expected.target?.deadline as string, ZONE, locale));
    expect(pageErrors).toEqual([]);
  });
});
