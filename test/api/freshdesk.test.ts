// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { freshdeskReader } from '../../entrypoints/overlay.content/api/freshdesk';
import type { ApiError, ReadContext } from '../../entrypoints/overlay.content/api/types';
import { fakeGet } from './fake-get';

/**
 * The agent UI's `/api/_/tickets/<id>` is undocumented; its bodies are reproduced from the documented
 * v2 View a Ticket with `include=requester,company,stats` (https://developers.freshdesk.com/api/#view_a_ticket),
 * ticket-78.json in the {"ticket": …} wrapping the agent UI may use. Errors as Freshdesk documents
 * them (https://developers.freshdesk.com/api/#error): {"code": "invalid_credentials", …} for 401,
 * {"code": "access_denied", …} for 403, 429 with Retry-After (https://developers.freshdesk.com/api/#ratelimit).
 */
const fixture = (name: string) => JSON.parse(readFileSync(join(import.meta.dirname, '../fixtures/api/freshdesk', name), 'utf8'));
const context = { doc: document, timeZone: 'Asia/Seoul', now: new Date('2026-11-15T10:00:00Z') } as ReadContext;
const refs = (...keys: string[]) => keys.map((key) => ({ key }));

const freshdesk = () =>
  fakeGet((path) => {
    if (path === '/api/_/tickets/77?include=requester,company,stats') return { body: fixture('ticket-77.json') };
    if (path === '/api/_/tickets/78?include=requester,company,stats') return { body: fixture('ticket-78.json') };
    if (path === '/api/_/tickets/79?include=requester,company,stats') {
      return { status: 403, body: { code: 'access_denied', message: 'You are not authorized to perform this action.' } };
    }
    return undefined;
  });

describe('Freshdesk reader', () => {
  it('is off by default (undocumented) and reads one ticket per GET on the page origin', async () => {
    expect(freshdeskReader.documented).toBe(false);
    const get = freshdesk();
    const result = await freshdeskReader.read(refs('77', '78', '79', '80'), get, context);
    expect(get.requests.map((request) => request.path).sort()).toEqual([
      '/api/_/tickets/77?include=requester,company,stats',
      '/api/_/tickets/78?include=requester,company,stats',
      '/api/_/tickets/79?include=requester,company,stats',
      '/api/_/tickets/80?include=requester,company,stats',
    ]);
    expect(result.get('77')).toEqual({
      fields: {
        submitted: '2026-11-15T09:00:00Z',
        priorityRaw: 'High',
        requesterEmail: 'minji.park@hanbit.example',
        organisation: 'Hanbit Cloud',
        subject: '서버 점검 요청',
        language: 'ko',
        type: 'technical',
        firstReply: '2026-11-15T09:40:12Z',
      },
      status: 'Open',
      helpdeskDeadline: { deadline: '2026-11-15T10:00:00Z', name: 'Freshdesk first response due', achieved: true },
      updated: '2026-11-15T09:40:12Z',
    });
    expect(result.get('78')).toEqual({
      fields: {
        submitted: '2026-11-14T12:00:00Z',
        priorityRaw: 'Urgent',
        requesterEmail: 'ops@northwind.example',
        subject: 'Cannot log in to the portal',
        type: 'technical',
      },
      status: 'Open',
      // Freshdesk already flagged the missed first response.
      helpdeskDeadline: { deadline: '2026-11-14T13:00:00Z', name: 'Freshdesk first response due', achieved: false },
      updated: '2026-11-14T13:05:00Z',
    });
    expect(result.get('79')).toEqual({ kind: 'forbidden', status: 403 });
    expect(result.get('80')).toEqual({ kind: 'not-found', status: 404 });
  });

  it('asks at most three tickets at a time', async () => {
    let open = 0;
    let most = 0;
    const inner = freshdesk();
    const get = {
      ...inner,
      json: async (path: string) => {
        most = Math.max(most, ++open);
        await new Promise((resolve) => setTimeout(resolve, 1));
        open--;
        return inner.json(path);
      },
    };
    await freshdeskReader.read(refs('77', '78', '77', '78', '77', '78'), get, context);
    expect(most).toBe(3);
  });

  it.each([
    [{ status: 401, body: { code: 'invalid_credentials', message: 'You have to be logged in to perform this action.' } }, { kind: 'signed-out', status: 401 }],
    [{ status: 429, retryAfter: '42', body: { message: 'You have exceeded the limit of requests per minute' } }, { kind: 'rate-limited', retryAfterMs: 42_000 }],
  ])('fails the whole batch on %o (no more requests after it)', async (response, failure) => {
    const get = fakeGet(() => response);
    const error = await freshdeskReader.read(refs('77', '78', '79', '80', '81'), get, context).catch((caught: unknown) => caught);
    expect((error as ApiError).failure).toEqual(failure);
    expect(get.requests.length).toBeLessThanOrEqual(3);
  });
});
