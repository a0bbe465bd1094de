import { i18n } from '#i18n';
import { browser } from 'wxt/browser';
import { hostPattern, isStaticLoopback, namesNoHost } from '@/core/settings/host-permission';
import type { Settings } from '@/core/settings/schema';
import type { OverlayMessage } from '@/entrypoints/overlay.content/messages';
import { BADGE_STATES, type BadgeState } from '@/entrypoints/overlay.content/badge-state';
import type { BadgeCounts } from '@/entrypoints/overlay.content/ticker';
import { watchAlertPrefs } from '@/utils/alert-prefs';
import { ALARM, alertClicked, IDLE_SECONDS, runAlerts, showTicket } from '@/utils/alert-runner';
import { recordApiStatus } from '@/utils/api-status';
import { forgetTabDeadlines, recordFrameDeadlines } from '@/utils/tab-deadlines';
import { loadSettings, watchSettings } from '@/utils/settings-store';
import { stateName } from '@/utils/state-names';

/**
 * The background: (1) the toolbar badge shows each tab's ticket counts, summed over the tab's
 * frames as their overlays report them; (2) the popup asks here for a tab's counts; (3) helpdesk
 * hosts a team enabled get the overlay registered at runtime once their optional host permission is
 * granted; (4) "Map customer" opens the options page prefilled; (5) how reading each helpdesk's API
 * went is kept for the options page; (6) each frame's open tickets' deadlines are kept per tab
 * (utils/tab-deadlines.ts) for the popup's next-to-breach list and the desktop alerts, which an alarm
 * at the next at-risk or breach instant wakes (utils/alert-runner.ts).
 */

const DYNAMIC_ID = 'sla-overlay-sites';
/** The built content script (WXT's output path for entrypoints/overlay.content). */
const OVERLAY_JS = 'content-scripts/overlay.js';

/** The tooltip's words: what the number counts, and the states' names. */
export interface ToolbarWords {
  counts(what: 'breached' | 'atRisk' | 'open', summary: string): string;
  none: string;
  state(state: BadgeState): string;
}

const ENGLISH_TOOLBAR: ToolbarWords = {
  counts: (what, summary) =>
    `SLA Lens — the number counts ${{ breached: 'breached tickets', atRisk: 'tickets at risk', open: 'open tickets' }[what]} on this tab: ${summary}`,
  none: 'SLA Lens — no open tickets on this tab',
  state: (state) => state.replace('-', ' '),
};

/** The browser's language (background only: tests use the English default). */
const toolbarWords = (): ToolbarWords => ({
  counts: (what, summary) =>
    what === 'breached' ? i18n.t('alerts.toolbar.breached', [summary]) : what === 'atRisk' ? i18n.t('alerts.toolbar.atRisk', [summary]) : i18n.t('alerts.toolbar.open', [summary]),
  none: i18n.t('alerts.toolbar.none'),
  state: stateName,
});

/** Breached first (red), then at risk (amber), then open tickets (green); empty when none. The tooltip says which. */
export function toolbarBadge(counts: BadgeCounts, words: ToolbarWords = ENGLISH_TOOLBAR): { text: string; color: string; title: string } {
  const n = (state: keyof BadgeCounts['counts']) => counts.counts[state] ?? 0;
  const summary = BADGE_STATES.filter((state) => n(state) > 0)
    .map((state) => `${n(state)} ${words.state(state)}`)
    .join(', ');
  const open = n('on-track') + n('waiting');
  if (n('breached') > 0) return { text: String(n('breached')), color: '#c5221f', title: words.counts('breached', summary) };
  if (n('at-risk') > 0) return { text: String(n('at-risk')), color: '#f9ab00', title: words.counts('atRisk', summary) };
  if (open > 0) return { text: String(open), color: '#188038', title: words.counts('open', summary) };
  return { text: '', color: '#188038', title: summary ? `${words.none} (${summary})` : words.none };
}

/** A tab's counts: its frames' counts added up, with the earliest next deadline of any frame. */
export function sumCounts(frames: Iterable<BadgeCounts>): BadgeCounts {
  const counts: BadgeCounts['counts'] = {};
  let total = 0;
  let next: string | undefined;
  for (const frame of frames) {
    for (const [state, n] of Object.entries(frame.counts) as Array<[keyof BadgeCounts['counts'], number]>) {
      counts[state] = (counts[state] ?? 0) + n;
    }
    total += frame.total;
    // ISO UTC strings from toISOString: they compare as instants.
    if (frame.nextDeadline && (next === undefined || frame.nextDeadline < next)) next = frame.nextDeadline;
  }
  return next ? { counts, total, nextDeadline: next } : { counts, total };
}

/**
 * Each frame runs its own overlay (ServiceNow's Next Experience shows tickets in an iframe; its top
 * frame has none), so counts are kept per frame and shown summed. They live in `storage.session`,
 * which outlives the service worker's sleep between reports: the popup asks long after the page
 * reported. Only frames with badges are kept; a frame reports zero when its page goes away.
 */
type FrameCounts = Record<string, BadgeCounts>;
const tabKey = (tabId: number) => `frameCounts:${tabId}`;

async function framesOf(tabId: number): Promise<FrameCounts> {
  const stored = await browser.storage.session.get(tabKey(tabId));
  return (stored[tabKey(tabId)] as FrameCounts | undefined) ?? {};
}

let queue: Promise<unknown> = Promise.resolve();
/** Runs the storage reads and writes one at a time: two frames may report at once. */
function serialised<T>(task: () => Promise<T>): Promise<T> {
  const run = queue.then(task);
  queue = run.catch(() => {});
  return run;
}

/** Replaces a frame's counts and returns the tab's sum. */
export function recordFrameCounts(tabId: number, frameId: number, counts: BadgeCounts): Promise<BadgeCounts> {
  return serialised(async () => {
    const frames = await framesOf(tabId);
    if (counts.total > 0) frames[frameId] = counts;
    else delete frames[frameId];
    if (Object.keys(frames).length > 0) await browser.storage.session.set({ [tabKey(tabId)]: frames });
    else await browser.storage.session.remove(tabKey(tabId));
    return sumCounts(Object.values(frames));
  });
}

/** The tab's summed counts, or null when no frame of it has reported badges. */
export function tabCounts(tabId: number): Promise<BadgeCounts | null> {
  return serialised(async () => {
    const frames = Object.values(await framesOf(tabId));
    return frames.length > 0 ? sumCounts(frames) : null;
  });
}

export function forgetTab(tabId: number): Promise<void> {
  return serialised(() => browser.storage.session.remove(tabKey(tabId)));
}

async function showCounts(tabId: number, counts: BadgeCounts) {
  const badge = toolbarBadge(counts, toolbarWords());
  // All three asked at once, so a later report's calls all come after this one's.
  await Promise.all([
    browser.action.setBadgeText({ tabId, text: badge.text }),
    browser.action.setBadgeBackgroundColor({ tabId, color: badge.color }),
    browser.action.setTitle({ tabId, title: badge.title }),
  ]);
}

/**
 * Enabled sites' and recipes' patterns whose optional permission is granted (loopback is static).
 * A pattern naming no host is skipped even when granted (e.g. by imported settings): it would run
 * the overlay on every site. A site's port is left out (browser match patterns have none): the
 * overlay runs on the host and matches the port itself.
 */
async function grantedPatterns(settings: Settings): Promise<string[]> {
  const patterns = [
    ...settings.sites.filter((site) => site.enabled).flatMap((site) => site.matches),
    ...settings.recipes.flatMap((recipe) => recipe.matches),
  ];
  const wanted = new Set(patterns.map(hostPattern));
  const granted: string[] = [];
  for (const pattern of wanted) {
    if (isStaticLoopback(pattern) || namesNoHost(pattern)) continue;
    try {
      if (await browser.permissions.contains({ origins: [pattern] })) granted.push(pattern);
    } catch {
      // An invalid pattern is reported by the options page; it registers nothing.
    }
  }
  return granted.sort();
}

let registering: Promise<void> = Promise.resolve();
/** Re-registers the runtime content script for the granted helpdesk hosts (serialised). */
export function syncRegistration(): Promise<void> {
  registering = registering
    .then(async () => {
      const { settings } = await loadSettings();
      const matches = await grantedPatterns(settings);
      const existing = await browser.scripting.getRegisteredContentScripts({ ids: [DYNAMIC_ID] });
      if (existing.length > 0) await browser.scripting.unregisterContentScripts({ ids: [DYNAMIC_ID] });
      if (matches.length === 0) return;
      await browser.scripting.registerContentScripts([
        // Every frame: ServiceNow's Next Experience shows its tickets in a same-origin iframe.
        { id: DYNAMIC_ID, matches, js: [OVERLAY_JS], runAt: 'document_idle', allFrames: true, persistAcrossSessions: false },
      ]);
    })
    .catch((error) => console.error('[SLA Lens] could not register the overlay for helpdesk hosts', error));
  return registering;
}

export default defineBackground(() => {
  browser.runtime.onMessage.addListener((raw, sender) => {
    const message = raw as OverlayMessage;
    if (message?.type === 'sla:counts' && sender.tab?.id !== undefined) {
      const tabId = sender.tab.id;
      recordFrameCounts(tabId, sender.frameId ?? 0, message.counts)
        .then((sum) => showCounts(tabId, sum))
        .catch(() => {});
      return undefined;
    }
    if (message?.type === 'sla:deadlines' && sender.tab?.id !== undefined) {
      recordFrameDeadlines(sender.tab.id, sender.frameId ?? 0, message.report, Date.now())
        .then(() => runAlerts())
        .catch(() => {});
      return undefined;
    }
    if (message?.type === 'sla:show-ticket') {
      return showTicket({ tabId: message.tabId, frameId: message.frameId, key: message.key });
    }
    if (message?.type === 'sla:api-status') {
      void serialised(() => recordApiStatus(message.report)).catch(() => {});
      return undefined;
    }
    if (message?.type === 'sla:open-options') {
      const url = browser.runtime.getURL('/options.html') + message.hash;
      return browser.tabs.create({ url }).then(() => undefined);
    }
    if (message?.type === 'sla:get-counts' && message.tabId !== undefined) {
      const tabId = message.tabId;
      // No frame reported badges (or the session ended): ask the tab, whose first frame to answer
      // wins; no overlay in it (not a helpdesk page) → null.
      return tabCounts(tabId)
        .catch(() => null)
        .then((sum) => sum ?? browser.tabs.sendMessage(tabId, { type: 'sla:get-counts' }).catch(() => null));
    }
    return undefined;
  });

  browser.tabs.onRemoved.addListener((tabId) => {
    void forgetTab(tabId);
    void forgetTabDeadlines(tabId).then(() => runAlerts());
  });

  // Alerts: the alarm at the next at-risk or breach instant, the agent back from idle, a click.
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === ALARM) void runAlerts();
  });
  const listenIdle = () => {
    if (!browser.idle || listeningIdle) return;
    listeningIdle = true;
    browser.idle.setDetectionInterval(IDLE_SECONDS);
    browser.idle.onStateChanged.addListener((state) => {
      if (state === 'active') void runAlerts();
    });
  };
  let listeningIdle = false;
  listenIdle();
  browser.notifications?.onClicked.addListener((id) => void alertClicked(id));
  browser.permissions.onAdded.addListener(() => {
    listenIdle();
    void runAlerts();
  });
  watchAlertPrefs(() => void runAlerts());
  void runAlerts();
  // For the E2E tests and the service worker's console (no page can reach it): run the schedule
  // now, or act as if an alert was clicked (headless browsers give no way to click one).
  (globalThis as { slaLensAlerts?: unknown }).slaLensAlerts = { run: runAlerts, click: alertClicked };

  syncRegistration();
  browser.permissions.onAdded.addListener(() => void syncRegistration());
  browser.permissions.onRemoved.addListener(() => void syncRegistration());
  watchSettings(() => void syncRegistration());
});
