import { detectLanguage } from '../../../core/contracts/detect-language';
import { extractEmail, toRequestType } from '../adapters/field-values';
import { answered, apiTime, ticketFailure } from './reader-kit';
import { ApiError, type ApiGet, type ApiReader, type ExactTicket, type HelpdeskDeadline, type ReadContext, type ReadResult } from './types';

/**
 * ServiceNow Table API: one GET per table per batch (`numberIN…`, display and stored values both),
 * one of `task_sla` for ServiceNow's own response SLAs of the whole batch, and one of the journal
 * (`sys_journal_field`) for the first customer-visible agent comment of each record.
 * https://www.servicenow.com/docs/r/api-reference/rest-apis/c_TableAPI.html
 * A browser session's REST calls need the session token as `X-UserToken`: the page's `g_ck`,
 * read from its inline script's text (`var g_ck = '…'` in UI16, `window.g_ck = "…"` in Next
 * Experience), never by running page code.
 */

type Cell = { value?: string; display_value?: string } | undefined;
type SnRecord = Record<string, Cell>;
/** A journal entry as stored (no display values): its record's sys_id, UTC time, author's user_name. */
type JournalRow = { element_id?: string; sys_created_on?: string; sys_created_by?: string };

interface Table {
  name: string;
  prefix: RegExp;
  /** The reference to the requester (a sys_user or a CSM contact) and to the customer's company. */
  requester: string;
  company: string;
}

const TABLES: Table[] = [
  { name: 'incident', prefix: /^INC/u, requester: 'caller_id', company: 'company' },
  { name: 'sn_customerservice_case', prefix: /^CS/u, requester: 'contact', company: 'account' },
];

const NUMBER = /^[A-Z]+\d+$/u;
/** Journal rows per request, and requests per batch at most: a batch's first replies are early in its journal. */
const JOURNAL_PAGE = 500;
const JOURNAL_PAGES = 4;
/**
 * Inbound mail from an unknown sender is written as the Guest user: a customer, never an agent.
 * https://www.servicenow.com/docs/r/australia/platform-administration/r_ImpUserRunInboundActions.html
 */
const GUEST = 'guest';
const TOKEN = /\bg_ck\s*=\s*(['"])([\w.-]+)\1/u;

/** The session token in the page's inline scripts (text only: nothing of the page runs here). */
export function sessionToken(doc: Document): string | undefined {
  for (const script of doc.querySelectorAll('script:not([src])')) {
    const found = TOKEN.exec(script.textContent ?? '')?.[2];
    if (found) return found;
  }
  return undefined;
}

/** The table a ticket number belongs to: its default prefix, else the table the page shows. */
function tableOf(number: string, context: ReadContext): Table {
  const byPrefix = TABLES.find((table) => table.prefix.test(number));
  if (byPrefix) return byPrefix;
  const page = /\/([a-z_]+?)(?:_list)?\.do$/u.exec(new URL(context.doc.URL).pathname)?.[1];
  return TABLES.find((table) => table.name === page) ?? (TABLES[0] as Table);
}

const query = (params: Record<string, string>) =>
  Object.entries(params)
    .map(([name, value]) => `${name}=${encodeURIComponent(value)}`)
    .join('&');

function exactTicket(record: SnRecord, table: Table, sla: HelpdeskDeadline | undefined, firstReply: string | undefined): ExactTicket {
  const subject = record.short_description?.value;
  return {
    fields: answered({
      // Stored values are UTC; display values are in the agent's own format and zone.
      submitted: apiTime(record.opened_at?.value, { utc: true }),
      // "1 - Critical": the word is what the priority map knows (as on the page).
      priorityRaw: record.priority?.display_value?.replace(/^\d+\s*-\s*/u, ''),
      requesterEmail: extractEmail(record[`${table.requester}.email`]?.value ?? ''),
      organisation: record[table.company]?.display_value,
      subject,
      language: detectLanguage(record[`${table.requester}.preferred_language`]?.value, subject, record.description?.value),
      type: toRequestType(record.category?.display_value ?? ''),
      firstReply,
    }),
    status: record.state?.display_value,
    helpdeskDeadline: sla,
    updated: apiTime(record.sys_updated_on?.value, { utc: true }),
  };
}

/** ServiceNow's response SLAs of the batch, the earliest per ticket number. */
async function responseSlas(numbers: string[], get: ApiGet, headers: Record<string, string>): Promise<Map<string, HelpdeskDeadline>> {
  const path = `/api/now/table/task_sla?${query({
    sysparm_query: `task.numberIN${numbers.join(',')}^sla.target=response^stage!=cancelled`,
    sysparm_fields: 'task.number,sla.name,planned_end_time,has_breached,stage',
    sysparm_display_value: 'all',
    sysparm_exclude_reference_link: 'true',
  })}`;
  const deadlines = new Map<string, HelpdeskDeadline>();
  let answer: { result?: SnRecord[] };
  try {
    answer = (await get.json(path, { headers })) as { result?: SnRecord[] };
  } catch (error) {
    // An agent without access to task_sla still gets the tickets' exact fields.
    ticketFailure(error);
    return deadlines;
  }
  for (const row of answer?.result ?? []) {
    const number = row['task.number']?.value;
    const deadline = apiTime(row.planned_end_time?.value, { utc: true });
    if (!number || !deadline) continue;
    const known = deadlines.get(number);
    if (known && Date.parse(known.deadline) <= Date.parse(deadline)) continue;
    const entry: HelpdeskDeadline = { deadline, name: `ServiceNow SLA: ${row['sla.name']?.display_value ?? 'response'}` };
    const breached = row.has_breached?.value === 'true';
    if (row.stage?.value === 'completed' || breached) entry.achieved = !breached;
    deadlines.set(number, entry);
  }
  return deadlines;
}

/**
 * The first public agent reply per record (by sys_id): its first `comments` journal entry written by
 * someone other than the customer's side. Work notes (`work_notes`) are internal and never read.
 * Rows come oldest first (sys_id breaks ties, so pages do not overlap), hence a record's first
 * agent entry seen is its first one, and the pages already read stay right if a later one fails.
 * https://www.servicenow.com/docs/r/australia/api-reference/web-services/retrieving-journal-entries.html
 */
async function firstReplies(records: Array<{ record: SnRecord; table: Table }>, get: ApiGet, headers: Record<string, string>): Promise<Map<string, string>> {
  const customers = new Map<string, Set<string>>();
  for (const { record, table } of records) {
    // Whoever opened the record counts as the customer's side too: someone opening it on another's
    // behalf writes for the customer as often as not, and a reply missed only keeps the countdown.
    const names = [record[`${table.requester}.user_name`]?.value, record['opened_by.user_name']?.value, GUEST];
    if (record.sys_id?.value) customers.set(record.sys_id.value, new Set(names.filter((name): name is string => !!name)));
  }
  const replies = new Map<string, string>();
  for (let page = 0; page < JOURNAL_PAGES && replies.size < customers.size; page++) {
    const path = `/api/now/table/sys_journal_field?${query({
      sysparm_query: `element=comments^element_idIN${[...customers.keys()].join(',')}^ORDERBYsys_created_on^ORDERBYsys_id`,
      sysparm_fields: 'element_id,sys_created_on,sys_created_by',
      sysparm_limit: String(JOURNAL_PAGE),
      sysparm_offset: String(page * JOURNAL_PAGE),
      // The response headers do not reach a reader, so the total ServiceNow would count is not wanted.
      sysparm_no_count: 'true',
    })}`;
    let rows: JournalRow[];
    try {
      const answer = (await get.json(path, { headers })) as { result?: unknown };
      rows = Array.isArray(answer?.result) ? answer.result : [];
    } catch (error) {
      // The journal is often closed to agents without admin or itil: the other fields still stand.
      ticketFailure(error);
      break;
    }
    for (const { element_id: id, sys_created_on: created, sys_created_by: author } of rows) {
      const customer = customers.get(id ?? '');
      if (!id || !author || !customer || customer.has(author) || replies.has(id)) continue;
      const at = apiTime(created, { utc: true });
      if (at) replies.set(id, at);
    }
    // The limit applies before ACLs, so a short page may still not be the last: it ends the reading
    // anyway, and a record not reached keeps counting down as the page showed it.
    if (rows.length < JOURNAL_PAGE) break;
  }
  return replies;
}

export const serviceNowReader: ApiReader = {
  id: 'servicenow',
  apiName: 'ServiceNow Table API',
  batchSize: 100,
  documented: true,
  async read(tickets, get, context) {
    const token = sessionToken(context.doc);
    if (!token) throw new ApiError({ kind: 'unexpected', message: 'no ServiceNow session token (g_ck) on this page' });
    const headers = { 'X-UserToken': token };
    const numbers = tickets.map((ticket) => ticket.key).filter((key) => NUMBER.test(key));
    const records: Array<{ record: SnRecord; table: Table }> = [];
    for (const table of TABLES) {
      const mine = numbers.filter((number) => tableOf(number, context) === table);
      if (!mine.length) continue;
      const path = `/api/now/table/${table.name}?${query({
        sysparm_query: `numberIN${mine.join(',')}`,
        sysparm_fields: [
          'number,opened_at,sys_updated_on,priority,state,short_description,description,category',
          'sys_id,opened_by.user_name',
          table.company,
          `${table.requester}.email`,
          `${table.requester}.preferred_language`,
          // Journal entries name their author by user_name: the requester's own comments are not replies.
          `${table.requester}.user_name`,
        ].join(','),
        sysparm_display_value: 'all',
        sysparm_exclude_reference_link: 'true',
        sysparm_limit: String(mine.length),
      })}`;
      const answer = (await get.json(path, { headers })) as { result?: SnRecord[] };
      if (!Array.isArray(answer?.result)) throw new ApiError({ kind: 'unexpected', message: 'ServiceNow answered without a result list' });
      records.push(...answer.result.map((record) => ({ record, table })));
    }
    const numbersFound = records.flatMap(({ record }) => record.number?.value ?? []);
    const slas = numbersFound.length ? await responseSlas(numbersFound, get, headers) : new Map<string, HelpdeskDeadline>();
    const replies = records.length ? await firstReplies(records, get, headers) : new Map<string, string>();
    const found = new Map(
      records.map(({ record, table }) => [
        record.number?.value,
        exactTicket(record, table, slas.get(record.number?.value ?? ''), replies.get(record.sys_id?.value ?? '')),
      ]),
    );
    const result: ReadResult = new Map();
    for (const { key } of tickets) result.set(key, found.get(key) ?? { kind: 'not-found' });
    return result;
  },
};
