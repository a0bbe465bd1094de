import type { ApiFailure } from '../types';
import type { SearchRow } from './types';

/**
 * The SLA report of a helpdesk search, between the options page and the tab's content script
 * (documented in docs/architecture.md, "Messages"). The options page connects a port named
 * SEARCH_PORT to the tab's top frame: connecting starts the reading, disconnecting cancels it. The
 * content script answers with SearchReportMessages, rows in the search's order.
 */
export const SEARCH_PORT = 'sla:search-report';

/** What a page's report reads, for the popup's button and the report's heading. */
export type SearchSourceInfo =
  | { kind: 'api'; helpdesk: string; apiName: string; query: string; url: string; title: string }
  /** The tickets loaded on the page (no search the API can repeat, or the API is not read here). */
  | { kind: 'page'; tickets: number; url: string; title: string };

export type SearchReportMessage =
  | { type: 'source'; source: SearchSourceInfo }
  | { type: 'rows'; rows: SearchRow[] }
  | { type: 'progress'; read: number; total?: number; requests: number; pausedMs?: number }
  | { type: 'done'; read: number; total?: number; truncated: boolean; requests: number }
  | { type: 'failed'; failure: ApiFailure; read: number };
