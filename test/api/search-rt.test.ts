// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { Settings } from '../../core/settings/schema';
import type { SearchReportMessage } from '../../entrypoints/overlay.content/api/search/protocol';
import { readSearch, SEARCH_LIMIT } from '../../entrypoints/overlay.content/api/search/read-search';
import { rtSearchReader } from '../../entrypoints/overlay.content/api/search/rt';
import { startSearchReport } from '../../entrypoints/overlay.content/api/search/session';
import type { SearchRow } from '../../entrypoints/overlay.content/api/search/types';
import type { ApiGet, ReadContext } from '../../entrypoints/overlay.content/api/types';
import type { SeededTicket } from '../../scripts/rt/seed';
import { type FakeResponse, fakeGet } from './fake-get';

/**
 * The RT search reader: a results page's TicketSQL through REST2, over all pages, with the RT API
 * reader's first replies. On RT 5.0.3's real answers (test/fixtures/rt-api/real: the ticket search
 * answered as RT answered the reader's, the transaction and attachment searches as captured) and on
 * pages built from a real ticket item for paging, the bound, cancel and a 429.
 */

const DIR = join(import.meta.dirname, '../fixtures/rt-api');
const fixture = (path: string) => JSON.parse(readFileSync(join(DIR, path), 'utf8'));
const real = fixture('real/answers.json') as { answers: Array<{ request: string; body: { items: Array<Record<string, unknown>> } }> };
const manifest = fixture('real/manifest.json') as { tickets: SeededTicket[] };
const [ticketsAnswer, transactionsAnswer, attachmentsAnswer] = real.answers;

const QUERY = "Queue = 'Support' AND Status = '__Active__'";
const RESULTS = `http://127.0.0.1:8085/Search/Results.html?${new URLSearchParams({ Query: QUERY, OrderBy: 'id', Order: 'ASC' })}`;

function page(url = RESULTS): ReadContext {
  const window = new Window({ url });
  return { doc: window.document as unknown as Document, timeZone: 'UTC', now: new Date('2026-12-04T14:00:00Z') };
}

const pathOf = (path: string) => path.slice(0, path.indexOf('?'));
const params = (path: string) => new URLSearchParams(path.slice(path.indexOf('?') + 1));
const instant = (iso: string | undefined) => (iso ? Date.parse(iso) : undefined);
const EMPTY = { body: { items: [], count: 0, total: 0, page: 1, pages: 0, per_page: 100 } };

/** RT with `count` tickets made from a real item (English, no replies): 100 a page, as REST2 pages them. */
function bigRt(count: number, extra: (path: string) => FakeResponse | undefined = () => undefined) {
  const template = ticketsAnswer?.body.items[0] ?? {};
  return fakeGet((path) => {
    const answer = extra(path);
    if (answer) return answer;
    if (pathOf(path) === '/REST/2.0/transactions') return EMPTY;
    if (pathOf(path) !== '/REST/2.0/tickets') return undefined;
    const n = Number(params(path).get('page'));
    const pages = Math.ceil(count / 100);
    const ids = Array.from({ length: Math.max(0, Math.min(100, count - (n - 1) * 100)) }, (_, i) => (n - 1) * 100 + i + 1);
    return { body: { count: ids.length, page: n, pages, per_page: 100, total: count, items: ids.map((id) => ({ ...template, id: String(id) })) } };
  });
}

async function collect(get: ApiGet, limit?: number) {
  const rows: SearchRow[] = [];
  const progress: Array<{ read: number; total?: number }> = [];
  const outcome = await readSearch({ reader: rtSearchReader, query: QUERY, get, context: page(), limit, onRows: (r) => rows.push(...r), onProgress: (p) => progress.push(p) });
  return { rows, progress, outcome };
}

describe('RT search reader', () => {
  it("takes the results page's TicketSQL (Query=) and nothing from other pages", () => {
    expect(rtSearchReader.query(new URL(RESULTS))).toBe(QUERY);
    expect(rtSearchReader.query(new URL('http://127.0.0.1:8085/rt/Search/Results.html?Query=id%3E0'))).toBe('id>0');
    expect(rtSearchReader.query(new URL('http://127.0.0.1:8085/Search/Results.html'))).toBeUndefined();
    expect(rtSearchReader.query(new URL('http://127.0.0.1:8085/Ticket/Display.html?id=1&Query=id%3E0'))).toBeUndefined();
  });

  it("reads the search's tickets through REST2 with their first replies, on RT 5.0.3's answers", async () => {
    const get = fakeGet((path) => {
      if (pathOf(path) === '/REST/2.0/tickets') return ticketsAnswer;
      if (pathOf(path) === '/REST/2.0/transactions') return transactionsAnswer;
      if (pathOf(path) === '/REST/2.0/attachments') return attachmentsAnswer;
      return undefined;
    });
    const { rows, outcome, progress } = await collect(get);
    expect(get.requests.map((r) => pathOf(r.path))).toEqual(['/REST/2.0/tickets', '/REST/2.0/transactions', '/REST/2.0/attachments']);
    const search = params(get.requests[0]?.path ?? '');
    expect(Object.fromEntries(search)).toEqual({
      query: QUERY,
      orderby: 'id',
      order: 'ASC',
      fields: 'Created,Priority,Status,Subject,Due,LastUpdated,Requestor,CustomFields',
      'fields[Requestor]': 'EmailAddress,Organization,Lang',
      per_page: '100',
      page: '1',
    });
    expect(outcome).toEqual({ read: manifest.tickets.length, total: manifest.tickets.length, truncated: false });
    expect(progress).toEqual([{ read: manifest.tickets.length, total: manifest.tickets.length }]);
    expect(rows.map((row) => row.id)).toEqual(manifest.tickets.map((t) => t.id));
    for (const ticket of manifest.tickets) {
      const row = rows.find((r) => r.id === ticket.id);
      expect(instant(row?.submitted), `#${ticket.id} submitted`).toBe(instant(ticket.created));
      expect(instant(row?.firstReply), `#${ticket.id} first reply`).toBe(instant(ticket.replied));
      expect(row?.subject).toBe(ticket.subject);
      expect(row?.status).toBeTruthy();
    }
  });

  it('pages through the whole result (page=1, 2, 3) with the total as progress', async () => {
    const get = bigRt(250);
    const { rows, progress, outcome } = await collect(get);
    const pages = get.requests.filter((r) => pathOf(r.path) === '/REST/2.0/tickets').map((r) => params(r.path).get('page'));
    expect(pages).toEqual(['1', '2', '3']);
    expect(rows.map((r) => Number(r.id))).toEqual(Array.from({ length: 250 }, (_, i) => i + 1));
    expect(progress).toEqual([
      { read: 100, total: 250 },
      { read: 200, total: 250 },
      { read: 250, total: 250 },
    ]);
    expect(outcome).toEqual({ read: 250, total: 250, truncated: false });
  });

  it(`stops at ${SEARCH_LIMIT.toLocaleString('en')} tickets and says the search has more, asking for no further page`, async () => {
    const get = bigRt(SEARCH_LIMIT + 150);
    const { rows, outcome } = await collect(get);
    const pages = get.requests.filter((r) => pathOf(r.path) === '/REST/2.0/tickets').map((r) => Number(params(r.path).get('page')));
    expect(rows).toHaveLength(SEARCH_LIMIT);
    expect(Math.max(...pages)).toBe(SEARCH_LIMIT / 100);
    expect(outcome).toEqual({ read: SEARCH_LIMIT, total: SEARCH_LIMIT + 150, truncated: true });
  });

  it('cuts a page at the bound and says so', async () => {
    const { rows, outcome } = await collect(bigRt(250), 150);
    expect(rows).toHaveLength(150);
    expect(outcome).toEqual({ read: 150, total: 250, truncated: true });
  });

  it('a search of exactly the bound is not cut', async () => {
    const { outcome } = await collect(bigRt(200), 200);
    expect(outcome).toEqual({ read: 200, total: 200, truncated: false });
  });
});

describe('a search report in the content script (session)', () => {
  const settings = Settings.parse({ version: 1, sites: [{ id: 'rt', adapter: 'rt', enabled: true, matches: ['http://127.0.0.1/*'] }] });
  const deps = (get: ApiGet, url = RESULTS) => ({
    url,
    title: 'Found 250 tickets',
    settings,
    get: () => get,
    context: () => page(url),
    pageTickets: () => [
      { id: '7', subject: 'On the page', submitted: '2026-12-01T09:00:00Z', submittedApproximate: true, owner: 'Nobody' },
      { subject: 'No id' },
    ],
  });

  it('posts the source, the rows page by page, progress with requests, and the outcome', async () => {
    const messages: SearchReportMessage[] = [];
    const get = bigRt(250);
    await startSearchReport(deps(get), (m) => messages.push(m)).done;
    expect(messages[0]).toEqual({ type: 'source', source: { kind: 'api', helpdesk: 'rt', apiName: 'RT REST2', query: QUERY, url: RESULTS, title: 'Found 250 tickets' } });
    expect(messages.filter((m) => m.type === 'rows').map((m) => (m.type === 'rows' ? m.rows.length : 0))).toEqual([100, 100, 50]);
    expect(messages.at(-1)).toEqual({ type: 'done', read: 250, total: 250, truncated: false, requests: get.requests.length });
    expect(get.requests).toHaveLength(6);
  });

  it('cancel stops before the next request and posts no outcome', async () => {
    const messages: SearchReportMessage[] = [];
    const get = bigRt(1000);
    const report = startSearchReport(deps(get), (m) => {
      messages.push(m);
      if (m.type === 'rows') report.cancel();
    });
    await report.done;
    expect(get.requests.map((r) => pathOf(r.path))).toEqual(['/REST/2.0/tickets', '/REST/2.0/transactions']);
    expect(messages.map((m) => m.type)).toEqual(['source', 'rows', 'progress']);
  });

  it("pauses for a 429's Retry-After, says so, then asks the same page again", async () => {
    let limited = 0;
    const get = bigRt(150, (path) => (params(path).get('page') === '2' && pathOf(path) === '/REST/2.0/tickets' && limited++ === 0 ? { status: 429, retryAfter: '0.02' } : undefined));
    const messages: SearchReportMessage[] = [];
    await startSearchReport(deps(get), (m) => messages.push(m)).done;
    const pages = get.requests.filter((r) => pathOf(r.path) === '/REST/2.0/tickets').map((r) => params(r.path).get('page'));
    expect(pages).toEqual(['1', '2', '2']);
    expect(messages).toContainEqual({ type: 'progress', read: 100, requests: 3, pausedMs: 20 });
    expect(messages.at(-1)).toMatchObject({ type: 'done', read: 150, truncated: false });
  });

  it('a helpdesk that keeps answering 429 fails the report in its terms, with what was read', async () => {
    const get = bigRt(150, (path) => (params(path).get('page') === '2' ? { status: 429, retryAfter: '0' } : undefined));
    const messages: SearchReportMessage[] = [];
    await startSearchReport(deps(get), (m) => messages.push(m)).done;
    expect(messages.at(-1)).toEqual({ type: 'failed', failure: { kind: 'rate-limited', retryAfterMs: 0 }, read: 100 });
  });

  it('a signed-out answer fails the report (no rows lost silently)', async () => {
    const get = fakeGet(() => ({ status: 401 }));
    const messages: SearchReportMessage[] = [];
    await startSearchReport(deps(get), (m) => messages.push(m)).done;
    expect(messages.at(-1)).toEqual({ type: 'failed', failure: { kind: 'signed-out', status: 401 }, read: 0 });
  });

  it("without a search in the URL, reports the page's tickets (with an id) and says so, with no request", async () => {
    const url = 'http://127.0.0.1:8085/Ticket/Display.html?id=7';
    const get = bigRt(10);
    const messages: SearchReportMessage[] = [];
    await startSearchReport(deps(get, url), (m) => messages.push(m)).done;
    expect(messages).toEqual([
      { type: 'source', source: { kind: 'page', tickets: 1, url, title: 'Found 250 tickets' } },
      { type: 'rows', rows: [{ id: '7', subject: 'On the page', submitted: '2026-12-01T09:00:00Z' }] },
      { type: 'done', read: 1, truncated: false, requests: 0 },
    ]);
    expect(get.requests).toEqual([]);
  });

  it("reads the page only when the settings turn reading helpdesks' APIs off", async () => {
    const get = bigRt(10);
    const messages: SearchReportMessage[] = [];
    await startSearchReport({ ...deps(get), settings: { ...settings, readHelpdeskApis: false } }, (m) => messages.push(m)).done;
    expect(messages[0]).toMatchObject({ type: 'source', source: { kind: 'page' } });
    expect(get.requests).toEqual([]);
  });
});
