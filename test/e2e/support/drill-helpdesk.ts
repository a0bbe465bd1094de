import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { builtinPolicies } from '../../../core';
import type { SettingsInput } from '../../../core/settings/schema';

/**
 * A helpdesk drill for the alert tests: queue pages on 127.0.0.1 whose tickets were submitted a
 * few seconds before the page was asked for, under a custom policy with one- and two-minute targets
 * (at risk at 45 s and 90 s, breached at 60 s and 120 s), so at-risk and breach instants are
 * seconds away. Read by a recipe, like a helpdesk without a built-in adapter.
 */

export interface DrillRow {
  id: string;
  subject: string;
  /** "Urgent" (P1, one minute), "High" (P2, two minutes) or "Low" (P4, eight hours). */
  priority: 'Urgent' | 'High' | 'Low';
  /** Seconds before the page was served. */
  submittedAgo: number;
  owner?: string;
}

export const DRILL_TARGET_SECONDS = { Urgent: 60, High: 120, Low: 480 * 60 } as const;
export const DRILL_AT_RISK_SHARE = 0.25;

export function drillSettings(): SettingsInput {
  const builtin = builtinPolicies['velostrata-1.2'];
  if (!builtin) throw new Error('no velostrata-1.2');
  const base = structuredClone(builtin);
  const gold = base.levels.gold;
  if (!gold) throw new Error('velostrata-1.2 has no gold level');
  gold.targets = {
    P1: { minutes: 1, clock: '24/7', source: 'drill' },
    P2: { minutes: 2, clock: '24/7', source: 'drill' },
    P3: { minutes: 480, clock: '24/7', source: 'drill' },
    P4: { minutes: 480, clock: '24/7', source: 'drill' },
  };
  return {
    version: 1,
    customPolicies: [{ ...base, id: 'drill', name: 'Drill (one-minute targets)' }],
    customers: [{ id: 'acme', name: 'Acme', organisations: ['Acme'], policy: 'drill', level: 'gold' }],
    recipes: [
      {
        id: 'drill',
        name: 'Drill helpdesk',
        matches: ['http://127.0.0.1/*'],
        ticket: 'tr.ticket',
        anchor: 'td.id',
        fields: {
          id: { selector: 'td.id' },
          subject: { selector: 'td.subject' },
          priority: { selector: 'td.priority' },
          organisation: { selector: 'td.org' },
          owner: { selector: 'td.owner' },
          submitted: { selector: 'time', attribute: 'datetime' },
        },
      },
    ],
    sites: [{ adapter: 'recipe:drill', matches: ['http://127.0.0.1/*'] }],
  };
}

/**
 * Two helpdesk tabs for the Firefox tests: /a's 101 is at risk ~15 s after the page is served and
 * breached after ~30 s; /b's 201 is at risk already and breached ~20 s after (always due before
 * 101), its 202 has two minutes to go.
 */
export const TWO_TABS: Record<'/a' | '/b', DrillRow[]> = {
  '/a': [{ id: '101', subject: 'Checkout down', priority: 'Urgent', submittedAgo: 30 }],
  '/b': [
    { id: '201', subject: 'Invoice wrong', priority: 'High', submittedAgo: 100 },
    { id: '202', subject: 'New user', priority: 'High', submittedAgo: 5 },
  ],
};

/** The drill's contracts as IT pushes them to Firefox (managed storage carries no recipes: list the queues in RT's format). */
export function drillManaged(extra: Record<string, unknown> = {}): Record<string, unknown> {
  const settings = drillSettings();
  return { customers: settings.customers, customPolicies: settings.customPolicies, readHelpdeskApis: false, ...extra };
}

export interface DrillServer {
  origin: string;
  /** When each served page's tickets were submitted (ms), by ticket id. */
  submitted: Map<string, number>;
  close(): Promise<void>;
}

const html = (text: string) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const two = (n: number) => String(n).padStart(2, '0');
/** RT's default date format, in UTC (the Firefox test's zone). */
const rtDate = (ms: number) => {
  const d = new Date(ms);
  return `${WEEKDAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} ${d.getUTCFullYear()}`;
};
const rtHeader = (orderBy: string, title: string) => `<th class="collection-as-table"><a href="/Search/Results.html?OrderBy=${orderBy}">${title}</a></th>`;

/**
 * The same queue as Request Tracker 5 lists it (built-in adapter, no recipe): for Firefox, whose
 * test settings arrive through managed storage, which carries contracts but no recipes. Ids numeric.
 */
function rtList(rows: Array<DrillRow & { at: number }>): string {
  const head = `<tr>${rtHeader('id', '#')}${rtHeader('Subject', 'Subject')}${rtHeader('Priority', 'Priority')}${rtHeader('CF.{Organization}', 'Organization')}${rtHeader('Owner', 'Owner')}${rtHeader('Created', 'Created')}</tr>`;
  const body = rows
    .map(
      (row) =>
        `<tbody class="list-item" data-record-id="${html(row.id)}"><tr><td class="collection-as-table">${html(row.id)}</td><td class="collection-as-table">${html(row.subject)}</td><td class="collection-as-table">${row.priority}</td><td class="collection-as-table">Acme</td><td class="collection-as-table">${html(row.owner ?? 'Nobody')}</td><td class="collection-as-table">${rtDate(row.at)}</td></tr></tbody>`,
    )
    .join('\n');
  return `<table class="table ticket-list collection-as-table">${head}${body}</table>`;
}

/** RT 5's "Logged in as" menu item, as the real pages have it (test/fixtures/rt-real): who the agent is. */
const rtMenu = (login: string) =>
  `<ul id="app-nav"><li id="li-preferences"><a id="preferences" class="menu-item" href="/User/Summary.html?id=14">Logged in as <span class="current-user">${html(login)}</span></a></li></ul>`;

/**
 * `queues`: path → rows. Any other path: an empty page (no tickets). `format: 'rt'` lists them as RT 5
 * does. `loggedIn`: the pages show RT's menu with this login (in both formats: the agent is read
 * from RT's markup whichever adapter reads the tickets).
 */
export async function startDrill(queues: Record<string, DrillRow[]>, format: 'recipe' | 'rt' = 'recipe', options: { loggedIn?: string } = {}): Promise<DrillServer> {
  const submitted = new Map<string, number>();
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://x').pathname;
    const rows = queues[path];
    const now = Date.now();
    const placed = (rows ?? []).map((row) => ({ ...row, at: now - row.submittedAgo * 1000 }));
    for (const row of placed) submitted.set(row.id, row.at);
    const body = placed
      .map((row) => {
        const at = row.at;
        return `<tr class="ticket"><td class="id">${html(row.id)}</td><td class="subject">${html(row.subject)}</td><td class="priority">${row.priority}</td><td class="org">Acme</td><td class="owner">${html(row.owner ?? 'Nobody')}</td><td><time datetime="${new Date(at).toISOString()}">${new Date(at).toISOString()}</time></td></tr>`;
      })
      .join('\n');
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    response.end(`<!doctype html><html><head><title>Drill ${html(path)}</title></head><body>${options.loggedIn ? rtMenu(options.loggedIn) : ''}<h1>Queue ${html(path)}</h1>${format === 'rt' ? rtList(placed) : `<table>${body}</table>`}</body></html>`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    submitted,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A drill ticket's at-risk and breach instants (ms). */
export function drillInstants(row: DrillRow, submitted: number): { atRisk: number; deadline: number } {
  const target = DRILL_TARGET_SECONDS[row.priority] * 1000;
  return { atRisk: Math.ceil(submitted + target - DRILL_AT_RISK_SHARE * target), deadline: submitted + target };
}
