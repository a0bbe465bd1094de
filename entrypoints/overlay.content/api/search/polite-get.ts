import { ApiError, type ApiGet } from '../types';

/**
 * The search's door: the page's `get` (same-origin-get.ts), stopped by `signal` before each request,
 * and pausing for the server's time on a 429 (or 503 with Retry-After: same-origin-get maps both to
 * `rate-limited`, as the overlay's scheduler reads them) before asking again. Counts the requests.
 */

/** Rate-limit answers in a row before the search gives up (the helpdesk keeps refusing). */
const MAX_PAUSES = 5;

export interface PoliteGet extends ApiGet {
  readonly requests: number;
}

export class SearchCancelled extends Error {
  constructor() {
    super('cancelled');
    this.name = 'SearchCancelled';
  }
}

/** Waits `ms`, or rejects at once when the search is cancelled. */
function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(new SearchCancelled());
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(new SearchCancelled());
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

export function politeGet(get: ApiGet, signal: AbortSignal, onPause?: (ms: number) => void): PoliteGet {
  let requests = 0;
  const ask = async <T>(send: () => Promise<T>): Promise<T> => {
    for (let pauses = 0; ; pauses++) {
      if (signal.aborted) throw new SearchCancelled();
      requests++;
      try {
        return await send();
      } catch (error) {
        const limited = error instanceof ApiError && error.failure.kind === 'rate-limited' ? error.failure : undefined;
        if (!limited || pauses >= MAX_PAUSES) throw error;
        onPause?.(limited.retryAfterMs);
        await pause(limited.retryAfterMs, signal);
      }
    }
  };
  return {
    json: (path, options) => ask(() => get.json(path, options)),
    text: (path, options) => ask(() => get.text(path, options)),
    get requests() {
      return requests;
    },
  };
}
