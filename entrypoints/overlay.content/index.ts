import { i18n } from '#i18n';
import { browser } from 'wxt/browser';
import { loadSettings, watchSettings } from '@/utils/settings-store';
import { sameOriginGet } from './api/same-origin-get';
import { SEARCH_PORT } from './api/search/protocol';
import { type SearchPageDeps, searchInfo, startSearchReport } from './api/search/session';
import { badgeWords, type MessageLookup } from './badge-words';
import { markAlerted, revealTicket } from './reveal';
import { type OverlayMessage, mapCustomerHash } from './messages';
import { adaptersForPage, pageTimeZone } from './page-adapters';
import { startOverlay } from './overlay';

/**
 * The content script. Loopback (the demo helpdesk) is matched statically; helpdesk hosts a team
 * enables are registered at runtime by the background once their optional permission is granted.
 * It runs in every frame, each with its own overlay (document, observer, badges, popover, counts):
 * ServiceNow's Next Experience shows its tickets in a same-origin iframe.
 */
export default defineContentScript({
  matches: ['http://127.0.0.1/*', 'http://localhost/*'],
  runAt: 'document_idle',
  allFrames: true,
  async main(ctx) {
    // Static and runtime registrations could both match a page; one overlay per frame. Each frame
    // has its own isolated world, so this global marks this frame only: other frames run their own.
    const marker = globalThis as { __slaLensOverlay?: boolean };
    if (marker.__slaLensOverlay) return;
    marker.__slaLensOverlay = true;

    const send = (message: OverlayMessage) => {
      // The background may be asleep or the extension reloading (which throws at once): counts are
      // resent on the next change.
      try {
        browser.runtime.sendMessage(message).catch(() => {});
      } catch {
        // Never throw into the page.
      }
    };
    const { settings } = await loadSettings();
    if (ctx.isInvalid) return;
    // The browser's language, read once for every badge and popover of this frame. The words ask
    // for their keys by name (typed against locales/en.yml); i18n.t's overloads want literal keys.
    const words = badgeWords(i18n.t as MessageLookup);
    const overlay = startOverlay(
      document,
      settings,
      {
        onCounts: (counts) => send({ type: 'sla:counts', counts }),
        onDeadlines: (report) => send({ type: 'sla:deadlines', report }),
        mapCustomer: (prefill) => send({ type: 'sla:open-options', hash: mapCustomerHash(prefill) }),
        onAdapterError: (id, error) => console.warn(`[SLA Lens] adapter ${id} failed`, error),
        // Only the page's own origin, GET only, with the agent's session (api/same-origin-get.ts).
        apiGet: (pageUrl) => sameOriginGet(pageUrl),
        onApiStatus: ({ adapter, apiName, requests, lastReadAt, lastFailure }) =>
          send({
            type: 'sla:api-status',
            report: { adapter, origin: location.origin, apiName, requests, lastReadAt, lastFailure, at: Date.now() },
          }),
      },
      words,
    );

    // History API navigation fires no event; WXT polls location.href for us.
    ctx.addEventListener(window, 'wxt:locationchange', () => overlay.navigated());
    // The toolbar sums every frame's last report: a frame whose page goes (navigated, removed)
    // takes its tickets with it; one restored from the back/forward cache brings them back.
    ctx.addEventListener(window, 'pagehide', () => {
      send({ type: 'sla:counts', counts: { counts: {}, total: 0 } });
      send({ type: 'sla:deadlines', report: { url: location.href, title: '', tickets: [], unmapped: 0, unreadable: 0 } });
    });
    ctx.addEventListener(window, 'pageshow', (event) => {
      if (!event.persisted) return;
      send({ type: 'sla:counts', counts: overlay.counts });
      send({ type: 'sla:deadlines', report: overlay.deadlines() });
    });
    let current = settings;
    const unwatch = watchSettings(({ settings: next }) => {
      current = next;
      overlay.update(next);
    });
    // The SLA report of this page's search (options page ↔ top frame): api/search/.
    const searchDeps = (): SearchPageDeps => ({
      url: location.href,
      title: document.title,
      settings: current,
      get: () => sameOriginGet(location.href),
      context: () => ({ doc: document, timeZone: pageTimeZone(adaptersForPage(location.href, current).site, current, location.href), now: new Date() }),
      pageTickets: () => overlay.tickets(),
    });
    const onConnect = (port: Browser.runtime.Port) => {
      if (port.name !== SEARCH_PORT || window !== window.top) return;
      const report = startSearchReport(searchDeps(), (message) => {
        try {
          port.postMessage(message);
        } catch {
          // The options page closed: the disconnect below cancels.
        }
      });
      port.onDisconnect.addListener(() => report.cancel());
    };
    browser.runtime.onConnect.addListener(onConnect);
    const onMessage = (message: OverlayMessage) => {
      if (message?.type === 'sla:get-counts') return Promise.resolve(overlay.counts);
      if (message?.type === 'sla:search-info') return window === window.top ? Promise.resolve(searchInfo(searchDeps())) : undefined;
      if (message?.type === 'sla:reveal') return Promise.resolve(revealTicket(document, message.key));
      if (message?.type === 'sla:alerted') markAlerted(document, message.alerts);
      return undefined;
    };
    browser.runtime.onMessage.addListener(onMessage);
    ctx.onInvalidated(() => {
      unwatch();
      browser.runtime.onMessage.removeListener(onMessage);
      browser.runtime.onConnect.removeListener(onConnect);
      overlay.stop();
      marker.__slaLensOverlay = false;
    });
  },
});
