import type { Settings } from '../../../../core/settings/schema';
import type { ScannedTicket } from '../../adapters/types';
import { ApiError, type ApiGet, type ReadContext } from '../types';
import { politeGet, SearchCancelled } from './polite-get';
import type { SearchReportMessage, SearchSourceInfo } from './protocol';
import { readSearch, SEARCH_LIMIT } from './read-search';
import { searchSourceFor } from './registry';
import type { SearchRow } from './types';

/** What the content script gives a search report: the page, its settings, its door and its tickets. */
export interface SearchPageDeps {
  url: string;
  title: string;
  settings: Settings;
  get: () => ApiGet;
  context: () => ReadContext;
  /** The overlay's badged tickets (the report of a page without a search the API can repeat). */
  pageTickets: () => Array<ScannedTicket['fields']>;
}

/** The page's tickets as report rows (those with an id, once each). */
export function pageRows(tickets: ReadonlyArray<ScannedTicket['fields']>): SearchRow[] {
  return tickets.flatMap(({ id, submittedApproximate: _approximate, owner: _owner, ...fields }) => (id ? [{ ...fields, id }] : []));
}

/** What the popup offers and the report's heading names. */
export function searchInfo(deps: SearchPageDeps): SearchSourceInfo {
  const source = searchSourceFor(deps.url, deps.settings);
  const page = { url: deps.url, title: deps.title.slice(0, 200) };
  if (source.kind === 'api') return { kind: 'api', helpdesk: source.reader.id, apiName: source.reader.apiName, query: source.query, ...page };
  return { kind: 'page', tickets: pageRows(deps.pageTickets()).length, ...page };
}

/**
 * Reads the page's search (or its tickets) and posts the rows, progress and outcome; `cancel` stops
 * before the next request. Never throws: a failure is posted in the user's terms (ApiFailure).
 */
export function startSearchReport(deps: SearchPageDeps, post: (message: SearchReportMessage) => void, limit = SEARCH_LIMIT): { cancel(): void; done: Promise<void> } {
  const abort = new AbortController();
  const done = (async () => {
    const source = searchSourceFor(deps.url, deps.settings);
    post({ type: 'source', source: searchInfo(deps) });
    if (source.kind === 'page') {
      const rows = pageRows(deps.pageTickets()).slice(0, limit);
      post({ type: 'rows', rows });
      post({ type: 'done', read: rows.length, truncated: false, requests: 0 });
      return;
    }
    let read = 0;
    // A 429's pause shows as progress that waits (the helpdesk asked for it).
    const get = politeGet(deps.get(), abort.signal, (pausedMs) => post({ type: 'progress', read, requests: get.requests, pausedMs }));
    try {
      const outcome = await readSearch({
        reader: source.reader,
        query: source.query,
        get,
        context: deps.context(),
        limit,
        onRows: (rows) => post({ type: 'rows', rows }),
        onProgress: (progress) => {
          read = progress.read;
          post({ type: 'progress', ...progress, requests: get.requests });
        },
      });
      post({ type: 'done', ...outcome, requests: get.requests });
    } catch (error) {
      if (error instanceof SearchCancelled) return;
      const failure = error instanceof ApiError ? error.failure : { kind: 'unexpected' as const, message: error instanceof Error ? error.message : String(error) };
      post({ type: 'failed', failure, read });
    }
  })();
  return { cancel: () => abort.abort(), done };
}
