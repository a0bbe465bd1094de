import { useEffect, useState } from 'react';
import { i18n } from '#i18n';
import type { ApiReader } from '@/entrypoints/overlay.content/api/types';
import { API_FAILURE_KEYS } from '@/entrypoints/overlay.content/badge-words';
import { type ApiStatusReport, readApiStatuses, watchApiStatuses } from '@/utils/api-status';

/** Every origin's latest report of reading a helpdesk's API (kept by the background for this browser session). */
export function useApiStatuses(): ApiStatusReport[] {
  const [reports, setReports] = useState<ApiStatusReport[]>([]);
  useEffect(() => {
    let live = true;
    readApiStatuses()
      .then((found) => live && setReports(found))
      .catch(() => {});
    const unwatch = watchApiStatuses(setReports);
    return () => {
      live = false;
      unwatch();
    };
  }, []);
  return reports;
}

const time = (ms: number) => new Date(ms).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });

/** "https://rt.example.com: read 12:03 (4 requests)" or "…: not signed in (sign in to the helpdesk again)". */
function statusLine(report: ApiStatusReport): string {
  if (report.lastFailure) return i18n.t('options.sites.apiFailed', [report.origin, i18n.t(API_FAILURE_KEYS[report.lastFailure.kind])]);
  const when = report.lastReadAt ?? report.at;
  return i18n.t('options.sites.apiRead', [report.origin, time(when), String(report.requests)]);
}

interface Props {
  helpdesk: string;
  reader: ApiReader | undefined;
  /** The site's own choice; absent: on for documented APIs. */
  readApi: boolean | undefined;
  /** Reading helpdesk APIs is off for every site (settings file, or IT when `managed`). */
  offForEveryone: boolean;
  managed: boolean;
  reports: ApiStatusReport[];
  onChange(readApi: boolean): void;
}

/** The "Exact data from the helpdesk's API" cell of a helpdesk row: the switch and how reading last went. */
export function ApiReadingCell({ helpdesk, reader, readApi, offForEveryone, managed, reports, onChange }: Props) {
  if (!reader) return <span className="muted">{i18n.t('options.sites.apiNone')}</span>;
  return (
    <>
      <input
        type="checkbox"
        aria-label={i18n.t('options.sites.apiFor', [helpdesk])}
        checked={!offForEveryone && (readApi ?? reader.documented)}
        disabled={offForEveryone}
        onChange={(e) => onChange(e.target.checked)}
      />{' '}
      <span className="muted">{reader.apiName}</span>
      {!reader.documented && <p className="muted">{i18n.t('options.sites.apiUndocumented')}</p>}
      {offForEveryone && <p className="muted">{i18n.t(managed ? 'options.sites.apiOffByIt' : 'options.sites.apiOffForAll')}</p>}
      {reports
        .filter((report) => report.adapter === reader.id)
        .map((report) => (
          <p key={report.origin} className={report.lastFailure ? 'error' : 'muted'} role="status">
            {statusLine(report)}
          </p>
        ))}
    </>
  );
}
