import { useEffect, useState } from 'react';
import { i18n } from '#i18n';
import { formatInstant, localZone } from '@/components/format';

/** What the background knows about the current tab's badges (see docs/notes-overlay.md). */
interface TabSummaryData {
  counts: Record<string, number>;
  next?: { ticketId: string; deadline: string; url?: string };
}

/** Badge states (data-sla-state) → labels; message keys cannot contain "-". */
const STATE_LABELS: Record<string, () => string> = {
  'on-track': () => i18n.t('state.onTrack'),
  'at-risk': () => i18n.t('state.atRisk'),
  breached: () => i18n.t('state.breached'),
  waiting: () => i18n.t('state.waiting'),
  met: () => i18n.t('state.met'),
  missed: () => i18n.t('state.missed'),
  'no-target': () => i18n.t('state.noTarget'),
  unmapped: () => i18n.t('state.unmapped'),
  unreadable: () => i18n.t('state.unreadable'),
};

/** The current tab: badge counts by state and the next deadline, linking to its ticket. */
export function TabSummary() {
  const [summary, setSummary] = useState<TabSummaryData | null>(null);
  useEffect(() => {
    let live = true;
    (async () => {
      const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
      if (tab?.id === undefined) return;
      const reply = (await browser.runtime.sendMessage({ type: 'sla:tab-summary', tabId: tab.id })) as TabSummaryData | undefined;
      if (live && reply?.counts) setSummary(reply);
    })().catch(() => {
      // No background answer (not a helpdesk tab, or the worker is starting): show nothing.
    });
    return () => {
      live = false;
    };
  }, []);

  const entries = summary ? Object.entries(summary.counts).filter(([, n]) => n > 0) : [];
  return (
    <section className="tab-summary" aria-label={i18n.t('popup.thisTab')}>
      <h2>{i18n.t('popup.thisTab')}</h2>
      {entries.length === 0 ? (
        <p className="muted">{i18n.t('popup.noBadges')}</p>
      ) : (
        <>
          <ul className="counts">
            {entries.map(([state, n]) => (
              <li key={state} className={`state-${state}`}>
                <span className="count">{n}</span> {STATE_LABELS[state]?.() ?? state}
              </li>
            ))}
          </ul>
          {summary?.next && (
            <p>
              {i18n.t('popup.nextDeadline')}{' '}
              {summary.next.url ? (
                <a href={summary.next.url} target="_blank" rel="noreferrer">
                  #{summary.next.ticketId}
                </a>
              ) : (
                `#${summary.next.ticketId}`
              )}{' '}
              — {formatInstant(summary.next.deadline, localZone())}
            </p>
          )}
        </>
      )}
    </section>
  );
}
