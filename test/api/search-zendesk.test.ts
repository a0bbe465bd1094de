// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSearch } from '../../entrypoints/overlay.content/api/search/read-search';
import type { SearchRow } from '../../entrypoints/overlay.content/api/search/types';
import { zendeskSearchReader } from '../../entrypoints/overlay.content/api/search/zendesk';
import type { ExactTicket, ReadContext } from '../../entrypoints/overlay.content/api/types';
import { zendeskReader } from '../../entrypoints/overlay.content/api/zendesk';
import { fakeGet } from './fake-get';

/**
 * The Zendesk search reader: a view's tickets. Bodies as Zendesk's API reference shows them:
 * - List Tickets From a View with cursor paging (`tickets`, `meta.has_more`, `meta.after_cursor`),
 *   https://developer.zendesk.com/api-reference/ticketing/business-rules/views/#list-tickets-from-a-view,
 *   https://developer.zendesk.com/api-reference/introduction/pagination/#using-cursor-pagination
 * - Count Tickets in View (`view_count.value`),
 *   https://developer.zendesk.com/api-reference/ticketing/business-rules/views/#count-tickets-in-view
 * - Show Many with side-loads: test/fixtures/api/zendesk/show-many.json (as test/api/zendesk.test.ts)
 */
const showMany = JSON.parse(readFileSync(join(import.meta.dirname, '../fixtures/api/zendesk/show-many.json'), 'utf8'));
const context = { doc: document, timeZone: 'Asia/Tokyo', now: new Date('2026-11-15T05:00:00Z') } as ReadContext;

const viewPage = (ids: number[], after: string | null) => ({
  body: {
    tickets: ids.map((id) => ({ id, subject: 'as the view lists it', status: 'open' })),
    meta: { has_more: after !== null, after_cursor: after, before_cursor: null },
    links: { next: after ? `https://acme.zendesk.com/api/v2/views/360/tickets.json?page%5Bafter%5D=${after}&page%5Bsize%5D=100` : null, prev: null },
  },
});

function zendesk(count: unknown = { view_count: { view_id: 360, url: 'https://acme.zendesk.com/api/v2/views/360/count.json', value: 2, pretty: '2', fresh: true } }) {
  return fakeGet((path) => {
    if (path === '/api/v2/views/360/count.json') return { body: count };
    if (path === '/api/v2/views/360/tickets.json?page%5Bsize%5D=100') return viewPage([35436], 'xOTU1MQ');
    if (path === '/api/v2/views/360/tickets.json?page%5Bsize%5D=100&page%5Bafter%5D=xOTU1MQ') return viewPage([35437], null);
    if (path.startsWith('/api/v2/tickets/show_many.json?')) return { body: showMany };
    return undefined;
  });
}

async function collect(get: ReturnType<typeof zendesk>) {
  const rows: SearchRow[] = [];
  const progress: unknown[] = [];
  const outcome = await readSearch({ reader: zendeskSearchReader, query: '360', get, context, onRows: (r) => rows.push(...r), onProgress: (p) => progress.push(p) });
  return { rows, progress, outcome };
}

describe('Zendesk search reader', () => {
  it("takes the view's id from the agent's view URL", () => {
    expect(zendeskSearchReader.query(new URL('https://acme.zendesk.com/agent/filters/360'))).toBe('360');
    expect(zendeskSearchReader.query(new URL('https://acme.zendesk.com/agent/views/360/'))).toBe('360');
    expect(zendeskSearchReader.query(new URL('https://acme.zendesk.com/agent/tickets/35436'))).toBeUndefined();
  });

  it("reads the view's size, then its tickets a cursor page at a time, each page's fields through Show Many", async () => {
    const get = zendesk();
    const { rows, progress, outcome } = await collect(get);
    expect(get.requests.map((r) => r.path)).toEqual([
      '/api/v2/views/360/count.json',
      '/api/v2/views/360/tickets.json?page%5Bsize%5D=100',
      '/api/v2/tickets/show_many.json?ids=35436&include=users,organizations,metric_sets,slas',
      '/api/v2/views/360/tickets.json?page%5Bsize%5D=100&page%5Bafter%5D=xOTU1MQ',
      '/api/v2/tickets/show_many.json?ids=35437&include=users,organizations,metric_sets,slas',
    ]);
    // Each ticket as the Zendesk API reader reads it (test/api/zendesk.test.ts checks those fields).
    const exact = await zendeskReader.read([{ key: '35436' }], fakeGet(() => ({ body: showMany })), context);
    const first = exact.get('35436') as ExactTicket;
    expect(rows[0]).toEqual({ id: '35436', ...first.fields, status: 'open' });
    expect(rows[0]).toMatchObject({ organisation: 'Kaiyo Systems', language: 'ja', firstReply: '2026-11-15T02:15:12.000Z' });
    expect(rows.map((r) => r.id)).toEqual(['35436', '35437']);
    expect(progress).toEqual([
      { read: 1, total: 2 },
      { read: 2, total: 2 },
    ]);
    expect(outcome).toEqual({ read: 2, total: 2, truncated: false });
  });

  it('goes on without a size when Zendesk cannot count the view yet', async () => {
    const { outcome } = await collect(zendesk({ view_count: { value: null, fresh: false } }));
    expect(outcome).toEqual({ read: 2, total: undefined, truncated: false });
  });

  it('stops at the bound and says the view has more', async () => {
    const get = zendesk();
    const rows: SearchRow[] = [];
    const outcome = await readSearch({ reader: zendeskSearchReader, query: '360', get, context, limit: 1, onRows: (r) => rows.push(...r) });
    expect(outcome).toEqual({ read: 1, total: 2, truncated: true });
    expect(get.requests.filter((r) => r.path.includes('page%5Bafter%5D'))).toEqual([]);
  });
});
