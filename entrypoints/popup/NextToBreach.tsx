import { useEffect, useMemo, useState } from 'react';
import { i18n } from '#i18n';
import { formatDuration, formatInstant, localZone } from '@/components/format';
import { useNow } from '@/components/use-now';
import type { OverlayMessage } from '@/entrypoints/overlay.content/messages';
import { type ListEntry, nextToBreach, type TabReports } from '@/utils/next-to-breach';
import { stateName } from '@/utils/state-names';
import { readTabs } from '@/utils/tab-deadlines';

/** Shown at first; "Show more" adds this many. A long list stays quick to open. */
const PAGE = 50;

function timeText(entry: ListEntry, now: number, zone: string): string {
  if (entry.state === 'breached') return i18n.t('alerts.list.overdue', [formatDuration(now - entry.deadline)]);
  if (entry.state === 'waiting') return i18n.t('alerts.list.starts', [formatInstant(entry.start, zone)]);
  return i18n.t('alerts.list.left', [formatDuration(entry.deadline - now)]);
}

/** The tabs' reports as the background keeps them, re-read when they change. */
export function useTabReports(): TabReports[] | undefined {
  const [tabs, setTabs] = useState<TabReports[]>();
  useEffect(() => {
    let live = true;
    const load = () =>
      readTabs()
        .then((next) => {
          // For the benchmark: the tabs' reports are read; the list's own time runs from here.
          performance.mark('sla-lens:tabs-read');
          if (live) setTabs(next);
        })
        .catch(() => live && setTabs([]));
    void load();
    const onChanged = (changes: Record<string, unknown>, area: string) => {
      if (area === 'session' && Object.keys(changes).some((key) => key.startsWith('deadlines:'))) void load();
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => {
      live = false;
      browser.storage.onChanged.removeListener(onChanged);
    };
  }, []);
  return tabs;
}

/**
 * The nearest deadlines across every open helpdesk tab and frame; a click brings the ticket to the
 * front. With "only mine" on, it says where that filter cannot tell (`namesTyped`: the agent typed
 * names of their own in the options).
 */
export function NextToBreach({ tabs, onlyMine = false, namesTyped = false }: { tabs: TabReports[] | undefined; onlyMine?: boolean; namesTyped?: boolean }) {
  const now = useNow(30_000);
  const [shown, setShown] = useState(PAGE);
  const list = useMemo(() => (tabs ? nextToBreach(tabs, now) : undefined), [tabs, now]);
  const zone = useMemo(() => localZone(), []);

  useEffect(() => {
    // For the benchmark: the list is on screen.
    if (list) performance.mark('sla-lens:next-to-breach');
  }, [list]);

  if (!list) return <p className="muted">{i18n.t('common.loading')}</p>;
  const show = (entry: ListEntry) => {
    const message: OverlayMessage = { type: 'sla:show-ticket', tabId: entry.tabId, frameId: entry.frameId, key: entry.key };
    void browser.runtime
      .sendMessage(message)
      .catch(() => {})
      .then(() => window.close());
  };
  return (
    <section className="next-to-breach" aria-labelledby="next-to-breach" data-testid="next-to-breach">
      <h2 id="next-to-breach">{i18n.t('alerts.list.title')}</h2>
      {list.tabs === 0 ? (
        <p className="muted">{i18n.t('alerts.list.noTabs')}</p>
      ) : list.entries.length === 0 ? (
        <p className="muted">{i18n.t('alerts.list.empty')}</p>
      ) : (
        <ol className="breach-list">
          {list.entries.slice(0, shown).map((entry) => (
            <li key={entry.id} className={`state-${entry.state}`} data-ticket={entry.key} data-state={entry.state} data-tab={entry.tabId}>
              <button type="button" className="breach-button" onClick={() => show(entry)} title={entry.pageTitle || entry.url}>
                <span className="pill">{stateName(entry.state)}</span>
                <span className="what">
                  <strong>#{entry.key}</strong> {entry.subject}
                </span>
                <span className="who">{[entry.customer, [entry.priority, entry.level].filter(Boolean).join(' ')].filter(Boolean).join(' · ')}</span>
                <span className="when">
                  {entry.approximate ? '≈ ' : ''}
                  {timeText(entry, now, zone)}
                </span>
              </button>
            </li>
          ))}
        </ol>
      )}
      {list.entries.length > shown && (
        <button type="button" className="link" onClick={() => setShown(shown + 2 * PAGE)}>
          {i18n.t('alerts.list.more', [String(list.entries.length - shown)])}
        </button>
      )}
      {list.unmapped > 0 && <p className="muted">{i18n.t('alerts.list.unmapped', [String(list.unmapped)])}</p>}
      {list.unreadable > 0 && <p className="muted">{i18n.t('alerts.list.unreadable', [String(list.unreadable)])}</p>}
      {onlyMine && list.ownerUnknown && <p className="muted">{i18n.t('alerts.list.ownerUnknown')}</p>}
      {onlyMine &&
        !namesTyped &&
        list.agentUnknown.map((host) => (
          <p key={host} className="muted">
            {i18n.t('alerts.list.agentUnknown', [host])}
          </p>
        ))}
    </section>
  );
}
