// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { createBadge } from '../../entrypoints/overlay.content/badge';
import type { BadgeWords } from '../../entrypoints/overlay.content/badge-words';
import { localeWords } from './locale-words';
import { fixedTargetModel, listPage, rowAdapter } from './support';

/** Stands in for the browser's IntersectionObserver (installed before the first badge of this page). */
const observed = new Set<Element>();
let report: IntersectionObserverCallback = () => {};
class FakeObserver {
  constructor(callback: IntersectionObserverCallback) {
    report = callback;
  }
  observe(target: Element) {
    observed.add(target);
  }
  unobserve(target: Element) {
    observed.delete(target);
  }
  disconnect() {}
}
window.IntersectionObserver = FakeObserver as unknown as typeof IntersectionObserver;
const tell = (target: Element, isIntersecting: boolean) =>
  report([{ target, isIntersecting } as IntersectionObserverEntry], {} as IntersectionObserver);

const now = Date.parse('2026-11-16T01:46:00Z');
const MINUTE = 60_000;

/** A badge for a 4-hour 24/7 target submitted 1 h 46 min before `now` (2h 14m left), on the page. */
function badgeOnPage(id: string, words?: BadgeWords) {
  listPage(document, [id]);
  const [ticket] = rowAdapter.scan(document, { timeZone: 'UTC', now: new Date(now) });
  if (!ticket) throw new Error('fixture');
  const badge = createBadge(document, fixedTargetModel(ticket), now, { mapCustomer: () => {} }, words);
  document.body.append(badge.host);
  return badge;
}

describe('badge off screen', () => {
  it('keeps state and deadline current but writes a ticking countdown only near the screen', () => {
    const badge = badgeOnPage('42');
    expect(observed.has(badge.host)).toBe(true);
    const text = () => badge.host.shadowRoot?.textContent;
    expect(text()).toBe('P2 · Gold · 2h 14m left');

    tell(badge.host, false);
    badge.render(now + MINUTE);
    expect(badge.view.text).toBe('P2 · Gold · 2h 13m left');
    expect(text()).toBe('P2 · Gold · 2h 14m left');
    // 1h 14m later: 60 of 240 minutes left, at risk — the state is written even off screen.
    badge.render(now + 74 * MINUTE);
    expect(badge.host.getAttribute('data-sla-state')).toBe('at-risk');
    expect(text()).toBe('P2 · Gold · 2h 14m left');

    tell(badge.host, true);
    expect(text()).toBe('⚠ P2 · Gold · 1h left');
    badge.render(now + 75 * MINUTE);
    expect(text()).toBe('⚠ P2 · Gold · 59m left');
  });

  it('composes a countdown that changed off screen in its language', async () => {
    const badge = badgeOnPage('44', await localeWords('de'));
    tell(badge.host, false);
    badge.render(now + MINUTE);
    expect(badge.view.text).toBe('P2 · Gold · noch 2h 13min');
    tell(badge.host, true);
    expect(badge.host.shadowRoot?.textContent).toBe('P2 · Gold · noch 2h 13min');
  });

  it('writes a new model at once, on screen or not, and lets go of removed badges', () => {
    const badge = badgeOnPage('43');
    tell(badge.host, false);
    badge.setModel({ key: '43', input: { kind: 'unreadable', reason: 'no submission time' }, sections: [] }, now);
    expect(badge.host.shadowRoot?.textContent).toBe('Unreadable · no submission time');
    badge.host.remove();
    tell(badge.host, false);
    expect(observed.has(badge.host)).toBe(false);
  });
});
