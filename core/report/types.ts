import type { EvaluateInput } from '../evaluate/types';
import type { Language, Priority } from '../policy/schema';
import type { Settings } from '../settings/schema';

/**
 * An SLA compliance report: tickets (rows of a helpdesk export, or tickets read from a helpdesk's
 * API) → counts per month, customer, contract level/role and priority. Everything here is plain
 * data, so the CLI, the options page and a worker share it.
 */

/**
 * The fields a report row may carry. Those of `sla batch` (an EvaluateInput: policy, level,
 * priority, submitted, language, type, region, englishAccepted, topic), the first reply, and what
 * finds the customer's contract when a row names no policy (customer, organisation, requesterEmail,
 * domain), as the overlay's contract lookup reads them.
 */
export const REPORT_FIELDS = [
  'id',
  'subject',
  'policy',
  'level',
  'priority',
  'submitted',
  'language',
  'type',
  'region',
  'englishAccepted',
  'topic',
  'firstReply',
  /** Calendar minutes from submission to the first reply (Zendesk's "First reply time in minutes"). */
  'firstReplyMinutes',
  'customer',
  'organisation',
  'requesterEmail',
  'domain',
] as const;
export type ReportField = (typeof REPORT_FIELDS)[number];

/**
 * One ticket as text, the way a file or a helpdesk gives it: absent or empty means "not given".
 * Times are ISO 8601 with an offset, or in one of the mapping's formats (read in `inputZone`).
 * `holidays` is the EvaluateInput field of the same name (JSON Lines rows only).
 */
export type ReportRow = { [K in ReportField]?: string } & { holidays?: Record<string, string[]> };

/** What a ticket came to. `open-late`: no first reply and the deadline has passed at `now`. */
export const TICKET_STATES = ['met', 'late', 'open-late', 'open', 'no-target'] as const;
export type TicketState = (typeof TICKET_STATES)[number];

/**
 * Upper bounds (inclusive) of the first-response time as a share of the target, for the
 * distribution: ≤ 25 %, ≤ 50 %, ≤ 75 %, ≤ 100 %, ≤ 150 %, ≤ 200 %, > 200 %. Business minutes for
 * business-hours targets, wall minutes for 24/7 ones, from the clock's start to the first reply.
 */
export const SHARE_BOUNDS = [0.25, 0.5, 0.75, 1, 1.5, 2, Number.POSITIVE_INFINITY] as const;

/** The language teams whose routed tickets the report shows apart. */
export const ROUTED_LANGUAGES = ['ja', 'ko', 'zh'] as const satisfies readonly Language[];
export type RoutedLanguage = (typeof ROUTED_LANGUAGES)[number];

export interface Counts {
  tickets: number;
  met: number;
  late: number;
  /** Still open (no first reply) past the deadline at `now`. */
  openLate: number;
  /** Open within the deadline at `now`. */
  open: number;
  noTarget: number;
  /** No-target tickets by the core's note code (feature-request, no-response-times, …). */
  noTargetBy: Record<string, number>;
  /** Answered tickets with a target, by SHARE_BOUNDS bucket. */
  shares: number[];
}

/** One line of the aggregated table. */
export interface ReportGroup {
  /** yyyy-mm of the submission, in the report's zone. */
  month: string;
  /** The matched customer's name, or the row's own customer/organisation text ("" when none). */
  customer: string;
  /** Policy id. */
  policy: string;
  /** The level or role id the target used ("" when the policy has none, e.g. centron). */
  level: string;
  priority: Priority;
  counts: Counts;
}

/** Why a row could not be evaluated: a code and its values, put in words by the renderers (en, de, ja). */
export const BAD_ROW_CODES = [
  'bad-syntax',
  'missing-submitted',
  'unparsable-date',
  'missing-priority',
  'unknown-priority',
  'unknown-customer',
  'no-policy',
  'unknown-policy',
  'invalid-field',
] as const;
export type BadRowCode = (typeof BAD_ROW_CODES)[number];

export interface BadRowReason {
  code: BadRowCode;
  /** The field (report field name) it is about, where one is. */
  field?: string;
  /** The value as the file wrote it, where one is. */
  value?: string;
  /** The core's or the parser's own words (English), for invalid-field and bad-syntax. */
  detail?: string;
}

export interface BadRow extends BadRowReason {
  /** Spreadsheet row (the header is row 1) for CSV/TSV; line for JSON Lines; position for API readers. */
  row: number;
}

/** An answered-late or open-past-deadline ticket, kept with what explains it later. */
export interface WorstMiss {
  row: number;
  id?: string;
  subject?: string;
  customer: string;
  state: 'late' | 'open-late';
  priority: Priority;
  /** The contractual deadline, ISO 8601 UTC. */
  deadline: string;
  /** ISO 8601 UTC; absent while open. */
  firstReply?: string;
  /** Wall minutes past the deadline (to the reply, or to `now` while open). */
  overdueMinutes: number;
  /** What was evaluated: the explanation is composed from it when the report is rendered. */
  input: EvaluateInput;
}

export interface ReportOptions {
  /** Validated settings: customers, custom policies, holidays, priority maps. Without them rows must name a policy. */
  settings?: Settings;
  /** IANA zone of the months (and of --from/--to days); UTC when absent. */
  zone?: string;
  /** The instant open tickets are judged at (ms). */
  now: number;
  /** First and last day (yyyy-mm-dd, in `zone`) of submissions counted; others are skipped. */
  from?: string;
  to?: string;
  /** Which helpdesk's site priority map applies (an adapter id such as "rt", "zendesk"). */
  adapter?: string;
  /** Priority values of the helpdesk → P1–P4 when no site map names them (a preset's default). */
  priorityMap?: Record<string, Priority>;
  /** Zone of times written without an offset; the settings' site zone, else UTC. */
  inputZone?: string;
  /** luxon formats of times written without an offset (ISO 8601 is always read). */
  dateFormats?: readonly string[];
  /** Worst misses kept (20 by default). */
  worst?: number;
  /** Bad rows listed one by one (1,000 by default; all are counted). */
  badRowsListed?: number;
}

export interface ReportResult {
  zone: string;
  /** ISO 8601 UTC. */
  now: string;
  from?: string;
  to?: string;
  /** Rows read (bad ones and skipped ones included). */
  rows: number;
  /** Rows outside from–to, not counted. */
  skipped: number;
  totals: Counts;
  /** Sorted by month, customer, policy, level, priority. */
  groups: ReportGroup[];
  /** Totals per month, sorted. */
  months: Array<{ month: string; counts: Counts }>;
  /** Tickets routed to a language team, per team (only teams that had any). */
  routed: Array<{ language: RoutedLanguage; counts: Counts; months: Array<{ month: string; counts: Counts }> }>;
  /** Worst first (most overdue). */
  worst: WorstMiss[];
  bad: {
    count: number;
    byCode: Partial<Record<BadRowCode, number>>;
    /** The first `badRowsListed` bad rows, in row order. */
    listed: BadRow[];
  };
}

/** The report being built: rows go in one at a time and are never kept. */
export interface ReportAccumulator {
  /** Evaluates one row and counts it; a row that cannot be evaluated is counted as bad, never thrown. */
  add(row: ReportRow, rowNumber: number): void;
  /** A row the reader could not even read (bad CSV quoting, invalid JSON). */
  addBad(rowNumber: number, reason: BadRowReason): void;
  /** The report so far (may be called more than once, e.g. for progress). */
  result(): ReportResult;
}
