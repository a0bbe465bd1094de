// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ApiError, type ReadContext } from '../../entrypoints/overlay.content/api/types';
import { zammadReader } from '../../entrypoints/overlay.content/api/zammad';
import { fakeGet } from './fake-get';

/**
 * Bodies reproduced from Zammad's API documentation:
 * - search-expanded.json: Search (https://docs.zammad.org/en/latest/api/ticket/index.html) with the
 *   expanded ticket payload (https://docs.zammad.org/en/latest/api/intro.html, "Response Payloads (expand)")
 * - articles-by-ticket-3.json: List Articles by Ticket (https://docs.zammad.org/en/latest/api/ticket/articles.html)
 * - errors: Zammad's JSON error body ({"error": …, "error_human": …}); 429 with Retry-After.
 */
const fixture = (name: string) => JSON.parse(readFileSync(join(import.meta.dirname, '../fixtures/api/zammad', name), 'utf8'));
const search = fixture('search-expanded.json');
const articles = fixture('articles-by-ticket-3.json');
const context = { doc: document, timeZone: 'Europe/Berlin', now: new Date('2026-11-15T05:00:00Z') } as ReadContext;
const refs = (...keys: string[]) => keys.map((key) => ({ key }));

const zammad = () =>
  fakeGet((path) => {
    if (path.startsWith('/api/v1/tickets/search?')) return { body: search };
    if (path === '/api/v1/ticket_articles/by_ticket/3?expand=true') return { body: articles };
    return undefined;
  });

describe('Zammad reader', () => {
  it('searches the batch by number in one GET, and reads articles only where the title does not tell the language', async () => {
    const get = zammad();
    const result = await zammadReader.read(refs('71003', '71010', '71099'), get, context);
    expect(get.requests.map((request) => request.path)).toEqual([
      `/api/v1/tickets/search?query=${encodeURIComponent('number:(71003 OR 71010 OR 71099)')}&expand=true&limit=3`,
      // 71010's Japanese title tells its language: no article request for it.
      '/api/v1/ticket_articles/by_ticket/3?expand=true',
    ]);
    expect(result.get('71003')).toEqual({
      fields: {
        submitted: '2026-11-15T01:00:00.000Z',
        priorityRaw: 'high',
        requesterEmail: 'samuel@example.com',
        organisation: 'Awesome Customer Inc.',
        subject: 'Order 787556 arrived damaged',
        // An English title, a Japanese first message.
        language: 'ja',
        type: 'technical',
        // The internal note at 01:40 is not a reply to the customer.
        firstReply: '2026-11-15T02:10:00.000Z',
      },
      status: 'open',
      helpdeskDeadline: { deadline: '2026-11-15T03:00:00.000Z', name: 'Zammad escalation: first response', achieved: true },
      updated: '2026-11-15T02:10:00.120Z',
    });
    expect(result.get('71010')).toEqual({
      fields: {
        submitted: '2026-11-15T04:00:00.000Z',
        priorityRaw: 'normal',
        requesterEmail: 'yuki@tanaka.example',
        subject: 'ログインできません',
        language: 'ja',
      },
      status: 'new',
      helpdeskDeadline: { deadline: '2026-11-15T06:00:00.000Z', name: 'Zammad escalation: first response' },
      updated: '2026-11-15T04:00:00.210Z',
    });
    expect(result.get('71099')).toEqual({ kind: 'not-found' });
  });

  it('reads an unchanged ticket\'s articles once per page', async () => {
    const get = zammad();
    await zammadReader.read(refs('71003'), get, context);
    await zammadReader.read(refs('71003'), get, context);
    expect(get.requests.filter((request) => request.path.includes('ticket_articles'))).toHaveLength(1);
  });

  it('keeps the ticket fields when its articles are forbidden to this agent', async () => {
    const get = fakeGet((path) =>
      path.startsWith('/api/v1/tickets/search?') ? { body: search } : { status: 403, body: { error: 'Not authorized', error_human: 'Not authorized' } },
    );
    const ticket = (await zammadReader.read(refs('71003'), get, context)).get('71003');
    expect(ticket).toMatchObject({ fields: { firstReply: '2026-11-15T02:10:00.000Z', organisation: 'Awesome Customer Inc.' } });
    expect(ticket && 'fields' in ticket ? ticket.fields.language : 'none').toBeUndefined();
  });

  it('asks nothing for keys that are no Zammad numbers', async () => {
    const get = zammad();
    const result = await zammadReader.read(refs('unidentified:0'), get, context);
    expect(get.requests).toEqual([]);
    expect(result.get('unidentified:0')).toEqual({ kind: 'not-found' });
  });

  it.each([
    [{ status: 401, body: { error: 'authentication failed', error_human: 'Authentication failed.' } }, { kind: 'signed-out', status: 401 }],
    [{ status: 403, body: { error: 'Not authorized', error_human: 'Not authorized' } }, { kind: 'forbidden', status: 403 }],
    [{ status: 429, retryAfter: '30' }, { kind: 'rate-limited', retryAfterMs: 30_000 }],
  ])('fails the whole batch when the search answers %o', async (response, failure) => {
    const error = await zammadReader.read(refs('71003'), fakeGet(() => response), context).catch((caught: unknown) => caught);
    expect((error as ApiError).failure).toEqual(failure);
  });

  it('fails the whole batch when an article request is rate-limited', async () => {
    const get = fakeGet((path) => (path.startsWith('/api/v1/tickets/search?') ? { body: search } : { status: 429, retryAfter: '60' }));
    await expect(zammadReader.read(refs('71003'), get, context)).rejects.toBeInstanceOf(ApiError);
  });
});
