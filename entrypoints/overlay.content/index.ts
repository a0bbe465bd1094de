import { browser } from 'wxt/browser';
import { loadSettings, watchSettings } from '@/utils/settings-store';
import { type OverlayMessage, mapCustomerHash } from './messages';
import { startOverlay } from './overlay';

/**
 * The content script. Loopback (the demo helpdesk) is matched statically; helpdesk hosts a team
 * enables are registered at runtime by the background once their optional permission is granted.
 */
export default defineContentScript({
  matches: ['http://127.0.0.1/*', 'http://localhost/*'],
  runAt: 'document_idle',
  async main(ctx) {
    // Static and runtime registrations could both match a page; one overlay per page.
    const marker = globalThis as { __slaLensOverlay?: boolean };
    if (marker.__slaLensOverlay) return;
    marker.__slaLensOverlay = true;

    const send = (message: OverlayMessage) => {
      // The background may be asleep or the extension reloading: counts are resent on the next change.
      browser.runtime.sendMessage(message).catch(() => {});
    };
    const { settings } = await loadSettings();
    if (ctx.isInvalid) return;
    const overlay = startOverlay(document, settings, {
      onCounts: (counts) => send({ type: 'sla:counts', counts }),
      mapCustomer: (prefill) => send({ type: 'sla:open-options', hash: mapCustomerHash(prefill) }),
      onAdapterError: (id, error) => console.warn(`[SLA Lens] adapter ${id} failed`, error),
    });

    // History API navigation fires no event; WXT polls location.href for us.
    ctx.addEventListener(window, 'wxt:locationchange', () => overlay.navigated());
    const unwatch = watchSettings(({ settings: next }) => overlay.update(next));
    const onMessage = (message: OverlayMessage) => {
      if (message?.type === 'sla:get-counts') return Promise.resolve(overlay.counts);
      return undefined;
    };
    browser.runtime.onMessage.addListener(onMessage);
    ctx.onInvalidated(() => {
      unwatch();
      browser.runtime.onMessage.removeListener(onMessage);
      overlay.stop();
      marker.__slaLensOverlay = false;
    });
  },
});
