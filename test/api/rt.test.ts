// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { languageFromScript } from '../../core/contracts/detect-language';
import { rtApiReader, rtWebPath } from '../../entrypoints/overlay.content/api/rt';
import { ApiError, type ExactTicket, isFailure, type ReadContext, type TicketRef } from '../../entrypoints/overlay.content/api/types';
import type { SeededTicket } from '../../scripts/rt/seed';
import { type FakeResponse, fakeGet } from './fake-get';

/**
 * The RT REST2 reader on real answers of RT 5.0.3 (test/fixtures/rt-api/real, checked against the
 * seed's manifest) and on answers shaped as RT's REST2 documentation shows them (fixtures/rt-api/docs).
 */

const DIR = join(import.meta.dirname, '../fixtures/rt-api');
const fixture = (path: string) => JSON.parse(readFileSync(join(DIR, path), 'utf8'));
const real = fixture('real/answers.json') as { answers: Array<{ request: string; body: unknown }> };
const manifest = fixture('real/manifest.json') as { tickets: SeededTicket[] };
const editor = readFileSync(join(DIR, 'real/priority-editor.html'), 'utf8');

function page(url: string, html = ''): ReadContext {
  const window = new Window({ url });
  window.document.body.innerHTML = html;
  return { doc: window.document as unknown as Document, timeZone: 'UTC', now: new Date('2026-12-04T14:00:00Z') };
}

const refs = (...keys: string[]): TicketRef[] => keys.map((key) => ({ key }));
const exact = (entry: unknown) => entry as ExactTicket;
const query = (path: string | undefined) => new URLSearchParams(path?.slice(path.indexOf('?') + 1)).get('query');
const instant = (iso: string | undefined) => (iso ? Date.parse(iso) : undefined);

/** RT as captured: exactly the requests the reader made then, answered as RT did (a narrower search: as its resource's). */
const realRt = ({ exactly = true } = {}) =>
  fakeGet(
    (path) =>
      real.answers.find((answer) => answer.request === `GET ${path}`) ??
      (exactly ? undefined : real.answers.find((answer) => answer.request.startsWith(`GET ${path.split('?')[0]}?`))),
  );

const LANGUAGES: Record<string, string> = { English: 'en', Japanese: 'ja', Korean: 'ko', Chinese: 'zh' };

describe('RT REST2 reader on real RT 5.0.3 answers', () => {
  const list = page('http://127.0.0.1:8085/Search/Results.html', `<form action="/Helpers/TicketUpdate?id=0">${editor}</form>`);
  const keys = [...manifest.tickets.map((t) => t.id), '999999'];

  it("reads every seeded ticket's fields in three requests (tickets, first replies, one first message)", async () => {
    const get = realRt();
    const result = await rtApiReader.read(refs(...keys), get, list);
    expect(get.requests.map((r) => r.path.slice(0, r.path.indexOf('?')))).toEqual([
      '/REST/2.0/tickets',
      '/REST/2.0/transactions',
      '/REST/2.0/attachments',
    ]);
    for (const ticket of manifest.tickets) {
      const { fields, status, updated } = exact(result.get(ticket.id));
      const cf = ticket.customFields;
      expect(instant(fields.submitted), `#${ticket.id} submitted`).toBe(instant(ticket.created));
      expect(instant(fields.firstReply), `#${ticket.id} first reply`).toBe(instant(ticket.replied));
      expect(fields, `#${ticket.id}`).toMatchObject({
        priorityRaw: ticket.priority,
        requesterEmail: ticket.requester,
        subject: ticket.subject,
        ...(cf.Customer ? { customer: cf.Customer } : {}),
        ...(cf['Support level'] ? { level: cf['Support level'] } : {}),
      });
      if (!cf.Customer) expect(fields.customer).toBeUndefined();
      expect(fields.language, `#${ticket.id} language`).toBe(cf.Language ? LANGUAGES[cf.Language] : languageFromScript(ticket.subject, ticket.body));
      expect(status).toMatch(/^(new|open)$/);
      expect(updated).toMatch(/Z$/);
    }
    // English subject, Japanese first message; a feature request type that no list shows.
    const byBody = manifest.tickets.find((t) => t.subject === 'Cannot export the monthly report');
    const feature = manifest.tickets.find((t) => t.customFields['Request type']);
    expect(exact(result.get(byBody?.id ?? '')).fields.language).toBe('ja');
    expect(exact(result.get(feature?.id ?? '')).fields).toMatchObject({ type: 'feature', organisation: 'Acme Robotics' });
  });

  it('answers not-found for an id RT does not return (a partial batch)', async () => {
    const result = await rtApiReader.read(refs(...keys), realRt(), list);
    expect(result.get('999999')).toEqual({ kind: 'not-found' });
    expect([...result.values()].filter(isFailure)).toHaveLength(1);
  });

  it("reads a first message once: the next read of the same tickets skips the attachments", async () => {
    const get = realRt({ exactly: false });
    await rtApiReader.read(refs(...keys), get, list);
    const second = await rtApiReader.read(refs(...keys), get, list);
    expect(get.requests.map((r) => r.path.split('?')[0])).toEqual([
      '/REST/2.0/tickets',
      '/REST/2.0/transactions',
      '/REST/2.0/attachments',
      '/REST/2.0/tickets',
      // The first reply is looked for again (a ticket may be answered since); the Create is not.
      '/REST/2.0/transactions',
    ]);
    expect(query(get.requests[4]?.path)).not.toContain("Type='Create'");
    const byBody = manifest.tickets.find((t) => t.subject === 'Cannot export the monthly report');
    expect(exact(second.get(byBody?.id ?? '')).fields.language).toBe('ja');
  });

  it('gives the priority number when the page has no RT priority editor to name it', async () => {
    const result = await rtApiReader.read(refs(...keys), realRt(), page('http://127.0.0.1:8085/Search/Results.html'));
    expect(exact(result.get('1')).fields.priorityRaw).toBe('100');
  });
});

/** RT answering with the documentation's shapes: tickets over two pages, then transactions and attachments. */
function documentedRt(overrides: (path: string) => FakeResponse | undefined = () => undefined) {
  return fakeGet((path) => {
    const override = overrides(path);
    if (override) return override;
    if (path.startsWith('/rt/REST/2.0/tickets?')) return { body: fixture(`docs/tickets-page-${path.endsWith('page=2') ? 2 : 1}.json`) };
    if (path.startsWith('/rt/REST/2.0/transactions?')) return { body: fixture('docs/transactions.json') };
    if (path.startsWith('/rt/REST/2.0/attachments?')) return { body: fixture('docs/attachments.json') };
    return undefined;
  });
}

const underRt = page('https://helpdesk.example/rt/Ticket/Display.html?id=2');

describe('RT REST2 reader on the documented answers', () => {
  it('follows the pages of a ticket search and maps the documented fields', async () => {
    const get = documentedRt();
    const result = await rtApiReader.read(refs('2', '5', '7'), get, underRt);
    expect(get.requests.map((r) => new URLSearchParams(r.path.split('?')[1]).get('page'))).toEqual(["1", "2", "1", "1"]);
    expect(query(get.requests[0]?.path)).toBe('id=2 OR id=5 OR id=7');
    expect(result.get('2')).toEqual({
      fields: {
        submitted: '2018-06-29T10:25:00Z',
        priorityRaw: '75',
        requesterEmail: 'alice@example.com',
        organisation: 'Example Corp',
        customer: 'Example Corp',
        language: 'ja',
        level: 'Gold',
        subject: 'Sample Ticket',
        firstReply: '2018-06-29T10:45:00Z',
      },
      status: 'open',
      helpdeskDeadline: { deadline: '2018-06-29T14:25:00Z', name: 'RT Due' },
      updated: '2018-06-29T10:45:00Z',
    });
    // No Due (RT's 1970 date), no reply, language from the first message's text parts.
    expect(exact(result.get('5'))).toMatchObject({ fields: { language: 'ko' }, status: 'new' });
    expect(exact(result.get('5')).helpdeskDeadline).toBeUndefined();
    expect(exact(result.get('5')).fields.firstReply).toBeUndefined();
    // Listed as null (not visible to this agent) or not returned at all.
    expect(result.get('7')).toEqual({ kind: 'not-found' });
  });

  it("leaves a Created that RT reports as not set (1970) unset, so the page's value stands", async () => {
    const page1 = fixture('docs/tickets-page-1.json');
    page1.items[0].Created = '1970-01-01T00:00:00Z';
    const get = documentedRt((path) => (path.startsWith('/rt/REST/2.0/tickets?') && !path.endsWith('page=2') ? { body: page1 } : undefined));
    const result = await rtApiReader.read(refs('2'), get, underRt);
    expect(exact(result.get('2')).fields.submitted).toBeUndefined();
    expect(exact(result.get('2')).fields.subject).toBe('Sample Ticket');
  });

  it("does not take a requestor's own correspondence for the agent's reply", async () => {
    const get = documentedRt();
    const result = await rtApiReader.read(refs('2', '5'), get, underRt);
    expect(exact(result.get('2')).fields.firstReply).toBe('2018-06-29T10:45:00Z');
    expect(query(get.requests[2]?.path)).toBe(
      "ObjectType='RT::Ticket' AND id > 0 AND ((Type='Correspond' AND (ObjectId=2 OR ObjectId=5)) OR (Type='Create' AND (ObjectId=5)))",
    );
  });

  it('searches on after the last transaction, for the tickets still without a reply, when RT has more', async () => {
    const firstPage = { ...fixture('docs/transactions.json'), pages: 2 };
    const get = documentedRt((path) =>
      path.includes('/transactions?') && !path.includes('id+%3E+23') ? { body: firstPage } : undefined,
    );
    await rtApiReader.read(refs('2', '5'), get, underRt);
    const searches = get.requests.filter((r) => r.path.includes('/transactions?')).map((r) => query(r.path));
    expect(searches).toEqual([
      "ObjectType='RT::Ticket' AND id > 0 AND ((Type='Correspond' AND (ObjectId=2 OR ObjectId=5)) OR (Type='Create' AND (ObjectId=5)))",
      "ObjectType='RT::Ticket' AND id > 23 AND ((Type='Correspond' AND (ObjectId=5)))",
    ]);
  });

  it("names the priority as RT's editor for that ticket does, P1–P4 names included", async () => {
    const editors =
      '<form action="/rt/Helpers/TicketUpdate?id=2"><select name="Priority"><option value="75">P2 - High</option></select></form>' +
      '<form action="/rt/Helpers/TicketUpdate?id=9"><select name="Priority"><option value="75">Hoch</option><option value="20">Niedrig</option></select></form>';
    const result = await rtApiReader.read(refs('2', '5'), documentedRt(), page('https://helpdesk.example/rt/Search/Results.html', editors));
    expect(exact(result.get('2')).fields).toMatchObject({ priorityRaw: 'P2 - High', priority: 'P2' });
    expect(exact(result.get('5')).fields.priorityRaw).toBe('Niedrig');
  });

  it("keeps a full batch's requests inside a web server's request line (Apache: 8190 bytes)", async () => {
    const ids = Array.from({ length: rtApiReader.batchSize }, (_, n) => String(900_000 + n));
    const items = ids.map((id) => ({ id, Subject: 'Printer', Created: '2018-06-29T10:25:00Z', Requestor: [] }));
    const get = fakeGet((path) => ({ body: path.includes('/tickets?') ? { items, pages: 1 } : { items: [], pages: 1 } }));
    await rtApiReader.read(refs(...ids), get, underRt);
    expect(get.requests.map((r) => r.path.split('?')[0])).toEqual(['/rt/REST/2.0/tickets', '/rt/REST/2.0/transactions']);
    for (const { path } of get.requests) expect(`GET ${path} HTTP/1.1`.length).toBeLessThan(8190);
  });

  it('asks nothing for keys that are no RT ticket ids', async () => {
    const get = documentedRt();
    const result = await rtApiReader.read(refs('unidentified:0'), get, underRt);
    expect(get.requests).toEqual([]);
    expect(result.get('unidentified:0')).toEqual({ kind: 'not-found' });
  });

  it.each([
    [401, 'signed-out', fixture('real/errors.json')[0].body],
    [403, 'forbidden', fixture('docs/error-403.json')],
    [400, 'server', fixture('real/errors.json')[1].body],
  ])('rejects the whole batch on HTTP %i (%s)', async (status, kind, body) => {
    const get = documentedRt((path) => (path.includes('/tickets?') ? { status, body } : undefined));
    const error = await rtApiReader.read(refs('2'), get, underRt).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).failure).toMatchObject({ kind, status });
  });

  it('passes a 429 with its Retry-After on, from any of its requests', async () => {
    const get = documentedRt((path) =>
      path.includes('/transactions?') ? { status: 429, retryAfter: '30', body: fixture('docs/error-429.json') } : undefined,
    );
    const error = await rtApiReader.read(refs('2'), get, underRt).catch((e: unknown) => e);
    expect((error as ApiError).failure).toEqual({ kind: 'rate-limited', retryAfterMs: 30_000 });
  });

  it('rejects an answer without items (a sign-in page, a proxy error) as unexpected', async () => {
    const get = documentedRt((path) => (path.includes('/tickets?') ? { body: '<html>Login</html>' } : undefined));
    const error = await rtApiReader.read(refs('2'), get, underRt).catch((e: unknown) => e);
    expect((error as ApiError).failure.kind).toBe('unexpected');
  });
});

describe("RT's web path", () => {
  it.each([
    ['http://rt.example/Search/Results.html?Query=x', ''],
    ['http://rt.example/', ''],
    ['https://example.org/rt/Ticket/Display.html?id=4', '/rt'],
    ['https://example.org/support/rt/index.html', '/support/rt'],
    ['https://example.org/rt/', '/rt'],
  ])('from the URL %s: "%s"', (url, path) => {
    expect(rtWebPath(page(url).doc)).toBe(path);
  });

  it("from RT's own RT.Config where the page has it", () => {
    const { doc } = page('https://example.org/rt/RTIR/Display.html?id=4');
    const script = doc.createElement('script');
    script.textContent = 'RT.Config = {"rtname":"example","WebPath":"/rt","WebHomePath":"/rt"};';
    doc.head.append(script);
    expect(rtWebPath(doc)).toBe('/rt');
  });
});
