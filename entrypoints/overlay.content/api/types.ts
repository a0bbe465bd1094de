import type { TicketFields } from '../../../core/contracts/ticket';

/**
 * API readers: after the DOM gave a first badge, a reader fills a ticket's exact fields from the
 * helpdesk's own API, with the agent's session, read-only and on the page's origin only. Each
 * helpdesk's reader is one file beside this one (refined-github style); `registry.ts` lists them.
 * A reader never fetches by itself: it gets `get`, the one door to the network (same-origin-get.ts).
 */

/** A ticket the page shows, as the reader needs it. */
export interface TicketRef {
  /** The overlay's key (the ticket id or number the page shows). */
  key: string;
  /** The id the API wants when it differs from the key (osTicket's internal id, ServiceNow's sys_id). */
  apiId?: string;
  /** The page's last-updated text for the ticket, where the page shows one (keys the cache). */
  updated?: string;
  /** What the page shows of the ticket (merge.ts `pageReading`): when it changes, the answer is stale. */
  reading?: string;
}

/** The helpdesk's own first-response deadline, shown beside the contract's. */
export interface HelpdeskDeadline {
  /** ISO 8601 with offset. */
  deadline: string;
  /** What the helpdesk calls it: "SLA policy Platinum", "RT Due", "Zammad escalation". */
  name: string;
  /** The helpdesk already recorded the first response against it (true) or a breach (false). */
  achieved?: boolean;
}

/** What the API told about one ticket. Exact values win over the DOM's. */
export interface ExactTicket {
  fields: Partial<Omit<TicketFields, 'id' | 'submittedApproximate'>>;
  /** The helpdesk's status ("open", "resolved"), for the popover. */
  status?: string;
  helpdeskDeadline?: HelpdeskDeadline;
  /** The ticket's last-updated time where the API has one: the cache keeps an entry until it changes. */
  updated?: string;
}

/** Why the exact data of a ticket (or a batch) is missing: shown in the popover, in the user's words. */
export type ApiFailure =
  | { kind: 'signed-out'; status: number }
  | { kind: 'forbidden'; status: number }
  | { kind: 'not-found'; status?: number }
  | { kind: 'rate-limited'; retryAfterMs: number }
  | { kind: 'network'; message: string }
  | { kind: 'server'; status: number }
  | { kind: 'unexpected'; message: string };

/** Thrown by `ApiGet` and by readers for an answer they cannot use. */
export class ApiError extends Error {
  constructor(readonly failure: ApiFailure) {
    super(failure.kind === 'network' || failure.kind === 'unexpected' ? failure.message : failure.kind);
    this.name = 'ApiError';
  }
}

export interface GetOptions {
  /** Extra request headers (ServiceNow's `X-UserToken`); never credentials of our own. */
  headers?: Record<string, string>;
}

/**
 * The only way a reader reaches the network: a GET of `path` (absolute path or URL) on the page's
 * own origin, with the agent's session. Resolves with the body (JSON parsed / text as sent);
 * rejects with ApiError (status mapped: 401 signed-out, 403 forbidden, 404 not-found, 429
 * rate-limited with Retry-After, 5xx server, fetch failure network).
 */
export interface ApiGet {
  json(path: string, options?: GetOptions): Promise<unknown>;
  text(path: string, options?: GetOptions): Promise<string>;
}

/** What else a reader may look at: the page (inert reads only, e.g. ServiceNow's `g_ck` in a script's text). */
export interface ReadContext {
  doc: Document;
  /** Zone for API times without an offset (osTicket's preview text), as for the page's own times. */
  timeZone: string;
  now: Date;
}

/** Per ticket: its exact data, or why there is none (a partial batch names each missing ticket). */
export type ReadResult = Map<string, ExactTicket | ApiFailure>;

export interface ApiReader {
  /** The adapter id this reader serves ("rt", "osticket", …). */
  id: string;
  /** The API's name for the popover and the options page ("RT REST2", "Zendesk API"). */
  apiName: string;
  /** Ids per request at most (≤ 100). */
  batchSize: number;
  /** Documented, stable API: reading is on by default. Undocumented ones (Freshdesk's agent API) are off. */
  documented: boolean;
  /**
   * Reads one batch (≤ batchSize tickets). Resolves with an entry per ticket it could place; a
   * whole-batch failure rejects with ApiError (the scheduler keeps the DOM values and backs off).
   */
  read(tickets: readonly TicketRef[], get: ApiGet, context: ReadContext): Promise<ReadResult>;
}

export const isFailure = (entry: ExactTicket | ApiFailure): entry is ApiFailure => 'kind' in entry;
