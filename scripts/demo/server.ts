import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import { Settings } from '../../core/settings/schema';
import type { BadgeState } from '../../entrypoints/overlay.content/badge-state';
import demoSettings from './demo-settings.json' with { type: 'json' };
import { type DemoRow, listPage, ticketPage } from './rt-markup';
import { demoPipeline, place, predictStates } from './predict';
import { rest2Answer } from './rest2';
import { DEMO_TICKETS } from './tickets';

/**
 * The demo helpdesk: Request Tracker 5 pages served from memory on 127.0.0.1 (the extension's
 * default host permission), ticket times relative to the server's start so countdowns are live,
 * and the REST2 searches the extension's RT reader makes (rest2.ts), answered from the same tickets.
 *
 *   npx tsx scripts/demo/server.ts [--port N]     serve until Ctrl-C
 */

/**
 * A ticket with the state its badge should show: `expected` on its own page, and on the list once
 * REST2 has answered (it tells the first reply); `expectedInList` on the list read from the page
 * alone (no replies there), as before that answer or with the API off.
 */
export type ExpectedRow = DemoRow & { expected: BadgeState; expectedInList: BadgeState };

export interface DemoServer {
  url: string;
  rows: ExpectedRow[];
  close(): Promise<void>;
}

/** A ticket shown in a state must stay in it while a browser starts and a test looks. */
const STABLE_FOR_MS = 15 * 60_000;

const SETTINGS = Settings.parse(demoSettings);

export function demoRows(started: number): ExpectedRow[] {
  const pipeline = demoPipeline(SETTINGS);
  return DEMO_TICKETS.map((ticket) => {
    const placed = ticket.variants.map((variant) => place(variant, started));
    const states = placed.map((p) => predictStates(pipeline, p, ticket.id, [started, started + STABLE_FOR_MS]));
    const wanted = states.findIndex(([now, later]) => now === ticket.want && later === ticket.want);
    const chosen = Math.max(0, wanted);
    const variant = placed[chosen] ?? placed[0];
    const expected = states[chosen]?.[0] ?? 'unreadable';
    const { repliedAfter: _notInList, replied: _, ...listed } = variant as NonNullable<typeof variant>;
    const [expectedInList = 'unreadable'] = predictStates(pipeline, listed, ticket.id, [started]);
    return { ...(variant as NonNullable<typeof variant>), id: ticket.id, shows: ticket.shows, expected, expectedInList };
  });
}

export async function startDemoServer(options: { port?: number; started?: number } = {}): Promise<DemoServer> {
  const started = options.started ?? Date.now();
  const rows = demoRows(started);
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const send = (status: number, type: string, body: string) => {
      response.writeHead(status, { 'content-type': `${type}; charset=utf-8`, 'cache-control': 'no-store' });
      response.end(body);
    };
    if (url.pathname === '/' || url.pathname === '/Search/Results.html') return send(200, 'text/html', listPage(rows, Date.now()));
    if (url.pathname === '/Ticket/Display.html') {
      const row = rows.find((r) => String(r.id) === url.searchParams.get('id'));
      return row ? send(200, 'text/html', ticketPage(row, Date.now())) : send(404, 'text/plain', 'No such ticket');
    }
    const api = request.method === 'GET' ? rest2Answer(rows, `http://${request.headers.host}`, url) : undefined;
    if (api) return send(api.status, 'application/json', JSON.stringify(api.body));
    if (url.pathname === '/demo/tickets.json') {
      return send(200, 'application/json', JSON.stringify(rows.map(({ id, shows, expected, expectedInList, subject }) => ({ id, shows, expected, expectedInList, subject }))));
    }
    send(404, 'text/plain', 'Not found');
  });
  await listen(server, options.port ?? 0);
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    rows,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Listens on the port asked for; when it is taken, on any free one. */
function listen(server: Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE' && port !== 0) listen(server, 0).then(resolve, reject);
      else reject(error);
    });
    server.listen(port, '127.0.0.1', () => resolve());
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const portArg = process.argv.indexOf('--port');
  const demo = await startDemoServer({ port: portArg > 0 ? Number(process.argv[portArg + 1]) : 8090 });
  console.log(`Demo helpdesk on ${demo.url}/`);
  for (const row of demo.rows) console.log(`  ${demo.url}/Ticket/Display.html?id=${row.id}  ${row.expected.padEnd(10)} ${row.shows}`);
}
