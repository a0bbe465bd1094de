import { ApiError, type ApiGet, type GetOptions } from '../../entrypoints/overlay.content/api/types';

/**
 * A stand-in for the network in reader tests: answers GETs from a table of path → response
 * (bodies reproduced from the vendors' API references, or real responses), and records every
 * request. An unknown path is a 404, as a server would answer. The readers' parsing, batching and
 * error mapping run for real; only the socket is replaced.
 */
export type FakeResponse =
  | { status?: 200; body: unknown }
  | { status: number; body?: unknown; retryAfter?: string };

export interface FakeGet extends ApiGet {
  requests: Array<{ path: string; headers?: Record<string, string> }>;
}

export function fakeGet(routes: (path: string) => FakeResponse | undefined): FakeGet {
  const requests: FakeGet['requests'] = [];
  const answer = async (path: string, options?: GetOptions): Promise<unknown> => {
    requests.push({ path, headers: options?.headers });
    const response = routes(path) ?? { status: 404, body: '' };
    const status = response.status ?? 200;
    if (status === 200) return response.body;
    if (status === 401) throw new ApiError({ kind: 'signed-out', status });
    if (status === 403) throw new ApiError({ kind: 'forbidden', status });
    if (status === 404) throw new ApiError({ kind: 'not-found', status });
    if (status === 429) {
      const seconds = Number('retryAfter' in response ? response.retryAfter : undefined);
      throw new ApiError({ kind: 'rate-limited', retryAfterMs: Number.isFinite(seconds) ? seconds * 1000 : 60_000 });
    }
    throw new ApiError({ kind: 'server', status });
  };
  return {
    requests,
    json: (path, options) => answer(path, options),
    text: async (path, options) => {
      const body = await answer(path, options);
      return typeof body === 'string' ? body : JSON.stringify(body);
    },
  };
}
