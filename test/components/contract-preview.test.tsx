// @vitest-environment happy-dom
import { fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DateTime } from 'luxon';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { formatInstant, localZone } from '../../components/format';
import { evaluate } from '../../core';
import { applySettings } from '../../utils/settings-store';
import { installI18n, renderOptions } from './support';

/** Picks a customer in the preview's searchable customer field by typing its name and pressing Enter. */
async function choose(user: ReturnType<typeof userEvent.setup>, name: string) {
  const customer = await screen.findByRole('combobox', { name: 'Customer' });
  await user.clear(customer);
  await user.type(customer, name);
  await user.keyboard('{Enter}');
  expect(customer).toHaveProperty('value', name);
}

beforeEach(async () => {
  fakeBrowser.reset();
  installI18n();
  await applySettings({
    version: 1,
    customers: [
      { id: 'acme', name: 'ACME', domains: ['acme.com'], policy: 'velostrata-1.2', level: 'gold' },
      { id: 'umbrella', name: 'Umbrella', domains: ['umbrella.example'], policy: 'velostrata-2.0', contacts: [{ address: 'dev@umbrella.example', role: 'development' }] },
      {
        id: 'globex',
        name: 'Globex',
        domains: ['globex.com'],
        policy: 'velostrata-1.2',
        level: 'silver',
        region: 'americas',
        contacts: [{ address: 'a@globex.com' }, { address: 'b@globex.com' }, { address: 'c@globex.com' }],
      },
    ],
  });
});

// Typing through user-event in happy-dom is slow on two busy cores; the default 5 s is too tight.
describe('options: contract preview', { timeout: 20_000 }, () => {
  it('shows the deadline the badge would show for a customer and priority', async () => {
    const user = userEvent.setup();
    renderOptions('#/preview');
    await choose(user, 'ACME');
    await user.selectOptions(screen.getByLabelText('Priority'), 'P3');
    fireEvent.change(screen.getByLabelText('Submitted'), { target: { value: '2019-11-18T09:30' } });
    const submitted = DateTime.fromISO('2019-11-18T09:30').toISO() as string;
    const expected = evaluate({ policy: 'velostrata-1.2', level: 'gold', priority: 'P3', submitted, englishAccepted: false });
    expect(screen.getByTestId('deadline-local').textContent).toBe(formatInstant(expected.target?.deadline as string, localZone()));
    expect(screen.getByRole('img', { name: /Timeline/ })).toBeTruthy();
  });

  it('shows designated-contact warnings for a requester who is not one, and the contact limit', async () => {
    const user = userEvent.setup();
    renderOptions('#/preview');
    await choose(user, 'Globex');
    await user.type(screen.getByLabelText('Requester address'), 'eve@globex.com');
    const warnings = within(screen.getByRole('list', { name: 'Warnings' })).getAllByRole('listitem');
    expect(warnings.map((w) => w.textContent)).toEqual([
      expect.stringMatching(/^eve@globex\.com is not one of Globex.s 3 designated contacts/),
      expect.stringMatching(/Silver allows 2/),
    ]);
  });

  it('reports an invalid submission time at its field', async () => {
    renderOptions('#/preview');
    fireEvent.change(await screen.findByLabelText('Submitted'), { target: { value: '' } });
    expect(screen.getByLabelText('Submitted').getAttribute('aria-invalid')).toBe('true');
    expect(screen.queryByTestId('deadline-local')).toBeNull();
  });

  it('the customer field is a combobox: typed text narrows the listbox, arrows move, Enter chooses, Escape keeps the choice', async () => {
    const user = userEvent.setup();
    renderOptions('#/preview');
    const customer = await screen.findByRole('combobox', { name: 'Customer' });
    expect(customer).toHaveProperty('value', 'ACME');
    expect(customer.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByRole('listbox')).toBeNull();

    // ArrowDown opens the list on the current choice; every customer is listed.
    await user.click(customer);
    await user.keyboard('{ArrowDown}');
    const list = screen.getByRole('listbox', { name: 'Customer' });
    expect(customer.getAttribute('aria-expanded')).toBe('true');
    expect(within(list).getAllByRole('option').map((o) => o.textContent)).toEqual(['ACME', 'Umbrella', 'Globex']);
    const active = () => document.getElementById(customer.getAttribute('aria-activedescendant') ?? '')?.textContent;
    expect(active()).toBe('ACME');
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(active()).toBe('Globex');
    expect(within(list).getByRole('option', { name: 'Globex' }).getAttribute('aria-selected')).toBe('true');
    await user.keyboard('{ArrowUp}{Enter}');
    expect(customer).toHaveProperty('value', 'Umbrella');
    expect(screen.queryByRole('listbox')).toBeNull();

    // Typing narrows, by name or by a domain or contact address the name does not show.
    await user.clear(customer);
    await user.type(customer, 'c@globex');
    expect(within(screen.getByRole('listbox')).getAllByRole('option').map((o) => o.textContent)).toEqual(['Globex']);
    expect(screen.getByText('1 match')).toBeTruthy();
    await user.keyboard('{Enter}');
    expect(customer).toHaveProperty('value', 'Globex');

    // Escape closes the list and keeps the choice; nothing matching says so.
    await user.type(customer, 'zzz');
    expect(screen.getByText('No match.')).toBeTruthy();
    await user.keyboard('{Escape}');
    expect(customer).toHaveProperty('value', 'Globex');
    expect(screen.queryByRole('listbox')).toBeNull();
  });

  it('routes a Japanese request to the language team and shows the badge the agent would see', async () => {
    const user = userEvent.setup();
    renderOptions('#/preview');
    await choose(user, 'ACME');
    fireEvent.change(screen.getByLabelText('Submitted'), { target: { value: '2019-11-18T09:30' } });
    const badge = screen.getByRole('region', { name: 'The badge the agent sees' });
    // English (no language on the ticket): no routing.
    expect(within(badge).queryByRole('list', { name: 'Routing' })).toBeNull();
    const english = screen.getByTestId('deadline-local').textContent;

    await user.selectOptions(screen.getByLabelText('Language'), 'Japanese');
    await user.selectOptions(screen.getByLabelText('Request type'), 'Technical');
    const routing = within(badge).getByRole('list', { name: 'Routing' });
    expect(routing.textContent).toMatch(/^Route to the Japanese-language support team — Japan business hours/);
    // The deadline follows the Japan team's hours, as evaluate() computes for a Japanese request.
    const submitted = DateTime.fromISO('2019-11-18T09:30').toISO() as string;
    const expected = evaluate({ policy: 'velostrata-1.2', level: 'gold', priority: 'P2', submitted, language: 'ja', type: 'technical', englishAccepted: false });
    expect(screen.getByTestId('deadline-local').textContent).toBe(formatInstant(expected.target?.deadline as string, localZone()));
    expect(screen.getByTestId('deadline-local').textContent).not.toBe(english);
    // Long past its deadline: the agent's badge says breached.
    expect(screen.getByTestId('preview-badge').getAttribute('data-sla-state')).toBe('breached');
    expect(screen.getByTestId('preview-badge').textContent).toMatch(/^Breached \d+d( \d+h)? ago$/);
    expect(within(badge).getByText('(breached)')).toBeTruthy();

    // A feature request has no target: the badge says why.
    await user.selectOptions(screen.getByLabelText('Request type'), 'Feature request');
    expect(screen.getByTestId('preview-badge').textContent).toBe('No target · feature request');
    expect(screen.getByTestId('preview-badge').getAttribute('data-sla-state')).toBe('no-target');
  });

  it('uses the requester address: a designated contact’s role, no role, or another customer’s address', async () => {
    const user = userEvent.setup();
    renderOptions('#/preview');
    await choose(user, 'Umbrella');
    fireEvent.change(screen.getByLabelText('Submitted'), { target: { value: '2019-11-18T09:30' } });
    // 2.0 without a default role: a requester who is no designated contact gets no target.
    expect(screen.getByTestId('preview-badge').textContent).toBe('Unreadable · no role for this requester');
    await user.type(screen.getByLabelText('Requester address'), 'dev@umbrella.example');
    expect(screen.getByTestId('preview-badge').getAttribute('data-sla-state')).toBe('breached');
    const contract = within(screen.getByRole('region', { name: 'The badge the agent sees' })).getByRole('list', { name: 'Contract' });
    expect(contract.textContent).toMatch(/^Umbrella \(matched by address\): Velostrata 2\.0.*, Development/);

    // An address another customer has: the agent's badge is that customer's.
    await user.clear(screen.getByLabelText('Requester address'));
    await user.type(screen.getByLabelText('Requester address'), 'a@globex.com');
    expect(screen.getByText("Tickets from a@globex.com go to Globex (matched by address): the agent's badge uses Globex's contract.")).toBeTruthy();
  });

  it('shows the badge, its notes and the explanation in German and Japanese', async () => {
    for (const [locale, customer, type, feature, expected, note, step] of [
      [
        'de',
        'Kunde',
        'Anfrageart',
        'Funktionswunsch',
        'Keine Frist · Funktionswunsch',
        'Feature Requests werden für ein künftiges Release vorgemerkt; es besteht keine Reaktionspflicht. (§1.5)',
        'Feature Request: keine angestrebte Erstreaktionszeit (§1.5).',
      ],
      [
        'ja',
        '顧客',
        '問い合わせの種類',
        '機能要望',
        '期限なし · 機能要望',
        '機能リクエストは将来のリリースに向けて記録されます。応答の義務はありません。（§1.5）',
        '機能リクエスト: 初回応答の目標時間はありません（§1.5）。',
      ],
    ] as const) {
      await installI18n(locale);
      const user = userEvent.setup();
      const { unmount } = renderOptions('#/preview');
      expect(await screen.findByRole('combobox', { name: customer })).toHaveProperty('value', 'ACME');
      await user.selectOptions(screen.getByLabelText(type), feature);
      expect(screen.getByTestId('preview-badge').textContent).toBe(expected);
      // The core's note and the explanation's step, each in the badge's popover and in the result.
      expect(screen.getAllByText(note)).toHaveLength(2);
      expect(screen.getAllByText(step)).toHaveLength(2);
      unmount();
    }
  });
});
