import { describe, expect, it, vi } from 'vitest';
import { retryAfterMs, sameOriginGet } from '../../entrypoints/overlay.content/api/same-origin-get';
import { ApiError } from '../../entrypoints/overlay.content/api/types';

const PAGE = 'https://rt.example.com:8443/Search/Results.html?Query=x';

function fetchAnswering(response: Response | (() => never)) {
  return vi.fn(async (_url: string | URL | Request, _init?: RequestInit) => (typeof response === 'function' ? response() : response));
}

async function failureOf(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  return (error as ApiError).failure;
}

describe('sameOriginGet', () => {
  it('makes a GET on the page origin with the session cookies, no redirect followed', async () => {
    const fetch = fetchAnswering(new Response('{"a":1}', { status: 200 }));
    const get = sameOriginGet(PAGE, fetch as typeof globalThis.fetch);
    await expect(get.json('/REST/2.0/tickets?query=id%3D1', { headers: { 'X-UserToken': 't' } })).resolves.toEqual({ a: 1 });
    const [url, init] = fetch.mock.calls[0] ?? [];
    expect(url).toBe('https://rt.example.com:8443/REST/2.0/tickets?query=id%3D1');
    expect(init).toMatchObject({ method: 'GET', credentials: 'same-origin', redirect: 'manual' });
    expect(init?.headers).toMatchObject({ Accept: 'application/json', 'X-UserToken': 't' });
  });

  it('refuses another host, scheme or port without making a request', async () => {
    const fetch = fetchAnswering(new Response('{}'));
    const get = sameOriginGet(PAGE, fetch as typeof globalThis.fetch);
    for (const url of ['https://evil.example/x', 'http://rt.example.com:8443/x', 'https://rt.example.com/x', '//evil.example/x']) {
      expect((await failureOf(get.json(url))).kind).toBe('unexpected');
    }
    expect(fetch).not.toHaveBeenCalled();
  });

  it.each([
    [401, 'signed-out'],
    [403, 'forbidden'],
    [404, 'not-found'],
    [500, 'server'],
    [502, 'server'],
  ])('maps HTTP %i to %s', async (status, kind) => {
    const get = sameOriginGet(PAGE, fetchAnswering(new Response('', { status })) as typeof fetch);
    expect((await failureOf(get.text('/x'))).kind).toBe(kind);
  });

  it('reads Retry-After of a 429 as seconds or as a date, a minute when absent', async () => {
    const seconds = sameOriginGet(PAGE, fetchAnswering(new Response('', { status: 429, headers: { 'Retry-After': '7' } })) as typeof fetch);
    expect(await failureOf(seconds.json('/x'))).toEqual({ kind: 'rate-limited', retryAfterMs: 7000 });
    const none = sameOriginGet(PAGE, fetchAnswering(new Response('', { status: 429 })) as typeof fetch);
    expect(await failureOf(none.json('/x'))).toEqual({ kind: 'rate-limited', retryAfterMs: 60_000 });
    expect(retryAfterMs('Wed, 21 Oct 2026 07:28:30 GMT', Date.parse('2026-10-21T07:28:00Z'))).toBe(30_000);
    expect(retryAfterMs('soon')).toBe(60_000);
  });

  it('takes an HTML sign-in page answered with 200 for a JSON request as signed out', async () => {
    const get = sameOriginGet(PAGE, fetchAnswering(new Response('<html><form id="login">', { status: 200 })) as typeof fetch);
    expect((await failureOf(get.json('/api/v2/tickets.json'))).kind).toBe('signed-out');
  });

  it('takes a redirect (to a sign-in page, maybe elsewhere) as signed out', async () => {
    const redirect = new Response(null, { status: 302, headers: { Location: 'https://sso.example/login' } });
    const get = sameOriginGet(PAGE, fetchAnswering(redirect) as typeof fetch);
    expect((await failureOf(get.text('/scp/tickets.php?id=1'))).kind).toBe('signed-out');
  });

  it('reports a failed fetch as a network failure', async () => {
    const get = sameOriginGet(
      PAGE,
      fetchAnswering(() => {
        throw new TypeError('Failed to fetch');
      }) as typeof fetch,
    );
    expect(await failureOf(get.text('/x'))).toEqual({ kind: 'network', message: 'Failed to fetch' });
  });
});
