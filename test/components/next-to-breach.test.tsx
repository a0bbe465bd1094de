// @vitest-environment happy-dom
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { FrameReport, ReportedTicket } from '../../entrypoints/overlay.content/deadline-report';
import { AlertsSwitch } from '../../entrypoints/popup/AlertsSwitch';
import { NextToBreach, useTabReports } from '../../entrypoints/popup/NextToBreach';
import { loadAlertPrefs } from '../../utils/alert-prefs';
import { nextToBreach, type TabReports } from '../../utils/next-to-breach';
import { recordFrameDeadlines } from '../../utils/tab-deadlines';
import { installI18n } from './support';

const MIN = 60_000;
const now = Date.now();
const ticket = (key: string, deadlineIn: number, extra: Partial<ReportedTicket> = {}): ReportedTicket => ({
  key,
  subject: `Subject ${key}`,
  customer: 'Acme',
  priority: 'P1',
  level: 'Gold',
  start: now + deadlineIn * MIN - 60 * MIN,
  atRisk: now + deadlineIn * MIN - 15 * MIN,
  deadline: now + deadlineIn * MIN,
  ...extra,
});
const report = (url: string, tickets: ReportedTicket[], extra: Partial<FrameReport> = {}): FrameReport => ({
  url,
  title: 'Queue',
  tickets,
  unmapped: 0,
  unreadable: 0,
  ...extra,
});

function Live() {
  return <NextToBreach tabs={useTabReports()} />;
}

beforeEach(() => {
  fakeBrowser.reset();
  installI18n();
});

describe('next to breach', { timeout: 20_000 }, () => {
  it('orders two tabs’ tickets: at-risk and breached by deadline, then on-track by time left, then waiting by start; one line per ticket', async () => {
    // Tab 1: the list; tab 2: a ticket page in a frame, showing a ticket of tab 1 again.
    await recordFrameDeadlines(1, 0, report('https://rt.example.com/Search', [ticket('10', 120), ticket('11', -5), ticket('12', 10)]), now);
    await recordFrameDeadlines(
      2,
      3,
      report('https://rt.example.com/Ticket/Display.html?id=13', [
        ticket('13', 5),
        ticket('10', 120),
        ticket('14', 600, { start: now + 300 * MIN, atRisk: now + 500 * MIN }),
        ticket('15', 60),
      ]),
      now,
    );
    await recordFrameDeadlines(2, 0, report('https://other.example.com/', [ticket('10', 30)], { unmapped: 2 }), now);
    render(<Live />);
    const list = await screen.findByRole('list');
    const items = within(list).getAllByRole('listitem');
    expect(items.map((li) => [li.getAttribute('data-ticket'), li.getAttribute('data-state')])).toEqual([
      ['11', 'breached'],
      ['13', 'at-risk'],
      ['12', 'at-risk'],
      ['10', 'on-track'],
      ['15', 'on-track'],
      ['10', 'waiting'],
      ['14', 'waiting'],
    ]);
    // The same key on another helpdesk is another ticket (on-track, due in 30 min); on the same
    // helpdesk, one line (#10 on RT, listed in two tabs, starts in an hour).
    expect(items[3]?.getAttribute('data-tab')).toBe('2');
    expect(items[4]?.textContent).toContain('Acme · P1 Gold');
    expect(items[0]?.textContent).toContain('overdue 5 min');
    expect(screen.getByText('2 tickets have no contract: click their badge and choose Map customer.')).toBeTruthy();
  });

  it('a click asks the background to bring the ticket’s tab and frame to the front', async () => {
    const user = userEvent.setup();
    const close = vi.spyOn(window, 'close').mockImplementation(() => {});
    const sendMessage = vi.fn(async () => true);
    fakeBrowser.runtime.sendMessage = sendMessage as unknown as typeof fakeBrowser.runtime.sendMessage;
    await recordFrameDeadlines(4, 7, report('https://helpdesk.example.com/q', [ticket('77', 3)]), now);
    render(<Live />);
    await user.click(await screen.findByRole('button', { name: /#77/ }));
    expect(sendMessage).toHaveBeenCalledWith({ type: 'sla:show-ticket', tabId: 4, frameId: 7, key: '77' });
    await vi.waitFor(() => expect(close).toHaveBeenCalled());
  });

  it('says what to do with no helpdesk tab, and with no open tickets', async () => {
    const { unmount } = render(<NextToBreach tabs={[]} />);
    expect(screen.getByText(/No helpdesk tab with SLA badges is open/)).toBeTruthy();
    unmount();
    render(<NextToBreach tabs={[{ tabId: 1, frames: { 0: report('https://x.example/', [], { unreadable: 1 }) } }]} />);
    expect(screen.getByText(/No open tickets on your helpdesk tabs/)).toBeTruthy();
    expect(screen.getByText('1 tickets could not be read: their badge says why.')).toBeTruthy();
  });

  it('with "only mine" on, says where it cannot tell: pages without owners, helpdesks that show no logged-in agent when no names are typed', () => {
    const tabs: TabReports[] = [
      { tabId: 1, frames: { 0: report('https://rt.example.com/Search', [ticket('1', 30, { owner: 'root' })], { agent: { name: 'root', form: 'login' } }) } },
      // The same RT in a frame without the menu: its agent is known from the other tab.
      { tabId: 2, frames: { 4: report('https://rt.example.com/Ticket/Display.html?id=2', [ticket('2', 40, { owner: 'bob' })]) } },
      { tabId: 3, frames: { 0: report('https://desk.example.org:8443/q', [ticket('3', 50, { owner: 'carol' })]) } },
    ];
    const list = nextToBreach(tabs, now);
    expect(list.entries.map((e) => [e.key, e.agent?.name])).toEqual([
      ['1', 'root'],
      ['2', 'root'],
      ['3', undefined],
    ]);
    const hint = 'desk.example.org:8443 does not show who is logged in, and no names are typed in the options: “only mine” cannot tell there, so all its assigned tickets alert.';
    const { unmount } = render(<NextToBreach tabs={tabs} onlyMine />);
    expect(screen.getByText(hint)).toBeTruthy();
    expect(screen.queryByText(/Some helpdesk pages show no owner/)).toBeNull();
    unmount();
    const typed = render(<NextToBreach tabs={tabs} onlyMine namesTyped />);
    expect(screen.queryByText(hint)).toBeNull();
    typed.unmount();
    render(<NextToBreach tabs={[...tabs, { tabId: 4, frames: { 0: report('https://z.example/', [ticket('9', 60)]) } }]} onlyMine namesTyped />);
    expect(screen.getByText(/Some helpdesk pages show no owner/)).toBeTruthy();
  });

  it('shows 50 of 1,000 tickets at first, the rest on request', async () => {
    const user = userEvent.setup();
    const tabs = [1, 2, 3, 4, 5].map((tabId) => ({
      tabId,
      frames: { 0: report(`https://h${tabId}.example/`, Array.from({ length: 200 }, (_, i) => ticket(String(i), (i * 7 + tabId * 13) % 900 - 60))) },
    }));
    expect(nextToBreach(tabs, now).entries).toHaveLength(1000);
    render(<NextToBreach tabs={tabs} />);
    expect(within(screen.getByRole('list')).getAllByRole('listitem')).toHaveLength(50);
    await user.click(screen.getByRole('button', { name: 'Show 950 more' }));
    expect(within(screen.getByRole('list')).getAllByRole('listitem')).toHaveLength(150);
  });
});

describe('the popup’s alerts switch', { timeout: 20_000 }, () => {
  it('asks for the notifications permission when turned on; on only when granted', async () => {
    const user = userEvent.setup();
    const request = vi.fn(async () => false);
    fakeBrowser.permissions.request = request as unknown as typeof fakeBrowser.permissions.request;
    fakeBrowser.permissions.contains = (async () => false) as unknown as typeof fakeBrowser.permissions.contains;
    render(<AlertsSwitch />);
    const box = await screen.findByRole('checkbox', { name: 'Alert me before a deadline' });
    await user.click(box);
    expect(request).toHaveBeenCalledWith({ permissions: ['notifications'] });
    expect(await screen.findByText('Notifications were not allowed: alerts stay off.')).toBeTruthy();
    expect((await loadAlertPrefs()).prefs.enabled).toBe(false);
    request.mockResolvedValue(true);
    await user.click(box);
    await vi.waitFor(async () => expect((await loadAlertPrefs()).prefs.enabled).toBe(true));
  });
});
