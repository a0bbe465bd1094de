// @vitest-environment happy-dom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import Papa from 'papaparse';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { applySettings } from '../../utils/settings-store';
import { file, installI18n, renderOptions } from './support';

/**
 * The Reports section with a 100,000-ticket export: the file goes through the real reader and
 * accumulator (streamed by papaparse, on the page here: happy-dom has no Worker), the page renders
 * the report, and its CSV and HTML downloads are parsed back. Every ticket is Velostrata 1.2 Gold P1
 * in English (first response within 1 h, round the clock), so its state follows from its reply.
 */

const TICKETS = 100_000;
const HOSTILE = '<img src=x onerror="alert(1)"><script>alert(2)</script>';

/**
 * Ticket i: customer by parity, month by i % 10, answered in 30 min, in 90 min, or never (by i % 4).
 * Ticket 3, with markup for a subject, is the oldest and never answered: the worst miss.
 */
function ticket(i: number) {
  const hostile = i === 2;
  const month = hostile ? '2025-12' : `2026-${String((i % 10) + 1).padStart(2, '0')}`;
  const submitted = `${month}-${String(hostile ? 1 : (i % 28) + 1).padStart(2, '0')}T12:00:00Z`;
  const states = ['met', 'met', 'late', 'openLate'] as const;
  const state = hostile ? 'openLate' : (states[i % 4] as (typeof states)[number]);
  const reply = state === 'met' ? '12:30' : state === 'late' ? '13:30' : undefined;
  return {
    customer: i % 2 ? 'Beta Freight' : 'Acme',
    month,
    state,
    cells: [
      String(i + 1),
      hostile ? HOSTILE : `Ticket ${i + 1}`,
      'P1',
      submitted,
      reply ? submitted.replace('12:00', reply) : '',
      `ops@${i % 2 ? 'beta' : 'acme'}.test`,
      'en',
    ],
  };
}

beforeEach(async () => {
  fakeBrowser.reset();
  await installI18n();
  await applySettings({
    version: 1,
    customers: [
      { id: 'acme', name: 'Acme', domains: ['acme.test'], policy: 'velostrata-1.2', level: 'gold' },
      { id: 'beta', name: 'Beta Freight', domains: ['beta.test'], policy: 'velostrata-1.2', level: 'gold' },
    ],
  });
});

describe('Reports: a 100,000-ticket export', () => {
  it('renders the report and exports it; the CSV read back has every ticket in its month, customer and state', { timeout: 180_000 }, async () => {
    const tickets = Array.from({ length: TICKETS }, (_, i) => ticket(i));
    const text = Papa.unparse({ fields: ['id', 'subject', 'priority', 'submitted', 'firstReply', 'requesterEmail', 'language'], data: tickets.map((t) => t.cells) });
    const expected = new Map<string, { tickets: number; met: number; late: number; openLate: number }>();
    for (const t of tickets) {
      const key = `${t.month} ${t.customer}`;
      const counts = expected.get(key) ?? { tickets: 0, met: 0, late: 0, openLate: 0 };
      counts.tickets++;
      counts[t.state]++;
      expected.set(key, counts);
    }

    const downloads: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      downloads.push(blob as Blob);
      return 'blob:report';
    });
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    const user = userEvent.setup();
    renderOptions('#/reports');
    await user.upload(await screen.findByLabelText('Export file'), file('tickets.csv', text, 'text/csv'));
    await user.selectOptions(screen.getByLabelText('Columns'), "SLA Lens's own names (as sla batch reads them)");
    await waitFor(() => expect((screen.getByRole('button', { name: 'Make the report' }) as HTMLButtonElement).disabled).toBe(false));
    await user.click(screen.getByRole('button', { name: 'Make the report' }));

    const table = await screen.findByRole('table', { name: /SLA compliance per month/ }, { timeout: 170_000 });
    expect(within(table).getAllByRole('row')).toHaveLength(1 + expected.size);
    const figures = within(screen.getByTestId('report-figures'));
    expect(figures.getByText('Tickets').nextSibling?.textContent).toBe(String(TICKETS));
    expect(figures.getByText('In time').nextSibling?.textContent).toBe(String(TICKETS / 2));
    // The worst miss's subject is text, never markup.
    expect(document.querySelector('ol.worst li')?.textContent).toContain(`#3 ${HOSTILE}`);
    expect(document.querySelector('img[src="x"]')).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Download the table (CSV)' }));
    await user.click(screen.getByRole('button', { name: 'Download the report (HTML)' }));
    expect(downloads).toHaveLength(2);
    const csv = Papa.parse<Record<string, string>>(await (downloads[0] as Blob).text(), { header: true, skipEmptyLines: true });
    expect(csv.errors).toEqual([]);
    const read = new Map(
      csv.data.map((line) => [`${line.Month} ${line.Customer}`, { tickets: Number(line.Tickets), met: Number(line['In time']), late: Number(line.Late), openLate: Number(line['Open, past deadline']) }]),
    );
    expect(read).toEqual(expected);

    const html = new DOMParser().parseFromString(await (downloads[1] as Blob).text(), 'text/html');
    expect(html.querySelector('h1')?.textContent).toBe('SLA compliance report');
    expect(html.body.textContent).toContain(HOSTILE);
    expect(html.querySelector('img[src="x"]')).toBeNull();
    expect([...html.querySelectorAll('script')].some((s) => s.textContent?.includes('alert(2)'))).toBe(false);
  });
});
