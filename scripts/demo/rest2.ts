import { type DemoRow, firstMessage, rtStatus, STAFF, transactionId } from './rt-markup';
import { RT_PRIORITY_VALUES, requestorAddress } from './tickets';

/**
 * The three REST2 searches SLA Lens's RT reader makes (entrypoints/overlay.content/api/rt.ts),
 * answered from the demo's tickets in the shapes RT 5.0.3 gives (test/fixtures/rt-api/real/), so the
 * badges get the same values from the API as from the pages, and the popover says where they came
 * from. Only what the reader sends is parsed: the ids in its TicketSQL/TransactionSQL and the
 * transaction ids of its attachment search. Items carry the fields the reader asks for; any other
 * path is a 404, as RT answers one.
 */

/** What REST2 tells of a ticket: a demo row without what only the demo's index shows. */
export type Rest2Row = Pick<DemoRow, 'id' | 'subject' | 'requestor' | 'priority' | 'created' | 'replied' | 'createdUnset'>;

export interface Rest2Answer {
  status: number;
  body: unknown;
}

const REST = '/REST/2.0/';
/** RT's unset date, as REST2 writes it (a ticket without Due). */
const UNSET = '1970-01-01T00:00:00Z';

/** RT::Date's W3CDTF in UTC: seconds, no fraction, as the pages show the time to the second. */
const w3c = (date: Date | undefined) => (date ? date.toISOString().replace(/\.\d+Z$/, 'Z') : UNSET);

const numbers = (text: string, pattern: RegExp) => [...text.matchAll(pattern)].map((match) => Number(match[1]));

/** One page of a collection, with RT's paging keys. */
function collection(items: unknown[], params: URLSearchParams): Rest2Answer {
  const perPage = Math.min(100, Number(params.get('per_page')) || 20);
  const page = Math.max(1, Number(params.get('page')) || 1);
  const pages = Math.max(1, Math.ceil(items.length / perPage));
  const shown = items.slice((page - 1) * perPage, page * perPage);
  return { status: 200, body: { count: shown.length, page, pages, per_page: perPage, total: items.length, items: shown } };
}

/** RT creates a user from mail with the address as its name; REST2 expands it as asked (`fields[Requestor]`). */
function user(origin: string, address: string) {
  return { type: 'user', id: address, _url: `${origin}${REST}user/${address}`, EmailAddress: address, Organization: '', Lang: '' };
}

function ticket(origin: string, row: Rest2Row) {
  return {
    type: 'ticket',
    id: String(row.id),
    _url: `${origin}${REST}ticket/${row.id}`,
    // RT would write an unset Created as 1970-01-01, which the reader takes for a date (it knows
    // that only of Due): left out, so the ticket stays unreadable as its page shows it.
    ...(row.createdUnset ? {} : { Created: w3c(row.created) }),
    Priority: String(RT_PRIORITY_VALUES[row.priority]),
    Status: rtStatus(row),
    Subject: row.subject,
    Due: UNSET,
    LastUpdated: row.createdUnset ? UNSET : w3c(row.replied ?? row.created),
    Requestor: [user(origin, requestorAddress(row.requestor))],
    // The demo's queue has no custom fields: the contracts are found by the requestor's domain.
    CustomFields: [],
  };
}

/** A ticket's Create and (when answered) first Correspond, as on its page's history. */
function transactions(origin: string, row: Rest2Row) {
  const made = (which: 'create' | 'reply', Type: string, Created: string, creator: string) => {
    const id = transactionId(row, which);
    return {
      type: 'transaction',
      id: String(id),
      _url: `${origin}${REST}transaction/${id}`,
      ObjectId: String(row.id),
      Type,
      Created,
      Creator: { type: 'user', id: creator, _url: `${origin}${REST}user/${creator}` },
    };
  };
  const create = made('create', 'Create', w3c(row.created), requestorAddress(row.requestor));
  return row.replied ? [create, made('reply', 'Correspond', w3c(row.replied), STAFF.name)] : [create];
}

/** `ObjectType='RT::Ticket' AND id > N AND ((Type='Correspond' AND (ObjectId=1 OR …)) OR (Type='Create' AND (…)))`. */
function transactionSearch(origin: string, rows: Rest2Row[], query: string) {
  const after = Number(/\bid > (\d+)/.exec(query)?.[1] ?? 0);
  const wanted = (type: string) => new Set(numbers(new RegExp(`Type='${type}' AND \\(([^)]*)\\)`).exec(query)?.[1] ?? '', /ObjectId=(\d+)/g));
  const byType: Record<string, Set<number>> = { Create: wanted('Create'), Correspond: wanted('Correspond') };
  return rows
    .flatMap((row) => transactions(origin, row))
    .filter((t) => Number(t.id) > after && byType[t.Type]?.has(Number(t.ObjectId)))
    .sort((a, b) => Number(a.id) - Number(b.id));
}

/** `[{"field":"TransactionId","operator":"IN","value":[…]}, {"field":"ContentType",…}]`: the first messages' text. */
function attachmentSearch(origin: string, rows: Rest2Row[], query: string) {
  let clauses: unknown;
  try {
    clauses = JSON.parse(query);
  } catch {
    // Not the reader's query: nothing matches.
  }
  const clause = Array.isArray(clauses) ? (clauses as Array<{ field?: string; value?: unknown }>).find((c) => c.field === 'TransactionId') : undefined;
  const ids = new Set(Array.isArray(clause?.value) ? clause.value.map(Number) : []);
  return rows
    .filter((row) => ids.has(transactionId(row, 'create')))
    .map((row) => {
      // One text part per message: its id is free to be the transaction's.
      const id = transactionId(row, 'create');
      return { type: 'attachment', id: String(id), _url: `${origin}${REST}attachment/${id}`, TransactionId: String(id), Content: firstMessage(row) };
    });
}

/** The answer to a GET of `url` (path and query) on the demo server at `origin`; undefined: not REST2's. */
export function rest2Answer(rows: Rest2Row[], origin: string, url: URL): Rest2Answer | undefined {
  const query = url.searchParams.get('query') ?? '';
  switch (url.pathname) {
    case `${REST}tickets`: {
      const ids = new Set(numbers(query, /\bid\s*=\s*(\d+)/g));
      return collection(rows.filter((row) => ids.has(row.id)).map((row) => ticket(origin, row)), url.searchParams);
    }
    case `${REST}transactions`:
      return collection(transactionSearch(origin, rows, query), url.searchParams);
    case `${REST}attachments`:
      return collection(attachmentSearch(origin, rows, query), url.searchParams);
    default:
      return undefined;
  }
}
