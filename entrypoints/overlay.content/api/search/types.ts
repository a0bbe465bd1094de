import type { TicketFields } from '../../../../core/contracts/ticket';
import type { ApiGet, ReadContext } from '../types';

/**
 * Search readers: the tickets of a helpdesk search (a list page's query, a view) read through the
 * helpdesk's API, page by page, for the SLA report. They run in the content script on the helpdesk
 * page and reach the network only through `get` (same-origin-get.ts), like the API readers.
 */

/** One ticket of a search, as the report needs it: the fields the contract lookup and evaluate read. */
export type SearchRow = Omit<TicketFields, 'submittedApproximate' | 'owner'> & {
  /** The helpdesk's status ("open", "resolved"). */
  status?: string;
};

/** One page of a search's answer. */
export interface SearchPage {
  rows: SearchRow[];
  /** The search's size, when the helpdesk tells it. */
  total?: number;
  /** The helpdesk has more after this page. */
  more: boolean;
}

export interface SearchReader {
  /** The adapter id this reader serves ("rt", "zendesk", "jira"). */
  id: string;
  /** The API's name ("RT REST2"), as the API reader calls it. */
  apiName: string;
  /** The search this page lists (TicketSQL, a view's id, JQL), or undefined when it lists none the API can repeat. */
  query(url: URL): string | undefined;
  /** The search's tickets, page after page (the caller stops pulling at its bound or on cancel). */
  pages(query: string, get: ApiGet, context: ReadContext): AsyncGenerator<SearchPage>;
}
