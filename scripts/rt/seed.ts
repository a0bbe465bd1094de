/**
 * Seeds the local Request Tracker (scripts/rt/setup.sh) through REST2 with the queue, custom fields,
 * users and tickets in scripts/rt/data.ts, and writes a manifest (ticket id → what it was created
 * with, as RT stored it) for the E2E tests. Idempotent: what exists is found by name/subject and kept.
 *
 *   npx tsx scripts/rt/seed.ts [--manifest FILE]    (RT_PORT, RT_DATA_DIR as for setup.sh)
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  RT_API_CUSTOM_FIELDS,
  RT_API_QUEUE,
  RT_API_SEED_TICKETS,
  RT_CUSTOM_FIELDS,
  RT_PRIORITIES,
  RT_QUEUE,
  type RtPriority,
  SEED_TICKETS,
  type SeedTicket,
  SEED_USERS,
} from './data';

export const rtBaseUrl = () => `http://127.0.0.1:${process.env.RT_PORT ?? '8085'}`;
export const rtManifestPath = () => `${process.env.RT_DATA_DIR ?? '/var/lib/sla-lens-rt'}/seed-manifest.json`;

export interface SeededTicket {
  id: string;
  subject: string;
  requester: string;
  priority: RtPriority;
  /** RT's Created, ISO UTC. */
  created: string;
  customFields: Record<string, string>;
  /** When the agent reply was added, ISO UTC (tickets with `reply` in the data). */
  replied?: string;
  /** The first message, as created. */
  body?: string;
}

export interface SeedManifest {
  baseUrl: string;
  queue: string;
  tickets: SeededTicket[];
  /** RT_API_QUEUE's tickets (data.ts), for the API reader's tests; the DOM-only tests use `tickets`. */
  apiQueue: string;
  apiTickets: SeededTicket[];
}

/** A REST2 client on a web-login session cookie (REST2 accepts the UI session). */
export async function rtSession(baseUrl: string, user = 'root', pass = 'password') {
  const login = await fetch(`${baseUrl}/NoAuth/Login.html`, {
    method: 'POST',
    body: new URLSearchParams({ user, pass }),
    redirect: 'manual',
  });
  const found = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .find((c) => c?.startsWith('RT_SID_'));
  if (!found) throw new Error(`RT login at ${baseUrl} gave no session cookie (HTTP ${login.status})`);
  const cookie: string = found;

  async function rest<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${baseUrl}/REST/2.0/${path}`, {
      method,
      // RT 5.0.3+dfsg-3~deb12u7 refuses cookie-authenticated REST2 writes without an Origin of its own
      // (RestrictReferrer, as for its web forms).
      headers: { cookie, origin: baseUrl, 'content-type': 'application/json', accept: 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`RT ${method} /REST/2.0/${path}: HTTP ${response.status} ${text.slice(0, 300)}`);
    return (text ? JSON.parse(text) : {}) as T;
  }
  return { cookie, rest };
}

type Rest = Awaited<ReturnType<typeof rtSession>>['rest'];

/** REST2 answers 404 for an unknown name; that means "not there yet". */
async function find(rest: Rest, path: string): Promise<unknown> {
  try {
    return await rest('GET', path);
  } catch (error) {
    if (String(error).includes('HTTP 404')) return undefined;
    throw error;
  }
}

/** RT stores UTC "YYYY-MM-DD HH:MM:SS"; it takes Created on create like an import does. */
const sqlUtc = (date: Date) => date.toISOString().slice(0, 19).replace('T', ' ');

export async function seedRt(baseUrl = rtBaseUrl(), now = new Date()): Promise<SeedManifest> {
  const { rest } = await rtSession(baseUrl);
  const queues = [
    { queue: RT_QUEUE, customFields: RT_CUSTOM_FIELDS, tickets: SEED_TICKETS },
    { queue: RT_API_QUEUE, customFields: RT_API_CUSTOM_FIELDS, tickets: RT_API_SEED_TICKETS },
  ];

  for (const { queue, customFields } of queues) {
    if (!(await find(rest, `queue/${encodeURIComponent(queue)}`))) {
      await rest('POST', 'queue', { Name: queue, Description: 'SLA Lens end-to-end tests' });
    }
    for (const name of customFields) {
      const found = await rest<{ total: number }>('POST', 'customfields', [
        { field: 'Name', value: name },
        { field: 'LookupType', value: 'RT::Queue-RT::Ticket' },
      ]);
      if (found.total === 0) {
        await rest('POST', 'customfield', { Name: name, Type: 'Freeform', MaxValues: 1, LookupType: 'RT::Queue-RT::Ticket', Queue: queue });
      }
    }
  }

  for (const user of SEED_USERS) {
    if (!(await find(rest, `user/${encodeURIComponent(user.name)}`))) {
      await rest('POST', 'user', {
        Name: user.name,
        EmailAddress: user.email,
        RealName: user.realName,
        Organization: user.organization,
        Privileged: 0,
      });
    }
  }

  const seeded: SeededTicket[][] = [];
  for (const { queue, tickets } of queues) seeded.push(await seedTickets(rest, queue, tickets, now));
  return { baseUrl, queue: RT_QUEUE, tickets: seeded[0] ?? [], apiQueue: RT_API_QUEUE, apiTickets: seeded[1] ?? [] };
}

async function seedTickets(rest: Rest, queue: string, specs: SeedTicket[], now: Date): Promise<SeededTicket[]> {
  const existing = await rest<{ items: Array<{ id: string; Subject: string; Priority: string }> }>(
    'GET',
    `tickets?query=${encodeURIComponent(`Queue = '${queue}'`)}&fields=Subject,Priority&per_page=100`,
  );
  const bySubject = new Map(existing.items.map((t) => [t.Subject, t]));

  const tickets: SeededTicket[] = [];
  for (const spec of specs) {
    const found = bySubject.get(spec.subject);
    let id = found?.id;
    if (found && Number(found.Priority) !== RT_PRIORITIES[spec.priority]) {
      // A test changed it (the E2E inline edit does, and restores it) and did not get to finish.
      await rest('PUT', `ticket/${found.id}`, { Priority: RT_PRIORITIES[spec.priority] });
    }
    if (!id) {
      const created = await rest<{ id: string | number }>('POST', 'ticket', {
        Queue: queue,
        Subject: spec.subject,
        Requestor: spec.requester,
        Priority: RT_PRIORITIES[spec.priority],
        Created: sqlUtc(new Date(now.getTime() - spec.minutesAgo * 60_000)),
        Content: spec.body,
        ContentType: 'text/plain',
        CustomFields: spec.customFields,
      });
      id = String(created.id);
      if (spec.reply) {
        await rest('POST', `ticket/${id}/correspond`, { Content: spec.reply, ContentType: 'text/plain' });
      }
    }
    tickets.push({ ...(await readBack(rest, id, spec.priority)), body: spec.body });
  }
  return tickets;
}

interface RtTicket {
  id: number | string;
  Subject: string;
  Created: string;
  CustomFields: Array<{ name: string; values: string[] }>;
  Requestor: Array<{ id: string }>;
}

/** What RT actually stored (Created, custom fields, reply time), so tests never trust the request. */
async function readBack(rest: Rest, id: string, priority: RtPriority): Promise<SeededTicket> {
  const ticket = await rest<RtTicket>('GET', `ticket/${id}`);
  const customFields: Record<string, string> = {};
  for (const cf of ticket.CustomFields) {
    if (cf.values[0] !== undefined) customFields[cf.name] = cf.values[0];
  }
  const requester = ticket.Requestor[0]?.id ?? '';
  const history = await rest<{ items: Array<{ Type: string; Created: string }> }>(
    'GET',
    `ticket/${id}/history?fields=Type,Created&per_page=100`,
  );
  const reply = history.items.find((t) => t.Type === 'Correspond');
  const user = await rest<{ EmailAddress: string }>('GET', `user/${encodeURIComponent(requester)}`);
  return {
    id: String(ticket.id),
    subject: ticket.Subject,
    requester: user.EmailAddress,
    priority,
    created: new Date(ticket.Created).toISOString(),
    customFields,
    ...(reply ? { replied: new Date(reply.Created).toISOString() } : {}),
  };
}

async function main() {
  const flag = process.argv.indexOf('--manifest');
  const path = flag > 0 ? process.argv[flag + 1] : rtManifestPath();
  if (!path) throw new Error('--manifest needs a file name');
  const started = performance.now();
  const manifest = await seedRt();
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, `${JSON.stringify(manifest, null, 2)}\n`);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`Seeded ${manifest.tickets.length + manifest.apiTickets.length} tickets in ${manifest.baseUrl} (${seconds} s); manifest: ${path}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
