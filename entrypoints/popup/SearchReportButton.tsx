import { useEffect, useState } from 'react';
import { i18n } from '#i18n';
import type { OverlayMessage } from '@/entrypoints/overlay.content/messages';
import type { SearchSourceInfo } from '@/entrypoints/overlay.content/api/search/protocol';

/**
 * "SLA report for this search": on a helpdesk page whose overlay can report (a search the helpdesk's
 * API repeats, or tickets loaded on the page), opens the options page's Reports section for this tab.
 */
export function SearchReportButton() {
  const [found, setFound] = useState<{ tabId: number; source: SearchSourceInfo }>();

  useEffect(() => {
    let live = true;
    (async () => {
      const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
      if (tab?.id === undefined) return;
      const message: OverlayMessage = { type: 'sla:search-info' };
      const source = (await browser.tabs.sendMessage(tab.id, message, { frameId: 0 })) as SearchSourceInfo | undefined;
      if (live && source && (source.kind === 'api' || source.tickets > 0)) setFound({ tabId: tab.id, source });
    })().catch(() => {
      // No overlay in this tab (not a helpdesk page): no button.
    });
    return () => {
      live = false;
    };
  }, []);

  if (!found) return null;
  const { tabId, source } = found;
  return (
    <p className="search-report">
      <button
        type="button"
        aria-describedby="search-report-what"
        onClick={async () => {
          await browser.tabs.create({ url: browser.runtime.getURL(`/options.html#/reports?tab=${tabId}`) });
          window.close();
        }}
      >
        {i18n.t('reports.popup.button')}
      </button>{' '}
      <span id="search-report-what" className="muted">
        {source.kind === 'api' ? i18n.t('reports.popup.api', [source.apiName]) : i18n.t('reports.popup.page', [String(source.tickets)])}
      </span>
    </p>
  );
}
