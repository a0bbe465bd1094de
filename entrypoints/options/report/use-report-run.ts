import { useCallback, useEffect, useRef, useState } from 'react';
import { localZone } from '@/components/format';
import type { ColumnMapping, FileFormat, ReportOptions, ReportResult } from '@/core/report';
import type { Settings } from '@/core/settings/schema';
import type { SearchReportMessage, SearchSourceInfo } from '@/entrypoints/overlay.content/api/search/protocol';
import type { ApiFailure } from '@/entrypoints/overlay.content/api/types';
import { startReportWorker } from './report-worker';
import { searchReportRow } from './search-rows';
import { readTabSearch } from './tab-search';
import type { ReportWorker, ToReportWorker } from './worker-protocol';

/** A report being made or made: where its tickets come from, how far reading got, the result. */
export interface ReportRun {
  phase: 'reading' | 'done' | 'failed' | 'cancelled' | 'gone';
  source?: SearchSourceInfo;
  /** The export file the report is made of. */
  file?: string;
  read: number;
  total?: number;
  requests: number;
  pausedMs?: number;
  truncated?: boolean;
  failure?: ApiFailure;
  error?: string;
  result?: ReportResult;
}

/** The accumulator's options for a report made now with the stored settings (the same lookup as the overlay). */
export const reportOptions = (settings: Settings, extra: Partial<ReportOptions> = {}): ReportOptions => ({ settings, zone: localZone(), now: Date.now(), ...extra });

/**
 * Runs reports in a worker: a tab's search (rows from its content script, fed to the worker page by
 * page) or any other row source built on `feed`. One run at a time; a new one ends the last.
 */
export function useReportRun(settings: Settings, makeWorker: () => ReportWorker = startReportWorker) {
  const [run, setRun] = useState<ReportRun>();
  const stop = useRef<() => void>(() => {});

  useEffect(() => () => stop.current(), []);

  /** A worker for a new run; its result (or error) ends the run. */
  const begin = useCallback(
    (cancelSource: () => void) => {
      stop.current();
      const worker = makeWorker();
      worker.onMessage((message) => {
        if (message.type === 'progress') setRun((old) => old && (old.file === undefined ? old : { ...old, read: message.rows }));
        if (message.type === 'result') setRun((old) => old && { ...old, phase: 'done', result: message.result });
        if (message.type === 'error') setRun((old) => old && { ...old, phase: 'failed', error: message.message });
      });
      stop.current = () => {
        cancelSource();
        worker.terminate();
      };
      setRun({ phase: 'reading', read: 0, requests: 0 });
      return worker;
    },
    [makeWorker],
  );

  const startSearch = useCallback(
    (tabId: number) => {
      let next = 1;
      let worker: ReportWorker | undefined;
      const post = (message: ToReportWorker) => worker?.post(message);
      const onMessage = (message: SearchReportMessage) => {
        switch (message.type) {
          case 'source':
            post({ type: 'start', options: reportOptions(settings, message.source.kind === 'api' ? { adapter: message.source.helpdesk } : {}) });
            return setRun((old) => old && { ...old, source: message.source });
          case 'rows':
            post({ type: 'rows', rows: message.rows.map(searchReportRow), first: next });
            next += message.rows.length;
            return;
          case 'progress':
            return setRun((old) => old && { ...old, read: message.read, total: message.total, requests: message.requests, pausedMs: message.pausedMs });
          case 'done':
            post({ type: 'finish' });
            return setRun((old) => old && { ...old, read: message.read, total: message.total, requests: message.requests, truncated: message.truncated, pausedMs: undefined });
          case 'failed':
            worker?.terminate();
            return setRun((old) => old && { ...old, phase: 'failed', failure: message.failure, read: message.read });
        }
      };
      let search: { cancel(): void } | undefined;
      worker = begin(() => search?.cancel());
      try {
        search = readTabSearch(tabId, onMessage, () => setRun((old) => old && (old.phase === 'reading' ? { ...old, phase: 'gone' } : old)));
      } catch {
        setRun((old) => old && { ...old, phase: 'gone' });
      }
    },
    [begin, settings],
  );

  const startFile = useCallback(
    (file: File, format: FileFormat, mapping: ColumnMapping) => {
      const worker = begin(() => {});
      setRun({ phase: 'reading', read: 0, requests: 0, file: file.name });
      const { adapter, priorityMap, dateFormats } = mapping;
      worker.post({ type: 'start', options: reportOptions(settings, { adapter, priorityMap, dateFormats }) });
      worker.post({ type: 'file', file, format, mapping });
    },
    [begin, settings],
  );

  const cancel = useCallback(() => {
    stop.current();
    stop.current = () => {};
    setRun((old) => old && (old.phase === 'reading' ? { ...old, phase: 'cancelled' } : old));
  }, []);

  return { run, startSearch, startFile, cancel };
}
