// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { rtAdapter } from '../../entrypoints/overlay.content/adapters/rt';
import { byKey, context, loadFixture } from './fixture';

describe('RT 5 ticket page', () => {
  const [ticket, ...rest] = rtAdapter.scan(loadFixture('rt/ticket.html'), context);

  it('finds the one ticket, keyed by id, anchored at the title', () => {
    expect(rest).toEqual([]);
    expect(ticket?.key).toBe('42');
    expect(ticket?.anchor.tagName).toBe('H1');
    expect(ticket?.problem).toBeUndefined();
    expect(ticket?.missing).toEqual([]);
  });

  it('reads the visible values, not the hidden edit forms', () => {
    expect(ticket?.fields).toEqual({
      id: '42',
      subject: 'サーバーが応答しません',
      priorityRaw: 'High',
      requesterEmail: 'taro@kaiyo.example.jp',
      customer: 'Kaiyo Systems KK',
      organisation: 'Kaiyo Systems',
      // RT's text has no offset: read in the context zone (Asia/Tokyo).
      submitted: '2026-11-15T02:30:00.000+09:00',
      language: 'ja',
      level: 'Gold',
      // The comment at 02:45 is internal; the reply at 03:10 counts.
      firstReply: '2026-11-15T03:10:00.000+09:00',
      // The People box's owner (alerts' "only mine").
      owner: 'agent <agent@support.example>',
    });
  });
});

describe('RT 5 search results', () => {
  const tickets = byKey(rtAdapter.scan(loadFixture('rt/search-results.html'), context));

  it('finds one ticket per tbody.list-item, keyed by data-record-id', () => {
    expect(Object.keys(tickets)).toEqual(['42', '43', '44', '45']);
    expect(tickets['42']?.anchor.textContent).toBe('42');
  });

  it('maps columns by the header sort links across the two-line rows', () => {
    expect(tickets['42']?.fields).toMatchObject({
      subject: 'サーバーが応答しません',
      priorityRaw: 'High',
      customer: 'Kaiyo Systems KK',
      requesterEmail: 'taro@kaiyo.example.jp',
      submitted: '2026-11-15T02:30:00.000+09:00',
      language: 'ja',
    });
    expect(tickets['42']?.fields.submittedApproximate).toBeUndefined();
  });

  it('flags relative created times as approximate', () => {
    expect(tickets['43']?.fields).toMatchObject({
      requesterEmail: 'minji@hanbit.example.kr',
      priorityRaw: 'Urgent',
      submittedApproximate: true,
      language: 'ko',
    });
    expect(Date.parse(tickets['43']?.fields.submitted ?? '')).toBe(Date.parse('2026-11-15T09:00:00Z'));
  });

  it('keeps offsets of ISO times and reports literal P1–P4', () => {
    expect(tickets['44']?.fields).toMatchObject({ priority: 'P2', priorityRaw: 'P2', language: 'zh' });
    expect(tickets['44']?.fields.submitted).toBe('2026-11-16T09:00:00.000+08:00');
  });

  it('lists missing fields and the unreadable date on a broken row', () => {
    expect(tickets['45']?.missing).toEqual(['priority', 'submitted', 'customer']);
    expect(tickets['45']?.problem).toMatch(/sometime last spring/);
  });

  it('rescans a single row passed as root', () => {
    const page = loadFixture('rt/search-results.html');
    const row = page.querySelector('tbody[data-record-id="43"]') as Element;
    expect(rtAdapter.scan(row, context).map((t) => t.key)).toEqual(['43']);
  });
});
