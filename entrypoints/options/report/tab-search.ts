import { browser } from 'wxt/browser';
import { SEARCH_PORT, type SearchReportMessage } from '@/entrypoints/overlay.content/api/search/protocol';

/**
 * Asks a helpdesk tab's overlay (its top frame) to read the search it shows: connecting starts the
 * reading, `cancel` disconnects (which stops it before its next request). `onGone` when the tab
 * closed, navigated or has no overlay before the reading finished.
 */
export function readTabSearch(tabId: number, onMessage: (message: SearchReportMessage) => void, onGone: () => void): { cancel(): void } {
  let finished = false;
  const port = browser.tabs.connect(tabId, { name: SEARCH_PORT, frameId: 0 });
  port.onMessage.addListener((message: SearchReportMessage) => {
    if (message.type === 'done' || message.type === 'failed') finished = true;
    onMessage(message);
  });
  port.onDisconnect.addListener(() => {
    if (!finished) onGone();
  });
  return {
    cancel() {
      finished = true;
      port.disconnect();
    },
  };
}
