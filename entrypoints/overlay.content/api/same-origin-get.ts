import { ApiError, type ApiFailure, type ApiGet, type GetOptions } from './types';

/**
 * The overlay's one door to the network: GET only, only to the origin of the page the content
 * script runs on, with the session the agent already has there (cookies; no token of ours). Any
 * other host, method or a redirect elsewhere is refused before or after the request.
 *
 * Firefox runs a content script's `fetch` with the extension's principal; `content.fetch` makes the
 * request as the page does (its Origin and cookies), which is what helpdesks check for cookie
 * sessions. Chromium's content-script `fetch` already does.
 */

type Fetch = typeof fetch;
type CloneInto = <T>(value: T, target: object) => T;

function pageFetch(): Fetch {
  const scope = globalThis as { content?: { fetch?: Fetch }; cloneInto?: CloneInto; window?: object };
  const { content, cloneInto } = scope;
  if (typeof content?.fetch !== 'function' || typeof cloneInto !== 'function' || !scope.window) return fetch.bind(globalThis);
  const target = scope.window;
  // The page's fetch reads the options object: it must belong to the page's compartment.
  return (input, init) => (content.fetch as Fetch).call(content, input, init && cloneInto(init, target));
}

/** Retry-After as seconds or an HTTP date; a minute when absent or unreadable. */
export function retryAfterMs(header: string | null, now = Date.now()): number {
  const seconds = Number(header);
  if (header && Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = header ? Date.parse(header) : Number.NaN;
  return Number.isFinite(date) ? Math.max(0, date - now) : 60_000;
}

function failureOf(response: Response): ApiFailure {
  const { status } = response;
  if (status === 401) return { kind: 'signed-out', status };
  if (status === 403) return { kind: 'forbidden', status };
  if (status === 404 || status === 410) return { kind: 'not-found', status };
  if (status === 429 || status === 503) {
    const header = response.headers.get('Retry-After');
    if (status === 429 || header) return { kind: 'rate-limited', retryAfterMs: retryAfterMs(header) };
  }
  return { kind: 'server', status };
}

export function sameOriginGet(pageUrl: string, fetchImpl: Fetch = pageFetch()): ApiGet {
  const origin = new URL(pageUrl).origin;

  const request = async (path: string, accept: string, options?: GetOptions): Promise<Response> => {
    const url = new URL(path, pageUrl);
    if (url.origin !== origin) throw new ApiError({ kind: 'unexpected', message: `refused: ${url.origin} is not this page's origin` });
    let response: Response;
    try {
      response = await fetchImpl(url.href, {
        method: 'GET',
        credentials: 'same-origin',
        headers: { Accept: accept, ...options?.headers },
        // Never followed: a redirect could lead to another host. Helpdesks redirect only an expired
        // session (to their sign-in page), which is what an opaque redirect is taken for.
        redirect: 'manual',
        cache: 'no-store',
      });
    } catch (error) {
      throw new ApiError({ kind: 'network', message: error instanceof Error ? error.message : String(error) });
    }
    if (response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400)) {
      throw new ApiError({ kind: 'signed-out', status: response.status });
    }
    if (!response.ok) throw new ApiError(failureOf(response));
    return response;
  };

  return {
    async json(path, options) {
      const response = await request(path, 'application/json', options);
      try {
        return await response.json();
      } catch {
        // Helpdesks answer an expired session with their HTML sign-in page and status 200.
        throw new ApiError({ kind: 'signed-out', status: response.status });
      }
    },
    async text(path, options) {
      return (await request(path, 'text/html, */*', options)).text();
    },
  };
}
