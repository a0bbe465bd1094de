import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { FrameReport } from '../../entrypoints/overlay.content/deadline-report';
import { saveAlertPrefs } from '../../utils/alert-prefs';
import { ALARM, alertClicked, runAlerts, SENT_KEY, type SentAlert } from '../../utils/alert-runner';
import { forgetTabDeadlines, recordFrameDeadlines } from '../../utils/tab-deadlines';
import { AlertPrefs } from '../../core/alerts/prefs';
import { installI18n } from '../components/support';

/**
 * The background's alert runner with the browser's APIs faked (storage, alarms) or recorded
 * (notifications, tabs): the real schedule decides. Time is the fake clock's.
 */

const MIN = 60_000;
const T0 = Date.parse('2026-04-14T08:00:00Z');
const report = (tickets: FrameReport['tickets']): FrameReport => ({ url: 'https://rt.example.com/Search', title: 'Queue', tickets, unmapped: 0, unreadable: 0 });
const ticket = (key: string, deadline: number) => ({ key, subject: `Subject ${key}`, customer: 'Acme', priority: 'P1', level: 'Gold', start: deadline - 60 * MIN, atRisk: deadline - 15 * MIN, deadline });

let created: Array<{ id: string; options: { title: string; message: string } }>;
let sent: Array<{ tabId: number; message: unknown; frame?: unknown }>;

beforeEach(async () => {
  fakeBrowser.reset();
  installI18n();
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(T0);
  created = [];
  sent = [];
  fakeBrowser.permissions.contains = (async () => true) as unknown as typeof fakeBrowser.permissions.contains;
  (fakeBrowser as unknown as { notifications: unknown }).notifications = {
    create: async (id: string, options: { title: string; message: string }) => {
      created.push({ id, options });
      return id;
    },
    clear: async () => true,
  };
  fakeBrowser.tabs.sendMessage = (async (tabId: number, message: unknown, frame?: unknown) => {
    sent.push({ tabId, message, frame });
    return true;
  }) as unknown as typeof fakeBrowser.tabs.sendMessage;
  fakeBrowser.tabs.update = (async (tabId: number) => ({ id: tabId, windowId: 1 })) as unknown as typeof fakeBrowser.tabs.update;
  fakeBrowser.windows.update = (async () => ({})) as unknown as typeof fakeBrowser.windows.update;
  await saveAlertPrefs(AlertPrefs.parse({ enabled: true }));
});

const log = async () => ((await fakeBrowser.storage.session.get(SENT_KEY))[SENT_KEY] ?? []) as SentAlert[];

describe('the background’s alert runner', () => {
  it('sets the alarm at the next instant, shows one grouped notification for tickets due together, each once', async () => {
    const due = T0 + 30 * MIN;
    await recordFrameDeadlines(5, 0, report([ticket('1', due), ticket('2', due), ticket('3', due + 10 * MIN)]), T0);
    await runAlerts();
    expect((await fakeBrowser.alarms.get(ALARM))?.scheduledTime).toBe(due - 15 * MIN);

    vi.setSystemTime(due - 15 * MIN);
    await runAlerts();
    expect(created).toHaveLength(1);
    expect(created[0]?.options.title).toBe('2 tickets need you (0 breached, 2 at risk)');
    expect(created[0]?.options.message).toContain('#1 Subject 1 — Acme');
    // The tab's frame marks the badges.
    expect(sent).toContainEqual({ tabId: 5, message: { type: 'sla:alerted', alerts: [{ key: '1', state: 'at-risk' }, { key: '2', state: 'at-risk' }] }, frame: { frameId: 0 } });
    expect((await fakeBrowser.alarms.get(ALARM))?.scheduledTime).toBe(due - 5 * MIN);

    // Woken again (a report, a reload) at the same instant: nothing new.
    await recordFrameDeadlines(5, 0, report([ticket('1', due), ticket('2', due), ticket('3', due + 10 * MIN)]), Date.now());
    await runAlerts();
    expect(created).toHaveLength(1);

    vi.setSystemTime(due - 5 * MIN);
    await runAlerts();
    expect(created[1]?.options.title).toBe('At risk: #3 Subject 3');
    expect(created[1]?.options.message).toContain('Acme · P1 Gold');
    vi.setSystemTime(due + 10 * MIN);
    await runAlerts();
    // 1 and 2 breached at `due`, 3 at due + 10 min: all three overdue now, in one alert.
    expect(created[2]?.options.title).toBe('3 tickets need you (3 breached, 0 at risk)');
    expect((await log()).flatMap((s) => s.alerts.map((a) => `${a.key}|${a.state}`))).toEqual([
      '1|at-risk',
      '2|at-risk',
      '3|at-risk',
      '1|breached',
      '2|breached',
      '3|breached',
    ]);
    expect(await fakeBrowser.alarms.get(ALARM)).toBeUndefined();
  });

  it('a click focuses the tab and reveals the ticket in its frame', async () => {
    await recordFrameDeadlines(8, 4, report([ticket('9', T0 + 10 * MIN)]), T0 - 60 * MIN);
    await runAlerts();
    const [alert] = created;
    await alertClicked(alert?.id as string);
    expect(sent).toContainEqual({ tabId: 8, message: { type: 'sla:reveal', key: '9' }, frame: { frameId: 4 } });
  });

  it('only mine, no names typed: the agent each helpdesk’s pages show decides, a frame without the menu included', async () => {
    await saveAlertPrefs(AlertPrefs.parse({ enabled: true, onlyMine: true }));
    const due = T0 + 10 * MIN;
    const rt = (url: string, tickets: FrameReport['tickets'], agent?: FrameReport['agent']): FrameReport => ({ ...report(tickets), url, ...(agent ? { agent } : {}) });
    // RT's list with its menu (logged in as root); a ticket page of the same RT in a frame without it.
    await recordFrameDeadlines(5, 0, rt('https://rt.example.com/Search', [{ ...ticket('1', due), owner: 'root (Enoch Root)' }, { ...ticket('2', due), owner: 'bob (Bob Roe)' }], { name: 'root', form: 'login' }), T0 - 60 * MIN);
    await recordFrameDeadlines(5, 3, rt('https://rt.example.com/Ticket/Display.html?id=3', [{ ...ticket('3', due), owner: 'root' }, { ...ticket('4', due), owner: null }]), T0 - 60 * MIN);
    // Another helpdesk that shows owners but not who is logged in: cannot tell, its assigned tickets alert.
    await recordFrameDeadlines(6, 0, rt('https://desk.example.org/q', [{ ...ticket('5', due), owner: 'carol' }, { ...ticket('6', due), owner: null }]), T0 - 60 * MIN);
    await runAlerts();
    expect((await log()).flatMap((s) => s.alerts.map((a) => `${a.tabId}:${a.key}`)).sort()).toEqual(['5:1', '5:3', '6:5']);
  });

  it('off, or the tab closed: no alarm and no alert', async () => {
    await recordFrameDeadlines(5, 0, report([ticket('1', T0 + 30 * MIN)]), T0);
    await forgetTabDeadlines(5);
    await runAlerts();
    expect(await fakeBrowser.alarms.get(ALARM)).toBeUndefined();
    await recordFrameDeadlines(5, 0, report([ticket('1', T0 + 30 * MIN)]), T0);
    await saveAlertPrefs(AlertPrefs.parse({ enabled: false }));
    vi.setSystemTime(T0 + 40 * MIN);
    await runAlerts();
    expect(created).toEqual([]);
    expect(await fakeBrowser.alarms.get(ALARM)).toBeUndefined();
  });
});
