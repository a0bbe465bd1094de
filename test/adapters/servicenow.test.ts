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

  /** A Next Experience shell: `sn-polaris-layout` with an open shadow root, and in it `inner`. */
  function nextExperience(inner: (page: Document, shadow: ShadowRoot) => void): Document {
    const page = new DOMParser().parseFromString('<body><sn-polaris-layout></sn-polaris-layout></body>', 'text/html');
    inner(page, (page.querySelector('sn-polaris-layout') as Element).attachShadow({ mode: 'open' }));
    return page;
  }

  it('finds the form inside nested open shadow roots (Next Experience)', () => {
    const form = loadFixture('servicenow/form.html').body;
    const page = nextExperience((doc, shadow) => {
      const nested = doc.createElement('sn-canvas-main');
      shadow.append(nested);
      nested.attachShadow({ mode: 'open' }).append(doc.importNode(form, true));
    });
    const tickets = serviceNowAdapter.scan(page, context);
    expect(tickets.map((t) => t.key)).toEqual(['INC0010003']);
    expect(tickets[0]?.fields.subject).toBe('VPN 접속 오류');
  });

  it('leaves a form inside an iframe to the overlay running in that frame', () => {
    const page = nextExperience((doc, shadow) => {
      const frame = doc.createElement('iframe');
      frame.id = 'gsft_main';
      shadow.append(frame);
      // happy-dom does not load frames: give this one the document a same-origin frame would have.
      Object.defineProperty(frame, 'contentDocument', { value: loadFixture('servicenow/form.html') });
    });
    expect(serviceNowAdapter.scan(page, context)).toEqual([]);
  });
});
