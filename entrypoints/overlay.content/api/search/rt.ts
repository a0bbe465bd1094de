import { exactTickets, REST, type RtTicket, rtWebPath, searchPage, TICKET_FIELDS } from '../rt';
import type { SearchReader, SearchRow } from './types';

/**
 * RT's search results page (`/Search/Results.html?Query=<TicketSQL>`): the same TicketSQL through
 * REST2, a hundred tickets a page in id order, each page's first replies and languages read as the
 * RT API reader reads them (https://docs.bestpractical.com/rt/5.0.3/RT/REST2.html, "Paging").
 */
export const rtSearchReader: SearchReader = {
  id: 'rt',
  apiName: 'RT REST2',
  query(url) {
    if (!/\/Search\/Results\.html$/.test(url.pathname)) return undefined;
    return url.searchParams.get('Query')?.trim() || undefined;
  },
  async *pages(query, get, context) {
    const path = `${rtWebPath(context.doc)}${REST}/tickets`;
    for (let page = 1; ; page++) {
      const { items, more, total } = await searchPage<RtTicket>(get, path, { query, orderby: 'id', order: 'ASC', ...TICKET_FIELDS }, page);
      const exact = await exactTickets(items, get, context);
      const rows = [...exact].map(([id, ticket]): SearchRow => ({ ...ticket.fields, id, ...(ticket.status ? { status: ticket.status } : {}) }));
      yield { rows, total, more };
      if (!more) return;
    }
  },
};
