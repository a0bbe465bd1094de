// @vitest-environment happy-dom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { customersToCsv } from '../../core/settings/csv';
import { applySettings, loadSettings } from '../../utils/settings-store';
import { file, installI18n, renderOptions } from './support';

const hoshino = { id: 'hoshino-robotics', name: 'Hoshino Robotics', domains: ['hoshino-robotics.example'], policy: 'velostrata-1.2', level: 'gold' };
const teamList = { name: 'Japan team', calendar: 'japan', dates: [{ date: '2026-05-04', name: 'Greenery Day' }] };

beforeEach(async () => {
  fakeBrowser.reset();
  await installI18n();
});

const fileInput = () => screen.findByLabelText('Settings or customer file');

describe('options: what a team lead meets at scale', { timeout: 30_000 }, () => {
  it('offers a contract only the holiday regions its policy can read', async () => {
    await applySettings({ version: 1, customers: [hoshino], holidays: { 'jp-team': teamList } });
    const user = userEvent.setup();
    renderOptions('#/contracts/new?name=Cascade');
    const region = await screen.findByLabelText('Holiday region');
    await user.selectOptions(screen.getByLabelText('Policy'), 'velostrata-4.0');
    expect([...region.querySelectorAll('option')].map((o) => o.value)).toEqual(['', 'americas', 'emea']);
    await user.selectOptions(screen.getByLabelText('Policy'), 'velostrata-1.2');
    expect([...region.querySelectorAll('option')].map((o) => o.value)).toEqual(['', 'jp-team']);
  });

  it('says what "no level" means under 2.0 instead of preselecting a role, and saves a customer without one', async () => {
    const user = userEvent.setup();
    renderOptions('#/contracts/new?name=Northwind');
    await user.selectOptions(await screen.findByLabelText('Policy'), 'velostrata-2.0');
    const level = screen.getByLabelText('Level or role') as HTMLSelectElement;
    expect(level.value).toBe('');
    expect(level.selectedOptions[0]?.textContent).toMatch(/^None — each designated contact’s role|^None — each designated contact's role/);
    expect(screen.getByText(/requesters who are not designated contacts .* get no target/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(async () => expect((await loadSettings()).settings.customers.map((c) => [c.name, c.level])).toEqual([['Northwind', undefined]]));
    // The list warns too.
    expect(await screen.findByText(/requesters who are not designated contacts/)).toBeTruthy();
  });

  it('refuses a second customer with a name or domain already taken (case differs), naming the other', async () => {
    await applySettings({ version: 1, customers: [hoshino] });
    const user = userEvent.setup();
    renderOptions('#/contracts/new?name=hoshino%20robotics');
    await user.type(await screen.findByLabelText('E-mail domains'), 'Hoshino-Robotics.example');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    const items = [...(await screen.findByRole('alert')).querySelectorAll('li')].map((li) => li.textContent);
    expect(items).toEqual([
      'Customer name Another customer is already called "hoshino robotics".',
      'E-mail domains "hoshino-robotics.example" already belongs to Hoshino Robotics: a ticket can go to one customer only.',
    ]);
    expect((await loadSettings()).settings.customers).toHaveLength(1);
  });

  it('warns about a language the contract does not support for the customer', async () => {
    await applySettings({ version: 1, customers: [{ ...hoshino, policy: 'velostrata-4.0', level: undefined, languages: ['ja'] }] });
    renderOptions('#/contracts');
    expect(await screen.findByText(/Writes in Japanese, but Velostrata .*4\.0.* includes no Japanese support/)).toBeTruthy();
  });

  it('does not delete a custom policy contracts use, and names them', async () => {
    const policy = JSON.parse(JSON.stringify((await import('../../core/policy/builtin')).builtinPolicies['velostrata-4.0']));
    await applySettings({ version: 1, customPolicies: [{ ...policy, id: 'team-4', name: 'Team 4.0' }], customers: [{ ...hoshino, policy: 'team-4', level: undefined }] });
    const user = userEvent.setup();
    renderOptions('#/policies');
    await user.click(await screen.findByRole('button', { name: 'Delete Team 4.0' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Team 4.0 is used by 1 contracts (Hoshino Robotics): move them to another policy first.');
    expect((await loadSettings()).settings.customPolicies.map((p) => p.id)).toEqual(['team-4']);
  });

  it('CSV: the untouched export imports with no changes; replace says how many it removes', async () => {
    const customers = Array.from({ length: 40 }, (_, i) => ({
      id: `c${i}`,
      name: `Customer ${i}`,
      domains: [`c${i}.example.com`],
      policy: i % 2 ? 'velostrata-1.2' : 'velostrata-4.0',
      ...(i % 2 ? { level: 'gold' } : {}),
    }));
    await applySettings({ version: 1, customers });
    const exported = customersToCsv((await loadSettings()).settings.customers);
    const user = userEvent.setup();
    renderOptions('#/transfer');
    await user.upload(await fileInput(), file('team.csv', exported, 'text/csv'));
    expect(await screen.findByText('The file matches your current settings.')).toBeTruthy();
    expect(screen.getByText('40 customers now; the file has 40 rows: 0 new, 0 changed, 40 unchanged, 0 removed.')).toBeTruthy();

    const firstTen = exported.split('\n').slice(0, 11).join('\n');
    await user.click(screen.getByLabelText('Remove them (the file becomes the whole customer list)'));
    await user.upload(await fileInput(), file('ten.csv', firstTen, 'text/csv'));
    expect(await screen.findByText('This removes 30 customers that are not in the file.')).toBeTruthy();
    expect(screen.getByText('40 customers now; the file has 10 rows: 0 new, 0 changed, 10 unchanged, 30 removed.')).toBeTruthy();
    const changes = screen.getByRole('list', { name: 'Changes' });
    expect(within(changes).getByText('and 10 more')).toBeTruthy();
  });

  it('CSV: every problem at once, by row and column, in German', async () => {
    await installI18n('de');
    await applySettings({ version: 1, customers: [hoshino] });
    const user = userEvent.setup();
    renderOptions('#/transfer');
    const csv = 'name,domains,policy,level,region\nA,a.example,velostrata-9,,\nB,not a domain,velostrata-1.2,bronze,\nC,c.example,velostrata-4.0,,jp-team\n';
    await user.upload(await screen.findByLabelText('Einstellungs- oder Kundendatei'), file('de.csv', csv, 'text/csv'));
    const items = [...(await screen.findByRole('alert')).querySelectorAll('li')].map((li) => li.textContent);
    expect(items).toEqual([
      expect.stringMatching(/^Zeile 2, Spalte policy \(Richtlinie\) Es gibt keine Richtlinie „velostrata-9“/),
      'Zeile 3, Spalte domains (E-Mail-Domains) „not a domain“ ist keine E-Mail-Domain wie example.com.',
      'Zeile 3, Spalte level (Stufe oder Rolle) „bronze“ ist keine Stufe von Velostrata 1.2 — Silver / Gold / Platinum support (silver, gold, platinum).',
      expect.stringMatching(/^Zeile 4, Spalte region \(Feiertagsregion\) .* kennt nur die Feiertagsregionen americas, emea, nicht „jp-team“\.$/),
    ]);
  });

  it('JSON without "version" keeps its customers (not read as the prototype format)', async () => {
    await applySettings({ version: 1, customers: [hoshino] });
    const user = userEvent.setup();
    renderOptions('#/transfer');
    await user.upload(await fileInput(), file('noversion.json', JSON.stringify({ customers: [hoshino, { ...hoshino, id: 'b', name: 'B', domains: ['b.example'] }] })));
    const changes = await screen.findByRole('list', { name: 'Changes' });
    expect(changes.textContent).toContain('added: B');
    expect(changes.textContent).not.toContain('removed');
  });

  it('JSON: problems by line and field, in Japanese', async () => {
    await installI18n('ja');
    const user = userEvent.setup();
    renderOptions('#/transfer');
    const text = JSON.stringify({ version: 1, customers: [{ ...hoshino, name: '' }] }, null, 2);
    const input = await screen.findByLabelText('設定ファイルまたは顧客ファイル');
    await user.upload(input, file('ja.json', text));
    const items = [...(await screen.findByRole('alert')).querySelectorAll('li')].map((li) => li.textContent);
    expect(items).toEqual(['6 行目 · 顧客 1 (—) · 顧客名 入力してください。']);
  });

  it('a holiday import that skipped an event lists it without saying anything failed', async () => {
    const user = userEvent.setup();
    await applySettings({ version: 1, holidays: { 'jp-team': teamList } });
    renderOptions('#/calendars');
    const ics = [
      'BEGIN:VCALENDAR',
      'BEGIN:VEVENT',
      'DTSTART;VALUE=DATE:20260101',
      'SUMMARY:New Year',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'DTSTART:20260102T100000Z',
      'SUMMARY:Party',
      'END:VEVENT',
      'END:VCALENDAR',
    ].join('\r\n');
    const pick = await screen.findAllByLabelText('iCalendar file (.ics)');
    await user.upload(pick[0] as HTMLInputElement, file('h.ics', ics, 'text/calendar'));
    expect(await screen.findByText(/1 date added/)).toBeTruthy();
    expect(screen.getByText(/1 event not imported/)).toBeTruthy();
    expect(screen.queryByText(/nothing was (changed|saved)/)).toBeNull();
  });
});
