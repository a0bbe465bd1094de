// @vitest-environment happy-dom
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { fromWeekly, toWeekly } from '../../entrypoints/options/AlertsSection';
import type { FrameReport } from '../../entrypoints/overlay.content/deadline-report';
import { loadAlertPrefs, saveAlertPrefs } from '../../utils/alert-prefs';
import { forgetTabDeadlines, recordFrameDeadlines } from '../../utils/tab-deadlines';
import { AlertPrefs } from '../../core/alerts/prefs';
import { installI18n, renderOptions } from './support';

beforeEach(() => {
  fakeBrowser.reset();
  installI18n();
  fakeBrowser.permissions.contains = (async () => true) as unknown as typeof fakeBrowser.permissions.contains;
});

describe('options → desktop alerts', { timeout: 20_000 }, () => {
  it('working hours: one stretch per day, a night shift runs into the next day, and back', () => {
    const days = fromWeekly(undefined);
    expect(toWeekly(days)).toHaveLength(5);
    const night = { ...days, 7: { on: true, from: '22:00', to: '06:00' }, 1: { on: true, from: '08:00', to: '00:00' } };
    const weekly = toWeekly(night);
    expect(weekly).toContainEqual({ from: { day: 7, time: '22:00' }, to: { day: 1, time: '06:00' } });
    expect(weekly).toContainEqual({ from: { day: 1, time: '08:00' }, to: { day: 1, time: '24:00' } });
    expect(fromWeekly(weekly)[7]).toEqual({ on: true, from: '22:00', to: '06:00' });
    expect(fromWeekly(weekly)[6].on).toBe(false);
  });

  it('saves the agent’s filters and working hours as they change', async () => {
    const user = userEvent.setup();
    await saveAlertPrefs(AlertPrefs.parse({ enabled: true }));
    renderOptions('#/alerts');
    await user.click(await screen.findByRole('checkbox', { name: 'P4' }));
    await vi.waitFor(async () => expect((await loadAlertPrefs()).prefs.priorities).toEqual(['P1', 'P2', 'P3']));
    await user.click(screen.getByRole('checkbox', { name: 'Only tickets assigned to me' }));
    expect(await screen.findByText(/Without a recognised agent or a typed name/)).toBeTruthy();
    await user.type(screen.getByRole('textbox', { name: /More names that count as mine/ }), 'jdoe, Jane Doe');
    await user.tab();
    await vi.waitFor(async () => expect((await loadAlertPrefs()).prefs).toMatchObject({ onlyMine: true, myNames: ['jdoe', 'Jane Doe'] }));
    await user.click(screen.getByRole('checkbox', { name: /Only during my working hours/ }));
    await vi.waitFor(async () => expect((await loadAlertPrefs()).prefs.workingHours?.weekly).toHaveLength(5));
    await user.click(screen.getByRole('checkbox', { name: /Saturday/ }));
    await vi.waitFor(async () =>
      expect((await loadAlertPrefs()).prefs.workingHours?.weekly).toContainEqual({ from: { day: 6, time: '09:00' }, to: { day: 6, time: '17:00' } }),
    );
  });

  it('"only mine" shows which agent each open helpdesk tab recognised, as the tabs report it', async () => {
    await saveAlertPrefs(AlertPrefs.parse({ enabled: true, onlyMine: true }));
    renderOptions('#/alerts');
    const box = await screen.findByRole('region', { name: 'Who you are on your helpdesks' });
    expect(box.textContent).toContain('No open helpdesk tab shows who is logged in yet.');
    const frame = (url: string, agent?: FrameReport['agent']): FrameReport => ({
      url,
      title: 'Queue',
      tickets: [{ key: '1', owner: 'root', start: 0, atRisk: 1, deadline: 2 }],
      unmapped: 0,
      unreadable: 0,
      ...(agent ? { agent } : {}),
    });
    await recordFrameDeadlines(3, 0, frame('https://rt.example.com/Search/Results.html', { name: 'root', form: 'login' }), Date.now());
    await recordFrameDeadlines(4, 0, frame('https://help.example.org:8443/scp/tickets.php', { name: 'Agent', form: 'first-name' }), Date.now());
    await recordFrameDeadlines(5, 0, frame('https://desk.example.net/'), Date.now());
    await vi.waitFor(() => expect(box.querySelectorAll('li')).toHaveLength(2));
    expect([...box.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      'Recognised as: root on rt.example.com',
      'Recognised as: Agent on help.example.org:8443 (the page shows the first name only: colleagues with the same first name count as you)',
    ]);
    // A closed tab's agent goes with it.
    await forgetTabDeadlines(3);
    await vi.waitFor(() => expect(box.querySelectorAll('li')).toHaveLength(1));
  });
});
