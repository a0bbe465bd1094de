// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { zammadAdapter } from '../../entrypoints/overlay.content/adapters/zammad';
import { context, loadFixture } from './fixture';

describe('Zammad ticket zoom', () => {
  it('reads the active pane only', () => {
    const tickets = zammadAdapter.scan(loadFixture('zammad/ticket-zoom.html'), context);
    expect(tickets.map((t) => t.key)).toEqual(['31012']);
    expect(tickets[0]?.fields).toEqual({
      id: '31012',
      subject: '결제 페이지 오류',
      priorityRaw: 'high',
      type: 'technical',
      requesterEmail: 'minji@hanbit.example.kr',
      organisation: 'Hanbit Cloud',
      submitted: '2026-11-15T01:30:00.000Z',
      language: 'ko',
    });
    expect(tickets[0]?.missing).toEqual([]);
    expect(tickets[0]?.anchor.className).toBe('ticket-title');
  });

  it('lists what a changed page no longer shows', () => {
    const [ticket] = zammadAdapter.scan(loadFixture('zammad/broken.html'), context);
    expect(ticket?.key).toBe('31020');
    expect(ticket?.missing).toEqual(['priority', 'submitted', 'customer']);
  });
});
