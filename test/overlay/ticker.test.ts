// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type Badge, createBadge } from '../../entrypoints/overlay.content/badge';
import { type Ticker, startTicker } from '../../entrypoints/overlay.content/ticker';
import { fixedTargetModel, listPage, rowAdapter } from './support';

const t0 = Date.parse('2026-11-16T01:46:00Z');
let ticker: Ticker | undefined;
afterEach(() => {
  ticker?.stop();
  vi.useRealTimers();
});

function badgesFor(ids: string[], submitted: string[] = []): Badge[] {
  listPage(document, ids);
  for (const [i, time] of [...document.querySelectorAll('time')].entries()) {
    const at = submitted[i];
    if (at) time.setAttribute('datetime', at);
  }
  return rowAdapter.scan(document, { timeZone: 'UTC', now: new Date(t0) }).map((ticket) => {
    const badge = createBadge(document, fixedTargetModel(ticket), t0, { mapCustomer: () => {} });
    ticket.anchor.append(badge.host);
    return badge;
  });
}
const setHidden = (hidden: boolean) => {
  Object.defineProperty(document, 'hidden', { configurable: true, get: () => hidden });
  document.dispatchEvent(new Event('visibilitychange'));
};

describe('ticker', () => {
  it('uses one timer, updates only changed text and reports counts when they change', () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const badges = badgesFor(['1', '2'], ['2026-11-16T00:00:00Z', '2026-11-15T22:00:00Z']);
    let clock = t0;
    const onCounts = vi.fn();
    const interval = vi.spyOn(globalThis, 'setInterval');
    ticker = startTicker({ doc: document, badges: () => badges, now: () => clock, onCounts });
    expect(interval).toHaveBeenCalledTimes(1);
    const observer = new MutationObserver(() => {});
    for (const b of badges) observer.observe(b.host.shadowRoot as ShadowRoot, { subtree: true, childList: true, characterData: true });

    vi.advanceTimersByTime(1000);
    expect(onCounts).toHaveBeenLastCalledWith({
      counts: { 'on-track': 1, 'at-risk': 1 },
      total: 2,
      nextDeadline: '2026-11-16T02:00:00.000Z',
    });
    observer.takeRecords();
    vi.advanceTimersByTime(1000); // same minute for both, same counts
    expect(observer.takeRecords()).toHaveLength(0);
    expect(onCounts).toHaveBeenCalledTimes(1);

    clock = Date.parse('2026-11-16T02:00:30Z'); // ticket 2 breaches
    vi.advanceTimersByTime(1000);
    expect(badges[1]?.host.getAttribute('data-sla-state')).toBe('breached');
    expect(onCounts).toHaveBeenLastCalledWith({
      counts: { 'on-track': 1, breached: 1 },
      total: 2,
      nextDeadline: '2026-11-16T04:00:00.000Z',
    });
  });

  it('pauses while the tab is hidden and catches up when it is shown', () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const badges = badgesFor(['1']);
    let clock = t0;
    const render = vi.spyOn(badges[0] as Badge, 'render');
    ticker = startTicker({ doc: document, badges: () => badges, now: () => clock });
    vi.advanceTimersByTime(1000);
    expect(render).toHaveBeenCalledTimes(1);
    setHidden(true);
    clock += 3_600_000;
    vi.advanceTimersByTime(10_000);
    expect(render).toHaveBeenCalledTimes(1);
    setHidden(false);
    expect(render).toHaveBeenCalledTimes(2);
    expect(badges[0]?.host.shadowRoot?.textContent).toContain('1h 14m left');
    vi.advanceTimersByTime(1000); // running again, but nothing is due within the same minute: no pass
    expect(render).toHaveBeenCalledTimes(2);
    clock += 60_000;
    vi.advanceTimersByTime(1000);
    expect(render).toHaveBeenCalledTimes(3);
    expect(badges[0]?.host.shadowRoot?.textContent).toContain('1h 13m left');
  });
});
