import { browser } from 'wxt/browser';
import { isStaticLoopback, namesNoHost } from '@/core/settings/host-permission';
import type { Settings } from '@/core/settings/schema';
import type { OverlayMessage } from '@/entrypoints/overlay.content/messages';
import type { BadgeCounts } from '@/entrypoints/overlay.content/ticker';
import { loadSettings, watchSettings } from '@/utils/settings-store';

/**
 * The background: (1) the toolbar badge shows each tab's ticket counts as the overlay reports them;
 * (2) the popup asks here for a tab's counts (answered by that tab's overlay, so a restarted service
 * worker still answers); (3) helpdesk hosts a team enabled get the overlay registered at runtime once
 * their optional host permission is granted; (4) "Map customer" opens the options page prefilled.
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

async function showCounts(tabId: number, counts: BadgeCounts) {
  const badge = toolbarBadge(counts);
  await browser.action.setBadgeText({ tabId, text: badge.text });
  await browser.action.setBadgeBackgroundColor({ tabId, color: badge.color });
  await browser.action.setTitle({ tabId, title: badge.title });
}

/**
 * Enabled sites' and recipes' patterns whose optional permission is granted (loopback is static).
 * A pattern naming no host is skipped even when granted (e.g. by imported settings): it would run
 * the overlay on every site.
 */
async function grantedPatterns(settings: Settings): Promise<string[]> {
  const wanted = new Set([
    ...settings.sites.filter((site) => site.enabled).flatMap((site) => site.matches),
    ...settings.recipes.flatMap((recipe) => recipe.matches),
  ]);
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
        { id: DYNAMIC_ID, matches, js: [OVERLAY_JS], runAt: 'document_idle', persistAcrossSessions: false },
      ]);
    })
    .catch((error) => console.error('[SLA Lens] could not register the overlay for helpdesk hosts', error));
  return registering;
}

export default defineBackground(() => {
  browser.runtime.onMessage.addListener((raw, sender) => {
    const message = raw as OverlayMessage;
    if (message?.type === 'sla:counts' && sender.tab?.id !== undefined) {
      showCounts(sender.tab.id, message.counts).catch(() => {});
      return undefined;
    }
    if (message?.type === 'sla:open-options') {
      const url = browser.runtime.getURL('/options.html') + message.hash;
      return browser.tabs.create({ url }).then(() => undefined);
    }
    if (message?.type === 'sla:get-counts' && message.tabId !== undefined) {
      // No overlay in that tab (not a helpdesk page) → null.
      return browser.tabs.sendMessage(message.tabId, { type: 'sla:get-counts' }).catch(() => null);
    }
    return undefined;
  });

  syncRegistration();
  browser.permissions.onAdded.addListener(() => void syncRegistration());
  browser.permissions.onRemoved.addListener(() => void syncRegistration());
  watchSettings(() => void syncRegistration());
});
