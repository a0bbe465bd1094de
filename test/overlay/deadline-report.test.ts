// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { stateAt } from '../../core/alerts/schedule';
import { Settings } from '../../core/settings/schema';
import { badgeState } from '../../entrypoints/overlay.content/badge-state';
import { type FrameReport, ownerOf } from '../../entrypoints/overlay.content/deadline-report';
import { type Overlay, startOverlay } from '../../entrypoints/overlay.content/overlay';
import { markAlerted, revealTicket } from '../../entrypoints/overlay.content/reveal';

/** The overlay's deadline report (alerts, the popup's list): real adapter, lookup and evaluate(). */

const recipe = {
  id: 'mini',
  name: 'Mini helpdesk',
  matches: ['http://127.0.0.1/*'],
  ticket: 'tr.ticket',
  anchor: 'td.subject',
  fields: {
    id: { selector: 'td.id' },
    subject: { selector: 'td.subject' },
    priority: { selector: 'td.priority' },
    organisation: { selector: 'td.org' },
    owner: { selector: 'td.owner' },
    submitted: { selector: 'time', attribute: 'datetime' },
    firstReply: { selector: 'time.reply', attribute: 'datetime' },
  },
};
const settings = Settings.parse({
  version: 1,
  recipes: [recipe],
  customers: [{ id: 'acme', name: 'Acme', organisations: ['Acme'], policy: 'velostrata-1.2', level: 'platinum' }],
  sites: [{ adapter: 'recipe:mini', matches: ['http://127.0.0.1/*'] }],
});

type Row = { id: string; org: string; submitted: string; owner?: string; reply?: string };
function page(rows: Row[]) {
  document.body.replaceChildren();
  const table = document.createElement('table');
  for (const row of rows) {
    const tr = document.createElement('tr');
    tr.className = 'ticket';
    for (const [cls, text] of [['id', row.id], ['subject', `Printer ${row.id} on fire`], ['priority', 'High'], ['org', row.org], ...(row.owner !== undefined ? [['owner', row.owner]] : [])]) {
      const td = document.createElement('td');
      td.className = cls as string;
      td.textContent = text as string;
      tr.append(td);
    }
    const time = document.createElement('time');
    time.setAttribute('datetime', row.submitted);
    tr.append(time);
    if (row.reply) {
      const reply = document.createElement('time');
      reply.className = 'reply';
      reply.setAttribute('datetime', row.reply);
      tr.append(reply);
    }
    table.append(tr);
  }
  document.body.append(table);
}

const setUrl = (url: string) => (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(url);
let overlay: Overlay | undefined;
afterEach(() => overlay?.stop());
const HOUR = 3_600_000;

describe('the deadline report', () => {
  it('lists open tickets with their instants, names subject, customer, level and owner, and is sent only when it changes', async () => {
    setUrl('http://127.0.0.1/tickets');
    const now = Date.now();
    const recent = new Date(now - 5 * 60_000).toISOString();
    const old = new Date(now - 3.5 * HOUR).toISOString();
    page([
      { id: '1', org: 'Acme', submitted: recent, owner: 'jane' },
      { id: '2', org: 'Acme', submitted: old, owner: 'Nobody' },
      { id: '3', org: 'Acme', submitted: old, reply: new Date(now - HOUR).toISOString() },
      { id: '4', org: 'Unknown Ltd', submitted: recent },
    ]);
    const reports: FrameReport[] = [];
    overlay = startOverlay(document, settings, { onCounts: () => {}, mapCustomer: () => {}, onDeadlines: (r) => reports.push(r) });
    await vi.waitFor(() => expect(reports.length).toBeGreaterThan(0));
    const report = reports.at(-1) as FrameReport;
    expect(report.url).toBe('http://127.0.0.1/tickets');
    expect(report.unmapped).toBe(1);
    // Platinum P2: 4 h round the clock; the answered ticket 3 and the unmapped 4 are not listed.
    expect(report.tickets.map((t) => [t.key, t.priority, t.level, t.customer, t.subject, t.owner])).toEqual([
      ['1', 'P2', 'Platinum', 'Acme', 'Printer 1 on fire', 'jane'],
      ['2', 'P2', 'Platinum', 'Acme', 'Printer 2 on fire', null],
    ]);
    const [one, two] = report.tickets;
    expect(one?.deadline).toBe(Date.parse(recent) + 4 * HOUR);
    // The state the background derives at any instant is the badge's own.
    for (const t of report.tickets) {
      const badge = document.querySelector(`[data-sla-ticket="${t.key}"]`);
      expect(stateAt(t, Date.now())).toBe(badge?.getAttribute('data-sla-state'));
    }
    expect(stateAt(two as FrameReport['tickets'][number], Date.now())).toBe('at-risk');
    // This page shows no logged-in agent.
    expect(report.agent).toBeUndefined();

    // Rescans of an unchanged page send nothing; a changed page sends its new report.
    const sent = reports.length;
    overlay.scanner.rescan();
    // Proves that NO report comes: a changed page's report comes with its rescan, well within 50 ms.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(reports).toHaveLength(sent);
    page([{ id: '1', org: 'Acme', submitted: recent, owner: 'jane' }]);
    await vi.waitFor(() => expect(reports.at(-1)?.tickets.map((t) => t.key)).toEqual(['1']));
  });

  it('derives the same state as the badge at every instant (at-risk share, breach)', () => {
    // A lone model through the pure state function: stateAt on the report's instants.
    const start = Date.parse('2026-03-01T10:00:00Z');
    const deadline = start + HOUR;
    const input = {
      kind: 'evaluated' as const,
      label: 'P1',
      atRiskShare: 0.25,
      result: { target: { start: new Date(start).toISOString(), deadline: new Date(deadline).toISOString(), clock: '24/7', minutes: 60, calendar: 'x', source: '§1' }, notes: [] },
    } as unknown as Parameters<typeof badgeState>[0];
    const atRisk = Math.ceil(deadline - 0.25 * HOUR);
    for (const t of [start - 1, start, atRisk - 1, atRisk, deadline - 1, deadline, deadline + HOUR]) {
      expect(stateAt({ start, atRisk, deadline }, t)).toBe(badgeState(input, t).state);
    }
  });

  it('names the logged-in agent where the page shows them (RT’s menu), whichever adapter reads the tickets', async () => {
    setUrl('http://127.0.0.1/tickets');
    page([{ id: '1', org: 'Acme', submitted: new Date().toISOString(), owner: 'root (Enoch Root)' }]);
    // RT 5's menu item, as the real pages have it (test/fixtures/rt-real).
    const menu = document.createElement('ul');
    menu.innerHTML = '<li id="li-preferences"><a id="preferences" class="menu-item" href="/User/Summary.html?id=14">Logged in as <span class="current-user">root</span></a></li>';
    document.body.prepend(menu);
    const reports: FrameReport[] = [];
    overlay = startOverlay(document, settings, { onCounts: () => {}, mapCustomer: () => {}, onDeadlines: (r) => reports.push(r) });
    await vi.waitFor(() => expect(reports.at(-1)?.tickets).toHaveLength(1));
    expect(reports.at(-1)?.agent).toEqual({ name: 'root', form: 'login' });
  });

  it('reads owners: a name, unassigned (empty, Nobody), or not shown', () => {
    expect(ownerOf(' Jane Doe ')).toBe('Jane Doe');
    expect(ownerOf('Nobody in particular')).toBeNull();
    expect(ownerOf('')).toBeNull();
    expect(ownerOf(undefined)).toBeUndefined();
  });

  it('reveals a ticket’s badge (scrolled to, focused, highlighted) and marks alerted ones', async () => {
    setUrl('http://127.0.0.1/tickets');
    page([{ id: '7', org: 'Acme', submitted: new Date().toISOString() }]);
    overlay = startOverlay(document, settings, { onCounts: () => {}, mapCustomer: () => {} });
    await vi.waitFor(() => expect(document.querySelector('[data-sla-ticket="7"]')).not.toBeNull());
    expect(revealTicket(document, '8')).toBe(false);
    expect(revealTicket(document, '7')).toBe(true);
    const badge = document.querySelector('[data-sla-ticket="7"]');
    expect(badge?.hasAttribute('data-sla-highlight')).toBe(true);
    expect(document.activeElement).toBe(badge);
    markAlerted(document, [{ key: '7', state: 'breached' }, { key: '7', state: 'at-risk' }]);
    expect(badge?.getAttribute('data-sla-alerted')).toBe('at-risk breached');
  });
});
