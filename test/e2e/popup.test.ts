import { mkdirSync } from 'node:fs';
import { DateTime } from 'luxon';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatInstant } from '../../components/format';
import { evaluate, renderNote } from '../../core';
import { type ExtensionBrowser, launchExtension } from './support/chromium';

/** The popup in real Chromium (Berlin time): an ad-hoc deadline from the core, in both zones. */

const SHOTS = 'test-results/ui';
const ZONE = 'Europe/Berlin';
let browser: ExtensionBrowser;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  browser = await launchExtension(undefined, { timeZone: ZONE });
  page = await browser.context.newPage();
  // The toolbar popup is at most 800×600; its own width is set by the page.
  await page.setViewportSize({ width: 460, height: 600 });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(`chrome-extension://${browser.extensionId}/popup.html`);
});

afterAll(async () => {
  await browser?.close();
});

describe('popup in Chromium', () => {
  it('computes an ad-hoc deadline, shown in the local zone and the contract’s with a live countdown', async () => {
    await page.getByLabel('Policy').selectOption('velostrata-1.2');
    await page.getByLabel('Level or role').selectOption('gold');
    await page.getByLabel('Priority').selectOption('P2');
    await page.getByLabel('Language').selectOption('ja');
    await page.getByLabel('Submitted', { exact: true }).fill('2019-11-15T16:30');

    const submitted = DateTime.fromISO('2019-11-15T16:30', { zone: ZONE }).toISO() as string;
    const expected = evaluate({ policy: 'velostrata-1.2', level: 'gold', priority: 'P2', language: 'ja', englishAccepted: false, type: 'technical', submitted });
    const deadline = expected.target?.deadline as string;
    const locale = await page.evaluate(() => navigator.language);
    await expect.poll(() => page.getByTestId('deadline-local').textContent()).toBe(formatInstant(deadline, ZONE, locale));
    // Routed to the Japanese team: the contract time is Japan's.
    expect(await page.getByTestId('deadline-contract').textContent()).toContain(formatInstant(deadline, 'Asia/Tokyo', locale));
    expect(await page.getByTestId('countdown').textContent()).toMatch(/^Overdue by /);
    const notes = await page.getByRole('list', { name: 'Notes' }).locator('li').allTextContents();
    expect(notes).toEqual(expected.notes.map((n) => renderNote(n, 'en')));
    // A 2019 ticket: its days are past, and the timeline says so.
    const timeline = page.getByRole('img', { name: /^Timeline of the past days/ });
    expect(await timeline.locator('.tl-open').count()).toBeGreaterThan(0);
    await page.getByText('How this was worked out').click();
    await page.screenshot({ path: `${SHOTS}/popup-adhoc.png`, fullPage: true });
  });

  it('shows the time left for a deadline in the future', async () => {
    await page.getByLabel('Policy').selectOption('velostrata-4.0');
    await page.getByLabel('Priority').selectOption('P1');
    await page.getByLabel('Submitted', { exact: true }).fill(DateTime.now().setZone(ZONE).toFormat("yyyy-MM-dd'T'HH:mm"));
    const countdown = page.getByTestId('countdown');
    await expect.poll(() => countdown.textContent()).toMatch(/^Due in /);
    await page.screenshot({ path: `${SHOTS}/popup-live.png`, fullPage: true });
    expect(pageErrors).toEqual([]);
  });
});
