import { ApiError, isFailure } from '../types';
import { zendeskReader } from '../zendesk';
import type { SearchReader, SearchRow } from './types';

/**
 * A Zendesk view (`/agent/filters/<id>`): its tickets through List Tickets From a View with cursor
 * paging, a hundred at a time, each page's fields read as the Zendesk API reader reads them (Show
 * Many with requesters, organisations and metrics); the size from Count Tickets in View.
 * https://developer.zendesk.com/api-reference/ticketing/business-rules/views/#list-tickets-from-a-view
 * https://developer.zendesk.com/api-reference/ticketing/business-rules/views/#count-tickets-in-view
 * https://developer.zendesk.com/api-reference/introduction/pagination/#using-cursor-pagination
 */

interface ViewPage {
  tickets?: Array<{ id?: number }>;
  meta?: { has_more?: boolean; after_cursor?: string | null };
}

const VIEW = /^\/agent\/(?:filters|views)\/(\d+)\/?$/;

export const zendeskSearchReader: SearchReader = {
  id: 'zendesk',
  apiName: zendeskReader.apiName,
  query: (url) => VIEW.exec(url.pathname)?.[1],
  async *pages(view, get, context) {
    const count = (await get.json(`/api/v2/views/${view}/count.json`).catch(() => undefined)) as { view_count?: { value?: unknown } } | undefined;
    const value = count?.view_count?.value;
    const total = typeof value === 'number' ? value : undefined;
    let after: string | undefined;
    do {
      const params = new URLSearchParams({ 'page[size]': '100' });
      if (after) params.set('page[after]', after);
      const answer = (await get.json(`/api/v2/views/${view}/tickets.json?${params}`)) as ViewPage;
      if (!Array.isArray(answer?.tickets)) throw new ApiError({ kind: 'unexpected', message: 'Zendesk answered without a tickets list' });
      const ids = answer.tickets.map((ticket) => String(ticket.id)).filter((id) => /^\d+$/.test(id));
      const exact = ids.length ? await zendeskReader.read(ids.map((key) => ({ key })), get, context) : new Map();
      const rows: SearchRow[] = [];
      for (const id of ids) {
        const ticket = exact.get(id);
        // A ticket deleted between the two requests is not in the report.
        if (ticket && !isFailure(ticket)) rows.push({ ...ticket.fields, id, ...(ticket.status ? { status: ticket.status } : {}) });
      }
      after = answer.meta?.has_more ? (answer.meta.after_cursor ?? undefined) : undefined;
      yield { rows, total, more: after !== undefined };
    } while (after);
  },
};
