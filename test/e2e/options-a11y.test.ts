import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SettingsInput } from '../../core/settings/schema';
import { SECTIONS } from '../../entrypoints/options/route';
import { violations } from './support/axe';
import { type ExtensionBrowser, launchExtension } from './support/chromium';
import { launchFirefox, openExtensionPage } from './support/firefox';
import { seedSettings } from './support/settings';

/**
 * The options page in real Chromium in English, German and Japanese: axe-core (with target-size) finds
 * nothing in any section, nor in the contract form, the delete question, the preview's timeline and
 * the popup's; at 760 px the contract table fits without scrolling sideways. In Firefox, form
 * controls are the size of their labels.
 */


const SETTINGS = {
  version: 1,
  customers: [
    {
      id: 'hoshino-robotics',
      name: 'Hoshino Robotics',
      organisations: ['Hoshino Robotics K.K.'],
      domains: ['hoshino-robotics.example', 'hoshino.co.jp'],
      addresses: ['it-helpdesk@hoshino-robotics.example'],
      policy: 'velostrata-1.2',
      level: 'gold',
      region: 'americas',
      contacts: [{ address: 'cto@hoshino-robotics.example' }, { address: 'ops@hoshino-robotics.example' }],
    },
    { id: 'kestrel-bank', name: 'Kestrel Bank Aktiengesellschaft', domains: ['kestrel-bank.example'], policy: 'velostrata-2.0' },
    { id: 'cascade', name: 'Cascade', domains: ['cascade.example'], policy: 'velostrata-4.0', region: 'emea' },
  ],
  holidays: { 'jp-team': { name: 'Japan team', calendar: 'japan', dates: [{ date: '2026-05-04', name: 'Greenery Day' }] } },
} satisfies SettingsInput;

for (const lang of ['en', 'de', 'ja'] as const) {
  describe(`options page in ${lang} (Chromium)`, () => {
    let browser: ExtensionBrowser;
    let page: Page;
    const pageErrors: string[] = [];
    const open = async (hash: string) => {
      await page.goto(`chrome-extension://${browser.extensionId}/options.html${hash}`);
      await page.locator('main h1').waitFor();
      // The store has loaded once the section's own content replaced "Loading…" (a lone p.muted).
      await page.waitForFunction(() => {
        const main = document.querySelector('main');
        return !!main && main.children.length > 1 && (main.children.length > 2 || !main.children[1]?.matches('p.muted'));
      });
    };

    beforeAll(async () => {
      browser = await launchExtension(undefined, { timeZone: 'Europe/Berlin', lang });
      await seedSettings(browser.worker, SETTINGS);
      page = await browser.context.newPage();
      page.on('pageerror', (error) => pageErrors.push(error.message));
    }, 60_000);

    afterAll(async () => {
      await browser?.close();
    });

    it('shows the UI in the browser’s language and axe finds nothing in any section', async () => {
      await page.setViewportSize({ width: 1200, height: 900 });
      const found: Record<string, string[]> = {};
      for (const section of SECTIONS) {
        await open(`#/${section}`);
        // The preview shows the first customer's deadline, countdown and timeline with its legend.
        if (section === 'preview') await page.locator('.timeline-figure').waitFor();
        found[section] = await violations(page);
      }
      expect(await page.evaluate(() => document.documentElement.lang)).toMatch(new RegExp(`^${lang}`));
      expect(found).toEqual(Object.fromEntries(SECTIONS.map((s) => [s, []])));
      expect(pageErrors).toEqual([]);
    });

    it('axe finds nothing in the contract form nor in the delete question', async () => {
      await open('#/contracts');
      await page.locator('.toolbar button.primary').click();
      await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('INPUT');
      const form = await violations(page);
      await page.locator('[data-customer-id="cascade"] [data-action="delete"]').click();
      await page.getByRole('alertdialog').waitFor();
      expect({ form, dialog: await violations(page) }).toEqual({ form: [], dialog: [] });
    });

    it.runIf(lang === 'en')('asks before Back leaves a contract form with unsaved edits', async () => {
      await open('#/sites');
      await page.evaluate(() => {
        location.hash = '#/contracts';
      });
      await page.locator('[data-customer-id="cascade"] [data-action="edit"]').click();
      await page.getByLabel('Notes').fill('call first');
      await page.evaluate(() => history.back());
      const dialog = page.getByRole('alertdialog', { name: 'Discard your changes to Cascade?' });
      await dialog.waitFor();
      expect(await page.evaluate(() => location.hash)).toBe('#/contracts');
      await dialog.getByRole('button', { name: 'Keep editing' }).click();
      expect(await page.getByLabel('Notes').inputValue()).toBe('call first');
      await page.getByRole('link', { name: 'Sites & recipes' }).click();
      await page.getByRole('alertdialog').getByRole('button', { name: 'Discard changes' }).click();
      await expect.poll(() => page.locator('main h1').textContent()).toBe('Sites & recipes');
    });

    it('axe finds nothing in the popup with its deadline, countdown and timeline', async () => {
      await page.setViewportSize({ width: 420, height: 900 });
      await page.goto(`chrome-extension://${browser.extensionId}/popup.html`);
      await page.locator('.timeline-figure').waitFor();
      expect(await violations(page)).toEqual([]);
    });

    it('fits the contract table into a 760 px window without scrolling sideways', async () => {
      await page.setViewportSize({ width: 760, height: 900 });
      await open('#/contracts');
      await page.locator('table.contracts').waitFor();
      const widths = await page.evaluate(() => {
        const wrap = document.querySelector('.contracts-table') as HTMLElement;
        const root = document.scrollingElement as HTMLElement;
        return { table: [wrap.scrollWidth, wrap.clientWidth], page: [root.scrollWidth, root.clientWidth] };
      });
      expect(widths.table[0]).toBeLessThanOrEqual(widths.table[1] as number);
      expect(widths.page[0]).toBeLessThanOrEqual(widths.page[1] as number);
      // Labels and column headers never wrap inside a word ("絞り込み", "レベルまたはロール" stay whole).
      const broken = await page.evaluate(() =>
        [...document.querySelectorAll('.toolbar .label-text, table.contracts thead th')]
          .filter((el) => {
            // The line tops of its text (not of the boxes around it, such as a sort button).
            const lines = new Set<number>();
            const texts = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
            for (let text = texts.nextNode(); text; text = texts.nextNode()) {
              const range = document.createRange();
              range.selectNodeContents(text);
              for (const rect of range.getClientRects()) if (rect.width > 0) lines.add(Math.round(rect.top));
            }
            return lines.size > 1 && !/\s/.test(el.textContent?.trim() ?? '');
          })
          .map((el) => el.textContent),
      );
      expect(broken).toEqual([]);
    });
  });
}

describe('options page in Firefox', () => {
  it('draws every form control of the contract form at its label’s size', async () => {
    const firefox = await launchFirefox({ extensionPages: true });
    try {
      const page = await openExtensionPage(firefox, 'options.html#/contracts/new?name=Cascade');
      await page.waitForFunction(() => document.querySelector('form .field input') !== null, { timeout: 20_000 });
      const sizes = await page.evaluate(() =>
        [...document.querySelectorAll('form .field')].map((field) => {
          const size = (selector: string) => getComputedStyle(field.querySelector(selector) as Element).fontSize;
          return { label: size('label'), control: size('input, select, textarea') };
        }),
      );
      expect(sizes.length).toBeGreaterThan(5);
      expect(sizes.filter((s) => s.label !== s.control)).toEqual([]);
    } finally {
      await firefox.close();
    }
  }, 60_000);
});
