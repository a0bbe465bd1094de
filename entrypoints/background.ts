import { browser } from 'wxt/browser';
import { hostPattern, isStaticLoopback, namesNoHost } from '@/core/settings/host-permission';
import type { Settings } from '@/core/settings/schema';
import type { OverlayMessage } from '@/entrypoints/overlay.content/messages';
import type { BadgeCounts } from '@/entrypoints/overlay.content/ticker';
import { recordApiStatus } from '@/utils/api-status';
import { loadSettings, watchSettings } from '@/utils/settings-store';

/**
 * The background: (1) the toolbar badge shows each tab's ticket counts, summed over the tab's
 * frames as their overlays report them; (2) the popup asks here for a tab's counts; (3) helpdesk
 * hosts a team enabled get the overlay registered at runtime once their optional host permission is
 * granted; (4) "Map customer" opens the options page prefilled; (5) how reading each helpdesk's API
 * went is kept for the options page.
 */

const DYNAMIC_ID = 'sla-overlay-sites';
/** The built content script (WXT's output path for entrypoints/overlay.content). */
const OVERLAY_JS = 'content-scripts/overlay.js';

/** Breached first (red), then at risk (amber), then open tickets (green); empty when none. */
export function toolbarBadge(counts: BadgeCounts): { text: string; color: string; title: string } {
  const n = (state: keyof BadgeCounts['counts']) => counts.counts[state] ?? 0;
  const summary = Object.entries(counts.counts)
    .map(([state, count]) => `${count} ${state}`)
    .join(', ');
  const title = summary ? `SLA Lens: ${summary}` : 'SLA Lens';
  if (n('breached') > 0) return { text: String(n('breached')), color: '#c5221f', title };
  if (n('at-risk') > 0) return { text: String(n('at-risk')), color: '#f9ab00', title };
  const open = n('on-track') + n('waiting');
  return { text: open > 0 ? String(open) : '', color: '#188038', title };
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
  const badge = toolbarBadge(counts);
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

  browser.tabs.onRemoved.addListener((tabId) => void forgetTab(tabId));

  syncRegistration();
  browser.permissions.onAdded.addListener(() => void syncRegistration());
  browser.permissions.onRemoved.addListener(() => void syncRegistration());
  watchSettings(() => void syncRegistration());
});
