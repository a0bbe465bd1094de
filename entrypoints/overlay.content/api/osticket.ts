import { cleanText } from '../adapters/field-values';
import { osticketDateFormat, scanTicketPage } from '../adapters/osticket';
import { parsePageDate } from '../adapters/parse-date';
import { finishTicket, setField, type TicketDraft } from '../adapters/ticket-fields';
import type { ScanContext, ScannedTicket } from '../adapters/types';
import { eachLimited, ticketFailure } from './reader-kit';
import { ApiError, type ApiFailure, type ApiGet, type ApiReader, type ExactTicket, type ReadContext, type ReadResult, type TicketRef } from './types';

/**
 * osTicket has no read API (its REST API only creates tickets), so this reads the staff panel's own
 * pages with the agent's session, parsed as inert documents, never inserted into the page:
 *
 * - the ticket page `/scp/tickets.php?id=<id>` first: one request has everything, exact (thread
 *   `<time datetime>` to the second: created and the first `.thread-entry.response`; e-mail,
 *   organisation, priority, status, due date);
 * - the ajax preview `/scp/ajax.php/tickets/<id>/preview` instead where the ticket page cannot serve:
 *   a tenth of the bytes but created and replies only to the minute, no organisation, no priority.
 *
 * Measured on a real 1.18.1: ticket page ≈ 50 KB, preview ≈ 4 KB. Preview and page together would be
 * two requests for what the page alone gives. One case turns this round: with "Lock Semantics: on
 * view" (not osTicket's default, "on activity") every ticket page GET locks the ticket for the
 * agent (include/staff/ticket-view.inc.php). The page then names our lock (`data-lock-id`), and from
 * then on this origin is read through previews only, which never lock. The first read of a page's
 * life asks for one ticket page alone, so that costs one lock at most (it expires after the
 * helpdesk's lock time).
 */

/** osTicket has no batch endpoint: a "batch" is this many tickets, one GET each, at most PARALLEL at once. */
const BATCH = 20;
const PARALLEL = 4;

/** Per osTicket install (path prefix): whether its ticket pages lock on view (unknown until one answered). */
const locksOnView = new Map<string, boolean>();

/** Where osTicket lives on this origin: everything before `/scp/` ("" or "/support"). */
export function osticketBase(pageUrl: string): string {
  const path = new URL(pageUrl).pathname;
  const at = path.indexOf('/scp/');
  return at < 0 ? '' : path.slice(0, at);
}

const parse = (text: string): Document => new DOMParser().parseFromString(text, 'text/html');

/** A signed-out agent gets osTicket's login page (include/staff/login.tpl.php) with status 200. */
const signedOut = (doc: Document): boolean => doc.querySelector('#loginBox, form[action$="login.php"] input[name="passwd"]') !== null;

function exactOf(ticket: ScannedTicket, status: string | undefined, due: string | undefined): ExactTicket {
  const { id: _id, submittedApproximate: _approximate, ...fields } = ticket.fields;
  const exact: ExactTicket = { fields };
  if (status) exact.status = status;
  if (due) exact.helpdeskDeadline = { deadline: due, name: 'osTicket due date' };
  return exact;
}

function dueDate(text: string | undefined, context: ScanContext): string | undefined {
  const value = cleanText(text);
  if (!/\d/u.test(value)) return undefined;
  const parsed = parsePageDate(value, { timeZone: context.timeZone, now: context.now, dateFormat: osticketDateFormat(value) });
  return 'iso' in parsed ? parsed.iso : undefined;
}

function fromTicketPage(doc: Document, context: ScanContext): ExactTicket | undefined {
  const ticket = scanTicketPage(doc, context);
  if (!ticket?.fields.id) return undefined;
  const status = doc.querySelector('table.ticket_info th + td')?.textContent;
  return exactOf(ticket, cleanText(status) || undefined, dueDate(doc.querySelector('#field_duedate')?.textContent ?? undefined, context));
}

/**
 * The preview (include/staff/templates/ticket-preview.tmpl.php). Its labels are translated, so rows
 * are read by the template's order: state, created, then the due date — or, for a closed ticket, the
 * close date with its "by <agent>" in a `span.faded`. The thread preview lists entries newest first.
 */
function fromPreview(doc: Document, context: ScanContext): ExactTicket | undefined {
  const number = /#\s*(\S+?):/u.exec(cleanText(doc.querySelector('h2')?.textContent))?.[1];
  const rows = doc.querySelectorAll('#preview table.ticket_info:first-of-type tr > td');
  if (!number || !rows[1]) return undefined;
  const draft: TicketDraft = { element: doc.documentElement, anchor: doc.documentElement, fields: { id: number }, problems: [] };
  const set = (field: 'subject' | 'submitted' | 'requesterEmail' | 'firstReply', raw: string | null | undefined): void => {
    const value = cleanText(raw);
    if (value) setField(draft.fields, field, value, { dateFormat: osticketDateFormat(value) }, context);
  };
  const title = cleanText(doc.querySelector('h2')?.textContent);
  set('subject', title.slice(title.indexOf(':') + 1));
  set('submitted', rows[1].textContent);
  set('requesterEmail', doc.querySelector('#preview a[href*="users.php"] ~ span.faded')?.textContent);
  const entries = [...doc.querySelectorAll('#threadPreview .thread-preview-entry')];
  const time = (entry: Element | undefined) => entry?.querySelector('.thread-name > span:last-of-type')?.textContent;
  set('firstReply', time(entries.filter((entry) => entry.classList.contains('response')).at(-1)));
  draft.bodyText = cleanText(entries.filter((entry) => entry.classList.contains('message')).at(-1)?.querySelector('.thread-teaser')?.textContent);
  const status = cleanText(rows[0]?.querySelector('span')?.textContent) || undefined;
  const due = rows[2] && !rows[2].querySelector('span.faded') ? dueDate(rows[2].textContent ?? undefined, context) : undefined;
  return exactOf(finishTicket(draft, 0), status, due);
}

/** A GET whose answer is a document; the login page means the session is gone (the whole batch stops). */
async function getDocument(get: ApiGet, path: string): Promise<Document> {
  const doc = parse(await get.text(path));
  if (signedOut(doc)) throw new ApiError({ kind: 'signed-out', status: 200 });
  return doc;
}

async function readOne(id: string, base: string, get: ApiGet, context: ScanContext): Promise<ExactTicket | ApiFailure> {
  try {
    if (locksOnView.get(base) !== true) {
      try {
        const page = await getDocument(get, `${base}/scp/tickets.php?id=${encodeURIComponent(id)}`);
        locksOnView.set(base, Boolean(page.querySelector('form[data-lock-id]:not([data-lock-id=""])')));
        const exact = fromTicketPage(page, context);
        if (exact) return exact;
      } catch (error) {
        // A page that is not there may still have a preview (the ajax endpoint is routed separately).
        if (!(error instanceof ApiError) || error.failure.kind !== 'not-found') throw error;
      }
    }
    const preview = fromPreview(await getDocument(get, `${base}/scp/ajax.php/tickets/${encodeURIComponent(id)}/preview`), context);
    return preview ?? { kind: 'unexpected', message: `osTicket answered no ticket for id ${id}` };
  } catch (error) {
    return ticketFailure(error);
  }
}

export const osticketApiReader: ApiReader = {
  id: 'osticket',
  apiName: 'osTicket staff pages',
  batchSize: BATCH,
  // The staff panel's own pages, read as the agent's browser reads them: no API exists to prefer.
  documented: true,
  async read(tickets, get, context: ReadContext): Promise<ReadResult> {
    const base = osticketBase(context.doc.URL);
    const scan: ScanContext = { timeZone: context.timeZone, now: context.now };
    const result: ReadResult = new Map();
    const readInto = async ({ key, apiId }: TicketRef): Promise<void> => {
      result.set(key, apiId ? await readOne(apiId, base, get, scan) : { kind: 'unexpected', message: 'no osTicket id (tids[]) for this ticket' });
    };
    // Until one ticket page answered, ask for one alone: it tells whether ticket pages lock on view.
    const probe = locksOnView.has(base) ? 0 : 1;
    await eachLimited(tickets.slice(0, probe), 1, readInto);
    await eachLimited(tickets.slice(probe), PARALLEL, readInto);
    return result;
  },
};
