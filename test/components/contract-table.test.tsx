// @vitest-environment happy-dom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { SettingsInput } from '../../core/settings/schema';
import { applySettings, loadSettings } from '../../utils/settings-store';
import { installI18n, renderOptions } from './support';

beforeEach(() => {
  fakeBrowser.reset();
  installI18n();
});

/** The names in the table's body, top to bottom. */
const names = () =>
  screen
    .getAllByRole('row')
    .slice(1)
    .map((r) => r.querySelector('th')?.textContent);

const header = (name: string) => screen.getByRole('button', { name }).closest('th') as HTMLElement;

/** Customers that differ in every field the filter searches. */
const VARIED: SettingsInput['customers'] = [
  {
    id: 'acme',
    name: 'ACME Corp',
    domains: ['acme.com'],
    organisations: ['Acme Holding'],
    addresses: ['ceo@partner.io'],
    policy: 'velostrata-1.2',
    level: 'gold',
    region: 'americas',
  },
  {
    id: 'globex',
    name: 'Globex',
    domains: ['globex.com'],
    contacts: [{ address: 'ops@globex-contact.net', role: 'production' }],
    policy: 'velostrata-2.0',
    level: 'development',
  },
  { id: 'initech', name: 'Initech', domains: ['initech.example'], policy: 'velostrata-4.0', region: 'emea' },
  { id: 'hooli', name: 'Hooli', organisations: ['Hooli XYZ'], policy: 'velostrata-1.2', level: 'platinum' },
];

// Typing through user-event in happy-dom is slow on two busy cores; the default 5 s is too tight.
describe('options: contract table', { timeout: 30_000 }, () => {
  it('names regions, never by id: the built-in ones in the UI language, a team list by its own name', async () => {
    const applied = await applySettings({
      version: 1,
      customers: [
        ...VARIED,
        { id: 'tokyo', name: 'Tokyo Corp', domains: ['tokyo.example'], policy: 'velostrata-1.2', level: 'gold', region: 'jp-team' },
      ],
      holidays: { 'jp-team': { name: 'Tokyo office', calendar: 'pacific', dates: [{ date: '2026-12-31', name: '' }] } },
    });
    expect(applied).toMatchObject({ ok: true });
    renderOptions('#/contracts');
    const regionOf = async (name: string) => (await screen.findByRole('rowheader', { name })).closest('tr')?.querySelector('.col-region')?.textContent;
    expect(await regionOf('ACME Corp')).toBe('Americas');
    expect(await regionOf('Initech')).toBe('Europe, Middle East and Africa');
    expect(await regionOf('Tokyo Corp')).toBe('Tokyo office');
  });

  it('sorts by any column, ascending then descending, names numerically', async () => {
    await applySettings({
      version: 1,
      customers: [
        { id: 'c10', name: 'Customer 10', policy: 'velostrata-1.2', level: 'silver' },
        { id: 'c2', name: 'Customer 2', policy: 'velostrata-1.2', level: 'platinum' },
        { id: 'c1', name: 'Customer 1', policy: 'velostrata-4.0' },
        { id: 'a', name: 'alpha', policy: 'velostrata-1.2', level: 'gold' },
      ],
    });
    const user = userEvent.setup();
    renderOptions('#/contracts');
    await screen.findByRole('row', { name: /alpha/ });
    expect(names()).toEqual(['Customer 10', 'Customer 2', 'Customer 1', 'alpha']);
    await user.click(screen.getByRole('button', { name: 'Customer name' }));
    expect(names()).toEqual(['alpha', 'Customer 1', 'Customer 2', 'Customer 10']);
    expect(header('Customer name').getAttribute('aria-sort')).toBe('ascending');
    await user.click(screen.getByRole('button', { name: 'Customer name' }));
    expect(names()).toEqual(['Customer 10', 'Customer 2', 'Customer 1', 'alpha']);
    expect(header('Customer name').getAttribute('aria-sort')).toBe('descending');
    // Level or role: the names in force (4.0's default "Standard" included).
    await user.click(screen.getByRole('button', { name: 'Level or role' }));
    expect(names()).toEqual(['alpha', 'Customer 2', 'Customer 10', 'Customer 1']);
    expect(header('Customer name').getAttribute('aria-sort')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Policy' }));
    expect(names().slice(0, 3)).toEqual(['Customer 10', 'Customer 2', 'alpha']);
    expect(names()[3]).toBe('Customer 1');
  });

  it('pages through 120 contracts fifty at a time', async () => {
    const customers = Array.from({ length: 120 }, (_, i) => ({ id: `c${i}`, name: `Customer ${i}`, policy: 'velostrata-4.0' }));
    await applySettings({ version: 1, customers });
    const user = userEvent.setup();
    renderOptions('#/contracts');
    await screen.findByRole('row', { name: /Customer 0 / });
    expect(names()).toHaveLength(50);
    expect(screen.getByText('Contracts 1–50 of 120')).toBeTruthy();
    const pager = screen.getByRole('navigation', { name: 'Pages' });
    expect(within(pager).getByRole('button', { name: 'Previous page' })).toHaveProperty('disabled', true);
    await user.click(within(pager).getByRole('button', { name: 'Next page' }));
    expect(names()[0]).toBe('Customer 50');
    expect(screen.getByText('Page 2 of 3')).toBeTruthy();
    await user.click(within(pager).getByRole('button', { name: 'Next page' }));
    expect(names()).toEqual(Array.from({ length: 20 }, (_, i) => `Customer ${100 + i}`));
    expect(screen.getByText('Contracts 101–120 of 120')).toBeTruthy();
    expect(within(pager).getByRole('button', { name: 'Next page' })).toHaveProperty('disabled', true);
    // A new filter starts again at its first page.
    await user.type(screen.getByLabelText('Filter'), 'customer 11');
    expect(screen.getByText('Contracts 1–11 of 11')).toBeTruthy();
    expect(names()[0]).toBe('Customer 11');
  });

  it('filters by each field, alone or all at once', async () => {
    await applySettings({ version: 1, customers: VARIED });
    const user = userEvent.setup();
    renderOptions('#/contracts');
    await screen.findByRole('row', { name: /Hooli/ });
    const filter = screen.getByLabelText('Filter');
    const searchIn = screen.getByLabelText('Search in');
    const find = async (field: string, query: string) => {
      await user.selectOptions(searchIn, field);
      await user.clear(filter);
      await user.type(filter, query);
      return screen.queryAllByRole('row').length > 1 ? names() : [];
    };
    expect(await find('All fields', 'ops@globex-contact')).toEqual(['Globex']);
    expect(await find('Customer name', 'initech')).toEqual(['Initech']);
    expect(await find('E-mail domains', 'initech.example')).toEqual(['Initech']);
    expect(await find('Organisation names', 'hooli xyz')).toEqual(['Hooli']);
    expect(await find('Exact addresses', 'ceo@partner')).toEqual(['ACME Corp']);
    expect(await find('Designated contacts\u2019 addresses'.replace('\u2019', "'"), 'globex-contact.net')).toEqual(['Globex']);
    // The policy by its version, its name or its id.
    expect(await find('Policy', '2.0')).toEqual(['Globex']);
    expect(await find('Policy', 'velostrata-1.2')).toEqual(['ACME Corp', 'Hooli']);
    // Levels by name, and the policy's default level where the contract names none.
    expect(await find('Level or role', 'platinum')).toEqual(['Hooli']);
    expect(await find('Level or role', 'standard')).toEqual(['Initech']);
    // Regions, and the policy's default region.
    expect(await find('Holiday region', 'emea')).toEqual(['Initech']);
    expect(await find('Holiday region', 'americas')).toEqual(['ACME Corp']);
    // A field restricts: a domain is not a name.
    expect(await find('Customer name', 'globex.com')).toEqual([]);
    expect(screen.getByText('No contract matches the filter.')).toBeTruthy();
    // Several words may match different fields.
    expect(await find('All fields', 'gold americas')).toEqual(['ACME Corp']);
  });

  it('changes the level of many at once, refuses one with the reason, and undoes it in one step', async () => {
    await applySettings({
      version: 1,
      customers: [
        { id: 'a', name: 'Alpha', policy: 'velostrata-1.2', level: 'silver' },
        { id: 'b', name: 'Beta', policy: 'velostrata-1.2', level: 'gold' },
        { id: 'c', name: 'Gamma', policy: 'velostrata-4.0' },
        { id: 'd', name: 'Delta', policy: 'velostrata-1.2', level: 'silver' },
      ],
    });
    const before = (await loadSettings()).settings.customers;
    const user = userEvent.setup();
    renderOptions('#/contracts');
    await user.click(await screen.findByRole('checkbox', { name: 'Select Alpha' }));
    await user.click(screen.getByRole('checkbox', { name: 'Select Beta' }));
    await user.click(screen.getByRole('checkbox', { name: 'Select Gamma' }));
    const bulk = screen.getByRole('group', { name: 'Change the 3 selected contracts' });
    await user.selectOptions(within(bulk).getByLabelText('Level or role'), 'Platinum');
    await user.click(within(bulk).getByRole('button', { name: 'Change 3 contracts' }));

    expect(await within(bulk).findByText('Changed 2 contracts.')).toBeTruthy();
    const refused = within(bulk).getByRole('alert');
    expect(refused.textContent).toMatch(/^1 contract not changed — the change would make its badges unreadable:/);
    expect([...refused.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      expect.stringMatching(/^Customer 3 \(Gamma\) · Level or role "platinum" is not a level of Velostrata 4\.0.* \(standard\)\.$/),
    ]);
    await waitFor(async () =>
      expect((await loadSettings()).settings.customers.map((c) => [c.id, c.level])).toEqual([
        ['a', 'platinum'],
        ['b', 'platinum'],
        ['c', undefined],
        ['d', 'silver'],
      ]),
    );
    await waitFor(() => expect(screen.getByRole('row', { name: /Alpha/ }).textContent).toContain('Platinum'));

    await user.click(within(bulk).getByRole('button', { name: 'Undo last change' }));
    expect(await within(bulk).findByText('Restored the previous settings.')).toBeTruthy();
    await waitFor(async () => expect((await loadSettings()).settings.customers).toEqual(before));
  });

  it('refuses a region the new policy cannot read for each contract, in German', async () => {
    await installI18n('de');
    await applySettings({
      version: 1,
      holidays: { 'jp-team': { name: 'Japan team', calendar: 'japan', dates: [{ date: '2026-05-01' }] } },
      customers: [
        { id: 'a', name: 'Alpha', policy: 'velostrata-1.2', level: 'gold', region: 'jp-team' },
        { id: 'b', name: 'Beta', policy: 'velostrata-1.2', level: 'gold' },
      ],
    });
    const user = userEvent.setup();
    renderOptions('#/contracts');
    await user.click(await screen.findByRole('checkbox', { name: 'Alle Verträge dieser Seite auswählen' }));
    const bulk = screen.getByRole('group', { name: 'Die 2 ausgewählten Verträge ändern' });
    await user.selectOptions(within(bulk).getByLabelText('Richtlinie'), 'velostrata-4.0');
    await user.selectOptions(within(bulk).getByLabelText('Stufe oder Rolle'), 'standard');
    await user.click(within(bulk).getByRole('button', { name: '2 Verträge ändern' }));
    expect(await within(bulk).findByText('1 Vertrag geändert.')).toBeTruthy();
    const refused = within(bulk).getByRole('alert');
    expect(refused.textContent).toMatch(/^1 Vertrag nicht geändert – die Änderung würde seine Badges unlesbar machen:/);
    expect([...refused.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      expect.stringMatching(/^Kunde 1 \(Alpha\) · Feiertagsregion .* kennt nur die Feiertagsregionen americas, emea, nicht „jp-team“\.$/),
    ]);
    await waitFor(async () =>
      expect((await loadSettings()).settings.customers.map((c) => [c.id, c.policy])).toEqual([
        ['a', 'velostrata-1.2'],
        ['b', 'velostrata-4.0'],
      ]),
    );
    expect(screen.getByText('Verträge 1–2 von 2')).toBeTruthy();
  });

  it('renders 5,000 generated customers a page at a time, filters by contact address and sorts them', async () => {
    const levels = ['silver', 'gold', 'platinum'];
    const customers = Array.from({ length: 5000 }, (_, i) => ({
      id: `c${i}`,
      name: `Customer ${i} GmbH`,
      domains: [`customer${i}.com`],
      organisations: [`Customer ${i} Holding`],
      policy: 'velostrata-1.2',
      level: levels[i % 3],
      region: i % 2 ? 'emea' : 'americas',
      contacts: [{ address: `ops@customer${i}.com` }],
    }));
    await applySettings({ version: 1, customers });
    const user = userEvent.setup();
    renderOptions('#/contracts');
    await screen.findByRole('row', { name: /Customer 0 GmbH/ });
    expect(names()).toHaveLength(50);
    expect(screen.getByText('Contracts 1–50 of 5000')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Customer name' }));
    await user.click(screen.getByRole('button', { name: 'Customer name' }));
    expect(names()[0]).toBe('Customer 4999 GmbH');
    await user.type(screen.getByLabelText('Filter'), 'ops@customer4321.com');
    expect(names()).toEqual(['Customer 4321 GmbH']);
    await user.clear(screen.getByLabelText('Filter'));
    // "Platinum" is in 1.2's name too: every contract has it, so the search is narrowed to levels.
    await user.type(screen.getByLabelText('Filter'), 'platinum');
    expect(screen.getByText('Contracts 1–50 of 5000')).toBeTruthy();
    await user.selectOptions(screen.getByLabelText('Search in'), 'Level or role');
    // Platinum: i % 3 == 2, 1666 customers.
    expect(screen.getByText('Contracts 1–50 of 1666')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Select all 1666 matching contracts' }));
    expect(screen.getByRole('group', { name: 'Change the 1666 selected contracts' })).toBeTruthy();
  });
});
