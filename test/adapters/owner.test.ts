// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
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
