import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createExactData, type ExactStatus } from '../../entrypoints/overlay.content/api/exact-data';
import type { ApiReader, ExactTicket, ReadResult, TicketRef } from '../../entrypoints/overlay.content/api/types';
import { type FakeResponse, fakeGet } from './fake-get';

/**
 * The scheduler with a small reader over a fake network: `/api/tickets?ids=1,2` answers
 * `{tickets: [{id, created, updated}]}` for the ids the server knows.
 */
const reader: ApiReader = {
  id: 'test',
  apiName: 'Test API',
  batchSize: 2,
  documented: true,
  async read(tickets, get) {
    const body = (await get.json(`/api/tickets?ids=${tickets.map((t) => t.apiId ?? t.key).join(',')}`)) as {
      tickets: Array<{ id: string; created: string; updated: string }>;
    };
    const result: ReadResult = new Map();
    for (const ticket of body.tickets) {
      const ref = tickets.find((t) => (t.apiId ?? t.key) === ticket.id);
      if (ref) result.set(ref.key, { fields: { submitted: ticket.created }, updated: ticket.updated } satisfies ExactTicket);
    }
    return result;
  },
};

const known = new Map([
  ['1', '2026-12-01T09:00:00Z'],
  ['2', '2026-12-01T10:00:00Z'],
  ['3', '2026-12-01T11:00:00Z'],
]);
let answer: (ids: string[]) => FakeResponse;
const okay = (ids: string[]): FakeResponse => ({
  body: { tickets: ids.filter((id) => known.has(id)).map((id) => ({ id, created: known.get(id), updated: 'u1' })) },
});

function setup(visible = { value: true }) {
  const network = fakeGet((path) => {
    const ids = new URL(path, 'https://h.example').searchParams.get('ids')?.split(',') ?? [];
    return answer(ids);
  });
  const onUpdate = vi.fn();
  const statuses: ExactStatus[] = [];
  const data = createExactData({
    reader,
    get: network,
    context: () => ({ doc: {} as Document, timeZone: 'UTC', now: new Date() }),
    onUpdate,
    onStatus: (status) => statuses.push(status),
    visible: () => visible.value,
  });
  return { network, onUpdate, data, statuses, visible };
}

const refs = (...keys: string[]): TicketRef[] => keys.map((key) => ({ key }));

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(Date.parse('2026-12-04T12:00:00Z'));
  answer = okay;
});
afterEach(() => vi.useRealTimers());

describe('exact data scheduler', () => {
  it('reads the wanted tickets in batches, one request per batch, one at a time', async () => {
    const { network, data, onUpdate } = setup();
    data.want(refs('1', '2', '3'));
    await vi.advanceTimersByTimeAsync(10);
    expect(network.requests.map((r) => r.path)).toEqual(['/api/tickets?ids=1,2', '/api/tickets?ids=3']);
    expect(data.get('1')?.exact?.fields.submitted).toBe('2026-12-01T09:00:00Z');
    expect(data.get('3')?.exact?.fields.submitted).toBe('2026-12-01T11:00:00Z');
    expect(onUpdate).toHaveBeenCalledTimes(2);
  });

  it('uses the API id when the page key differs', async () => {
    const { network, data } = setup();
    data.want([{ key: 'T-100', apiId: '2' }]);
    await vi.advanceTimersByTimeAsync(0);
    expect(network.requests[0]?.path).toBe('/api/tickets?ids=2');
    expect(data.get('T-100')?.exact?.fields.submitted).toBe('2026-12-01T10:00:00Z');
  });

  it('marks a ticket missing from a batch answer as not found, the others read', async () => {
    const { data } = setup();
    data.want(refs('1', '9'));
    await vi.advanceTimersByTimeAsync(0);
    expect(data.get('1')?.exact).toBeDefined();
    expect(data.get('9')).toMatchObject({ failure: { kind: 'not-found' }, exact: undefined });
  });

  it('reads a ticket again at most once a minute; an unchanged answer keeps its entry (no rebuild)', async () => {
    const { network, data, onUpdate } = setup();
    data.want(refs('1'));
    await vi.advanceTimersByTimeAsync(0);
    const first = data.get('1');
    // Every scan says which tickets are on screen: no new request within the minute.
    for (let i = 0; i < 10; i++) {
      data.want(refs('1'));
      await vi.advanceTimersByTimeAsync(5_000);
    }
    expect(network.requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(network.requests).toHaveLength(2);
    expect(data.get('1')).toBe(first);
    expect(onUpdate).toHaveBeenCalledTimes(1);
  });

  it("keys the cache by the page's last-updated time: unchanged is read again only every ten minutes, changed at once", async () => {
    const { network, data } = setup();
    data.want([{ key: '1', updated: '12/4/26 12:10 PM' }]);
    await vi.advanceTimersByTimeAsync(10);
    for (let minute = 1; minute < 10; minute++) {
      data.want([{ key: '1', updated: '12/4/26 12:10 PM' }]);
      await vi.advanceTimersByTimeAsync(60_000);
    }
    expect(network.requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(network.requests).toHaveLength(2);
    // The page shows a newer update (a reply, a status change): read now, not at the next refresh.
    data.want([{ key: '1', updated: '12/4/26 12:21 PM' }]);
    await vi.advanceTimersByTimeAsync(10);
    expect(network.requests).toHaveLength(3);
  });

  it('reads a ticket again at once when what the page shows of it changed (an agent edited it there)', async () => {
    const { network, data } = setup();
    data.want([{ key: '1', reading: 'High' }]);
    await vi.advanceTimersByTimeAsync(10);
    data.want([{ key: '1', reading: 'High' }]);
    await vi.advanceTimersByTimeAsync(10);
    expect(network.requests).toHaveLength(1);
    data.want([{ key: '1', reading: 'Urgent' }]);
    await vi.advanceTimersByTimeAsync(10);
    expect(network.requests).toHaveLength(2);
  });

  it('reads nothing while the tab is hidden and resumes when it is shown', async () => {
    const { network, data, visible } = setup({ value: false });
    data.want(refs('1'));
    await vi.advanceTimersByTimeAsync(120_000);
    expect(network.requests).toHaveLength(0);
    visible.value = true;
    data.visibilityChanged();
    await vi.advanceTimersByTimeAsync(0);
    expect(network.requests).toHaveLength(1);
  });

  it('waits as long as a 429 Retry-After says before any further request', async () => {
    const { network, data, statuses } = setup();
    answer = () => ({ status: 429, retryAfter: '30' });
    data.want(refs('1', '2', '3'));
    await vi.advanceTimersByTimeAsync(29_000);
    expect(network.requests).toHaveLength(1);
    expect(statuses.at(-1)?.lastFailure).toEqual({ kind: 'rate-limited', retryAfterMs: 30_000 });
    answer = okay;
    await vi.advanceTimersByTimeAsync(1_010);
    expect(network.requests).toHaveLength(3);
    expect(data.get('3')?.exact).toBeDefined();
    expect(statuses.at(-1)?.lastFailure).toBeUndefined();
  });

  it('keeps an earlier answer through a failure, says why, and backs off doubling', async () => {
    const { network, data } = setup();
    data.want(refs('1'));
    await vi.advanceTimersByTimeAsync(0);
    answer = () => ({ status: 403 });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(data.get('1')).toMatchObject({ failure: { kind: 'forbidden' }, exact: { fields: { submitted: '2026-12-01T09:00:00Z' } } });
    const failedAt = network.requests.length;
    // Back-off: 30 s after the first failure (before the minute's refresh), then 60 s, 120 s …
    await vi.advanceTimersByTimeAsync(59_999);
    expect(network.requests.length).toBe(failedAt);
    await vi.advanceTimersByTimeAsync(1);
    expect(network.requests.length).toBe(failedAt + 1);
    await vi.advanceTimersByTimeAsync(119_999);
    expect(network.requests.length).toBe(failedAt + 1);
    await vi.advanceTimersByTimeAsync(1);
    expect(network.requests.length).toBe(failedAt + 2);
  });

  it('makes no request after stop()', async () => {
    const { network, data } = setup();
    data.want(refs('1'));
    data.stop();
    await vi.advanceTimersByTimeAsync(120_000);
    expect(network.requests).toHaveLength(0);
  });
});
