import { i18n } from '#i18n';
import { browser } from 'wxt/browser';
import type { AlertState } from '@/core/alerts/prefs';
import { type Alert, type AlertTicket, alertKey, planAlerts } from '@/core/alerts/schedule';
import type { OverlayMessage } from '@/entrypoints/overlay.content/messages';
import { hasPermissions, loadAlertPrefs } from './alert-prefs';
import { type ListEntry, nextToBreach } from './next-to-breach';
import { readAlertLog, readTabs, serialised, writeDone } from './tab-deadlines';

/**
 * The background's side of desktop alerts: when woken (a frame's report, the alarm, the agent back
 * from idle, changed settings), it reads every tab's tickets from storage.session, asks the pure
 * schedule (core/alerts/schedule.ts) what is due, shows it — one notification, grouped when several
 * are due at once — and sets the one alarm at the next at-risk or breach instant. No polling.
 */

export const ALARM = 'sla-lens-alerts';
/** What was decided, newest last (for the popup, and tests read it as the background's decisions). */
export const SENT_KEY = 'alerts:sent';
const TARGETS_KEY = 'alerts:targets';
const NOTIFICATION_PREFIX = 'sla-lens-alert:';
/** Idle after this long without input (the browser's default of 60 s would silence an agent reading a ticket). */
export const IDLE_SECONDS = 300;

export interface SentAlert {
  /** When decided (ms). */
  at: number;
  notificationId: string;
  /** Whether a notification was shown (false: the notifications permission is missing). */
  shown: boolean;
  alerts: Array<{ id: string; key: string; state: AlertState; tabId: number; frameId: number; subject?: string }>;
}

type Target = { tabId: number; frameId: number; key: string };

async function isIdle(): Promise<boolean> {
  try {
    if (!browser.idle || !(await hasPermissions(['idle']))) return false;
    return (await browser.idle.queryState(IDLE_SECONDS)) !== 'active';
  } catch {
    return false;
  }
}

let timer: ReturnType<typeof setTimeout> | undefined;
/** The alarm at the next instant (alarms may be up to 30 s late in packed Chrome builds: a timer covers a near one while the worker lives). */
async function schedule(wakeAt: number | undefined, now: number): Promise<void> {
  if (timer !== undefined) clearTimeout(timer);
  timer = undefined;
  if (wakeAt === undefined) {
    await browser.alarms.clear(ALARM);
    return;
  }
  await browser.alarms.create(ALARM, { when: Math.max(wakeAt, now + 1000) });
  if (wakeAt - now < 30_000) timer = setTimeout(() => void runAlerts(), Math.max(0, wakeAt - now) + 50);
}

const timeFormat = () => new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });

function line(entry: ListEntry | undefined, alert: Alert): string {
  const mark = alert.state === 'breached' ? '⛔' : '⚠';
  if (!entry) return `${mark} ${alert.id}`;
  return `${mark} #${entry.key}${entry.subject ? ` ${entry.subject}` : ''}${entry.customer ? ` — ${entry.customer}` : ''}`;
}

function notificationText(alerts: Alert[], byId: Map<string, ListEntry>): { title: string; message: string } {
  const time = timeFormat();
  if (alerts.length === 1) {
    const [alert] = alerts as [Alert];
    const entry = byId.get(alert.id);
    const subject = `#${entry?.key ?? alert.id}${entry?.subject ? ` ${entry.subject}` : ''}`;
    const title = alert.state === 'breached' ? i18n.t('alerts.notify.breached', [subject]) : i18n.t('alerts.notify.atRisk', [subject]);
    const who = [entry?.customer, [entry?.priority, entry?.level].filter(Boolean).join(' ')].filter(Boolean).join(' · ');
    const due = i18n.t('alerts.notify.due', [time.format(entry?.deadline ?? alert.at)]);
    return { title, message: [who, due].filter(Boolean).join('\n') };
  }
  const breached = alerts.filter((a) => a.state === 'breached').length;
  const title = i18n.t('alerts.notify.group', [String(alerts.length), String(breached), String(alerts.length - breached)]);
  const shown = alerts.slice(0, 4).map((alert) => line(byId.get(alert.id), alert));
  if (alerts.length > 4) shown.push(i18n.t('alerts.notify.more', [String(alerts.length - 4)]));
  return { title, message: shown.join('\n') };
}

/** Runs the schedule now (serialised with the reports' writes). */
export function runAlerts(): Promise<void> {
  return serialised(async () => {
    const now = Date.now();
    const { prefs } = await loadAlertPrefs();
    if (!prefs.enabled) {
      await schedule(undefined, now);
      return;
    }
    const [tabs, log] = await Promise.all([readTabs(), readAlertLog()]);
    // The list's ticket per id: the same ticket open in two tabs alerts once, pointing at the first.
    const list = nextToBreach(tabs, now);
    const byId = new Map(list.entries.map((entry) => [entry.id, entry]));
    const tickets: AlertTicket[] = list.entries.map((entry) => ({
      id: entry.id,
      start: entry.start,
      atRisk: entry.atRisk,
      deadline: entry.deadline,
      firstSeen: log.seen[entry.id] ?? now,
      priority: entry.priority,
      level: entry.level,
      owner: entry.owner,
      agent: entry.agent,
    }));
    const idle = prefs.quietWhenIdle && (await isIdle());
    const plan = planAlerts({ tickets, prefs, done: new Set(Object.keys(log.done)), now, idle });
    for (const key of plan.settle) log.done[key] = now;
    if (plan.deliver.length > 0) {
      for (const alert of plan.deliver) log.done[alertKey(alert.id, alert.state)] = now;
      await deliver(plan.deliver, byId, now);
    }
    if (plan.settle.length > 0 || plan.deliver.length > 0) await writeDone(log.done);
    await schedule(plan.wakeAt, now);
  });
}

async function deliver(alerts: Alert[], byId: Map<string, ListEntry>, now: number): Promise<void> {
  // The most urgent first: breached before at risk, then by deadline.
  const sorted = [...alerts].sort((a, b) => (a.state === b.state ? (byId.get(a.id)?.deadline ?? 0) - (byId.get(b.id)?.deadline ?? 0) : a.state === 'breached' ? -1 : 1));
  const notificationId = `${NOTIFICATION_PREFIX}${now}:${Math.random().toString(36).slice(2, 8)}`;
  const { title, message } = notificationText(sorted, byId);
  let shown = false;
  if (browser.notifications && (await hasPermissions(['notifications']))) {
    try {
      await browser.notifications.create(notificationId, {
        type: 'basic',
        iconUrl: browser.runtime.getURL('/alert-icon.png'),
        title,
        message,
        // Stays until the agent acts on it where the platform allows.
        ...(import.meta.env.FIREFOX ? {} : { requireInteraction: true, priority: 2 }),
      });
      shown = true;
    } catch (error) {
      console.warn('[SLA Lens] could not show the alert', error);
    }
  }
  const sent: SentAlert = {
    at: now,
    notificationId,
    shown,
    alerts: sorted.map((alert) => {
      const entry = byId.get(alert.id);
      return { id: alert.id, key: entry?.key ?? '', state: alert.state, tabId: entry?.tabId ?? -1, frameId: entry?.frameId ?? 0, subject: entry?.subject };
    }),
  };
  const stored = await browser.storage.session.get([SENT_KEY, TARGETS_KEY]);
  const history = [...((stored[SENT_KEY] as SentAlert[] | undefined) ?? []), sent].slice(-50);
  const targets = (stored[TARGETS_KEY] as Record<string, Target> | undefined) ?? {};
  const first = sent.alerts[0];
  if (first) targets[notificationId] = { tabId: first.tabId, frameId: first.frameId, key: first.key };
  const keptTargets = Object.fromEntries(Object.entries(targets).slice(-50));
  await browser.storage.session.set({ [SENT_KEY]: history, [TARGETS_KEY]: keptTargets });
  // The frames showing them mark their badges (data-sla-alerted).
  const perFrame = new Map<string, { tabId: number; frameId: number; alerts: Array<{ key: string; state: string }> }>();
  for (const alert of sent.alerts) {
    const id = `${alert.tabId}/${alert.frameId}`;
    const group = perFrame.get(id) ?? { tabId: alert.tabId, frameId: alert.frameId, alerts: [] };
    group.alerts.push({ key: alert.key, state: alert.state });
    perFrame.set(id, group);
  }
  for (const { tabId, frameId, alerts: marked } of perFrame.values()) {
    const message: OverlayMessage = { type: 'sla:alerted', alerts: marked };
    browser.tabs.sendMessage(tabId, message, { frameId }).catch(() => {});
  }
}

/** Brings the tab to the front and reveals the ticket's badge in its frame. */
export async function showTicket(target: Target): Promise<boolean> {
  try {
    const tab = await browser.tabs.update(target.tabId, { active: true });
    if (tab?.windowId !== undefined) await browser.windows.update(tab.windowId, { focused: true });
  } catch {
    return false;
  }
  const message: OverlayMessage = { type: 'sla:reveal', key: target.key };
  try {
    return (await browser.tabs.sendMessage(target.tabId, message, { frameId: target.frameId })) === true;
  } catch {
    return false;
  }
}

/** A click on an alert: its (most urgent) ticket's tab and badge. */
export async function alertClicked(notificationId: string): Promise<void> {
  if (!notificationId.startsWith(NOTIFICATION_PREFIX)) return;
  const stored = await browser.storage.session.get(TARGETS_KEY);
  const target = (stored[TARGETS_KEY] as Record<string, Target> | undefined)?.[notificationId];
  browser.notifications?.clear(notificationId).catch(() => {});
  if (target) await showTicket(target);
}

