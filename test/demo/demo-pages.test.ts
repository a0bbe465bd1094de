// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { Settings } from '../../core/settings/schema';
import { rtAdapter } from '../../entrypoints/overlay.content/adapters/rt';
import { withExact } from '../../entrypoints/overlay.content/api/merge';
import { rtApiReader } from '../../entrypoints/overlay.content/api/rt';
import { sameOriginGet } from '../../entrypoints/overlay.content/api/same-origin-get';
import { type ExactTicket, isFailure, type ReadContext } from '../../entrypoints/overlay.content/api/types';
import { BADGE_STATES, badgeState } from '../../entrypoints/overlay.content/badge-state';
import demoSettings from '../../scripts/demo/demo-settings.json' with { type: 'json' };
import { demoFields, demoPipeline } from '../../scripts/demo/predict';
import { rest2Answer } from '../../scripts/demo/rest2';
import { listPage, rtStatus, ticketPage } from '../../scripts/demo/rt-markup';
import { demoRows, startDemoServer } from '../../scripts/demo/server';
import { fakeGet } from '../api/fake-get';

// The demo helpdesk must read like a real RT to the built-in adapter, and must show every state.

const started = Date.parse('2026-11-18T10:30:00Z'); // a Wednesday, every calendar somewhere open
const context = { timeZone: 'UTC', now: new Date(started) };

function parse(markup: string): Document {
  return new DOMParser().parseFromString(markup, 'text/html');
}

describe('demo helpdesk pages', () => {
  const rows = demoRows(started);

  it('covers every badge state', () => {
    expect(new Set(rows.map((r) => r.expected))).toEqual(new Set(BADGE_STATES));
  });

  it('shows every state whatever the time: every 15 minutes of a winter and a summer week', () => {
    // Which team is closed depends on the hour; the US changes clocks on Sunday 8 March 2026.
    for (const week of ['2026-03-02T00:00:00Z', '2026-07-06T00:00:00Z']) {
      for (let minute = 0; minute < 7 * 24 * 60; minute += 15) {
        const at = Date.parse(week) + minute * 60_000;
        const shown = new Set(demoRows(at).map((r) => r.expected));
        expect(shown, new Date(at).toISOString()).toEqual(new Set(BADGE_STATES));
      }
    }
  }, 60_000);

  it('lets the RT adapter read each list row as the demo meant it', () => {
    const scanned = rtAdapter.scan(parse(listPage(rows, started)), context);
    expect(scanned.map((t) => t.key)).toEqual(rows.map((r) => String(r.id)));
    for (const row of rows) {
      const ticket = scanned.find((t) => t.key === String(row.id));
      const { firstReply: _shownOnTicketPageOnly, ...expected } = demoFields(row, row.id);
      expect(ticket?.fields, `#${row.id}`).toMatchObject(expected);
      if (row.expected === 'unreadable') expect(ticket?.missing.includes('submitted') || !!ticket?.problem).toBe(true);
      else expect(ticket?.missing, `#${row.id}`).toEqual([]);
    }
  });

  // About 0.6 s of work on an idle machine (every demo ticket page parsed); 15 s covers a 2-core
  // machine at load 10.
  it('lets the RT adapter read each ticket page, first reply included', { timeout: 15_000 }, () => {
    for (const row of rows) {
      const [ticket, ...others] = rtAdapter.scan(parse(ticketPage(row, started)), context);
      expect(others).toEqual([]);
      expect(ticket?.fields, `#${row.id}`).toMatchObject(demoFields(row, row.id));
      expect(ticket?.fields.firstReply).toBe(row.replied?.toISOString());
    }
  });

  it('escapes ticket text instead of interpreting it', () => {
    const [first] = rows;
    if (!first) throw new Error('no demo rows');
    const row = { ...first, subject: '<img src=x onerror=alert(1)>' };
    const document = parse(ticketPage(row, started));
    expect(document.querySelector('img')).toBeNull();
    expect(document.querySelector('#header h1')?.textContent).toContain('<img src=x');
  });
});

// The demo answers the RT reader's REST2 searches: the API must tell the same tickets as the pages.

const ORIGIN = 'http://127.0.0.1:8090';
const real = JSON.parse(readFileSync(join(import.meta.dirname, '../fixtures/rt-api/real/answers.json'), 'utf8')) as {
  answers: Array<{ request: string; body: { items: Array<Record<string, unknown>> } }>;
};

/** The demo's REST2 in place of the socket (fake-get's style): unknown paths are 404s. */
const demoRest2 = (rows: ReturnType<typeof demoRows>) => fakeGet((path) => rest2Answer(rows, ORIGIN, new URL(path, ORIGIN)));

/** The reader's context: the demo's list (its priority editors name REST2's numbers) at the demo's address. */
function listAt(origin: string, rows: ReturnType<typeof demoRows>) {
  const window = new Window({ url: `${origin}/Search/Results.html` });
  window.document.body.innerHTML = listPage(rows, started);
  const context: ReadContext = { doc: window.document as unknown as Document, timeZone: 'UTC', now: new Date(started) };
  return { window, context };
}
const listContext = (rows: ReturnType<typeof demoRows>) => listAt(ORIGIN, rows).context;

/** Times compared as instants: RT writes whole seconds without a fraction. */
const instants = (fields: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(fields).map(([key, value]) => [key, key === 'submitted' || key === 'firstReply' ? Date.parse(String(value)) : value]));

const keys = (record: unknown) => Object.keys(record as object).sort();

describe('demo helpdesk REST2', () => {
  const rows = demoRows(started);
  const ids = rows.map((r) => String(r.id));

  it('answers the searches in the shapes RT 5.0.3 gives: collection, ticket, requestor, transaction, attachment', async () => {
    const get = demoRest2(rows);
    await rtApiReader.read([...ids, '999999'].map((key) => ({ key })), get, listContext(rows));
    expect(get.requests.map((r) => r.path.split('?')[0])).toEqual(['/REST/2.0/tickets', '/REST/2.0/transactions', '/REST/2.0/attachments']);
    const answers = get.requests.map((r) => rest2Answer(rows, ORIGIN, new URL(r.path, ORIGIN))?.body as (typeof real.answers)[0]['body']);
    answers.forEach((answer, i) => {
      const captured = real.answers[i]?.body;
      expect(keys(answer), `answer ${i}`).toEqual(keys(captured));
      expect(keys(answer?.items[0]), `item of answer ${i}`).toEqual(keys(captured?.items[0]));
    });
    // The expanded requestor, and a reply's creator.
    type Body = (typeof answers)[number] | undefined;
    const requestor = (body: Body) => (body?.items[0]?.Requestor as unknown[] | undefined)?.[0];
    const creator = (body: Body) => body?.items.find((item) => item.Type === 'Correspond')?.Creator;
    expect(keys(requestor(answers[0]))).toEqual(keys(requestor(real.answers[0]?.body)));
    expect(keys(creator(answers[1]))).toEqual(keys(creator(real.answers[1]?.body)));
  });

  it("gives the RT reader each ticket's values as the demo's ticket table has them", async () => {
    const result = await rtApiReader.read([...ids, '999999'].map((key) => ({ key })), demoRest2(rows), listContext(rows));
    expect(result.get('999999')).toEqual({ kind: 'not-found' });
    for (const row of rows) {
      const answer = result.get(String(row.id));
      if (!answer || isFailure(answer)) throw new Error(`#${row.id}: no answer`);
      const { id: _theKey, ...fields } = demoFields(row, row.id);
      expect(instants(answer.fields), `#${row.id}`).toEqual(instants(fields));
      expect(answer.status).toBe(rtStatus(row));
      expect(answer.helpdeskDeadline).toBeUndefined();
    }
  });

  it("shows each ticket's own state on the list once REST2 answered: met and missed too", async () => {
    const result = await rtApiReader.read(ids.map((key) => ({ key })), demoRest2(rows), listContext(rows));
    const model = demoPipeline(Settings.parse(demoSettings));
    const scanned = rtAdapter.scan(parse(listPage(rows, started)), context);
    for (const row of rows) {
      const ticket = scanned.find((t) => t.key === String(row.id));
      if (!ticket) throw new Error(`#${row.id} not on the list`);
      const exact = result.get(ticket.key) as ExactTicket;
      const merged = withExact(ticket, { exact, readAt: started, apiName: rtApiReader.apiName });
      expect(badgeState(model(merged).input, started).state, `#${row.id} ${row.shows}`).toBe(row.expected);
    }
    expect(rows.filter((r) => r.expected !== r.expectedInList).map((r) => r.expected).sort()).toEqual(['met', 'missed']);
  });

  it('serves them over loopback through the extension\'s one network door; other REST2 paths are 404', async () => {
    const server = await startDemoServer({ port: 0, started });
    try {
      // A page at the demo's address: its fetch is same-origin, as the content script's is.
      const { window, context } = listAt(server.url, server.rows);
      const pageFetch = window.fetch.bind(window) as unknown as typeof fetch;
      const result = await rtApiReader.read([{ key: '4105' }, { key: '4106' }], sameOriginGet(window.location.href, pageFetch), context);
      for (const row of server.rows.filter((r) => r.replied)) {
        expect(Date.parse((result.get(String(row.id)) as ExactTicket).fields.firstReply ?? ''), `#${row.id}`).toBe(row.replied?.getTime());
      }
      for (const path of ['/REST/2.0/ticket/4105', '/REST/2.0/queues', '/REST/2.0/tickets/bulk']) {
        expect((await pageFetch(`${server.url}${path}`)).status, path).toBe(404);
      }
    } finally {
      await server.close();
    }
  });
});
