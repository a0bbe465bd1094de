// @vitest-environment happy-dom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DateTime } from 'luxon';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { formatDay } from '../../components/format';
import { applySettings, loadSettings } from '../../utils/settings-store';
import { installI18n, renderOptions } from './support';

/**
 * A team lead records a designated contact's role change and an Enterprise cancellation notice
 * (Velostrata 2.0 §1.2, §5.2), sees when each takes effect, and the contract list warns while they wait.
 */

// Days relative to today in the policy's zone (Pacific Time, §7.8), as the page computes "today".
const day = (offset: number) => DateTime.now().setZone('America/Los_Angeles').plus({ days: offset }).toISODate() as string;

const hoshino = (over: Record<string, unknown> = {}) => ({
  id: 'hoshino',
  name: 'Hoshino Robotics',
  policy: 'velostrata-2.0',
  level: 'development',
  contacts: [{ address: 'aiko@hoshino.example', role: 'production', roleChanged: day(-5) }],
  ...over,
});

beforeEach(() => {
  fakeBrowser.reset();
});

const fieldHint = (control: HTMLElement) =>
  (control.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ');

describe('options: dated 2.0 changes', { timeout: 30_000 }, () => {
  it('records a downgrade, shows it waits 30 days after the last change, saves it and warns in the list', async () => {
    await installI18n();
    const user = userEvent.setup();
    await applySettings({ version: 1, customers: [hoshino()] });
    renderOptions('#/contracts');
    await user.click(await screen.findByRole('button', { name: 'Edit Hoshino Robotics' }));
    await user.click(screen.getByRole('button', { name: 'Record a role change for contact 1' }));
    await user.selectOptions(screen.getByLabelText('Contact 1, change 1 — new role'), 'development');
    const date = screen.getByLabelText('Contact 1, change 1 — requested on');
    fireEvent.change(date, { target: { value: day(0) } });
    // Last changed 5 days ago: the downgrade takes effect 30 days after that, in 25 days.
    expect(fieldHint(date)).toBe(
      `In force from ${formatDay(day(25))} — the later of the change and 30 days after the role last changed (Velostrata Supportrichtlinien Version 2.0 §1.2(b)).`,
    );
    expect(screen.getByText('Role today: Production')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(async () =>
      expect((await loadSettings()).settings.customers[0]?.contacts[0]?.roleChanges).toEqual([{ date: day(0), role: 'development' }]),
    );
    await waitFor(() => {
      const row = screen.getByRole('row', { name: /Hoshino Robotics/ });
      expect(within(row).getByText(/^Pending: aiko@hoshino.example — Production → Development from /).textContent).toContain(formatDay(day(25)));
    });
  });

  it('shows an upgrade in force at once, and no pending warning for it', async () => {
    await installI18n();
    const user = userEvent.setup();
    await applySettings({ version: 1, customers: [hoshino()] });
    renderOptions('#/contracts');
    await user.click(await screen.findByRole('button', { name: 'Edit Hoshino Robotics' }));
    await user.click(screen.getByRole('button', { name: 'Record a role change for contact 1' }));
    await user.selectOptions(screen.getByLabelText('Contact 1, change 1 — new role'), 'business-critical');
    const date = screen.getByLabelText('Contact 1, change 1 — requested on');
    fireEvent.change(date, { target: { value: day(0) } });
    expect(fieldHint(date)).toContain(`In force from ${formatDay(day(0))} — an upgrade takes effect at once`);
    expect(screen.getByText('Role today: Business-critical (Enterprise)')).toBeTruthy();
  });

  it('records an Enterprise cancellation notice and shows the end day (§5.2); the list warns until then', async () => {
    await installI18n();
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2025-01-20T20:00:00Z') });
    try {
      const user = userEvent.setup();
      await applySettings({ version: 1, customers: [hoshino({ enterprise: { enrolled: '2024-03-14' } })] });
      renderOptions('#/contracts');
      await user.click(await screen.findByRole('button', { name: 'Edit Hoshino Robotics' }));
      fireEvent.change(screen.getByLabelText('Cancellation notice given on'), { target: { value: '2025-01-10' } });
      // Anniversary Friday 2025-03-14; Saturday has no business hours; Sunday opens at 17:00.
      expect(screen.getByTestId('enterprise-end').textContent).toBe(
        `Enterprise support ends on ${formatDay('2025-03-16')} — the later of the notice and the business day after the first anniversary of enrolment (Velostrata Supportrichtlinien Version 2.0 §5.2, §7.2).`,
      );
      await user.click(screen.getByRole('button', { name: 'Save' }));
      await waitFor(() => {
        const row = screen.getByRole('row', { name: /Hoshino Robotics/ });
        expect(within(row).getByText(`Pending: Enterprise support ends on ${formatDay('2025-03-16')} (Velostrata Supportrichtlinien Version 2.0 §5.2)`)).toBeTruthy();
      });
      expect((await loadSettings()).settings.customers[0]?.enterprise).toEqual({ enrolled: '2024-03-14', notice: '2025-01-10' });
    } finally {
      vi.useRealTimers();
    }
  });

  for (const [locale, edit, noticeLabel, message] of [
    ['de', 'Hoshino Robotics bearbeiten', 'Abmeldung schriftlich mitgeteilt am', 'Die Kündigung (2024-01-01) liegt vor der Anmeldung (2024-03-14).'],
    ['ja', 'Hoshino Robotics を編集', '解約の書面通知日', '解約通知日 (2024-01-01) が加入日 (2024-03-14) より前です。'],
  ] as const) {
    it(`refuses a notice before the enrolment, in the user's words (${locale})`, async () => {
      await installI18n(locale);
      const user = userEvent.setup();
      await applySettings({ version: 1, customers: [hoshino({ enterprise: { enrolled: '2024-03-14' } })] });
      renderOptions('#/contracts');
      await user.click(await screen.findByRole('button', { name: edit }));
      const notice = screen.getByLabelText(noticeLabel);
      fireEvent.change(notice, { target: { value: '2024-01-01' } });
      await user.click(screen.getByRole('button', { name: locale === 'de' ? 'Speichern' : '保存' }));
      const alert = await screen.findByRole('alert');
      expect(alert.textContent).toContain(`${noticeLabel}`);
      expect(alert.textContent).toContain(message);
      expect((await loadSettings()).settings.customers[0]?.enterprise).toEqual({ enrolled: '2024-03-14' });
    });
  }
});
