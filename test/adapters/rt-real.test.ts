// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rtAdapter } from '../../entrypoints/overlay.content/adapters/rt';
import { byKey, loadFixture } from './fixture';

/**
 * Pages saved from a real Request Tracker 5.0.3 (scripts/rt/capture.ts) and the manifest of what the
 * seed put into each ticket: the adapter must read RT's own markup, not just our reproductions.
 */
interface Seeded {
  id: string;
  subject: string;
  requester: string;
  priority: string;
  created: string;
  customFields: Record<string, string>;
  replied?: string;
}
const manifest = JSON.parse(readFileSync(join(import.meta.dirname, '../fixtures/rt-real/manifest.json'), 'utf8')) as {
  timeZone: string;
  capturedAt: string;
  tickets: Seeded[];
};
const context = { timeZone: manifest.timeZone, now: new Date(manifest.capturedAt) };
const LANGUAGES: Record<string, string> = { English: 'en', Japanese: 'ja', Korean: 'ko', Chinese: 'zh' };
const seeded = (id: string) => manifest.tickets.find((t) => t.id === id) as Seeded;

function expected(ticket: Seeded) {
  return {
    id: ticket.id,
    subject: ticket.subject,
    priorityRaw: ticket.priority,
    requesterEmail: ticket.requester,
    customer: ticket.customFields.Customer,
    language: LANGUAGES[ticket.customFields.Language ?? ''],
    level: ticket.customFields['Support level'],
  };
}

const instant = (iso: string | undefined) => (iso ? Date.parse(iso) : Number.NaN);

const savedHistory = readFileSync(join(import.meta.dirname, '../fixtures/rt-real/ticket-history-replied.html'), 'utf8');

/** Ticket 3's page once RT has loaded `history` (the text of a /Helpers/TicketHistory answer) into it. */
function withHistory(history: string): Document {
  const page = loadFixture('rt-real/ticket-display-replied.html');
  const slot = page.getElementById('delayed_ticket_history') as Element;
  const fragment = new DOMParser().parseFromString(history, 'text/html');
  for (const node of [...fragment.body.childNodes]) slot.append(page.importNode(node, true));
  return page;
}

describe('real RT 5: search results with the SLA format', () => {
  const tickets = byKey(rtAdapter.scan(loadFixture('rt-real/search-results-sla-format.html'), context));

  it('reads every seeded ticket exactly', () => {
    expect(Object.keys(tickets).sort()).toEqual(manifest.tickets.map((t) => t.id).sort());
    for (const ticket of manifest.tickets) {
      const read = tickets[ticket.id];
      expect(read?.fields).toMatchObject(Object.fromEntries(Object.entries(expected(ticket)).filter(([, v]) => v)));
      expect(instant(read?.fields.submitted)).toBe(instant(ticket.created));
      expect(read?.fields.submittedApproximate).toBeUndefined();
      expect(read?.missing).toEqual([]);
      expect(read?.problem).toBeUndefined();
      expect(read?.anchor.textContent?.trim()).toBe(ticket.id);
    }
  });
});

describe('real RT 5: search results with the default format', () => {
  const tickets = byKey(rtAdapter.scan(loadFixture('rt-real/search-results-default.html'), context));

  it('reads relative created times (approximate, within RT rounding) and requestors', () => {
    for (const ticket of manifest.tickets) {
      const read = tickets[ticket.id];
      expect(read?.fields).toMatchObject({ priorityRaw: ticket.priority, requesterEmail: ticket.requester, submittedApproximate: true });
      // RT rounds "N hours/days ago": within an hour for today's tickets, a day for older ones.
      const error = Math.abs(instant(read?.fields.submitted) - instant(ticket.created));
      expect(error).toBeLessThanOrEqual(24 * 3600_000);
    }
  });
});

// Up to about 0.6 s of work a test on an idle machine (a real RT ticket page parsed); 15 s covers a
// 2-core machine at load 10.
describe('real RT 5: ticket pages', { timeout: 15_000 }, () => {
  it.each([
    ['ticket-display.html', '1'],
    ['ticket-display-replied.html', '3'],
    ['ticket-display-ja.html', '4'],
  ])('%s reads ticket %s and ignores the requestor box lists', (file, id) => {
    const tickets = rtAdapter.scan(loadFixture(`rt-real/${file}`), context);
    expect(tickets.map((t) => t.key)).toEqual([id]);
    const ticket = seeded(id);
    expect(tickets[0]?.fields).toMatchObject(expected(ticket));
    expect(instant(tickets[0]?.fields.submitted)).toBe(instant(ticket.created));
    expect(tickets[0]?.missing).toEqual([]);
    expect(tickets[0]?.anchor.tagName).toBe('H1');
  });

  it('reads the first reply once RT has loaded the history into the page', () => {
    expect(rtAdapter.scan(loadFixture('rt-real/ticket-display-replied.html'), context)[0]?.fields.firstReply).toBeUndefined();
    const [ticket] = rtAdapter.scan(withHistory(savedHistory), context);
    expect(instant(ticket?.fields.firstReply)).toBe(instant(seeded('3').replied));
  });
});

describe('real RT 5: internal comments in translated UIs', () => {
  // RT renders a Comment exactly like the saved reply (transaction 58) but for its description: this
  // one is put before the reply, dated ten minutes earlier so that counting it would show.
  const reply = /<div class="transaction [^"]*" data-transaction-id="58">[\s\S]*?\n {2}<\/div>\n<\/div>\n/.exec(savedHistory)?.[0];
  if (!reply?.includes('Correspondence added')) throw new Error('the saved history no longer has the reply');
  const comment = reply.replace('00:11:22', '00:01:22').replace('Correspondence added', 'Comments added');
  const commented = savedHistory.replace(reply, () => comment + reply);
  const firstReply = (history: string) => instant(rtAdapter.scan(withHistory(history), context)[0]?.fields.firstReply);

  it.each([
    ['English', 'Comments added'],
    ['German', 'Kommentar hinzugefügt'],
    ['Japanese', 'コメントが追加されました'],
  ])('%s: skips "%s" and reads the reply after it', (_, description) => {
    expect(firstReply(commented.replace('Comments added', description))).toBe(instant(seeded('3').replied));
  });

  it('German: a reply ("Antwort hinzugefügt", de.po for "Correspondence added") still counts', () => {
    const german = commented.replace('Comments added', 'Kommentar hinzugefügt').replace('Correspondence added', 'Antwort hinzugefügt');
    expect(firstReply(german)).toBe(instant(seeded('3').replied));
  });
});
