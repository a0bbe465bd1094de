import { useEffect } from 'react';
import { i18n } from '#i18n';
import { API_FAILURE_KEYS } from '@/entrypoints/overlay.content/badge-words';
import { SEARCH_LIMIT } from '@/entrypoints/overlay.content/api/search/read-search';
import { FileSource } from './report/FileSource';
import { explanationNames } from '@/core/settings/holiday-names';
import { ReportView } from './report/ReportView';
import { type ReportRun, useReportRun } from './report/use-report-run';
import type { ReportWorker } from './report/worker-protocol';
import type { Route } from './route';
import { useStore } from './store';

const count = (n: number) => n.toLocaleString();

/** Where the report's tickets came from and how reading them went, in the user's words. */
function RunStatus({ run, onCancel }: { run: ReportRun; onCancel(): void }) {
  const source = run.source;
  return (
    <div className="report-status">
      {source?.kind === 'api' && (
        <p>
          {i18n.t('reports.search.api', [source.apiName])} <code>{source.query}</code>
        </p>
      )}
      {source?.kind === 'page' && <p className="warnings">{i18n.t('reports.search.page', [count(source.tickets)])}</p>}
      {run.file !== undefined && <p>{i18n.t('reports.file.reading', [run.file])}</p>}
      {run.phase === 'reading' && (
        <div className="row">
          <label className="field">
            {run.file !== undefined
              ? i18n.t('reports.file.progress', [count(run.read)])
              : run.total === undefined
                ? i18n.t('reports.search.progress', [count(run.read)])
                : i18n.t('reports.search.progressOf', [count(run.read), count(run.total)])}
            {/* Without a known total (a file, a search that does not say) the bar is indeterminate, never a full bar at 100 %. */}
            <progress value={run.total === undefined ? undefined : run.read} max={run.total} />
          </label>
          <button type="button" onClick={onCancel}>
            {i18n.t('reports.search.cancel')}
          </button>
        </div>
      )}
      {run.phase === 'reading' && run.pausedMs !== undefined && <p className="warning">{i18n.t('reports.search.paused', [String(Math.ceil(run.pausedMs / 1000))])}</p>}
      {run.phase === 'done' && source?.kind === 'api' && <p role="status">{i18n.t('reports.search.done', [count(run.read), count(run.requests)])}</p>}
      {run.truncated && (
        <p className="warnings">
          {run.total === undefined ? i18n.t('reports.search.truncated', [count(SEARCH_LIMIT)]) : i18n.t('reports.search.truncatedOf', [count(SEARCH_LIMIT), count(run.total)])}
        </p>
      )}
      {run.phase === 'cancelled' && <p>{i18n.t('reports.search.cancelled')}</p>}
      {run.phase === 'gone' && <p className="errors">{i18n.t('reports.search.gone')}</p>}
      {run.phase === 'failed' && (
        <p className="errors">
          {run.failure ? i18n.t('reports.search.failed', [count(run.read), i18n.t(API_FAILURE_KEYS[run.failure.kind])]) : i18n.t('reports.failed', [run.error ?? ''])}
        </p>
      )}
    </div>
  );
}

/**
 * Options → Reports: the SLA report of a helpdesk tab's search (opened from the popup with
 * `#/reports?tab=<id>`) or of an export file, computed in a worker with the stored settings.
 */
export function ReportsSection({ route, makeWorker }: { route: Route; makeWorker?: () => ReportWorker }) {
  const { settings } = useStore();
  const { run, startSearch, startFile, cancel } = useReportRun(settings, makeWorker);
  const tab = Number(route.params.get('tab'));
  const tabId = Number.isInteger(tab) && tab > 0 ? tab : undefined;

  // Opened for a tab (the popup's "SLA report for this search"): read its search at once.
  // biome-ignore lint/correctness/useExhaustiveDependencies: once per tab, not per settings change
  useEffect(() => {
    if (tabId !== undefined) startSearch(tabId);
  }, [tabId]);

  return (
    <>
      <p className="muted">{i18n.t('reports.intro')}</p>
      <section className="card" aria-labelledby="report-search">
        <h2 id="report-search">{i18n.t('reports.search.heading')}</h2>
        {tabId === undefined ? (
          <p className="muted">{i18n.t('reports.search.howTo')}</p>
        ) : (
          <button type="button" onClick={() => startSearch(tabId)} disabled={run?.phase === 'reading'}>
            {i18n.t('reports.search.again')}
          </button>
        )}
      </section>
      <FileSource onStart={startFile} busy={run?.phase === 'reading'} />
      {run && <RunStatus run={run} onCancel={cancel} />}
      {run?.result && <ReportView result={run.result} customPolicies={settings.customPolicies} names={explanationNames(settings.holidays)} />}
    </>
  );
}
