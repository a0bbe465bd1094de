// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { zendeskAdapter } from '../../entrypoints/overlay.content/adapters/zendesk';
import { zendeskReader } from '../../entrypoints/overlay.content/api/zendesk';
import { ApiError, type ReadContext } from '../../entrypoints/overlay.content/api/types';
import { fakeGet } from './fake-get';

/**
 * Bodies reproduced from Zendesk's API reference:
 * - show-many.json: Show Multiple Tickets with side-loads,
 *   https://developer.zendesk.com/api-reference/ticketing/tickets/tickets/#show-multiple-tickets,
 *   https://developer.zendesk.com/documentation/ticketing/using-the-zendesk-api/side_loading/ (users,
 *   organizations, metric_sets, slas), ticket metrics fields from
 *   https://developer.zendesk.com/api-reference/ticketing/tickets/ticket_metrics/
 * - errors: https://developer.zendesk.com/api-reference/introduction/security-and-auth/ (401),
 *   https://developer.zendesk.com/api-reference/introduction/rate-limits/ (429 with Retry-After)
 */
const showMany = JSON.parse(readFileSync(join(import.meta.dirname, '../fixtures/api/zendesk/show-many.json'), 'utf8'));
const context = { doc: document, timeZone: 'Asia/Tokyo', now: new Date('2026-11-15T05:00:00Z') } as ReadContext;
const refs = (...keys: string[]) => keys.map((key) => ({ key }));

describe('Zendesk reader', () => {
  it('reads a batch in one same-origin GET with the side-loads, and names the ticket Zendesk left out', async () => {
    const get = fakeGet((path) => (path.startsWith('/api/v2/tickets/show_many.json?') ? { body: showMany } : undefined));
    const result = await zendeskReader.read(refs('35436', '35437', '35499'), get, context);
    expect(get.requests.map((request) => request.path)).toEqual([
      '/api/v2/tickets/show_many.json?ids=35436,35437,35499&include=users,organizations,metric_sets,slas',
    ]);
    expect(result.get('35436')).toEqual({
      fields: {
        submitted: '2026-11-15T01:00:00Z',
        priorityRaw: 'high',
        requesterEmail: 'hanako.sato@kaiyo.example',
        organisation: 'Kaiyo Systems',
        subject: 'プリンターが印刷できません',
        language: 'ja',
        type: 'technical',
        firstReply: '2026-11-15T02:15:12.000Z',
      },
      status: 'open',
      // Replied 15 minutes after Zendesk's own target: achieved late.
      helpdeskDeadline: { deadline: '2026-11-15T02:00:00Z', name: 'Zendesk SLA: first reply time', achieved: false },
      updated: '2026-11-15T03:12:40Z',
    });
    expect(result.get('35499')).toEqual({ kind: 'not-found' });
  });

  it('leaves out what Zendesk has not (no priority, no organisation, no reply yet) and keeps an active SLA open', async () => {
    const get = fakeGet(() => ({ body: showMany }));
    const ticket = (await zendeskReader.read(refs('35437'), get, context)).get('35437');
    expect(ticket).toEqual({
      fields: {
        submitted: '2026-11-15T04:30:00Z',
        requesterEmail: 'jo@bloggs.example',
        subject: 'Invoice copy for October',
        language: 'en',
        type: 'technical',
      },
      status: 'new',
      helpdeskDeadline: { deadline: '2026-11-15T08:30:00Z', name: 'Zendesk SLA: first reply time' },
      updated: '2026-11-15T04:30:00Z',
    });
  });

  it('batches at most 100 ids', () => {
    expect(zendeskReader.batchSize).toBeLessThanOrEqual(100);
    expect(zendeskReader.documented).toBe(true);
  });

  it.each([
    [{ status: 401, body: { error: "Couldn't authenticate you" } }, { kind: 'signed-out', status: 401 }],
    [
      { status: 403, body: { error: 'Forbidden', description: 'You do not have access to this page. Please contact the account owner of this help desk for further help.' } },
      { kind: 'forbidden', status: 403 },
    ],
    [{ status: 429, retryAfter: '93', body: 'Too Many Requests' }, { kind: 'rate-limited', retryAfterMs: 93_000 }],
  ])('fails the whole batch on %o', async (response, failure) => {
    const get = fakeGet(() => response);
    const error = await zendeskReader.read(refs('35436'), get, context).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).failure).toEqual(failure);
  });

  it('refuses an answer that is not a tickets list (a sign-in page, a proxy)', async () => {
    const get = fakeGet(() => ({ body: { error: 'RecordNotFound' } }));
    await expect(zendeskReader.read(refs('35436'), get, context)).rejects.toMatchObject({ failure: { kind: 'unexpected' } });
  });
});

describe('Zendesk ticket page', () => {
  const setUrl = (url: string) => (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(url);
  // Agent Workspace keeps other opened tickets as hidden tabs; the address names the one shown.
  const page = `
    <div data-test-id="ticket-tab" style="display:none"><div class="header"><input data-test-id="omni-header-subject" value="Old ticket"></div></div>
    <div data-test-id="ticket-tab"><div class="header"><input data-test-id="omni-header-subject" value="プリンターが印刷できません"></div></div>`;

  it('finds the ticket by the address and anchors its badge beside the visible subject', () => {
    setUrl('https://acme.zendesk.com/agent/tickets/35436');
    document.body.innerHTML = page;
    const [ticket, ...others] = zendeskAdapter.scan(document, { timeZone: 'Asia/Tokyo', now: new Date() });
    expect(others).toEqual([]);
    expect(ticket?.key).toBe('35436');
    expect(ticket?.fields).toEqual({ id: '35436', subject: 'プリンターが印刷できません', language: 'ja' });
    expect(ticket?.anchor.querySelector('input')?.value).toBe('プリンターが印刷できません');
  });

  it('finds no ticket elsewhere (a view is read from its table)', () => {
    setUrl('https://acme.zendesk.com/agent/filters/360001');
    document.body.innerHTML = page;
    expect(zendeskAdapter.scan(document, { timeZone: 'Asia/Tokyo', now: new Date() })).toEqual([]);
  });
});
