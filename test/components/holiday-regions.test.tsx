// @vitest-environment happy-dom
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DeadlineForm } from '../../components/DeadlineForm';
import { teamHolidays } from '../../components/policy-choices';
import { evaluate } from '../../core';
import { Settings } from '../../core/settings/schema';
import { applySettings, loadSettings } from '../../utils/settings-store';
import { installI18n, renderOptions } from './support';

/**
 * Team holiday lists by country and state, named and sorted in the UI's language, deletable unless
 * in use; holiday regions and calendars shown by name, never by id.
 */

beforeEach(async () => {
  fakeBrowser.reset();
  await installI18n();
});
afterEach(() => {
  vi.restoreAllMocks();
});

const options = (select: HTMLElement) =>
  within(select)
    .getAllByRole('option')
    .map((o) => o.textContent ?? '');

const JP_TEAM = { name: 'Japan team holidays', calendar: 'japan', dates: [{ date: '2026-05-06', name: 'Furikae kyūjitsu' }] };
const withJpTeam = (customers: unknown[] = []) =>
  applySettings({ version: 1, customers, holidays: { 'jp-team': JP_TEAM, 'spare-days': { name: 'Spare days', calendar: 'pacific', dates: [] } } });

describe('holiday lists by region', { timeout: 30_000 }, () => {
  it('takes a German state’s public holidays (Bavaria: Epiphany, Corpus Christi), and the core skips them once saved', async () => {
    const user = userEvent.setup();
    renderOptions('#/calendars');
    await user.type(await screen.findByLabelText('New list name'), 'Munich office');
    await user.click(screen.getByRole('button', { name: 'Add list' }));
    await user.selectOptions(screen.getByLabelText('Closes calendar'), 'Velostrata business hours (Pacific Time)');
    await user.clear(screen.getByLabelText('First year'));
    await user.type(screen.getByLabelText('First year'), '2026');
    await user.selectOptions(screen.getByLabelText('Public holidays of'), 'Germany');
    expect(options(screen.getByLabelText('State or region'))).toEqual(expect.arrayContaining(['The whole country', 'Bayern', 'Berlin']));
    await user.selectOptions(screen.getByLabelText('State or region'), 'Bayern');
    await user.click(screen.getByRole('button', { name: 'Take public holidays' }));
    await screen.findByText(/dates added/);
    const list = screen.getByRole('form', { name: 'Holiday list Munich office' });
    expect(within(list).getAllByText('Epiphany')).toHaveLength(2);
    expect(within(list).getAllByText('Corpus Christi')).toHaveLength(2);
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(async () => expect((await loadSettings()).settings.holidays['munich-office']).toBeDefined());

    const settings = (await loadSettings()).settings;
    const days = settings.holidays['munich-office']?.dates.map((d) => d.date) ?? [];
    expect(days).toEqual(expect.arrayContaining(['2026-01-06', '2026-06-04', '2026-10-03', '2027-01-06']));
    // 1.2 Silver P3 (8 business hours) from Monday 5 January 2026, 20:00 Pacific: Tuesday the 6th is closed.
    const input = { policy: 'velostrata-1.2', level: 'silver', priority: 'P3' as const, type: 'technical' as const, submitted: '2026-01-05T20:00:00-08:00' };
    const plain = evaluate(input).target?.deadline as string;
    const bavarian = evaluate({ ...input, region: 'munich-office', holidays: teamHolidays(settings, 'munich-office') }).target?.deadline as string;
    expect(Date.parse(bavarian) - Date.parse(plain)).toBe(24 * 3_600_000);
  });

  for (const [locale, browser, germany] of [
    ['de', 'de-DE', 'Deutschland'],
    ['ja', 'ja-JP', 'ドイツ'],
  ] as const) {
    it(`names and sorts the countries in the UI’s language (${locale})`, async () => {
      await installI18n(locale);
      vi.spyOn(navigator, 'language', 'get').mockReturnValue(browser);
      await withJpTeam();
      renderOptions('#/calendars');
      const select = await screen.findByLabelText(locale === 'de' ? 'Gesetzliche Feiertage von' : '国の祝日');
      const names = options(select).slice(1);
      expect(names.length).toBeGreaterThan(150);
      expect(names).toContain(germany);
      expect(names).toEqual([...names].sort(new Intl.Collator(browser).compare));
      expect((within(select).getByRole('option', { name: germany }) as HTMLOptionElement).value).toBe('DE');
    });
  }

  it('deletes an unused team list after a confirmation', async () => {
    const user = userEvent.setup();
    await withJpTeam();
    renderOptions('#/calendars');
    await user.selectOptions(await screen.findByLabelText('Holiday region'), 'Spare days');
    await user.click(screen.getByRole('button', { name: 'Delete list' }));
    expect(screen.getByText('Delete the holiday list "Spare days"? Its days no longer close any calendar.')).toBeTruthy();
    expect((await loadSettings()).settings.holidays['spare-days']).toBeDefined();
    await user.click(screen.getByRole('button', { name: 'Yes, delete it' }));
    await waitFor(async () => expect(Object.keys((await loadSettings()).settings.holidays)).toEqual(['jp-team']));
    expect(options(screen.getByLabelText('Holiday region'))).toEqual(['Japan team holidays']);
  });

  it('refuses to delete a list a contract uses, naming the contract, and keeps it', async () => {
    const user = userEvent.setup();
    await withJpTeam([{ id: 'hoshino', name: 'Hoshino Robotics', policy: 'velostrata-1.2', level: 'gold', region: 'jp-team' }]);
    renderOptions('#/calendars');
    await user.selectOptions(await screen.findByLabelText('Holiday region'), 'Japan team holidays');
    await user.click(screen.getByRole('button', { name: 'Delete list' }));
    expect(screen.getByRole('alert').textContent).toBe(
      '"Japan team holidays" cannot be deleted while it is in use. Used by: contract Hoshino Robotics. Give them another holiday region first.',
    );
    expect(screen.queryByRole('button', { name: 'Yes, delete it' })).toBeNull();
    expect((await loadSettings()).settings.holidays['jp-team']).toEqual(JP_TEAM);
  });

  it('names regions and calendars instead of showing their ids', async () => {
    const user = userEvent.setup();
    const settings = Settings.parse({ version: 1, holidays: { 'jp-team': JP_TEAM } });
    render(<DeadlineForm settings={settings} />);
    await user.selectOptions(screen.getByLabelText('Policy'), 'velostrata-1.2');
    expect(options(screen.getByLabelText('Holiday region'))).toEqual(['No holiday list', 'Japan team holidays']);
    await user.selectOptions(screen.getByLabelText('Policy'), 'velostrata-4.0');
    expect(options(screen.getByLabelText('Holiday region'))).toEqual([
      'Policy default (Americas)',
      'Americas',
      'Europe, Middle East and Africa',
    ]);
    expect(screen.getByRole('form', { name: 'Ad-hoc deadline' }).textContent).not.toMatch(/jp-team|\bemea\b|\bamericas\b/);
  });

  it('names the calendars a list can close (no raw "japan", "china")', async () => {
    await installI18n('de');
    await withJpTeam();
    renderOptions('#/calendars');
    const closes = await screen.findByLabelText('Schließt Kalender');
    expect(options(closes)).toEqual(
      expect.arrayContaining(['Zeiten des Japan-Teams', 'Zeiten des China-Teams', 'Velostrata-Geschäftszeiten (Pazifikzeit)']),
    );
    expect(options(closes)).not.toContain('japan');
    expect(options(screen.getByLabelText('Feiertagsregion'))).toEqual(['Japan team holidays', 'Spare days']);
  });
});
