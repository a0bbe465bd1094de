import { DateTime } from 'luxon';
import Papa from 'papaparse';
import type { SettingsInput } from '../../../core/settings/schema';
import { rtSettings } from '../../../scripts/rt/data';

/**
 * A large helpdesk export for the Reports section's E2E test, in SLA Lens's own column names: mixed
 * priorities, customers found through the settings' contracts (by requester address, organisation or
 * customer name), tickets answered soon, answered days later or never, submitted over the first half
 * of 2026 with one ticket in eight in the week the US clocks moved forward (8 March), and a few bad
 * rows at known spreadsheet rows. Every submission is months before the test runs, so no ticket's
 * state depends on the instant the report is made.
 */

export const REPORT_ZONE = 'America/New_York';

/** The contracts of the real-RT tests (six customers, every built-in policy), found by the badges' lookup. */
export const reportSettings: SettingsInput = { version: 1, customers: rtSettings('http://127.0.0.1').customers };

const COLUMNS = ['id', 'subject', 'priority', 'submitted', 'firstReply', 'requesterEmail', 'organisation', 'customer', 'language'] as const;
type Cells = Record<(typeof COLUMNS)[number], string>;

/** How each ticket names its customer: an address at a domain, a contact, an organisation, a name. */
const WHO: ReadonlyArray<Partial<Cells>> = [
  { requesterEmail: 'ops@acme-robotics.test' },
  { requesterEmail: 'kenji@sakura-systems.test', language: 'ja' },
  { customer: 'Sakura Systems KK', language: 'en' },
  { requesterEmail: 'minji@hanbit-networks.test', language: 'ko' },
  { requesterEmail: 'wei.chen@longmen-data.test', language: 'zh' },
  { organisation: 'Nordwind Logistik GmbH' },
  { requesterEmail: 'it@nordwind-logistik.test' },
  { customer: 'Orbital Render AG' },
];
const PRIORITIES = ['P1', 'P2', 'P3', 'P4'];
/** Minutes from submission to the first reply; undefined: never answered. */
const REPLIES = [5, 40, 180, 600, 2_000, 9_000, undefined];

/** Rows that cannot be evaluated, by spreadsheet row (the header is row 1), with the cell that spoils them. */
export const BAD_ROWS: ReadonlyMap<number, Partial<Cells>> = new Map([
  [2, { submitted: 'last Tuesday' }],
  [1_000, { priority: 'P9' }],
  [33_333, { requesterEmail: 'someone@nowhere.test' }],
  [77_777, { submitted: '' }],
  [100_001, { priority: '' }],
]);

const JANUARY = DateTime.fromISO('2026-01-01T00:00', { zone: REPORT_ZONE }).toMillis();
const JULY = DateTime.fromISO('2026-07-01T00:00', { zone: REPORT_ZONE }).toMillis();
const DST_WEEK = DateTime.fromISO('2026-03-05T00:00', { zone: REPORT_ZONE }).toMillis();
const WEEK = 7 * 24 * 60 * 60_000;

/** The export's text: `count` tickets after the header, deterministic. */
export function reportExport(count: number): string {
  let seed = 16;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const minute = (from: number, span: number) => from + Math.floor((random() * span) / 60_000) * 60_000;
  const iso = (ms: number) => DateTime.fromMillis(ms, { zone: REPORT_ZONE }).toISO({ suppressMilliseconds: true }) as string;
  const data: string[][] = [];
  for (let i = 0; i < count; i++) {
    const submitted = i % 8 === 0 ? minute(DST_WEEK, WEEK) : minute(JANUARY, JULY - JANUARY);
    const reply = REPLIES[Math.floor(random() * REPLIES.length)];
    const cells: Cells = {
      id: String(10_000 + i),
      subject: i % 5 === 0 ? `Printer "jam", floor ${i % 9}` : `Ticket ${i}`,
      priority: PRIORITIES[Math.floor(random() * PRIORITIES.length)] as string,
      submitted: iso(submitted),
      firstReply: reply === undefined ? '' : iso(submitted + reply * 60_000),
      requesterEmail: '',
      organisation: '',
      customer: '',
      language: '',
      ...WHO[i % WHO.length],
      ...BAD_ROWS.get(i + 2),
    };
    data.push(COLUMNS.map((c) => cells[c]));
  }
  return `${Papa.unparse({ fields: [...COLUMNS], data }, { newline: '\n' })}\n`;
}
