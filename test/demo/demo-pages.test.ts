// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { rtAdapter } from '../../entrypoints/overlay.content/adapters/rt';
import { BADGE_STATES } from '../../entrypoints/overlay.content/badge-state';
import { demoFields } from '../../scripts/demo/predict';
import { listPage, ticketPage } from '../../scripts/demo/rt-markup';
import { demoRows } from '../../scripts/demo/server';

// The demo helpdesk must read like a real RT to the built-in adapter, and must show every state.

const started = Date.parse('2026-11-18T10:30:00Z'); // a Wednesday, every calendar somewhere open
const context = { timeZone: 'UTC', now: new Date(started) };

function parse(markup: string): Document {
  return new DOMParser().parseFromString(markup, 'text/html');
}

describe('demo helpdesk pages', () => {
  const rows = demoRows(started);

  it('covers every badge state', () => {
    expect(new Set(rows.map((r) => r.expected))).toEqual(new Set(BADGE_STATES));
  });

  it('shows every state whatever the time: every 15 minutes of a winter and a summer week', () => {
    // Which team is closed depends on the hour; the US changes clocks on Sunday 8 March 2026.
    for (const week of ['2026-03-02T00:00:00Z', '2026-07-06T00:00:00Z']) {
      for (let minute = 0; minute < 7 * 24 * 60; minute += 15) {
        const at = Date.parse(week) + minute * 60_000;
        const shown = new Set(demoRows(at).map((r) => r.expected));
        expect(shown, new Date(at).toISOString()).toEqual(new Set(BADGE_STATES));
      }
    }
  }, 60_000);

  it('lets the RT adapter read each list row as the demo meant it', () => {
    const scanned = rtAdapter.scan(parse(listPage(rows, started)), context);
    expect(scanned.map((t) => t.key)).toEqual(rows.map((r) => String(r.id)));
    for (const row of rows) {
      const ticket = scanned.find((t) => t.key === String(row.id));
      const { firstReply: _shownOnTicketPageOnly, ...expected } = demoFields(row, row.id);
      expect(ticket?.fields, `#${row.id}`).toMatchObject(expected);
      if (row.expected === 'unreadable') expect(ticket?.missing.includes('submitted') || !!ticket?.problem).toBe(true);
      else expect(ticket?.missing, `#${row.id}`).toEqual([]);
    }
  });

  it('lets the RT adapter read each ticket page, first reply included', () => {
    for (const row of rows) {
      const [ticket, ...others] = rtAdapter.scan(parse(ticketPage(row, started)), context);
      expect(others).toEqual([]);
      expect(ticket?.fields, `#${row.id}`).toMatchObject(demoFields(row, row.id));
      expect(ticket?.fields.firstReply).toBe(row.replied?.toISOString());
    }
  });

  it('escapes ticket text instead of interpreting it', () => {
    const [first] = rows;
    if (!first) throw new Error('no demo rows');
    const row = { ...first, subject: '<img src=x onerror=alert(1)>' };
    const document = parse(ticketPage(row, started));
    expect(document.querySelector('img')).toBeNull();
    expect(document.querySelector('#header h1')?.textContent).toContain('<img src=x');
  });
});
