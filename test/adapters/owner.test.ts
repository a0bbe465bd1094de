// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isMine } from '../../core/alerts/owner';
import { readCurrentAgent } from '../../entrypoints/overlay.content/adapters/current-agent';
import { osticketAdapter } from '../../entrypoints/overlay.content/adapters/osticket';
import { rtAdapter } from '../../entrypoints/overlay.content/adapters/rt';
import { ownerOf } from '../../entrypoints/overlay.content/deadline-report';

/** The owner where the page shows it cheaply: RT's Owner column and People box, osTicket's "Assigned To" column. */

function load(path: string): Document {
  const doc = document.implementation.createHTMLDocument('fixture');
  doc.documentElement.innerHTML = readFileSync(path, 'utf8');
  return doc;
}
const context = { timeZone: 'UTC', now: new Date('2026-01-01T00:00:00Z') };

describe('owner', () => {
  // About 1 s of work on an idle machine (two real RT pages parsed and scanned); 30 s covers a
  // 2-core machine at load 10.
  it('RT 5: the real default search list’s Owner column and a real ticket page’s People box', { timeout: 30_000 }, () => {
    const list = rtAdapter.scan(load('test/fixtures/rt-real/search-results-default.html'), context);
    expect(list.length).toBeGreaterThan(0);
    expect(list.every((t) => typeof t.fields.owner === 'string')).toBe(true);
    expect(new Set(list.map((t) => ownerOf(t.fields.owner)))).toContain(null);
    const [ticket] = rtAdapter.scan(load('test/fixtures/rt-real/ticket-display.html'), context);
    expect(ownerOf(ticket?.fields.owner)).toBeNull();
  });

  it('osTicket 1.18: "Assigned To" read where the queue shows it (an empty cell: unassigned), absent where it does not', () => {
    const custom = osticketAdapter.scan(load('test/fixtures/osticket-1.18.1/queue-custom-columns.html'), context);
    expect(custom.length).toBeGreaterThan(0);
    expect(custom.every((t) => t.fields.owner !== undefined)).toBe(true);
    const open = osticketAdapter.scan(load('test/fixtures/osticket-1.18.1/queue-open.html'), context);
    expect(open.length).toBeGreaterThan(0);
    const headers = [...load('test/fixtures/osticket-1.18.1/queue-open.html').querySelectorAll('th[data-id="8"]')];
    expect(open.every((t) => (t.fields.owner !== undefined) === headers.length > 0)).toBe(true);
  });
});

/** The logged-in agent where the page shows it: RT's menu ("Logged in as root"), osTicket's header ("Welcome, Agent."). */
// Each test parses up to seven real pages (about 1 s of work on an idle machine); 30 s covers a
// 2-core machine at load 10.
describe('the logged-in agent', { timeout: 30_000 }, () => {
  const agentOn = (path: string) => readCurrentAgent(load(path));

  it('RT 5: the login name in the menu of every real page that has the menu; none on the history fragment', () => {
    for (const page of ['search-results-default', 'search-results-sla-format', 'ticket-display', 'ticket-display-replied', 'ticket-display-ja']) {
      const doc = load(`test/fixtures/rt-real/${page}.html`);
      expect(readCurrentAgent(doc), page).toMatchObject({ name: 'root', form: 'login' });
      expect(osticketAdapter.currentAgent?.(doc), page).toBeUndefined();
    }
    // A fragment the API reader fetches (no page chrome), and the reduced hand-made pages.
    expect(agentOn('test/fixtures/rt-real/ticket-history-replied.html')).toBeUndefined();
    expect(agentOn('test/fixtures/rt/search-results.html')).toBeUndefined();
  });

  it('osTicket 1.18: the first name in the header (English and German UI); none in the ajax preview fragments', () => {
    const pages = ['queue-open', 'queue-open-de', 'queue-custom-columns', 'ticket-310734', 'ticket-310734-de', 'ticket-570157', 'ajax/ticket-7.raw'];
    for (const page of pages) {
      const doc = load(`test/fixtures/osticket-1.18.1/${page}.html`);
      expect(readCurrentAgent(doc), page).toEqual({ name: 'Agent', form: 'first-name' });
      expect(rtAdapter.currentAgent?.(doc), page).toBeUndefined();
    }
    expect(agentOn('test/fixtures/osticket-1.18.1/ajax/preview-7.html')).toBeUndefined();
  });

  it('cannot tell on the Zendesk, Jira, ServiceNow, Zammad and Freshdesk pages (they show no logged-in agent)', () => {
    const pages = ['zendesk/view', 'jira/cloud-issue', 'jira/navigator', 'jira/server-issue', 'servicenow/list', 'servicenow/form', 'zammad/ticket-zoom', 'freshdesk/tickets'];
    for (const page of pages) expect(agentOn(`test/fixtures/${page}.html`), page).toBeUndefined();
  });

  it('RT: the owner forms the real pages show match the menu’s login; another user’s do not', () => {
    const doc = load('test/fixtures/rt-real/ticket-display-replied.html');
    const agent = readCurrentAgent(doc);
    // RT's own rendering of users (UsernameFormat "role"): root privileged, Maria Lopez unprivileged
    // (root's is the "Updated … by" link, whose span the parser empties: RT nests it in another link).
    const root = [...doc.querySelectorAll('.ticket-info-dates a[href="/User/Summary.html?id=14"]')].map((a) => a.textContent?.trim())[0] as string;
    const maria = doc.querySelector('.user[data-user-id="31"]')?.textContent?.trim() as string;
    expect([root, maria]).toEqual(['root (Enoch Root)', 'Maria Lopez <maria.lopez@acme-robotics.test>']);
    expect(isMine(root, { agent, names: [] })).toBe(true);
    expect(isMine('root', { agent, names: [] })).toBe(true);
    expect(isMine(maria, { agent, names: [] })).toBe(false);
    // The page shows root's user (the menu's id, 14) as "root (Enoch Root)" too: RT's concise format
    // ("Enoch Root", the real name alone) is then recognised as well.
    expect(agent).toEqual({ name: 'root', form: 'login', also: ['root (Enoch Root)'] });
    expect(isMine('Enoch Root', { agent, names: [] })).toBe(true);
    expect(isMine('Enoch Root', { agent: { name: 'root', form: 'login' }, names: [] })).toBe(false);
    // Typed names add to the recognised agent: the login, the real name, the address's local part.
    for (const typed of ['maria.lopez', 'Maria Lopez', 'MARIA.LOPEZ@acme-robotics.test']) expect(isMine(maria, { agent, names: [typed] }), typed).toBe(true);
  });

  it('osTicket: "Assigned To" shows the full name, the header the first name: they match; unassigned rows are nobody’s', () => {
    for (const page of ['queue-open', 'queue-open-de']) {
      const doc = load(`test/fixtures/osticket-1.18.1/${page}.html`);
      const agent = readCurrentAgent(doc);
      const owners = osticketAdapter.scan(doc, context).map((t) => ownerOf(t.fields.owner));
      expect(new Set(owners)).toEqual(new Set(['Agent Probe', null]));
      expect(owners.filter((o): o is string => typeof o === 'string').every((o) => isMine(o, { agent, names: [] }))).toBe(true);
      expect(isMine('Probe Agent', { agent, names: [] })).toBe(false);
    }
  });
});
