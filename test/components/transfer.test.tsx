// @vitest-environment happy-dom
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { applySettings, loadSettings } from '../../utils/settings-store';
import { file, installI18n, renderOptions } from './support';

const current = { version: 1, customers: [{ id: 'acme', name: 'ACME', domains: ['acme.com'], policy: 'velostrata-1.2', level: 'gold' }] };
const incoming = {
  version: 1,
  customers: [
    { id: 'acme', name: 'ACME', domains: ['acme.com', 'acme.de'], policy: 'velostrata-1.2', level: 'platinum' },
    { id: 'globex', name: 'Globex', domains: ['globex.com'], policy: 'velostrata-4.0' },
  ],
  atRiskShare: 0.1,
};

beforeEach(async () => {
  fakeBrowser.reset();
  installI18n();
  await applySettings(current);
});

const fileInput = () => screen.findByLabelText('Settings or customer file');

// Typing through user-event in happy-dom is slow on two busy cores; the default 5 s is too tight.
describe('options: import & export', { timeout: 20_000 }, () => {
  it('shows what a valid file will change, applies it all at once, and undoes it in one click', async () => {
    const user = userEvent.setup();
    renderOptions('#/transfer');
    await user.upload(await fileInput(), file('team.json', JSON.stringify(incoming)));
    const changes = await screen.findByRole('list', { name: 'Changes' });
    expect(changes.textContent).toContain('added: Globex');
    expect(changes.textContent).toMatch(/changed: ACME \(domains, level\)/);
    expect((await loadSettings()).settings.customers).toHaveLength(1);

    await user.click(screen.getByRole('button', { name: 'Apply all' }));
    await screen.findByText('Applied team.json.');
    const applied = (await loadSettings()).settings;
    expect(applied.customers.map((c) => c.id)).toEqual(['acme', 'globex']);
    expect(applied.atRiskShare).toBe(0.1);

    await user.click(screen.getByRole('button', { name: 'Undo last change' }));
    await screen.findByText('Restored the previous settings.');
    const restored = (await loadSettings()).settings;
    expect(restored.customers.map((c) => c.level)).toEqual(['gold']);
    expect(restored.atRiskShare).toBe(0.25);
  });

  it('rejects an invalid file with path-precise errors and leaves settings unchanged', async () => {
    const user = userEvent.setup();
    const before = (await loadSettings()).settings;
    const bad = { ...incoming, customers: [{ ...incoming.customers[0], domains: ['acme..com'] }, { ...incoming.customers[1], policy: 'nope' }] };
    renderOptions('#/transfer');
    await user.upload(await fileInput(), file('bad.json', JSON.stringify(bad)));
    // Every problem at once (the bad domain and the unknown policy), each where it is and in the user's words.
    expect(await screen.findByText(/^bad\.json has 2 problems — nothing was applied/)).toBeTruthy();
    const items = [...(await screen.findByRole('alert')).querySelectorAll('li')].map((li) => li.textContent);
    expect(items).toEqual([
      'Line 1 · Customer 1 (ACME) · E-mail domains "acme..com" is not an e-mail domain such as example.com.',
      expect.stringMatching(/^Line 1 · Customer 2 \(Globex\) · Policy There is no policy "nope"\. Choose one of: velostrata-1\.2, /),
    ]);
    expect(screen.getByRole('alert').textContent).toMatch(/your settings are unchanged/);
    expect(screen.queryByRole('button', { name: 'Apply all' })).toBeNull();
    expect((await loadSettings()).settings).toEqual(before);
  });

  it('does not apply a previewed file over a change made in another window since, and says so', async () => {
    const user = userEvent.setup();
    renderOptions('#/transfer');
    await user.upload(await fileInput(), file('team.json', JSON.stringify(incoming)));
    await screen.findByRole('list', { name: 'Changes' });
    // Another extension page (its own copy of the store) saves meanwhile.
    vi.resetModules();
    const other = await import('../../utils/settings-store');
    const elsewhere = { version: 1, customers: [{ id: 'initech', name: 'Initech', domains: ['initech.com'], policy: 'velostrata-4.0' }] };
    expect((await other.applySettings(elsewhere)).ok).toBe(true);

    await user.click(screen.getByRole('button', { name: 'Apply all' }));
    expect((await screen.findByRole('alert')).textContent).toContain('The settings were changed in another window since this page showed them.');
    expect((await loadSettings()).settings.customers.map((c) => c.id)).toEqual(['initech']);
  });

  it('rejects a file that is not JSON', async () => {
    const user = userEvent.setup();
    renderOptions('#/transfer');
    await user.upload(await fileInput(), file('broken.json', '{"version": 1,'));
    expect((await screen.findByRole('alert')).textContent).toMatch(/Not valid JSON/);
  });

  it('imports customers from CSV, and names the row and column of a bad cell', async () => {
    const user = userEvent.setup();
    renderOptions('#/transfer');
    const header = 'name,organisations,domains,addresses,policy,level,region,languages,englishAccepted,notes';
    await user.upload(await fileInput(), file('bad.csv', `${header}\nInitech,,not a domain,,velostrata-4.0,,,,,\n`, 'text/csv'));
    expect((await screen.findByRole('alert')).textContent).toContain(
      'Row 2, column domains (E-mail domains) "not a domain" is not an e-mail domain such as example.com.',
    );

    await user.upload(await fileInput(), file('ok.csv', `${header}\nInitech,,initech.com,,velostrata-4.0,,,,,\n`, 'text/csv'));
    await user.click(await screen.findByRole('button', { name: 'Apply all' }));
    // By default customers not in the file are kept.
    await waitFor(async () => expect((await loadSettings()).settings.customers.map((c) => c.name)).toEqual(['ACME', 'Initech']));
  });
});
