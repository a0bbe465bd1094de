import type { ApiGet, ReadContext } from '../types';
import type { SearchReader, SearchRow } from './types';

/** Tickets a search report reads at most: a bigger search is cut here, and the report says so. */
export const SEARCH_LIMIT = 20_000;

export interface SearchOutcome {
  /** Tickets read (at most the limit). */
  read: number;
  /** The search's size, when the helpdesk told it. */
  total?: number;
  /** The search has more tickets than were read (the limit was reached). */
  truncated: boolean;
}

export interface ReadSearchOptions {
  reader: SearchReader;
  query: string;
  get: ApiGet;
  context: ReadContext;
  limit?: number;
  /** Each page's rows, in the search's order (never more than the limit in all). */
  onRows(rows: SearchRow[]): void;
  onProgress?(progress: { read: number; total?: number }): void;
}

/** Reads a search page after page up to the limit; stops pulling pages once it is reached. */
export async function readSearch(options: ReadSearchOptions): Promise<SearchOutcome> {
  const { reader, query, get, context, limit = SEARCH_LIMIT } = options;
  let read = 0;
  let total: number | undefined;
  let more = false;
  for await (const page of reader.pages(query, get, context)) {
    total = page.total ?? total;
    const rows = page.rows.slice(0, limit - read);
    read += rows.length;
    more = page.more || rows.length < page.rows.length;
    if (rows.length) options.onRows(rows);
    options.onProgress?.({ read, total });
    if (read >= limit) break;
  }
  return { read, total, truncated: more && read >= limit };
}
