// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { freshdeskAdapter } from '../../entrypoints/overlay.content/adapters/freshdesk';
import { zendeskAdapter } from '../../entrypoints/overlay.content/adapters/zendesk';
import { byKey, context, loadFixture } from './fixture';

describe('Zendesk views', () => {
  const tickets = byKey(zendeskAdapter.scan(loadFixture('zendesk/view.html'), context));

  it('keys rows by ticket number and reads the cells', () => {
    expect(Object.keys(tickets)).toEqual(['501', '502']);
    expect(tickets['501']?.fields).toEqual({
      id: '501',
      subject: '請求書の再発行',
      priorityRaw: 'Normal',
      organisation: 'Kaiyo Systems',
      submitted: '2026-11-15T01:00:00.000Z',
      language: 'ja',
    });
    expect(tickets['502']?.missing).toEqual([]);
    expect(tickets['502']?.anchor.getAttribute('data-test-id')).toBe('generic-table-cells-id');
  });
});

describe('Freshdesk cards', () => {
  const tickets = byKey(freshdeskAdapter.scan(loadFixture('freshdesk/tickets.html'), context));

  it('keys cards by data-test-ticket-id and reads relative times as approximate', () => {
    expect(Object.keys(tickets)).toEqual(['77', '78']);
    expect(tickets['77']?.fields).toMatchObject({
      subject: '서버 점검 요청',
      priorityRaw: 'High',
      organisation: 'Hanbit Cloud',
      submittedApproximate: true,
      language: 'ko',
    });
    expect(Date.parse(tickets['77']?.fields.submitted ?? '')).toBe(Date.parse('2026-11-15T09:00:00Z'));
    expect(Date.parse(tickets['78']?.fields.submitted ?? '')).toBe(Date.parse('2026-11-14T12:00:00Z'));
    expect(tickets['78']?.missing).toEqual(['customer']);
  });
});
