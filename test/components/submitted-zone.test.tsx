// @vitest-environment happy-dom
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DeadlineForm } from '../../components/DeadlineForm';
import { formatInstant, localZone } from '../../components/format';
import { evaluate } from '../../core';
import { Settings } from '../../core/settings/schema';
import { applySettings } from '../../utils/settings-store';
import { installI18n, renderOptions } from './support';

/**
 * The popup's submission time in the zone it was given in: an agent in New York reads a ticket whose
 * time a Berlin customer wrote. This file runs in New York (its own process) so the two zones differ.
 */
const before = process.env.TZ;
process.env.TZ = 'America/New_York';
afterAll(() => {
  process.env.TZ = before;
});

const settings = Settings.parse({ version: 1 });

beforeEach(async () => {
  fakeBrowser.reset();
  await installI18n();
});

const submittedField = () => screen.getByLabelText('Submitted') as HTMLInputElement;
const zoneField = () => screen.getByRole('combobox', { name: 'Time zone of the submission' }) as HTMLInputElement;

async function chooseZone(user: ReturnType<typeof userEvent.setup>, search: string, zone: string) {
  await user.click(zoneField());
  await user.clear(zoneField());
  await user.type(zoneField(), search);
  await user.click(screen.getByRole('option', { name: zone }));
}

describe('popup: submission time in a chosen zone', { timeout: 20_000 }, () => {
  it('reads a Berlin time in New York: the deadline is evaluate()’s with Berlin’s offset, shown in both zones', async () => {
    expect(localZone()).toBe('America/New_York');
    const user = userEvent.setup();
    render(<DeadlineForm settings={settings} />);
    await user.selectOptions(screen.getByLabelText('Policy'), 'velostrata-1.2');
    await user.selectOptions(screen.getByLabelText('Level or role'), 'gold');
    await user.selectOptions(screen.getByLabelText('Priority'), 'P2');
    // The browser's zone first, then the common zones and the policy's (Pacific, Tokyo …).
    await user.click(zoneField());
    await user.keyboard('{ArrowDown}');
    const listed = within(screen.getByRole('listbox')).getAllByRole('option').map((o) => o.textContent);
    expect(listed[0]).toBe('America/New_York');
    expect(listed.slice(0, 20)).toEqual(expect.arrayContaining(['America/Los_Angeles', 'Asia/Tokyo', 'Asia/Seoul', 'Asia/Shanghai', 'UTC']));
    await user.keyboard('{Escape}');
    await chooseZone(user, 'berl', 'Europe/Berlin');
    fireEvent.change(submittedField(), { target: { value: '2019-11-15T18:00' } });

    const expected = evaluate({ policy: 'velostrata-1.2', level: 'gold', priority: 'P2', language: 'en', type: 'technical', submitted: '2019-11-15T18:00:00+01:00' });
    const deadline = expected.target?.deadline as string;
    expect(deadline).toBeTruthy();
    // Read in New York's zone, the same wall time would be six hours later: a different deadline.
    const asIfLocal = evaluate({ policy: 'velostrata-1.2', level: 'gold', priority: 'P2', language: 'en', type: 'technical', submitted: '2019-11-15T18:00:00-05:00' });
    expect(asIfLocal.target?.deadline).not.toBe(deadline);
    await waitFor(() => expect(screen.getByTestId('deadline-local').textContent).toBe(formatInstant(deadline, 'America/New_York')));
    expect(screen.getByTestId('deadline-submitted-zone').textContent).toContain(formatInstant(deadline, 'Europe/Berlin'));
    expect(document.getElementById(submittedField().getAttribute('aria-describedby') ?? '')?.textContent).toContain('Europe/Berlin (UTC+01:00)');
    // Remembered for the next popup.
    expect(await fakeBrowser.storage.local.get('adhocZone')).toEqual({ adhocZone: 'Europe/Berlin' });
  });

  it('starts in the zone chosen last time, at now there', async () => {
    await fakeBrowser.storage.local.set({ adhocZone: 'Asia/Tokyo' });
    render(<DeadlineForm settings={settings} />);
    await waitFor(() => expect(zoneField().value).toBe('Asia/Tokyo'));
    const nowInTokyo = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Tokyo', dateStyle: 'short', timeStyle: 'short' }).format(new Date());
    expect(submittedField().value.replace('T', ' ')).toBe(nowInTokyo);
  });

  it('refuses a time the spring-forward jump skips, saying which jump, and shows no deadline', async () => {
    const user = userEvent.setup();
    render(<DeadlineForm settings={settings} />);
    await chooseZone(user, 'Berlin', 'Europe/Berlin');
    fireEvent.change(submittedField(), { target: { value: '2026-03-29T02:30' } });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/does not exist in Europe\/Berlin: the clocks jump from 02:00 to 03:00/);
    expect(submittedField().getAttribute('aria-invalid')).toBe('true');
    expect(screen.queryByTestId('deadline-local')).toBeNull();
  });

  it('reads a time the fall-back doubles as its first occurrence, says so, and takes the second on request', async () => {
    const user = userEvent.setup();
    render(<DeadlineForm settings={settings} />);
    await user.selectOptions(screen.getByLabelText('Policy'), 'velostrata-1.2');
    await user.selectOptions(screen.getByLabelText('Level or role'), 'platinum');
    await user.selectOptions(screen.getByLabelText('Priority'), 'P1');
    await chooseZone(user, 'Berlin', 'Europe/Berlin');
    fireEvent.change(submittedField(), { target: { value: '2026-10-25T02:30' } });
    const input = (submitted: string) => ({ policy: 'velostrata-1.2', level: 'platinum', priority: 'P1' as const, type: 'technical' as const, submitted });
    const first = evaluate(input('2026-10-25T02:30:00+02:00')).target?.deadline as string;
    const second = evaluate(input('2026-10-25T02:30:00+01:00')).target?.deadline as string;
    expect(first).not.toBe(second);

    expect(screen.getByTestId('submitted-twice').textContent).toMatch(/happens twice in Europe\/Berlin .*read as the first time, UTC\+02:00/);
    expect(screen.getByTestId('deadline-local').textContent).toBe(formatInstant(first, 'America/New_York'));
    await user.click(screen.getByRole('button', { name: 'Read it as UTC+01:00 instead' }));
    expect(screen.getByTestId('submitted-twice').textContent).toMatch(/read as the second time, UTC\+01:00/);
    expect(screen.getByTestId('deadline-local').textContent).toBe(formatInstant(second, 'America/New_York'));
  });

  it('reads the contract preview’s submission time in the chosen zone too', async () => {
    const user = userEvent.setup();
    await applySettings({ version: 1, customers: [{ id: 'acme', name: 'ACME', domains: ['acme.com'], policy: 'velostrata-1.2', level: 'gold' }] });
    renderOptions('#/preview');
    const customer = await screen.findByRole('combobox', { name: 'Customer' });
    await user.type(customer, 'ACME');
    await user.keyboard('{Enter}');
    await user.selectOptions(screen.getByLabelText('Priority'), 'P2');
    await chooseZone(user, 'Berlin', 'Europe/Berlin');
    fireEvent.change(submittedField(), { target: { value: '2019-11-15T18:00' } });
    const expected = evaluate({ policy: 'velostrata-1.2', level: 'gold', priority: 'P2', type: 'technical', submitted: '2019-11-15T18:00:00+01:00' });
    await waitFor(() => expect(screen.getByTestId('deadline-local').textContent).toBe(formatInstant(expected.target?.deadline as string, 'America/New_York')));
  });
});

