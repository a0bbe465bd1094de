// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { osticketAdapter } from '../../entrypoints/overlay.content/adapters/osticket';
import type { ScanContext } from '../../entrypoints/overlay.content/adapters/types';
import { byKey, loadFixture } from './fixture';

/** Real pages of a running osTicket 1.18.1 (zone UTC) and the database's truth about their tickets. */
const page = (name: string): Document => loadFixture(`osticket-1.18.1/${name}`);
const truth: Array<{
  ticket_id: number;
  number: string;
  subject: string;
  created_utc: string;
  priority: string;
  requester_email: string;
  organization: string | null;
  status: string;
  first_agent_response_utc: string | null;
}> = JSON.parse(readFileSync(join(import.meta.dirname, '../fixtures/osticket-1.18.1/truth.json'), 'utf8')).tickets;
const open = truth.filter((t) => t.status === 'Open');
const context: ScanContext = { timeZone: 'UTC', now: new Date('2026-12-04T12:30:00Z') };
const iso = (utc: string): string => new Date(utc).toISOString();
const toMinute = (utc: string): string => new Date(Math.floor(Date.parse(utc) / 60_000) * 60_000).toISOString();

describe.each(['queue-open.html', 'queue-open-de.html', 'queue-custom-columns.html'])('osTicket queue %s', (name) => {
  const tickets = osticketAdapter.scan(page(name), context);
  const byNumber = byKey(tickets);

  it("keeps each row's Last Updated text, which keys the API reader's cache", () => {
    // Every default queue has the column (osTicket's id 10); dates as the agent's UI writes them.
    expect(byNumber['975792']?.updated).toBe(name.includes('-de') ? '04.12.26 12:10' : '12/4/26 12:10\u202fPM');
    expect(tickets.every((t) => t.updated)).toBe(true);
  });

  it('finds every open ticket, keyed by the number shown, with osTicket id from tids[]', () => {
    expect(tickets.map((t) => t.key).sort()).toEqual(open.map((t) => t.number).sort());
    for (const t of open) {
      expect(byNumber[t.number]?.apiId).toBe(String(t.ticket_id));
      expect(byNumber[t.number]?.anchor.textContent?.trim()).toBe(t.number);
    }
  });

  it('reads the subject without the reply count and icons, and the priority', () => {
    for (const t of open) {
      expect(byNumber[t.number]?.fields.subject).toBe(t.subject);
      expect(byNumber[t.number]?.fields.priorityRaw).toBe(t.priority);
      expect(byNumber[t.number]?.problem).toBeUndefined();
    }
    expect(byNumber['310734']?.fields.language).toBe('ja');
  });
});

describe('osTicket queue columns', () => {
  it('has no created time or requester in the default columns (Last Updated is not the created time)', () => {
    for (const ticket of osticketAdapter.scan(page('queue-open.html'), context)) {
      expect(ticket.missing).toEqual(['submitted', 'customer']);
    }
  });

  it('reads Date Created (M/d/yy h:mm a with U+202F), Email and Organization an admin added', () => {
    const byNumber = byKey(osticketAdapter.scan(page('queue-custom-columns.html'), context));
    for (const t of open) {
      const fields = byNumber[t.number]?.fields;
      expect(fields?.submitted, t.number).toBe(toMinute(t.created_utc));
      expect(fields?.requesterEmail).toBe(t.requester_email);
      expect(fields?.organisation).toBe(t.organization ?? undefined);
      expect(byNumber[t.number]?.missing).toEqual([]);
    }
  });
});

describe.each([
  ['ticket-310734.html', '310734'],
  ['ticket-310734-de.html', '310734'],
  ['ticket-570157.html', '570157'],
])('osTicket ticket page %s', (name, number) => {
  const t = truth.find((ticket) => ticket.number === number);
  const [ticket, ...rest] = osticketAdapter.scan(page(name), context);

  it('reads the ticket exactly: thread times, e-mail, organisation, priority, first public reply', () => {
    expect(rest).toEqual([]);
    expect(t && ticket).toBeTruthy();
    if (!t || !ticket) return;
    expect(ticket.key).toBe(number);
    expect(ticket.apiId).toBe(String(t.ticket_id));
    expect(ticket.anchor.tagName).toBe('H2');
    expect(ticket.fields).toMatchObject({
      id: number,
      subject: t.subject,
      priorityRaw: t.priority,
      requesterEmail: t.requester_email,
      organisation: t.organization,
      submitted: iso(t.created_utc),
      firstReply: iso(t.first_agent_response_utc ?? ''),
    });
    expect(ticket.missing).toEqual([]);
  });
});

describe('osTicket ticket page details', () => {
  it('takes the first public response, not the latest (Last Response) one', () => {
    const [ticket] = osticketAdapter.scan(page('ticket-310734.html'), context);
    expect(ticket?.fields.firstReply).toBe('2026-12-04T11:28:41.000Z');
  });

  it('falls back to Create Date (to the minute) without a thread, in English and German formats', () => {
    for (const name of ['ticket-310734.html', 'ticket-310734-de.html']) {
      const doc = page(name);
      doc.getElementById('ticketThread')?.remove();
      const [ticket] = osticketAdapter.scan(doc, context);
      expect(ticket?.fields.submitted, name).toBe('2026-11-30T09:15:00.000Z');
      expect(ticket?.fields.firstReply).toBeUndefined();
    }
  });

  it('reads the ticket page as the server sends it (what the API reader parses)', () => {
    const [ticket] = osticketAdapter.scan(page('ajax/ticket-7.raw.html'), context);
    expect(ticket?.key).toBe('570157');
    expect(ticket?.fields.subject).toBe('无法连接共享打印机');
    expect(ticket?.fields.submitted).toBe('2026-12-01T03:20:09.000Z');
  });
});
