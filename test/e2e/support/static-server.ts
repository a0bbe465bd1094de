import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';

/** A static file server on 127.0.0.1 (a free port) for fixture pages: the extension's loopback match. */
export interface StaticServer {
  origin: string;
  /** Every request the server received, in order (what a test counts of the extension's requests). */
  received: ReceivedRequest[];
  url(path: string): string;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

export interface ReceivedRequest {
  method: string;
  /** Path and query. */
  url: string;
  origin?: string;
  cookie?: string;
}

export interface StaticOptions {
  /**
   * Serves a page at the address it really had (osTicket's `/scp/tickets.php?id=7`): the file under
   * `dir` for a request URL, or undefined for the plain path-to-file mapping.
   */
  route?(url: URL): string | undefined;
}

export async function serveStatic(dir: string, { route }: StaticOptions = {}): Promise<StaticServer> {
  const root = resolve(dir);
  const received: ReceivedRequest[] = [];
  const server = createServer(async (request, response) => {
    const { origin, cookie } = request.headers;
    received.push({ method: request.method ?? '', url: request.url ?? '', origin, cookie });
    const requested = new URL(request.url ?? '/', 'http://x');
    const path = route?.(requested) ?? decodeURIComponent(requested.pathname);
    const file = normalize(join(root, path.endsWith('/') ? `${path}index.html` : path));
    const found = file.startsWith(root) && (await stat(file).catch(() => null))?.isFile();
    if (!found) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    response.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-store',
    });
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    received,
    url: (path) => new URL(path, origin).href,
    close: () => new Promise((done) => server.close(() => done())),
  };
}
