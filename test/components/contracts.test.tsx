// @vitest-environment happy-dom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { applySettings, loadSettings } from '../../utils/settings-store';
import { installI18n, renderOptions } from './support';

beforeEach(() => {
  fakeBrowser.reset();
  installI18n();
});

// Typing through user-event in happy-dom is slow on two busy cores; the default 5 s is too tight.
describe('options: contracts', { timeout: 20_000 }, () => {
  it('opens a new contract prefilled from the badge’s "Map customer" link and saves it', async () => {
    const user = userEvent.setup();
    renderOptions('#/contracts/new?name=ACME%20Corp&domain=acme.com');
    const name = await screen.findByLabelText('Customer name');
    expect(name).toHaveProperty('value', 'ACME Corp');
    expect(screen.getByLabelText('E-mail domains')).toHaveProperty('value', 'acme.com');
    // Prefilled, but new: not "Edit ACME Corp".
    expect(screen.getByRole('heading', { level: 2, name: 'New contract' })).toBeTruthy();
    await user.selectOptions(screen.getByLabelText('Policy'), 'velostrata-1.2');
    await user.selectOptions(screen.getByLabelText('Level or role'), 'gold');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(async () => expect((await loadSettings()).settings.customers).toHaveLength(1));
    const [saved] = (await loadSettings()).settings.customers;
    expect(saved).toMatchObject({ id: 'acme-corp', name: 'ACME Corp', domains: ['acme.com'], policy: 'velostrata-1.2', level: 'gold' });
    expect(await screen.findByRole('row', { name: /ACME Corp/ })).toBeTruthy();
  });

  it('refuses an invalid domain and contact address, showing each at its field in the form’s words, and stores nothing', async () => {
    const user = userEvent.setup();
    renderOptions('#/contracts/new?name=Initech');
    await user.type(await screen.findByLabelText('E-mail domains'), 'initech.com{enter}not a domain');
    await user.click(screen.getByRole('button', { name: 'Add contact' }));
    await user.type(screen.getByLabelText('Contact 1 address'), 'bob-at-initech');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/^2 problems — nothing was saved/);
    const items = [...alert.querySelectorAll('li')].map((li) => li.textContent);
    expect(items).toEqual([
      'E-mail domains "not a domain" is not an e-mail domain such as example.com.',
      'Contact 1 address "bob-at-initech" is not an e-mail address.',
    ]);
    expect(screen.getByText('"not a domain" is not an e-mail domain such as example.com.', { selector: 'small' })).toBeTruthy();
    expect(screen.getByLabelText('E-mail domains').getAttribute('aria-invalid')).toBe('true');
    expect((await loadSettings()).settings.customers).toEqual([]);
  });

  it('warns when designated contacts exceed the level’s limit (Silver: 2)', async () => {
    const user = userEvent.setup();
    renderOptions('#/contracts/new?name=Globex');
    await user.selectOptions(await screen.findByLabelText('Policy'), 'velostrata-1.2');
    await user.selectOptions(screen.getByLabelText('Level or role'), 'silver');
    for (const n of [1, 2, 3]) {
      await user.click(screen.getByRole('button', { name: 'Add contact' }));
      await user.type(screen.getByLabelText(`Contact ${n} address`), `c${n}@globex.com`);
    }
    expect(screen.getByText(/has 3 designated contacts; Silver allows 2/)).toBeTruthy();
  });

  it('shows IT-managed contracts read-only', async () => {
    await fakeBrowser.storage.managed.set({
      customers: [{ id: 'it-acme', name: 'ACME (IT)', domains: ['acme.com'], policy: 'velostrata-1.2', level: 'gold' }],
    });
    await applySettings({ version: 1, customers: [{ id: 'mine', name: 'Mine', policy: 'velostrata-4.0' }] });
    renderOptions('#/contracts');
    const managed = await screen.findByRole('row', { name: /ACME \(IT\)/ });
    expect(managed.textContent).toContain('Set by your IT (read-only)');
    expect(screen.queryByRole('button', { name: 'Edit ACME (IT)' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Edit Mine' })).toBeTruthy();
  });

  it('deletes a contract', async () => {
    const user = userEvent.setup();
    await applySettings({ version: 1, customers: [{ id: 'mine', name: 'Mine', policy: 'velostrata-4.0' }] });
    renderOptions('#/contracts');
    await user.click(await screen.findByRole('button', { name: 'Delete Mine' }));
    await user.click(within(screen.getByRole('alertdialog', { name: 'Delete the contract of Mine?' })).getByRole('button', { name: 'Delete' }));
    await waitFor(async () => expect((await loadSettings()).settings.customers).toEqual([]));
  });

  it('lists 5,000 contracts fifty to a page and finds one by filter', async () => {
    const user = userEvent.setup();
    const customers = Array.from({ length: 5000 }, (_, i) => ({ id: `c${i}`, name: `Customer ${i}`, domains: [`c${i}.example.com`], policy: 'velostrata-4.0' }));
    await applySettings({ version: 1, customers });
    renderOptions('#/contracts');
    await screen.findByRole('row', { name: /Customer 0 / });
    expect(screen.getAllByRole('row')).toHaveLength(51);
    expect(screen.getByText('Contracts 1–50 of 5000')).toBeTruthy();
    expect(screen.getByText('Page 1 of 100')).toBeTruthy();
    await user.type(screen.getByLabelText('Filter'), 'c4999.example');
    expect(screen.getAllByRole('row').slice(1).map((r) => r.querySelector('th')?.textContent)).toEqual(['Customer 4999']);
  });
});
