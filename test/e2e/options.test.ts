import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExtensionBrowser, getExtensionStorage, launchExtension } from './support/chromium';
import { seedSettings } from './support/settings';

/**
 * The options page in real Chromium: importing a settings file (validated, diffed, applied all at
 * once), a rejected file leaving storage untouched, and screenshots of each section for review.
 */

const SHOTS = 'test-results/ui';
let browser: ExtensionBrowser;
let page: Page;
const pageErrors: string[] = [];

const TEAM_FILE = {
  version: 1,
  customers: [
    {
      id: 'acme',
      name: 'ACME Corp',
      organisations: ['ACME Holding AG'],
      domains: ['acme.com'],
      policy: 'velostrata-1.2',
      level: 'gold',
      region: 'americas',
      languages: ['ja'],
      contacts: [{ address: 'cto@acme.com' }],
    },
    { id: 'globex', name: 'Globex', domains: ['globex.de'], policy: 'velostrata-2.0', level: 'production' },
    {
      id: 'initech',
      name: 'Initech',
      domains: ['initech.com'],
      policy: 'velostrata-1.2',
      level: 'silver',
      contacts: [{ address: 'a@initech.com' }, { address: 'b@initech.com' }, { address: 'c@initech.com' }],
    },
  ],
  atRiskShare: 0.2,
};

const open = async (hash: string) => {
  await page.goto(`chrome-extension://${browser.extensionId}/options.html${hash}`);
  await page.getByRole('heading', { level: 1 }).waitFor();
};

const shot = (name: string) => page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });

/** What the settings store keeps, without @wxt-dev/storage's version markers. */
async function stored() {
  const [local, sync] = await Promise.all([getExtensionStorage(browser.worker, 'local'), getExtensionStorage(browser.worker, 'sync')]);
  return { local, sync };
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  browser = await launchExtension(undefined, { timeZone: 'Europe/Berlin' });
  await seedSettings(browser.worker, { version: 1, customers: [{ id: 'acme', name: 'ACME Corp', domains: ['acme.com'], policy: 'velostrata-1.2', level: 'silver' }] });
  page = await browser.context.newPage();
  await page.setViewportSize({ width: 1200, height: 800 });
  page.on('pageerror', (error) => pageErrors.push(error.message));
});

afterAll(async () => {
  await browser?.close();
});

describe('options page in Chromium', () => {
  it('imports a settings file: shows the changes, applies them all, and lists the contracts', async () => {
    await open('#/transfer');
    await page.getByLabel('Settings or customer file').setInputFiles({
      name: 'team.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(TEAM_FILE)),
    });
    const changes = page.getByRole('list', { name: 'Changes' });
    await changes.waitFor();
    expect(await changes.textContent()).toMatch(/added: Globex, Initech/);
    expect(await changes.textContent()).toMatch(/changed: ACME Corp/);
    await shot('options-import-diff');

    await page.getByRole('button', { name: 'Apply all' }).click();
    await page.getByText('Applied team.json.').waitFor();
    const { local, sync } = await stored();
    expect((local.customers as Array<{ id: string }>).map((c) => c.id)).toEqual(['acme', 'globex', 'initech']);
    expect((sync.prefs as { atRiskShare: number }).atRiskShare).toBe(0.2);

    await open('#/contracts');
    await page.getByRole('row', { name: /Initech/ }).waitFor();
    expect(await page.getByRole('row', { name: /Initech/ }).textContent()).toMatch(/Silver allows 2/);
    await shot('options-contracts');
  });

  it('rejects an invalid file with errors at their line and field and leaves storage exactly as it was', async () => {
    const before = await stored();
    await open('#/transfer');
    const bad = { ...TEAM_FILE, customers: [{ ...TEAM_FILE.customers[0], domains: ['acme'] }], atRiskShare: 2 };
    // As a team lead's editor writes it: one value a line, so each problem has a line of its own.
    const text = JSON.stringify(bad, null, 2);
    /** The line of `needle`'s first occurrence after `after` (1-based, as the error list counts). */
    const lineOf = (needle: string, after = '') => text.slice(0, text.indexOf(needle, text.indexOf(after))).split('\n').length;
    await page.getByLabel('Settings or customer file').setInputFiles({
      name: 'broken.json',
      mimeType: 'application/json',
      buffer: Buffer.from(text),
    });
    const alert = page.getByRole('alert');
    await alert.waitFor();
    const places = await alert.locator('code').allTextContents();
    expect(places).toEqual(
      expect.arrayContaining([
        expect.stringMatching(new RegExp(`^Line ${lineOf('"acme"', '"domains"')} · `)),
        `Line ${lineOf('"atRiskShare"')} · At-risk threshold (%)`,
      ]),
    );
    await page.getByText(/^broken\.json has 2 problems — nothing was applied/).waitFor();
    await shot('options-import-rejected');
    expect(await stored()).toEqual(before);
  });

  it('undoes the import in one click', async () => {
    await open('#/transfer');
    await page.getByRole('button', { name: 'Undo last change' }).click();
    await page.getByText('Restored the previous settings.').waitFor();
    const { local } = await stored();
    expect((local.customers as Array<{ id: string; level: string }>).map((c) => [c.id, c.level])).toEqual([['acme', 'silver']]);
  });

  it('tests a custom recipe on pasted HTML without running or inserting any of it', async () => {
    await open('#/sites');
    await page.getByRole('button', { name: 'New recipe' }).click();
    const recipe = {
      id: 'desk',
      name: 'Desk',
      matches: ['https://desk.example.com/*'],
      ticket: 'tr.ticket',
      anchor: '.subject',
      fields: {
        id: { selector: '.id' },
        priority: { selector: '.prio' },
        requesterEmail: { selector: '.from' },
        submitted: { selector: 'time', attribute: 'datetime' },
      },
    };
    await page.getByLabel('Recipe (JSON)').fill(JSON.stringify(recipe, null, 2));
    const html = `<table>
      <tr class="ticket"><td class="id">101</td><td class="subject">Disk full</td><td class="prio">High</td><td class="from">Ann &lt;ann@acme.com&gt;</td><td><time datetime="2026-11-20T09:00:00Z">Fri</time></td></tr>
      <tr class="ticket"><td class="id">102</td><td class="subject">Login</td><td class="prio">Low</td><td class="from">bob@globex.de</td><td><time datetime="2026-11-21T10:00:00Z">Sat</time></td></tr>
    </table><script>document.title = 'ran'</script><img src="x" onerror="document.title='ran'">`;
    await page.getByLabel('Page HTML').fill(html);
    await page.getByText('2 tickets found.').waitFor();
    const rows = await page.getByRole('table', { name: 'What each selector finds' }).locator('tbody tr').allTextContents();
    expect(rows[0]).toMatch(/^tickettr\.ticket2/);
    expect(rows.find((r) => r.startsWith('requesterEmail'))).toContain('Ann <ann@acme.com>');
    expect(await page.title()).not.toBe('ran');
    expect(await page.locator('tr.ticket').count()).toBe(0);
    await shot('options-recipe-tester');
  });

  it('opens a prefilled contract from the badge’s "Map customer" link, and renders every section', async () => {
    await open('#/contracts/new?name=Umbrella&domain=umbrella.example');
    expect(await page.getByRole('textbox', { name: 'Customer name', exact: true }).inputValue()).toBe('Umbrella');
    expect(await page.getByRole('textbox', { name: 'E-mail domains', exact: true }).inputValue()).toBe('umbrella.example');
    await shot('options-contract-new');
    for (const section of ['sites', 'calendars', 'policies', 'preview']) {
      await open(`#/${section}`);
      await shot(`options-${section}`);
    }
    expect(pageErrors).toEqual([]);
  });
});
