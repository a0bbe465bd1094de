// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Adapter } from '../../entrypoints/overlay.content/adapters/types';
import { createBadge } from '../../entrypoints/overlay.content/badge';
import { type Scanner, type ScannerOptions, createScanner } from '../../entrypoints/overlay.content/scanner';
import { fixedTargetModel, listPage, memo, row, rowAdapter } from './support';

const now = Date.parse('2026-11-16T01:00:00Z');
let scanner: Scanner | undefined;
afterEach(() => scanner?.stop());

function start(adapters: Adapter[] = [rowAdapter], build = memo(fixedTargetModel)) {
  scanner = createScanner({
    doc: document,
    adapters: () => adapters,
    context: () => ({ timeZone: 'UTC', now: new Date(now) }),
    model: build,
    failed: (ticket, error) => ({
      key: ticket.key,
      input: { kind: 'unreadable', reason: error instanceof Error ? error.message : String(error) },
      sections: [],
    }),
    createBadge: (model) => createBadge(document, model, now, { mapCustomer: () => {} }),
    now: () => now,
    throttleMs: 20,
    sliceMs: Number.POSITIVE_INFINITY, // one slice: these tests are about placement, not yielding
  });
  return scanner;
}
const badges = () => [...document.querySelectorAll('[data-sla-badge]')];
/** Waits until the scanner's trailing scan (20 ms after a change, later on a busy machine) has done what `check` expects. */
const scanned = (check: () => void) => vi.waitFor(check, { timeout: 4_000, interval: 10 });
/** Only for proving that nothing happens: a window of three throttle periods, long enough for a scan that should not come. */
const quietWindow = () => new Promise((resolve) => setTimeout(resolve, 60));

describe('scanner', () => {
  it('badges every row once, however often it scans', () => {
    listPage(document, ['1', '2', '3']);
    const s = start();
    s.scan();
    const first = badges();
    s.scan();
    s.scan();
    expect(badges()).toEqual(first);
    expect(first.map((b) => b.getAttribute('data-sla-ticket'))).toEqual(['1', '2', '3']);
    expect(first.every((b) => b.parentElement?.matches('td.subject'))).toBe(true);
  });

  it("remodels the last scan's tickets without reading the page again (news from the API)", () => {
    listPage(document, ['1', '2']);
    const scan = vi.spyOn(rowAdapter, 'scan');
    let news = '';
    const s = start([rowAdapter], (ticket) => ({ ...fixedTargetModel(ticket), key: `${ticket.key}${ticket.key === '2' ? news : ''}` }));
    s.scan();
    const [one, two] = badges();
    news = '*';
    s.remodel();
    expect(scan).toHaveBeenCalledTimes(1);
    expect(badges()).toEqual([one, two]);
    expect(two?.getAttribute('data-sla-ticket')).toBe('2*');
    expect(one?.getAttribute('data-sla-ticket')).toBe('1');
    scan.mockRestore();
  });

  it('badges rows that appear later, without being called', async () => {
    const body = listPage(document, ['1']);
    start().scan();
    body.append(row(document, '2'), row(document, '3'));
    await scanned(() => expect(badges().map((b) => b.getAttribute('data-sla-ticket'))).toEqual(['1', '2', '3']));
  });

  it('re-keys a recycled row to the ticket it now shows', async () => {
    const body = listPage(document, ['1', '2']);
    start().scan();
    const recycled = body.querySelector('tr[data-id="2"]') as HTMLElement;
    const host = recycled.querySelector('[data-sla-badge]');
    // A virtualised list reuses the node for ticket 7, submitted later.
    recycled.dataset.id = '7';
    recycled.querySelector('time')?.setAttribute('datetime', '2026-11-16T00:30:00Z');
    await scanned(() => expect(recycled.querySelector('[data-sla-badge]')?.getAttribute('data-sla-ticket')).toBe('7'));
    const now7 = recycled.querySelector('[data-sla-badge]');
    expect(now7).toBe(host); // same host, new ticket
    expect(now7?.getAttribute('data-sla-ticket')).toBe('7');
    expect(now7?.getAttribute('data-sla-deadline')).toBe('2026-11-16T04:30:00.000Z');
    expect(badges()).toHaveLength(2);
  });

  it('replaces a badge the page wiped with its cell, and forgets removed rows', async () => {
    const body = listPage(document, ['1', '2']);
    const s = start();
    s.scan();
    const cell = body.querySelector('tr[data-id="1"] td.subject') as HTMLElement;
    cell.textContent = 'Ticket 1 (edited)'; // frameworks re-render cells, dropping foreign children
    body.querySelector('tr[data-id="2"]')?.remove();
    await scanned(() => expect(badges().map((b) => b.getAttribute('data-sla-ticket'))).toEqual(['1']));
    expect([...s.badges()]).toHaveLength(1);
  });

  it('does not rescan because of its own badges', async () => {
    listPage(document, ['1', '2']);
    const model = vi.fn(memo(fixedTargetModel));
    start([rowAdapter], model).scan();
    const calls = model.mock.calls.length;
    await quietWindow();
    expect(model.mock.calls.length).toBe(calls);
  });

  it('keeps the page working when an adapter throws, and shows unreadable for a failing ticket', async () => {
    listPage(document, ['1', '2']);
    const pageErrors = vi.fn();
    window.addEventListener('error', pageErrors);
    const thrower: Adapter = {
      ...rowAdapter,
      id: 'broken',
      scan() {
        throw new Error('selector exploded');
      },
    };
    const onAdapterError = vi.fn();
    const build = memo((ticket) => {
      if (ticket.key === '2') throw new Error('evaluate failed: bad priority');
      return fixedTargetModel(ticket);
    });
    scanner = createScanner({
      doc: document,
      adapters: () => [thrower, rowAdapter],
      context: () => ({ timeZone: 'UTC', now: new Date(now) }),
      model: build,
      failed: (ticket, error) => ({
        key: ticket.key,
        input: { kind: 'unreadable', reason: (error as Error).message },
        sections: [],
      }),
      createBadge: (model) => createBadge(document, model, now, { mapCustomer: () => {} }),
      onAdapterError,
      now: () => now,
      sliceMs: Number.POSITIVE_INFINITY,
    });
    expect(() => scanner?.scan()).not.toThrow();
    expect(onAdapterError).toHaveBeenCalledWith(thrower, expect.any(Error));
    const [one, two] = badges();
    expect(one?.getAttribute('data-sla-state')).toBe('on-track');
    expect(two?.getAttribute('data-sla-state')).toBe('unreadable');
    expect(two?.shadowRoot?.textContent).toContain('Unreadable · evaluate failed: bad priority');
    // The page's own script still runs and sees its DOM.
    const clicked = vi.fn();
    document.querySelector('tr[data-id="1"]')?.addEventListener('click', clicked);
    (document.querySelector('tr[data-id="1"] td') as HTMLElement).click();
    expect(clicked).toHaveBeenCalledOnce();
    document.body.append(row(document, '3'));
    await scanned(() => expect(badges()).toHaveLength(3));
    expect(pageErrors).not.toHaveBeenCalled();
  });

  it('keeps the first adapter that finds tickets until rescan', () => {
    listPage(document, ['1']);
    const empty: Adapter = { ...rowAdapter, id: 'empty', scan: vi.fn(() => []) };
    const s = start([empty, rowAdapter]);
    s.scan();
    s.scan();
    expect(empty.scan).toHaveBeenCalledTimes(1);
    s.rescan();
    expect(empty.scan).toHaveBeenCalledTimes(2);
  });
});

describe('scanner on long lists', () => {
  /** The row list with a model that never fails; each test sets only the slicing (and its clock). */
  function sliced(options: Pick<ScannerOptions, 'now' | 'sliceMs' | 'firstSliceMs' | 'flushMs'>): Scanner {
    return createScanner({
      doc: document,
      adapters: () => [rowAdapter],
      context: () => ({ timeZone: 'UTC', now: new Date(now) }),
      model: memo(fixedTargetModel),
      failed: () => {
        throw new Error('unused');
      },
      createBadge: (model) => createBadge(document, model, now, { mapCustomer: () => {} }),
      now: () => now,
      ...options,
    });
  }

  it('badges in slices, yielding to the page between them', async () => {
    listPage(document, Array.from({ length: 40 }, (_, i) => String(i + 1)));
    scanner = sliced({
      sliceMs: 0,
      firstSliceMs: 0,
      flushMs: 0, // write after every slice, so progress is visible
    });
    expect(scanner.scan()).toBe(40);
    const first = badges().length;
    expect(first).toBeLessThan(40);
    expect(first).toBeGreaterThan(0);
    await vi.waitFor(() => expect(badges()).toHaveLength(40));
    expect(new Set(badges().map((b) => b.getAttribute('data-sla-ticket'))).size).toBe(40);
  });

  it('scans new rows at once, before the page’s own code sees them, and badges them in one first slice', async () => {
    const body = listPage(document, ['1']);
    let clock = now;
    scanner = sliced({
      now: () => clock,
      sliceMs: 0, // later slices would yield at once…
      firstSliceMs: Number.POSITIVE_INFINITY, // …but the first takes the whole list
    });
    scanner.scan();
    // The page's own observer, registered after the overlay's, like a helpdesk script would be.
    const seen = new Promise<string[]>((resolve) => {
      const observer = new MutationObserver(() => {
        observer.disconnect();
        resolve(badges().map((b) => b.getAttribute('data-sla-state') ?? ''));
      });
      observer.observe(body, { childList: true, subtree: true });
    });
    clock += 1000; // the last scan was a while ago: no throttle wait
    body.append(...Array.from({ length: 40 }, (_, i) => row(document, String(i + 2))));
    const states = await seen;
    expect(states).toHaveLength(41);
    expect(states.every((state) => state !== '')).toBe(true);
  });
});
