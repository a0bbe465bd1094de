import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FirefoxExtension, launchFirefox } from './support/firefox';
import { customers, FIXTURES, open, osticketRoute } from './support/osticket';
import { type StaticServer, serveStatic } from './support/static-server';

/**
 * Every request the Firefox build makes, counted where it arrives: the osTicket pages' server
 * records what reaches the helpdesk's origin, and Firefox sends everything for any other host to a
 * catching proxy on loopback (loopback itself is never proxied). Firefox runs a content script's
 * `fetch` with the extension's principal; the reader must still ask as the page, with its cookies.
 */

/** Requests the overlay's API reader makes (the pages' own scripts were removed from the fixtures). */
const isReaderRequest = (url: string) => /\/scp\/(?:tickets\.php\?id=|ajax\.php\/)/u.test(url);

interface Caught {
  server: Server;
  port: number;
  requests: string[];
}

/** An HTTP proxy that answers nothing and records what it was asked for (CONNECT for https). */
async function catchingProxy(): Promise<Caught> {
  const requests: string[] = [];
  const server = createServer((request, response) => {
    requests.push(`${request.method} ${request.url}`);
    response.writeHead(502).end();
  });
  server.on('connect', (request, socket) => {
    requests.push(`CONNECT ${request.url}`);
    socket.end('HTTP/1.1 502 Bad Gateway\r\n\r\n');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return { server, port: (server.address() as AddressInfo).port, requests };
}

const proxyPrefs = (port: number) => ({
  'network.proxy.type': 1,
  'network.proxy.http': '127.0.0.1',
  'network.proxy.http_port': port,
  'network.proxy.ssl': '127.0.0.1',
  'network.proxy.ssl_port': port,
  'network.proxy.no_proxies_on': '',
  // Loopback stays direct: the helpdesk under test is there.
  'network.proxy.allow_hijacking_localhost': false,
  // Firefox's own remote settings (blocklists), not the extension's: pointed nowhere, as Firefox's
  // own test harnesses do, so that any request left is the extension's (release builds take this
  // preference only with MOZ_REMOTE_SETTINGS_DEVTOOLS set).
  'services.settings.server': 'data:,#remote-settings-dummy/v1',
});
const proxyEnv = { MOZ_REMOTE_SETTINGS_DEVTOOLS: '1' };

let server: StaticServer;
let proxy: Caught;

beforeAll(async () => {
  server = await serveStatic(FIXTURES, { route: osticketRoute });
  proxy = await catchingProxy();
});

afterAll(async () => {
  await new Promise((done) => proxy?.server.close(done));
  await server?.close();
});

/** Opens the queue with an agent's session cookie set on the helpdesk's origin; resolves once `done` holds. */
async function openQueue(firefox: FirefoxExtension, done: (n: number) => boolean | string): Promise<Page> {
  const page = await firefox.browser.newPage();
  await page.goto(server.url('/scp/login.php'));
  await page.evaluate(() => {
    // biome-ignore lint/suspicious/noDocumentCookie: a session cookie as the helpdesk's sign-in sets it, in the page's own jar.
    document.cookie = 'OSTSESSID=agent-session; path=/';
  });
  await page.goto(server.url('/scp/tickets.php?queue=1'));
  await page.waitForFunction(done, { timeout: 30_000 }, open.length);
  return page;
}

describe('Firefox: requests of the API reader', () => {
  it('reads each ticket with GETs to the page’s origin, with the agent’s session, and asks no other host', async () => {
    const firefox = await launchFirefox({ managed: { customers }, timeZone: 'UTC', prefs: proxyPrefs(proxy.port), env: proxyEnv });
    try {
      server.received.length = 0;
      // Every row's badge past `unreadable`: the queue has no created time, only the API gives it.
      await openQueue(firefox, (n) => {
        const badges = [...document.querySelectorAll('[data-sla-badge][data-sla-state]')];
        return badges.length >= n && badges.every((badge) => badge.getAttribute('data-sla-state') !== 'unreadable');
      });
      const reads = server.received.filter((request) => isReaderRequest(request.url));
      expect(reads.length).toBeGreaterThanOrEqual(open.length);
      for (const request of reads) {
        expect(request.method, request.url).toBe('GET');
        expect(request.cookie, request.url).toContain('OSTSESSID=agent-session');
        // As the page asks: no extension origin on the request.
        expect(request.origin ?? '', request.url).not.toMatch(/^moz-extension:/u);
      }
      expect(proxy.requests).toEqual([]);
    } finally {
      await firefox.close();
    }
  }, 120_000);

  it('makes no request at all with reading helpdesk APIs switched off', async () => {
    const firefox = await launchFirefox({
      managed: { customers, readHelpdeskApis: false },
      timeZone: 'UTC',
      prefs: proxyPrefs(proxy.port),
      env: proxyEnv,
    });
    try {
      server.received.length = 0;
      // Without the API the queue's badges stay unreadable (no created time on the page).
      const page = await openQueue(firefox, (n) => document.querySelectorAll('[data-sla-badge][data-sla-state]').length >= n);
      // Proves that NO request comes: with reading on, they start right after the first scan, so
      // a window of 1.5 s would show them.
      await new Promise((done) => setTimeout(done, 1500));
      expect(await page.$$eval('[data-sla-badge]', (hosts) => hosts.map((host) => host.getAttribute('data-sla-state')))).toContain('unreadable');
      expect(server.received.filter((request) => isReaderRequest(request.url))).toEqual([]);
      expect(proxy.requests).toEqual([]);
    } finally {
      await firefox.close();
    }
  }, 120_000);
});
