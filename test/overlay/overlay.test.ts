// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Settings } from '../../core/settings/schema';
import { sumCounts, toolbarBadge } from '../../entrypoints/background';
import { mapCustomerHash } from '../../entrypoints/overlay.content/messages';
import { type Overlay, startOverlay } from '../../entrypoints/overlay.content/overlay';
import { popoverBox } from '../../entrypoints/overlay.content/popover';
import { localeWords } from './locale-words';

/** The whole overlay on one page: recipe adapter → lookup → real evaluate() → badges → counts. */

const recipe = {
  id: 'mini',
  name: 'Mini helpdesk',
  matches: ['http://127.0.0.1/*'],
  ticket: 'tr.ticket',
  anchor: 'td.subject',
  fields: {
    id: { selector: 'td.id' },
    priority: { selector: 'td.priority' },
    organisation: { selector: 'td.org' },
    submitted: { selector: 'time', attribute: 'datetime' },
  },
};
const settings = (customers: unknown[]) =>
  Settings.parse({ version: 1, recipes: [recipe], customers, sites: [{ adapter: 'recipe:mini', matches: ['http://127.0.0.1/*'] }] });
const acme = { id: 'acme', name: 'Acme', organisations: ['Acme'], policy: 'velostrata-1.2', level: 'platinum' };

function page(rows: Array<[string, string, string]>) {
  document.body.replaceChildren();
  const table = document.createElement('table');
  for (const [id, org, submitted] of rows) {
    const tr = document.createElement('tr');
    tr.className = 'ticket';
    for (const [cls, text] of [['id', id], ['subject', `Ticket ${id}`], ['priority', 'High'], ['org', org]]) {
      const td = document.createElement('td');
      td.className = cls as string;
      td.textContent = text as string;
      tr.append(td);
    }
    const time = document.createElement('time');
    time.setAttribute('datetime', submitted);
    tr.append(time);
    table.append(tr);
  }
  document.body.append(table);
}

const setUrl = (url: string) => (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(url);
let overlay: Overlay | undefined;
afterEach(() => overlay?.stop());
const badges = () => [...document.querySelectorAll('[data-sla-badge]')];

describe('overlay', () => {
  it('badges the page, reports counts, follows settings and stops cleanly', async () => {
    setUrl('http://127.0.0.1/tickets');
    const recent = new Date(Date.now() - 5 * 60_000).toISOString();
    const old = new Date(Date.now() - 10 * 3_600_000).toISOString();
    page([
      ['1', 'Acme', recent],
      ['2', 'Acme', old],
      ['3', 'Nobody Inc', recent],
    ]);
    const onCounts = vi.fn();
    overlay = startOverlay(document, settings([acme]), { onCounts, mapCustomer: () => {} });
    await vi.waitFor(() => expect(badges()).toHaveLength(3));
    // Platinum P2 = 4 h around the clock.
    expect(badges().map((b) => b.getAttribute('data-sla-state'))).toEqual(['on-track', 'breached', 'unmapped']);
    expect(badges()[0]?.getAttribute('data-sla-deadline')).toBe(new Date(Date.parse(recent) + 4 * 3_600_000).toISOString());
    // Counted on a timer after the scan, not inside the observer callback that badged the rows.
    expect(onCounts).not.toHaveBeenCalled();
    await vi.waitFor(() =>
      expect(onCounts).toHaveBeenLastCalledWith(
        expect.objectContaining({ counts: { 'on-track': 1, breached: 1, unmapped: 1 }, total: 3 }),
      ),
    );

    overlay.update(settings([]));
    expect(badges().map((b) => b.getAttribute('data-sla-state'))).toEqual(['unmapped', 'unmapped', 'unmapped']);

    overlay.stop();
    expect(badges()).toHaveLength(0);
  });

  it('badges and explains in the language it was started with', async () => {
    setUrl('http://127.0.0.1/tickets');
    page([
      ['1', 'Acme', new Date(Date.now() - 5 * 60_000).toISOString()],
      ['2', 'Nobody Inc', new Date().toISOString()],
    ]);
    overlay = startOverlay(document, settings([acme]), { onCounts: () => {}, mapCustomer: () => {} }, await localeWords('ja'));
    const [countdown, unmapped] = badges();
    expect(countdown?.shadowRoot?.textContent).toMatch(/^P2 · Platinum · 残り 3時間5\d分$/);
    expect(unmapped?.shadowRoot?.textContent).toBe('未割り当て · 顧客を割り当て…');
    (unmapped as HTMLElement).click();
    expect(popoverBox(document)?.querySelector('h3')?.textContent).toBe('契約なし');
    // New settings rebuild the pipeline in the same language.
    overlay.update(settings([]));
    expect(countdown?.shadowRoot?.textContent).toBe('未割り当て · 顧客を割り当て…');
    (countdown as HTMLElement).click();
    expect(popoverBox(document)?.querySelector('h3')?.textContent).toBe('契約なし');
  });

  it('drops its adapters on a page the site does not match after SPA navigation', () => {
    setUrl('http://127.0.0.1/tickets');
    page([['1', 'Acme', new Date().toISOString()]]);
    overlay = startOverlay(document, settings([acme]), { onCounts: () => {}, mapCustomer: () => {} });
    expect(badges()).toHaveLength(1);
    setUrl('http://example.org/elsewhere');
    page([['2', 'Acme', new Date().toISOString()]]);
    overlay.navigated();
    expect(badges()).toHaveLength(0);
  });
});

describe('toolbar badge and options link', () => {
  it('shows breached first, then at-risk, then open tickets', () => {
    expect(toolbarBadge({ counts: { breached: 2, 'at-risk': 1, 'on-track': 5 }, total: 8 })).toMatchObject({ text: '2', color: '#c5221f' });
    expect(toolbarBadge({ counts: { 'at-risk': 1, 'on-track': 5 }, total: 6 })).toMatchObject({ text: '1', color: '#f9ab00' });
    expect(toolbarBadge({ counts: { 'on-track': 5, waiting: 2, met: 3 }, total: 10 })).toMatchObject({ text: '7' });
    expect(toolbarBadge({ counts: { met: 3 }, total: 3 }).text).toBe('');
    // The tooltip says what the number counts, then every state (in the badges' order).
    expect(toolbarBadge({ counts: { 'on-track': 1, breached: 1 }, total: 2 }).title).toBe(
      'SLA Lens — the number counts breached tickets on this tab: 1 on track, 1 breached',
    );
    expect(toolbarBadge({ counts: { met: 3 }, total: 3 }).title).toBe('SLA Lens — no open tickets on this tab (3 met)');
  });

  it('sums the frames of a tab: counts by state, total, the earliest next deadline', () => {
    const top = { counts: {}, total: 0 };
    const list = { counts: { breached: 2, 'on-track': 1 }, total: 3, nextDeadline: '2026-11-23T01:00:00.000Z' };
    const form = { counts: { 'on-track': 1, met: 1 }, total: 2, nextDeadline: '2026-11-22T23:30:00.000Z' };
    expect(sumCounts([top, list, form])).toEqual({
      counts: { breached: 2, 'on-track': 2, met: 1 },
      total: 5,
      nextDeadline: '2026-11-22T23:30:00.000Z',
    });
    // A frame without tickets changes nothing: the toolbar still shows the iframe's breached count.
    expect(toolbarBadge(sumCounts([top, list])).text).toBe('2');
    expect(sumCounts([top, { counts: { met: 1 }, total: 1 }])).toEqual({ counts: { met: 1 }, total: 1 });
    expect(sumCounts([])).toEqual({ counts: {}, total: 0 });
  });

  it('prefills the new-contract route', () => {
    expect(mapCustomerHash({ name: 'Umbrella & Co', domain: 'umbrella.example' })).toBe(
      '#/contracts/new?name=Umbrella+%26+Co&domain=umbrella.example',
    );
    expect(mapCustomerHash({})).toBe('#/contracts/new');
  });
});
