// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { osticketApiReader, osticketBase } from '../../entrypoints/overlay.content/api/osticket';
import { ApiError, type ExactTicket, isFailure, type ReadContext, type TicketRef } from '../../entrypoints/overlay.content/api/types';
import { type FakeResponse, fakeGet } from './fake-get';

/**
 * The osTicket reader on real answers of a running osTicket 1.18.1 (test/fixtures/osticket-1.18.1:
 * `ajax/preview-<id>.html` as `/scp/ajax.php/tickets/<id>/preview` answered, `ajax/ticket-<id>.raw.html`
 * as `/scp/tickets.php?id=<id>` answered), checked against the database's truth.json.
 */

const DIR = join(import.meta.dirname, '../fixtures/osticket-1.18.1');
const file = (path: string): string => readFileSync(join(DIR, path), 'utf8');

interface Truth {
  ticket_id: number;
  number: string;
  subject: string;
  created_utc: string;
  priority: string;
  requester_email: string;
  organization: string | null;
  status: string;
  sla_due_utc: string | null;
  first_agent_response_utc: string | null;
}
const truth: Truth[] = JSON.parse(file('truth.json')).tickets;
const WITH_PAGE = new Set([1, 7]);

/** Answers as the real install did: ticket pages where captured (else 404), previews for every ticket. */
function realOsticket(prefix = ''): (path: string) => FakeResponse | undefined {
  return (path) => {
    const page = new RegExp(`^${prefix}/scp/tickets\\.php\\?id=(\\d+)$`).exec(path);
    if (page && WITH_PAGE.has(Number(page[1]))) return { body: file(`ajax/ticket-${page[1]}.raw.html`) };
    const preview = new RegExp(`^${prefix}/scp/ajax\\.php/tickets/(\\d+)/preview$`).exec(path);
    if (preview) return { body: file(`ajax/preview-${preview[1]}.html`) };
    return undefined;
  };
}

let installs = 0;
/** Each test its own install path: the reader remembers per install whether ticket pages lock. */
function contextAt(path?: string): ReadContext {
  const url = `https://help.example${path ?? `/desk-${++installs}`}/scp/tickets.php?queue=1`;
  return { doc: { URL: url } as Document, timeZone: 'UTC', now: new Date('2026-12-04T12:30:00Z') };
}
const prefixOf = (context: ReadContext): string => osticketBase(context.doc.URL);

const refs = (ids: number[]): TicketRef[] =>
  ids.map((id) => ({ key: truth.find((t) => t.ticket_id === id)?.number ?? '', apiId: String(id) }));

const at = (iso: string | null | undefined): number | undefined => (iso ? Date.parse(iso) : undefined);
const minute = (iso: string | null): number | undefined => (iso ? Math.floor(Date.parse(iso) / 60_000) * 60_000 : undefined);

function exact(entry: ExactTicket | { kind: string } | undefined): ExactTicket {
  if (!entry || isFailure(entry as ExactTicket)) throw new Error(`no exact data: ${JSON.stringify(entry)}`);
  return entry as ExactTicket;
}

// Up to about 0.9 s of work a test on an idle machine (real osTicket pages parsed per ticket); 20 s
// covers a 2-core machine at load 10.
describe('osTicket reader on a real 1.18.1', { timeout: 20_000 }, () => {
  it('reads every ticket: exact from the ticket page where there is one, to the minute from the preview', async () => {
    const context = contextAt();
    const get = fakeGet(realOsticket(prefixOf(context)));
    const ids = truth.map((t) => t.ticket_id);
    const result = new Map();
    for (let i = 0; i < ids.length; i += osticketApiReader.batchSize) {
      for (const [key, value] of await osticketApiReader.read(refs(ids.slice(i, i + osticketApiReader.batchSize)), get, context)) result.set(key, value);
    }
    expect(result.size).toBe(truth.length);
    for (const t of truth) {
      const { fields, status, helpdeskDeadline } = exact(result.get(t.number));
      const page = WITH_PAGE.has(t.ticket_id);
      expect(at(fields.submitted), t.number).toBe(page ? at(t.created_utc) : minute(t.created_utc));
      expect(at(fields.firstReply), t.number).toBe(page ? at(t.first_agent_response_utc) : minute(t.first_agent_response_utc));
      expect(fields.requesterEmail, t.number).toBe(t.requester_email);
      expect(fields.subject, t.number).toBe(t.subject);
      expect(fields.organisation, t.number).toBe(page ? (t.organization ?? undefined) : undefined);
      expect(fields.priorityRaw, t.number).toBe(page ? t.priority : undefined);
      expect(status, t.number).toBe(t.status);
      expect(at(helpdeskDeadline?.deadline), t.number).toBe(minute(t.sla_due_utc));
    }
  });

  it('asks one ticket page per ticket, and the preview only where the page is not there', async () => {
    const context = contextAt();
    const prefix = prefixOf(context);
    const get = fakeGet(realOsticket(prefix));
    await osticketApiReader.read(refs([1, 7, 2, 3]), get, context);
    expect(get.requests.map((r) => r.path).sort()).toEqual(
      [
        '/scp/tickets.php?id=1',
        '/scp/tickets.php?id=7',
        '/scp/tickets.php?id=2',
        '/scp/ajax.php/tickets/2/preview',
        '/scp/tickets.php?id=3',
        '/scp/ajax.php/tickets/3/preview',
      ]
        .map((path) => prefix + path)
        .sort(),
    );
    // Only the first request went alone (it tells whether ticket pages lock on view).
    expect(get.requests[0]?.path).toBe(`${prefix}/scp/tickets.php?id=1`);
  });

  it('has no batch endpoint: reads a batch one ticket at a time per request, at most 4 at once', async () => {
    const context = contextAt();
    const real = fakeGet(realOsticket(prefixOf(context)));
    let inFlight = 0;
    let most = 0;
    const slow = async (path: string): Promise<string> => {
      most = Math.max(most, ++inFlight);
      await new Promise((done) => setTimeout(done, 5));
      inFlight--;
      return real.text(path);
    };
    const ids = truth.map((t) => t.ticket_id);
    expect(ids.length).toBeLessThanOrEqual(osticketApiReader.batchSize);
    const result = await osticketApiReader.read(refs(ids), { json: slow, text: slow }, context);
    expect(result.size).toBe(ids.length);
    expect(most).toBe(4);
  });

  it('finds osTicket under a path prefix', async () => {
    expect(osticketBase('https://help.example/support/scp/tickets.php?queue=1')).toBe('/support');
    expect(osticketBase('https://help.example/scp/tickets.php?id=7')).toBe('');
    const context = contextAt('/support');
    const get = fakeGet(realOsticket('/support'));
    const result = await osticketApiReader.read(refs([7]), get, context);
    expect(exact(result.get('570157')).fields.organisation).toBe('Northwind Traders');
    expect(get.requests.map((r) => r.path)).toEqual(['/support/scp/tickets.php?id=7']);
  });

  it('reads the German preview (dd.MM.yy HH:mm) as the English one', async () => {
    const context = contextAt();
    const get = fakeGet((path) => (path.endsWith('/preview') ? { body: file('ajax/preview-7-de.html') } : undefined));
    const { fields, helpdeskDeadline } = exact((await osticketApiReader.read(refs([7]), get, context)).get('570157'));
    expect(fields.submitted).toBe('2026-12-01T03:20:00.000Z');
    expect(fields.firstReply).toBe('2026-12-04T12:11:00.000Z');
    expect(fields.requesterEmail).toBe('li.wei@northwind.example.com');
    expect(fields.language).toBe('zh');
    expect(helpdeskDeadline?.deadline).toBe('2026-12-03T08:00:00.000Z');
  });

  it('switches to previews once a ticket page shows it locked the ticket (lock on view)', async () => {
    const context = contextAt();
    const locked = file('ajax/ticket-1.raw.html').replaceAll('data-lock-id=""', 'data-lock-id="42"');
    const get = fakeGet((path) => (path.includes('tickets.php?id=1') ? { body: locked } : realOsticket(prefixOf(context))(path)));
    const first = await osticketApiReader.read(refs([1]), get, context);
    expect(exact(first.get('310734')).fields.submitted).toBe('2026-11-30T09:15:37.000Z');
    await osticketApiReader.read(refs([7, 1]), get, context);
    expect(get.requests.slice(1).map((r) => r.path.replace(prefixOf(context), ''))).toEqual([
      '/scp/ajax.php/tickets/7/preview',
      '/scp/ajax.php/tickets/1/preview',
    ]);
  });
});

describe('osTicket reader failures', () => {
  it('names a forbidden or missing ticket and still reads the others', async () => {
    const context = contextAt();
    const real = realOsticket(prefixOf(context));
    const get = fakeGet((path) => (path.includes('=7') ? { status: 403 } : path.includes('/13/') ? { status: 404 } : real(path)));
    const result = await osticketApiReader.read(refs([1, 7, 13]), get, context);
    expect(result.get('570157')).toEqual({ kind: 'forbidden', status: 403 });
    expect(result.get('105867')).toEqual({ kind: 'not-found', status: 404 });
    expect(exact(result.get('310734')).fields.organisation).toBe('Kaiyo Shipping K.K.');
  });

  it('treats the login page osTicket answers to a signed-out agent as signed out, for the whole batch', async () => {
    // osTicket's staff login page (include/staff/login.tpl.php), its form as the template writes it.
    const login = [
      '<div id="loginBox"><h1 id="logo"><a href="index.php">osTicket Staff Control Panel</a></h1>',
      '<form action="login.php" method="post"><input type="hidden" name="do" value="scplogin"><fieldset>',
      '<input type="text" name="userid" id="name" placeholder="username"><input type="password" name="passwd" id="pass" placeholder="password">',
      '<input class="submit" type="submit" name="submit" value="Log In"></fieldset></form></div>',
    ].join('');
    const context = contextAt();
    const get = fakeGet(() => ({ body: login }));
    await expect(osticketApiReader.read(refs([1, 7]), get, context)).rejects.toEqual(new ApiError({ kind: 'signed-out', status: 200 }));
    const unauthorized = fakeGet(() => ({ status: 401 }));
    await expect(osticketApiReader.read(refs([1]), unauthorized, contextAt())).rejects.toMatchObject({ failure: { kind: 'signed-out' } });
  });

  it('stops the batch on 429 with the Retry-After the server asked for', async () => {
    const get = fakeGet(() => ({ status: 429, retryAfter: '30' }));
    await expect(osticketApiReader.read(refs([1, 7]), get, contextAt())).rejects.toMatchObject({
      failure: { kind: 'rate-limited', retryAfterMs: 30_000 },
    });
  });

  it('says so for a row without osTicket id, and for an answer that is no ticket', async () => {
    const get = fakeGet(() => ({ body: '<p>Something else</p>' }));
    const result = await osticketApiReader.read([{ key: '999' }, { key: '310734', apiId: '1' }], get, contextAt());
    expect(result.get('999')).toMatchObject({ kind: 'unexpected' });
    expect(result.get('310734')).toMatchObject({ kind: 'unexpected' });
    expect(get.requests.map((r) => r.path.replace(/^\/desk-\d+/u, ''))).toEqual(['/scp/tickets.php?id=1', '/scp/ajax.php/tickets/1/preview']);
  });
});
