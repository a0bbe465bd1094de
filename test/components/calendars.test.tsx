// @vitest-environment happy-dom
import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadSettings } from '../../utils/settings-store';
import { file, installI18n, renderOptions } from './support';

beforeEach(() => {
  fakeBrowser.reset();
  installI18n();
});

const ICS = `BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//test//EN
BEGIN:VEVENT
UID:1
DTSTART;VALUE=DATE:20261224
DTEND;VALUE=DATE:20261225
SUMMARY:Heiligabend
END:VEVENT
END:VCALENDAR
`;

async function newRegion(user: ReturnType<typeof userEvent.setup>, name: string) {
  await user.type(await screen.findByLabelText('New list name'), name);
  await user.click(screen.getByRole('button', { name: 'Add list' }));
}

// Typing through user-event in happy-dom is slow on two busy cores; the default 5 s is too tight.
describe('options: calendars', { timeout: 20_000 }, () => {
  it('shows the documents’ 2019 lists read-only', async () => {
    renderOptions('#/calendars');
    const americas = await screen.findByText(/· Americas \(12 days\)/);
    expect(americas.closest('details')?.querySelectorAll('time')).toHaveLength(12);
    expect(screen.getByText(/Velostrata business hours \(Pacific Time\) · Europe, Middle East and Africa \(10 days\)/)).toBeTruthy();
  });

  it('adds a date by hand to a new region and saves it', async () => {
    const user = userEvent.setup();
    renderOptions('#/calendars');
    await newRegion(user, 'EMEA team');
    expect(screen.getByText('Id in CSV and settings files: emea-team')).toBeTruthy();
    await user.selectOptions(screen.getByLabelText('Closes calendar'), 'Velostrata business hours (Pacific Time)');
    // user-event cannot type into date inputs; the change event is what the browser's picker fires.
    fireEvent.change(screen.getByLabelText('Date'), { target: { value: '2026-12-31' } });
    await user.type(screen.getByLabelText('Name (optional)'), 'Silvester');
    await user.click(screen.getByRole('button', { name: 'Add date' }));
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(async () =>
      expect((await loadSettings()).settings.holidays['emea-team']).toEqual({
        name: 'EMEA team',
        calendar: 'pacific',
        dates: [{ date: '2026-12-31', name: 'Silvester' }],
      }),
    );
  });

  it('imports an .ics file and a country’s public holidays', async () => {
    const user = userEvent.setup();
    renderOptions('#/calendars');
    await newRegion(user, 'DE');
    await user.clear(screen.getByLabelText('First year'));
    await user.type(screen.getByLabelText('First year'), '2026');
    await user.upload(screen.getByLabelText('iCalendar file (.ics)'), file('feiertage.ics', ICS, 'text/calendar'));
    expect(await screen.findByText('1 date added — save to keep it.')).toBeTruthy();
    await user.selectOptions(screen.getByLabelText('Public holidays of'), 'Germany');
    await user.click(screen.getByRole('button', { name: 'Take public holidays' }));
    await screen.findByText(/dates added/);
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(async () => expect((await loadSettings()).settings.holidays.de?.dates.length).toBeGreaterThan(10));
    const dates = (await loadSettings()).settings.holidays.de?.dates ?? [];
    expect(dates).toContainEqual({ date: '2026-12-24', name: 'Heiligabend' });
    expect(dates.map((d) => d.date)).toContain('2026-10-03');
  });
});
