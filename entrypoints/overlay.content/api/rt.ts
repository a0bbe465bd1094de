import type { Language } from '../../../core/policy/schema';
import { languageFromField, languageFromScript } from '../../../core/contracts/detect-language';
import { extractEmail, literalPriority, toRequestType } from '../adapters/field-values';
import { answered, apiTime } from './reader-kit';
import { ApiError, type ApiGet, type ApiReader, type ExactTicket, type ReadContext, type ReadResult } from './types';

/**
 * Request Tracker 5 REST2 (https://docs.bestpractical.com/rt/5.0.3/RT/REST2.html), on the agent's
 * web session (REST2 takes RT's cookie; it checks the Origin only on writes). Per batch: one ticket
 * search (TicketSQL, requestors expanded), one transaction search for the first replies
 * (TransactionSQL), and — only for tickets whose language neither a field nor the subject tells —
 * one attachment search for the first message's text, remembered per ticket since it never changes.
 */

interface RtUser {
  id?: string;
  EmailAddress?: string;
  Organization?: string;
  Lang?: string;
}

export interface RtTicket {
  id: string | number;
  Created?: string;
  Priority?: string;
  Status?: string;
  Subject?: string;
  Due?: string;
  LastUpdated?: string;
  Requestor?: RtUser[];
  CustomFields?: Array<{ name?: string; values?: string[] }>;
}

interface RtTransaction {
  id: string | number;
  ObjectId?: string;
  Type?: string;
  Created?: string;
  Creator?: { id?: string };
}

interface RtCollection {
  items: unknown[];
  total?: number | null;
  pages?: number | null;
  per_page?: number;
}

export const REST = '/REST/2.0';
/** What a ticket search asks for (the reader's and the search report's): the fields and the requestor's. */
export const TICKET_FIELDS = {
  fields: 'Created,Priority,Status,Subject,Due,LastUpdated,Requestor,CustomFields',
  'fields[Requestor]': 'EmailAddress,Organization,Lang',
};
/** RT's largest page (REST2 caps `per_page` at 100). */
const PER_PAGE = 100;
/** Requests per search at most: a batch needs one; this only stops a runaway. */
const MAX_ROUNDS = 20;
/** RT's "not set" date (an unset Due, or a Created an import left empty). */
const UNSET = /^1970-01-01/;

/** An RT date, or undefined when RT says it is not set. */
const rtTime = (raw: string | undefined) => (UNSET.test(raw ?? '') ? undefined : apiTime(raw));

/** What the first message says about the language: never changes, so read once per ticket (per page). */
const bodyLanguages = new WeakMap<ApiGet, Map<string, Language | null>>();

/** RT's web path ("" or "/rt"): RT writes it into every page (`RT.Config`), else it is the URL before RT's own pages. */
const CONFIG_WEB_PATH = /"WebPath"\s*:\s*("(?:[^"\\]|\\.)*")/;
const RT_PAGE = /^(.*?)\/(?:index\.html|Search|Ticket|Dashboards|SelfService|Tools|Admin|Prefs|Approvals|Articles|Asset|Helpers|m)(?:\/|$)/;

export function rtWebPath(doc: Document): string {
  for (const script of doc.querySelectorAll('head script:not([src])')) {
    const match = CONFIG_WEB_PATH.exec(script.textContent ?? '');
    if (match?.[1]) return (JSON.parse(match[1]) as string).replace(/\/$/, '');
  }
  const path = doc.location?.pathname ?? '/';
  return RT_PAGE.exec(path)?.[1] ?? path.replace(/\/[^/]*$/, '');
}

/**
 * RT's priority names (%PriorityAsString), which REST2 does not give (only the number): from RT's
 * own priority editors on the page, the ticket's own first (queues may name them differently).
 */
function priorityNames(doc: Document): (ticket: string, value: string) => string | undefined {
  const byTicket = new Map<string, Map<string, string>>();
  const any = new Map<string, string>();
  for (const select of doc.querySelectorAll('select[name="Priority"]')) {
    const form = select.closest('form');
    const ticket = /[?&;]id=(\d+)/.exec(form?.getAttribute('action') ?? '')?.[1] ?? form?.querySelector<HTMLInputElement>('input[name="id"]')?.value;
    const names = new Map<string, string>();
    for (const option of select.querySelectorAll('option')) {
      const name = option.textContent?.trim();
      if (!name) continue;
      names.set(option.value, name);
      if (!any.has(option.value)) any.set(option.value, name);
    }
    if (ticket) byTicket.set(ticket, names);
  }
  return (ticket, value) => byTicket.get(ticket)?.get(value) ?? any.get(value);
}

const isCollection = (answer: unknown): answer is RtCollection =>
  typeof answer === 'object' && answer !== null && Array.isArray((answer as RtCollection).items);

/** One page of a REST2 search; `more` when RT says (or a full page suggests) there is another; `total` when RT may count. */
export async function searchPage<T>(get: ApiGet, path: string, params: Record<string, string>, page = 1) {
  const query = new URLSearchParams({ ...params, per_page: String(PER_PAGE), page: String(page) });
  const answer = await get.json(`${path}?${query}`);
  if (!isCollection(answer)) throw new ApiError({ kind: 'unexpected', message: `RT REST2 ${path.slice(path.lastIndexOf('/'))}: no items in the answer` });
  // RT lists a record the agent may not see as null; without `pages` (not allowed to count all) a full page means more.
  const items = answer.items.filter((item): item is T => typeof item === 'object' && item !== null);
  const more = answer.pages ? page < answer.pages : answer.items.length >= (answer.per_page ?? PER_PAGE);
  return { items, more, total: typeof answer.total === 'number' ? answer.total : undefined };
}

async function searchAll<T>(get: ApiGet, path: string, params: Record<string, string>): Promise<T[]> {
  const all: T[] = [];
  for (let page = 1; page <= MAX_ROUNDS; page++) {
    const { items, more } = await searchPage<T>(get, path, params, page);
    all.push(...items);
    if (!more) break;
  }
  return all;
}

const anyOf = (field: string, ids: readonly string[]) => ids.map((id) => `${field}=${id}`).join(' OR ');

/** A custom field's first value, by name as RT shows it ("Support level", "Request-Type"…). */
function customField(ticket: RtTicket, name: RegExp): string | undefined {
  const field = ticket.CustomFields?.find((cf) => name.test((cf.name ?? '').replace(/[\s_-]+/g, ' ').trim()));
  return field?.values?.find((value) => value.trim())?.trim();
}

/**
 * First agent replies and (for `creates`) the id of the transaction that created the ticket. A
 * Correspond by one of the ticket's requestors is not an agent reply (as on the ticket page).
 * Searched in id order, each round only for the tickets still open after the last id seen, so
 * long histories cost a request per hundred transactions, not the whole history of every ticket.
 */
async function readTransactions(get: ApiGet, base: string, tickets: RtTicket[], creates: Set<string>) {
  const requestors = new Map(tickets.map((t) => [String(t.id), new Set((t.Requestor ?? []).map((user) => user.id))]));
  const replies = new Map<string, string>();
  const created = new Map<string, string>();
  let after = 0;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const open = [...requestors.keys()].filter((id) => !replies.has(id));
    const bodies = [...creates].filter((id) => !created.has(id));
    const parts = [open.length && `(Type='Correspond' AND (${anyOf('ObjectId', open)}))`, bodies.length && `(Type='Create' AND (${anyOf('ObjectId', bodies)}))`];
    const wanted = parts.filter(Boolean).join(' OR ');
    if (!wanted) break;
    const { items, more } = await searchPage<RtTransaction>(get, `${base}/transactions`, {
      query: `ObjectType='RT::Ticket' AND id > ${after} AND (${wanted})`,
      fields: 'ObjectId,Type,Created,Creator',
      orderby: 'id',
      order: 'ASC',
    });
    for (const transaction of items) {
      after = Math.max(after, Number(transaction.id) || 0);
      const ticket = String(transaction.ObjectId);
      if (transaction.Type === 'Create' && creates.has(ticket)) created.set(ticket, String(transaction.id));
      const at = apiTime(transaction.Created);
      if (transaction.Type !== 'Correspond' || !at || replies.has(ticket)) continue;
      if (!requestors.get(ticket)?.has(transaction.Creator?.id)) replies.set(ticket, at);
    }
    if (!more) break;
  }
  return { replies, created };
}

/** The language of each created message's text parts (null: no script tells one). */
async function readBodyLanguages(get: ApiGet, base: string, created: Map<string, string>, known: Map<string, Language | null>) {
  if (!created.size) return;
  const tickets = new Map([...created].map(([ticket, transaction]) => [transaction, ticket]));
  const query = [
    // RT 5.0.3 takes IN with a list here (measured), which keeps a hundred ids well inside a URL.
    { field: 'TransactionId', operator: 'IN', value: [...tickets.keys()].map(Number) },
    { field: 'ContentType', operator: 'LIKE', value: 'text/' },
  ];
  const parts = await searchAll<{ TransactionId?: string; Content?: string }>(get, `${base}/attachments`, {
    query: JSON.stringify(query),
    fields: 'TransactionId,Content',
  });
  const texts = new Map<string, string>();
  for (const part of parts) {
    const ticket = tickets.get(String(part.TransactionId));
    if (ticket) texts.set(ticket, `${texts.get(ticket) ?? ''}\n${part.Content ?? ''}`);
  }
  for (const ticket of created.keys()) known.set(ticket, languageFromScript(texts.get(ticket)) ?? null);
}

function exactTicket(ticket: RtTicket, priorityName: string | undefined, language: Language | undefined, firstReply: string | undefined): ExactTicket {
  const requestor = ticket.Requestor?.[0];
  const priorityRaw = priorityName ?? ticket.Priority;
  const type = customField(ticket, /^request type$/i);
  const due = rtTime(ticket.Due);
  const exact: ExactTicket = {
    fields: answered({
      submitted: rtTime(ticket.Created),
      priorityRaw,
      priority: priorityRaw ? literalPriority(priorityRaw) : undefined,
      requesterEmail: requestor?.EmailAddress ? extractEmail(requestor.EmailAddress) : undefined,
      organisation: customField(ticket, /^organi[sz]ation$/i) ?? requestor?.Organization,
      customer: customField(ticket, /^customer$/i),
      language,
      type: type ? toRequestType(type) : undefined,
      level: customField(ticket, /^support level$/i),
      subject: ticket.Subject,
      firstReply,
    }),
  };
  if (ticket.Status) exact.status = ticket.Status;
  if (due) exact.helpdeskDeadline = { deadline: due, name: 'RT Due' };
  const updated = rtTime(ticket.LastUpdated);
  if (updated) exact.updated = updated;
  return exact;
}

/**
 * Tickets a search found (with TICKET_FIELDS) → their exact data by id: languages, first replies
 * (one transaction search per hundred tickets) and, where nothing else tells the language, the
 * first message's text.
 */
export async function exactTickets(found: readonly RtTicket[], get: ApiGet, context: ReadContext): Promise<Map<string, ExactTicket>> {
  const base = `${rtWebPath(context.doc)}${REST}`;
  const tickets = new Map(found.map((ticket) => [String(ticket.id), ticket]));

  // The ticket's own Language field first (as on its page), then the requestor's RT language, then the script.
  const known = bodyLanguages.get(get) ?? new Map<string, Language | null>();
  bodyLanguages.set(get, known);
  const languages = new Map<string, Language | undefined>();
  const needBody = new Set<string>();
  for (const [id, ticket] of tickets) {
    const language =
      languageFromField(customField(ticket, /^language$/i)) ??
      languageFromField(ticket.Requestor?.[0]?.Lang) ??
      languageFromScript(ticket.Subject) ??
      known.get(id) ??
      undefined;
    languages.set(id, language);
    if (!language && !known.has(id)) needBody.add(id);
  }
  const { replies, created } = await readTransactions(get, base, [...tickets.values()], needBody);
  await readBodyLanguages(get, base, created, known);

  const names = priorityNames(context.doc);
  const result = new Map<string, ExactTicket>();
  for (const [id, ticket] of tickets) {
    const language = languages.get(id) ?? known.get(id) ?? undefined;
    result.set(id, exactTicket(ticket, ticket.Priority && names(id, ticket.Priority), language, replies.get(id)));
  }
  return result;
}

export const rtApiReader: ApiReader = {
  id: 'rt',
  apiName: 'RT REST2',
  batchSize: PER_PAGE,
  documented: true,
  async read(refs, get, context) {
    const base = `${rtWebPath(context.doc)}${REST}`;
    const ids = [...new Set(refs.map((ref) => ref.apiId ?? ref.key).filter((id) => /^\d+$/.test(id)))];
    const found = ids.length ? await searchAll<RtTicket>(get, `${base}/tickets`, { query: anyOf('id', ids), ...TICKET_FIELDS }) : [];
    const exact = await exactTickets(found, get, context);
    const result: ReadResult = new Map();
    for (const ref of refs) result.set(ref.key, exact.get(ref.apiId ?? ref.key) ?? { kind: 'not-found' });
    return result;
  },
};
