// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { osticketAdapter } from '../../entrypoints/overlay.content/adapters/osticket';
import { byKey, context, loadFixture } from './fixture';

describe('osTicket queue', () => {
  const tickets = byKey(osticketAdapter.scan(loadFixture('osticket/queue.html'), context));

  it('keys rows by ticket number and reads columns by header', () => {
    expect(Object.keys(tickets)).toEqual(['000123', '000124']);
    expect(tickets['000123']?.fields).toEqual({
      id: '000123',
      submitted: '2026-11-15T02:30:00.000+09:00',
      subject: 'プリンターが動かない',
      organisation: 'Kaiyo Systems',
      priorityRaw: 'Emergency',
      language: 'ja',
    });
    expect(tickets['000123']?.anchor.textContent).toBe('000123');
  });

  it('uses <time datetime>, not the relative text, and reports what the row lacks', () => {
    expect(tickets['000124']?.fields.submitted).toBe('2026-11-15T11:00:00.000Z');
    expect(tickets['000124']?.fields.submittedApproximate).toBeUndefined();
    expect(tickets['000124']?.missing).toEqual(['customer']);
  });
});

describe('osTicket ticket page', () => {
  const [ticket, ...rest] = osticketAdapter.scan(loadFixture('osticket/ticket.html'), context);

  it('reads th/td pairs and the thread', () => {
    expect(rest).toEqual([]);
    expect(ticket?.key).toBe('000123');
    expect(ticket?.anchor.tagName).toBe('H2');
    expect(ticket?.fields).toEqual({
      id: '000123',
      submitted: '2026-11-15T02:30:00.000+09:00',
      subject: 'プリンターが動かない',
      priorityRaw: 'High',
      requesterEmail: 'taro@kaiyo.example.jp',
      organisation: 'Kaiyo Systems',
      type: 'feature',
      level: 'Gold',
      // The internal note at 02:40 is not a reply.
      firstReply: '2026-11-15T03:05:00.000+09:00',
      language: 'ja',
    });
    expect(ticket?.missing).toEqual([]);
  });

  it('falls back to the admin-formatted Create Date without a thread', () => {
    const page = loadFixture('osticket/ticket.html');
    page.getElementById('ticketThread')?.remove();
    const [withoutThread] = osticketAdapter.scan(page, context);
    expect(withoutThread?.fields.submitted).toBe('2026-11-15T02:30:00.000+09:00');
    expect(withoutThread?.fields.firstReply).toBeUndefined();
  });
});
