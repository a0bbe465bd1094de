import { useEffect, useState } from 'react';
import { i18n } from '#i18n';
import { formatInstant, localZone } from '@/components/format';
import type { OverlayMessage } from '@/entrypoints/overlay.content/messages';
import type { BadgeCounts } from '@/entrypoints/overlay.content/ticker';
import { stateName } from '@/utils/state-names';

/**
 * Runs in the helpdesk tab (the extension's isolated world): the badge with this deadline, scrolled
 * into view and focused when asked; its ticket id either way. Reads the badge's DOM contract only.
 */
function badgeWithDeadline(deadline: string, reveal: boolean): string | null {
  const badge = document.querySelector(`[data-sla-deadline="${CSS.escape(deadline)}"]`) as HTMLElement | null;
  if (badge && reveal) {
    badge.scrollIntoView({ block: 'center' });
    // The badge's host is its button; focusing it also opens its explanation.
    badge.focus();
  }
  return badge?.getAttribute('data-sla-ticket') ?? null;
}

/** Every frame is asked: the badge may be in one (ServiceNow's Next Experience lists tickets in an iframe). */
async function inTab(tabId: number, deadline: string, reveal: boolean): Promise<string | null> {
  const frames = await browser.scripting.executeScript({ target: { tabId, allFrames: true }, func: badgeWithDeadline, args: [deadline, reveal] });
  return (frames.find((frame) => frame.result)?.result as string | undefined) ?? null;
}

/** The current tab: badge counts by state and the next deadline, with a link to its ticket. */
export function TabSummary() {
  const [tabId, setTabId] = useState<number>();
  const [counts, setCounts] = useState<BadgeCounts | null>(null);
  const [ticket, setTicket] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    (async () => {
      const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
      if (tab?.id === undefined) return;
      const message: OverlayMessage = { type: 'sla:get-counts', tabId: tab.id };
      const reply = (await browser.runtime.sendMessage(message)) as BadgeCounts | null | undefined;
      if (!live || !reply?.counts) return;
      setTabId(tab.id);
      setCounts(reply);
      if (reply.nextDeadline) setTicket(await inTab(tab.id, reply.nextDeadline, false));
    })().catch(() => {
      // Not a helpdesk tab, or the page went away: the section says there are no badges.
    });
    return () => {
      live = false;
    };
  }, []);

  const entries = counts ? Object.entries(counts.counts).filter(([, n]) => (n ?? 0) > 0) : [];
  const next = counts?.nextDeadline;
  return (
    <section className="tab-summary" aria-labelledby="tab-summary">
      <h2 id="tab-summary">{i18n.t('popup.thisTab')}</h2>
      {entries.length === 0 ? (
        <p className="muted">{i18n.t('popup.noBadges')}</p>
      ) : (
        <>
          <ul className="counts" aria-label={i18n.t('popup.counts')}>
            {entries.map(([state, n]) => (
              <li key={state} className={`state-${state}`}>
                <span className="count">{n}</span> {stateName(state)}
              </li>
            ))}
          </ul>
          {next && tabId !== undefined && (
            <p data-testid="next-deadline">
              {i18n.t('popup.nextDeadline')} {formatInstant(next, localZone())}{' '}
              <a
                href={`#${ticket ?? ''}`}
                onClick={async (event) => {
                  event.preventDefault();
                  await inTab(tabId, next, true);
                  window.close();
                }}
              >
                {ticket ? i18n.t('popup.showTicket', [ticket]) : i18n.t('popup.showBadge')}
              </a>
            </p>
          )}
        </>
      )}
    </section>
  );
}
