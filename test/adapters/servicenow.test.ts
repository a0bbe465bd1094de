// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { serviceNowAdapter } from '../../entrypoints/overlay.content/adapters/servicenow';
import { byKey, context, loadFixture } from './fixture';

describe('ServiceNow list', () => {
  const tickets = byKey(serviceNowAdapter.scan(loadFixture('servicenow/list.html'), context));

  it('keys rows by number and maps columns by th[name]', () => {
    expect(Object.keys(tickets)).toEqual(['INC0010001', 'INC0010002']);
    expect(tickets.INC0010001?.fields).toEqual({
      id: 'INC0010001',
      submitted: '2026-11-15T02:30:00.000+09:00',
      subject: 'メールが送信できない',
      organisation: 'Kaiyo Systems',
      priorityRaw: 'Critical',
      language: 'ja',
    });
    expect(tickets.INC0010001?.anchor.textContent).toBe('INC0010001');
    expect(tickets.INC0010002?.missing).toEqual(['customer']);
  });
});

describe('ServiceNow form', () => {
  it('reads display values, skips the hidden sys_id twin', () => {
    const [ticket, ...rest] = serviceNowAdapter.scan(loadFixture('servicenow/form.html'), context);
    expect(rest).toEqual([]);
    expect(ticket?.fields).toEqual({
      id: 'INC0010003',
      subject: 'VPN 접속 오류',
      priorityRaw: 'High',
      organisation: 'Hanbit Cloud',
      submitted: '2026-11-15T09:15:00.000+09:00',
      language: 'ko',
    });
    expect(ticket?.missing).toEqual([]);
  });

  it('finds the form inside an open shadow root and a same-origin iframe (Next Experience)', () => {
    const page = new DOMParser().parseFromString('<body><sn-polaris-layout></sn-polaris-layout></body>', 'text/html');
    const shadow = (page.querySelector('sn-polaris-layout') as Element).attachShadow({ mode: 'open' });
    const frame = page.createElement('iframe');
    frame.id = 'gsft_main';
    const blocked = page.createElement('iframe');
    shadow.append(frame, blocked);
    // happy-dom does not load frames: give this one the document a same-origin frame would have,
    // and make the other behave like a cross-origin frame (the getter throws).
    const inner = loadFixture('servicenow/form.html');
    Object.defineProperty(frame, 'contentDocument', { value: inner });
    Object.defineProperty(blocked, 'contentDocument', {
      get() {
        throw new DOMException('Blocked a frame with origin', 'SecurityError');
      },
    });
    const tickets = serviceNowAdapter.scan(page, context);
    expect(tickets.map((t) => t.key)).toEqual(['INC0010003']);
    expect(tickets[0]?.element.ownerDocument).toBe(inner);
  });
});
