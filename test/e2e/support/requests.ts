import type { BrowserContext } from 'playwright-core';

/**
 * Records every request the browser context makes (pages, frames, the extension's service worker and
 * pages) so a test can prove nothing leaves for a host other than the page's own. Requests to other
 * hosts are also aborted, so even a failing test sends nothing out.
 */
export interface RequestLog {
  /** Every URL requested, in order. */
  all: string[];
  /** http(s)/ws(s) requests to an origin not in `allowedOrigins`. */
  foreign: string[];
}

const LOCAL_SCHEMES = new Set(['chrome-extension:', 'data:', 'blob:', 'about:', 'chrome:', 'devtools:']);

export async function recordRequests(context: BrowserContext, allowedOrigins: string[]): Promise<RequestLog> {
  const allowed = new Set(allowedOrigins.map((o) => new URL(o).origin));
  const log: RequestLog = { all: [], foreign: [] };
  const isForeign = (url: URL) => !LOCAL_SCHEMES.has(url.protocol) && !allowed.has(url.origin);
  context.on('request', (request) => {
    const url = new URL(request.url());
    log.all.push(url.href);
    if (isForeign(url)) log.foreign.push(url.href);
  });
  await context.route(isForeign, (route) => route.abort('blockedbyclient'));
  return log;
}
