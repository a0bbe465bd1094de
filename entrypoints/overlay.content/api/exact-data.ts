import { type ApiFailure, ApiError, type ApiGet, type ApiReader, type ExactTicket, isFailure, type ReadContext, type TicketRef } from './types';

/**
 * Keeps the exact data of the tickets on screen: reads them through a helpdesk's API reader in
 * batches (one request per batch, never one per row), one batch in flight at a time, caches each
 * ticket's answer and reads it again at most once a `refreshMs`, only while the tab is visible.
 * Where the page shows when a ticket was last updated, that keys the cache: a changed time is read
 * at once, an unchanged one only every `unchangedRefreshMs` (an update within the same displayed
 * minute is caught then). A ticket whose values on the page changed (an agent's edit) is read at once. A 429 (or 503 with Retry-After) stops all reading until the server's time is up; other failures
 * keep the DOM's values, say why in the popover and back off (doubling, up to `maxBackoffMs`).
 */

/** What the overlay knows of one ticket's exact data. Replaced, never changed: its identity marks news. */
export interface ExactEntry {
  /** The API's answer, kept across later failures (a stale exact value beats the DOM's guess). */
  exact?: ExactTicket;
  /** Why the latest read gave nothing. */
  failure?: ApiFailure;
  /** When the latest read (answer or failure) happened (ms); moves without a new entry when the answer is the same. */
  readAt: number;
  /** The page's last-updated text for the ticket when it was read. */
  pageUpdated?: string;
  /** What the page showed of the ticket when it was read. */
  pageReading?: string;
  apiName: string;
}

/** The reading of this page as a whole, for the toolbar/options ("read 3 batches, last 12:03", or why not). */
export interface ExactStatus {
  apiName: string;
  requests: number;
  lastReadAt?: number;
  lastFailure?: ApiFailure;
}

export interface ExactDataOptions {
  reader: ApiReader;
  get: ApiGet;
  context: () => ReadContext;
  /** New entries are in: the overlay rebuilds the models of the tickets concerned. */
  onUpdate: () => void;
  onStatus?: (status: ExactStatus) => void;
  visible: () => boolean;
  now?: () => number;
  refreshMs?: number;
  unchangedRefreshMs?: number;
  firstBackoffMs?: number;
  maxBackoffMs?: number;
}

export interface ExactData {
  /** The tickets the page shows now (each scan): those not read within `refreshMs` are read. */
  want(tickets: readonly TicketRef[]): void;
  get(key: string): ExactEntry | undefined;
  /** The tab became visible (or hidden): reading resumes (or waits). */
  visibilityChanged(): void;
  readonly status: ExactStatus;
  stop(): void;
}

/** Cached tickets kept at most (a long-lived tab paging through a big queue). */
const CACHE_LIMIT = 5000;

const failureOf = (error: unknown): ApiFailure =>
  error instanceof ApiError ? error.failure : { kind: 'unexpected', message: error instanceof Error ? error.message : String(error) };

/** Same answer as before (the ticket did not change): the old entry stays, so no badge is rebuilt. */
const sameAnswer = (a: ExactTicket | undefined, b: ExactTicket): boolean =>
  a !== undefined && (a.updated === undefined || a.updated === b.updated) && JSON.stringify(a) === JSON.stringify(b);

export function createExactData(options: ExactDataOptions): ExactData {
  const { reader, get, now = Date.now, refreshMs = 60_000, unchangedRefreshMs = 10 * refreshMs } = options;
  const { firstBackoffMs = refreshMs, maxBackoffMs = 10 * 60_000 } = options;
  const cache = new Map<string, ExactEntry>();
  const status: ExactStatus = { apiName: reader.apiName, requests: 0 };
  let wanted: readonly TicketRef[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running = false;
  let stopped = false;
  /** No request before this instant (Retry-After, or back-off after failures). */
  let pauseUntil = 0;
  let backoffMs = 0;

  const report = () => {
    try {
      options.onStatus?.({ ...status });
    } catch {
      // Never throw into the page.
    }
  };

  const store = (key: string, entry: ExactEntry) => {
    cache.delete(key); // re-inserted last: the oldest entries are evicted first
    cache.set(key, entry);
    if (cache.size > CACHE_LIMIT) {
      const oldest = cache.keys().next().value;
      if (oldest !== undefined) cache.delete(oldest);
    }
  };

  /** When a ticket's entry is due to be read again (ms). */
  const dueAt = (ticket: TicketRef, entry: ExactEntry | undefined): number => {
    if (!entry) return Number.NEGATIVE_INFINITY;
    // Failures wait for the refresh (and any back-off): asking again at once would not help.
    if (entry.failure) return entry.readAt + refreshMs;
    if (ticket.reading !== entry.pageReading) return Number.NEGATIVE_INFINITY;
    if (ticket.updated === undefined) return entry.readAt + refreshMs;
    return ticket.updated === entry.pageUpdated ? entry.readAt + unchangedRefreshMs : Number.NEGATIVE_INFINITY;
  };

  const stale = (at: number) => wanted.filter((ticket) => at >= dueAt(ticket, cache.get(ticket.key)));

  const schedule = (delay: number) => {
    if (stopped || running) return;
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      void run();
    }, Math.max(0, delay));
  };

  /** When the next read is due: the oldest wanted entry's refresh, or the end of a pause. */
  const planNext = () => {
    if (stopped || !options.visible() || wanted.length === 0) return;
    const at = now();
    let due = Number.POSITIVE_INFINITY;
    for (const ticket of wanted) due = Math.min(due, dueAt(ticket, cache.get(ticket.key)));
    schedule(Math.max(due, pauseUntil) - at);
  };

  const readBatch = async (batch: TicketRef[]): Promise<boolean> => {
    status.requests++;
    let changed = false;
    try {
      const result = await reader.read(batch, get, options.context());
      const at = now();
      backoffMs = 0;
      status.lastReadAt = at;
      status.lastFailure = undefined;
      for (const ticket of batch) {
        const answer = result.get(ticket.key) ?? { kind: 'not-found' as const };
        const old = cache.get(ticket.key);
        const { updated: pageUpdated, reading: pageReading } = ticket;
        if (isFailure(answer)) {
          store(ticket.key, { exact: old?.exact, failure: answer, readAt: at, pageUpdated, pageReading, apiName: reader.apiName });
          changed = true;
        } else if (old && !old.failure && sameAnswer(old.exact, answer)) {
          // Only the time of the read moves; the same identity tells the pipeline nothing changed.
          old.readAt = at;
          old.pageUpdated = pageUpdated;
          old.pageReading = pageReading;
          store(ticket.key, old);
        } else {
          store(ticket.key, { exact: answer, readAt: at, pageUpdated, pageReading, apiName: reader.apiName });
          changed = true;
        }
      }
    } catch (error) {
      const failure = failureOf(error);
      const at = now();
      status.lastFailure = failure;
      if (failure.kind === 'rate-limited') {
        pauseUntil = at + failure.retryAfterMs;
      } else {
        backoffMs = Math.min(maxBackoffMs, backoffMs ? backoffMs * 2 : firstBackoffMs);
        pauseUntil = at + backoffMs;
        // The batch's tickets keep their DOM values (and any earlier exact answer) and say why.
        for (const ticket of batch) {
          const old = cache.get(ticket.key);
          store(ticket.key, { exact: old?.exact, failure, readAt: at, apiName: reader.apiName });
        }
        changed = true;
      }
    }
    report();
    return changed;
  };

  const run = async () => {
    if (stopped || running || !options.visible() || now() < pauseUntil) return planNext();
    running = true;
    try {
      const batch = stale(now()).slice(0, reader.batchSize);
      if (batch.length && (await readBatch(batch)) && !stopped) {
        try {
          options.onUpdate();
        } catch {
          // Never throw into the page.
        }
      }
    } finally {
      running = false;
    }
    // Next batch (or the next refresh) after this one: one request in flight at a time.
    if (!stopped && stale(now()).length && now() >= pauseUntil) schedule(0);
    else planNext();
  };

  return {
    want(tickets) {
      wanted = tickets;
      if (stale(now()).length) planNext();
    },
    get: (key) => cache.get(key),
    visibilityChanged: () => planNext(),
    get status() {
      return { ...status };
    },
    stop() {
      stopped = true;
      if (timer !== undefined) clearTimeout(timer);
    },
  };
}
