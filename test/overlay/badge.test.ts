// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { createBadge } from '../../entrypoints/overlay.content/badge';
import type { BadgeModel } from '../../entrypoints/overlay.content/badge-model';
import { popoverBox } from '../../entrypoints/overlay.content/popover';
import { localeWords } from './locale-words';
import { fixedTargetModel, listPage, rowAdapter } from './support';

const now = Date.parse('2026-11-16T01:46:00Z');
const ticket = () => {
  listPage(document, ['42']);
  const [scanned] = rowAdapter.scan(document, { timeZone: 'UTC', now: new Date(now) });
  if (!scanned) throw new Error('fixture');
  return scanned;
};
const noop = { mapCustomer: () => {} };

describe('badge', () => {
  it('carries the DOM contract on its host', () => {
    const badge = createBadge(document, fixedTargetModel(ticket()), now, noop);
    document.body.append(badge.host);
    expect(badge.host.hasAttribute('data-sla-badge')).toBe(true);
    expect(badge.host.getAttribute('data-sla-ticket')).toBe('42');
    expect(badge.host.getAttribute('data-sla-state')).toBe('on-track');
    expect(badge.host.getAttribute('data-sla-deadline')).toBe('2026-11-16T04:00:00.000Z');
    expect(badge.host.shadowRoot?.textContent).toBe('P2 · Gold · 2h 14m left');
    expect(badge.host.getAttribute('role')).toBe('button');
    // Nothing of the badge is in the page's light DOM (page CSS and page text readers never see it).
    expect(badge.host.childNodes.length).toBe(0);
  });

  it('drops the deadline attribute when the state has no target', () => {
    const badge = createBadge(document, fixedTargetModel(ticket()), now, noop);
    badge.setModel({ key: '42', input: { kind: 'unreadable', reason: 'no submission time' }, sections: [] }, now);
    expect(badge.host.getAttribute('data-sla-state')).toBe('unreadable');
    expect(badge.host.hasAttribute('data-sla-deadline')).toBe(false);
    expect(badge.host.shadowRoot?.textContent).toContain('Unreadable · no submission time');
  });

  it('is a keyboard-focusable button whose popover explains, as text only', () => {
    const model: BadgeModel = {
      ...fixedTargetModel(ticket()),
      sections: [
        { title: 'Why', lines: ['<img src=x onerror=alert(1)>'] },
        { title: 'Contacts', lines: ['not a designated contact'], warning: true },
      ],
    };
    const badge = createBadge(document, model, now, noop);
    document.body.append(badge.host);
    const button = badge.host;
    expect(button.tabIndex).toBe(0);
    button.focus();
    const pop = popoverBox(document) as HTMLElement;
    expect(pop.getAttribute('role')).toBe('dialog');
    expect(pop.hidden).toBe(false);
    // One shared popover on <html>, outside the badge (so size containment cannot clip it).
    expect(document.querySelectorAll('[data-sla-popover]')).toHaveLength(1);
    expect(badge.host.shadowRoot?.textContent).not.toContain('Contacts');
    expect(button.getAttribute('aria-expanded')).toBe('true');
    expect(pop.textContent).toContain('<img src=x onerror=alert(1)>');
    expect(pop.querySelector('img')).toBeNull();
    expect(pop.querySelector('.warning')?.textContent).toBe('not a designated contact');
    button.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    expect(pop.hidden).toBe(true);
  });

  it('opens and closes with Enter and Space, as a <button> would, without the page seeing the keys', () => {
    const badge = createBadge(document, fixedTargetModel(ticket()), now, noop);
    document.body.append(badge.host);
    const pageKeys = vi.fn();
    document.body.addEventListener('keydown', pageKeys);
    const press = (key: string) => {
      const event = new KeyboardEvent('keydown', { key, bubbles: true, composed: true, cancelable: true });
      badge.host.dispatchEvent(event);
      return event;
    };
    expect(press('Enter').defaultPrevented).toBe(true);
    expect(badge.host.getAttribute('aria-expanded')).toBe('true');
    expect(popoverBox(document)?.hidden).toBe(false);
    press(' ');
    expect(badge.host.getAttribute('aria-expanded')).toBe('false');
    expect(popoverBox(document)?.hidden).toBe(true);
    expect(press('a').defaultPrevented).toBe(false);
    expect(pageKeys).toHaveBeenCalledTimes(1);
  });

  it('keeps its clicks from the page and offers to map an unmapped customer', () => {
    const mapCustomer = vi.fn();
    const model: BadgeModel = {
      key: '42',
      input: { kind: 'unmapped', customer: 'Acme' },
      sections: [{ title: 'Customer', lines: ['Acme is not mapped to a contract'] }],
      mapCustomer: { name: 'Acme', domain: 'acme.example' },
    };
    const badge = createBadge(document, model, now, { mapCustomer });
    const rowClick = vi.fn();
    document.body.addEventListener('click', rowClick);
    document.body.append(badge.host);
    badge.host.click();
    expect(rowClick).not.toHaveBeenCalled();
    const map = popoverBox(document)?.querySelector<HTMLButtonElement>('.map');
    expect(map?.textContent).toBe('Map customer');
    map?.click();
    expect(mapCustomer).toHaveBeenCalledWith({ name: 'Acme', domain: 'acme.example' });
    expect(rowClick).not.toHaveBeenCalled();
  });

  it("speaks the overlay's language: its text, a countdown's time and the popover's button", async () => {
    const de = await localeWords('de');
    const badge = createBadge(document, fixedTargetModel(ticket()), now, noop, de);
    document.body.append(badge.host);
    expect(badge.host.shadowRoot?.textContent).toBe('P2 · Gold · noch 2h 14min');
    badge.render(now + 60_000);
    expect(badge.host.shadowRoot?.textContent).toBe('P2 · Gold · noch 2h 13min');
    const unmapped: BadgeModel = {
      key: '43',
      input: { kind: 'unmapped', customer: 'Acme' },
      sections: [],
      mapCustomer: { name: 'Acme' },
    };
    const other = createBadge(document, unmapped, now, noop, de);
    document.body.append(other.host);
    other.host.click();
    expect(popoverBox(document)?.querySelector('strong')?.textContent).toBe('Nicht zugeordnet · zuordnen…');
    expect(popoverBox(document)?.querySelector('.map')?.textContent).toBe('Kunde zuordnen');
  });

  it("writes a waiting badge's start after the part that gives way, so a cut never hides its zone", () => {
    const model = fixedTargetModel(ticket());
    if (model.input.kind !== 'evaluated') throw new Error('fixture');
    const waiting: BadgeModel = { ...model, input: { ...model.input, approximate: true, startZone: 'Asia/Tokyo' } };
    const badge = createBadge(document, waiting, Date.parse('2026-11-15T10:00:00Z'), noop);
    const [head, tail] = Array.from(badge.host.shadowRoot?.childNodes ?? []).filter((n) => n.nodeName !== 'STYLE');
    expect(head?.nodeName).toBe('SPAN');
    expect(head?.textContent).toBe('≈ Waiting · starts ');
    expect(tail?.textContent).toBe('Mon 09:00 JST');
  });

  it('touches the DOM only when the text changes', () => {
    const badge = createBadge(document, fixedTargetModel(ticket()), now, noop);
    const button = badge.host;
    const observer = new MutationObserver(() => {});
    observer.observe(badge.host.shadowRoot as ShadowRoot, { subtree: true, childList: true, characterData: true });
    observer.observe(badge.host, { attributes: true });
    badge.render(now); // same text: nothing touched
    expect(observer.takeRecords()).toHaveLength(0);
    badge.render(now + 1_000); // 2h 13m 59s left
    expect(button.shadowRoot?.textContent).toBe('P2 · Gold · 2h 13m left');
    const records = observer.takeRecords();
    expect(records.some((r) => r.type === 'attributes')).toBe(false);
    expect(records.length).toBeGreaterThan(0);
    badge.render(now + 59_000); // still 2h 13m
    expect(observer.takeRecords()).toHaveLength(0);
  });

  it('shares one popover: opening another badge closes the first, leaving focus closes it', () => {
    const [a, b] = ['1', '2'].map((key) => createBadge(document, { ...fixedTargetModel(ticket()), key }, now, noop));
    if (!a || !b) throw new Error('fixture');
    document.body.append(a.host, b.host);
    const buttonOf = (badge: typeof a) => badge.host;
    buttonOf(a).click();
    expect(buttonOf(a).getAttribute('aria-expanded')).toBe('true');
    buttonOf(b).focus();
    expect(buttonOf(a).getAttribute('aria-expanded')).toBe('false');
    expect(buttonOf(b).getAttribute('aria-expanded')).toBe('true');
    const outside = document.createElement('input');
    document.body.append(outside);
    outside.focus();
    expect(buttonOf(b).getAttribute('aria-expanded')).toBe('false');
    expect(popoverBox(document)?.hidden).toBe(true);
  });

  it('keeps a hover-opened popover while the mouse moves into it, and follows its badge on scroll', async () => {
    const badge = createBadge(document, fixedTargetModel(ticket()), now, noop);
    document.body.append(badge.host);
    const button = badge.host;
    button.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
    const pop = popoverBox(document) as HTMLElement;
    expect(pop.hidden).toBe(false);
    button.dispatchEvent(new MouseEvent('mouseout', { bubbles: true }));
    pop.dispatchEvent(new MouseEvent('mouseenter'));
    // Proves the popover does NOT close: wait past the badge's 150 ms grace after mouseout (that
    // timer was set first, so it has fired by the time this one does, however busy the machine).
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(pop.hidden).toBe(false);
    pop.dispatchEvent(new MouseEvent('mouseleave'));
    expect(pop.hidden).toBe(true);
    button.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
    expect(pop.hidden).toBe(false);
    pop.style.top = '999px';
    document.dispatchEvent(new Event('scroll'));
    await new Promise((resolve) => requestAnimationFrame(resolve));
    expect(pop.hidden).toBe(false);
    expect(pop.style.top).toBe(`${badge.host.getBoundingClientRect().bottom + 4}px`);
    button.dispatchEvent(new MouseEvent('mouseout', { bubbles: true }));
    await vi.waitFor(() => expect(pop.hidden).toBe(true), { timeout: 4_000 });
  });
});
