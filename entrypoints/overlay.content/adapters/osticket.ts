import { agentFrom, cleanText } from './field-values';
import { findVisible, readValue, visibleText } from './read-value';
import { fieldCells, fieldColumns } from './table-columns';
import {
  errorText,
  finishTicket,
  pageProblem,
  type RecipeField,
  setField,
  type TicketDraft,
} from './ticket-fields';
import type { Adapter, ScanContext, ScannedTicket } from './types';
import { isVisible } from './visible';

/**
 * osTicket 1.18 staff panel (markup from a real 1.18.1: test/fixtures/osticket-1.18.1). Queue cells
 * carry no classes and column titles come from the admin's queue settings, so columns are mapped by
 * osTicket's own column ids (`th[data-id]`), labels only for columns an admin added. The ticket page's
 * labels are translated by the agent's language: values are found by ids and structure instead.
 * Times come from the thread's `<time datetime>` where there is one, else the agent's date format.
 */

export const OSTICKET_SELECTORS = {
  queue: 'table.list.queue.tickets',
  queueRow: ':scope > tbody > tr',
  /** osTicket's internal ticket id, which its URLs and ajax calls take (the number is for people). */
  queueTicketId: 'input[name="tids[]"]',
  /** The subject link, without the overdue icon and the reply count (`small.faded-more`) beside it. */
  queueSubject: '.truncate, a[href]',
  ticketInfo: 'table.ticket_info',
  ticketContainer: '#content, #pjax-container',
  title: '.sticky.bar h2',
  titleLink: 'a[href*="id="]',
  /** The ticket's subject; the thread's `span.title` (first message's title) when it is missing. */
  subject: '.tixTitle h3, #ticketThread .thread-entry.message .header span.title',
  email: '[id^="user-"][id$="-email"]',
  organisation: 'i.icon-building',
  dueDate: '#field_duedate',
  threadFirst: '#ticketThread .thread-entry.message',
  threadResponse: '#ticketThread .thread-entry.response time[datetime]',
  threadTime: 'time[datetime]',
  threadBody: '.thread-body',
  /** The header's "Welcome, <strong>First name</strong>." beside the staff panel's log-out link. */
  staffInfo: '#header #info',
  staffFirstName: ':scope > strong',
  staffLogout: 'a[href*="logout.php"]',
};

/**
 * osTicket's default datetime format is the agent's locale's short format: "M/d/yy h:mm a" in
 * English (with U+202F before AM/PM, which cleanText makes a space), "dd.MM.yy HH:mm" in German.
 * Admins can set their own format: use a recipe then.
 */
export function osticketDateFormat(text: string): string {
  return /^\d{1,2}\.\d{1,2}\.\d{2}\b/u.test(cleanText(text)) ? 'dd.MM.yy HH:mm' : 'M/d/yy h:mm a';
}

/** osTicket's built-in queue columns (include/i18n/en_US/queue_column.yaml); others are an admin's. */
const COLUMN_IDS: Record<string, RecipeField> = { 1: 'id', 2: 'submitted', 3: 'subject', 5: 'priority', 8: 'owner' };

/** Titles of columns an admin adds (kept as typed, in the admin's language). */
const LABELS: [RegExp, RecipeField][] = [
  [/^(?:date created|created|erstellt|erstellungsdatum)$/i, 'submitted'],
  [/^(?:e-?mail|e-mail-adresse)$/i, 'requesterEmail'],
  [/^(?:organi[sz]ation|kundengruppe)$/i, 'organisation'],
  [/^(?:language|sprache)$/i, 'language'],
  [/^(?:support level|supportlevel|service level)$/i, 'level'],
  [/^(?:help topic|hilfethema)$/i, 'type'],
];

function columnField(header: Element): RecipeField | undefined {
  const id = header.getAttribute('data-id');
  if (id && COLUMN_IDS[id]) return COLUMN_IDS[id];
  const text = visibleText(header).replace(/:\s*$/u, '');
  return LABELS.find(([pattern]) => pattern.test(text))?.[1];
}

function store(draft: TicketDraft, field: RecipeField, raw: string, context: ScanContext): void {
  // An empty "Assigned To" cell is an unassigned ticket: the owner is known to be nobody.
  if (field === 'owner' && draft.fields.owner === undefined) draft.fields.owner = raw;
  if (!raw || draft.fields[field] !== undefined) return;
  const problem = setField(draft.fields, field, raw, { dateFormat: osticketDateFormat(raw) }, context);
  if (problem) draft.problems.push(`osTicket ${field}: ${problem}`);
}

function cellValue(cell: Element, field: RecipeField): string {
  if (field === 'subject') return readValue(cell, OSTICKET_SELECTORS.queueSubject) ?? visibleText(cell);
  if (field === 'submitted') return findVisible(cell, OSTICKET_SELECTORS.threadTime)?.getAttribute('datetime') ?? visibleText(cell);
  return visibleText(cell);
}

/** osTicket's "Last Updated" column: it keys the API reader's cache (an unchanged ticket is not fetched again). */
const LAST_UPDATED = '10';

/** The index of the Last Updated column among the header cells, or -1. */
function lastUpdatedColumn(table: Element): number {
  const headers = [...table.querySelectorAll(':scope > thead > tr > th')];
  return headers.findIndex((header) => header.getAttribute('data-id') === LAST_UPDATED);
}

function withApiData(ticket: ScannedTicket, apiId: string | null | undefined, updated: string | undefined): ScannedTicket {
  if (apiId) ticket.apiId = apiId;
  if (updated) ticket.updated = updated;
  return ticket;
}

function scanQueue(root: Document | ShadowRoot | Element, context: ScanContext): ScannedTicket[] {
  return [...root.querySelectorAll(OSTICKET_SELECTORS.queue)].filter((element) => isVisible(element)).flatMap((table) => {
    const columns = fieldColumns(table, columnField);
    const updatedAt = lastUpdatedColumn(table);
    return [...table.querySelectorAll(OSTICKET_SELECTORS.queueRow)].filter((row) => isVisible(row, table)).map((row, index) => {
      const draft: TicketDraft = { element: row, anchor: row, fields: {}, problems: [] };
      for (const { field, cell } of fieldCells([row], columns)) {
        if (field === 'id') draft.anchor = cell;
        store(draft, field, cellValue(cell, field), context);
      }
      const apiId = row.querySelector(OSTICKET_SELECTORS.queueTicketId)?.getAttribute('value');
      const updated = updatedAt >= 0 ? row.children[updatedAt]?.textContent?.trim() : undefined;
      return withApiData(finishTicket(draft, index), apiId, updated);
    });
  });
}

/** The text right after `element` up to the next element: the organisation follows its icon. */
function textAfter(element: Element): string {
  let text = '';
  for (let node = element.nextSibling; node && node.nodeType === 3; node = node.nextSibling) text += node.nodeValue;
  return cleanText(text);
}

/**
 * A ticket page, as rendered in the tab or as the server sends it (the API reader parses
 * `tickets.php?id=…` inertly and reads it here too). Key: the number the page shows, as on lists.
 */
export function scanTicketPage(root: Document | ShadowRoot | Element, context: ScanContext): ScannedTicket | undefined {
  const first = [...root.querySelectorAll(OSTICKET_SELECTORS.ticketInfo)].find((element) => isVisible(element));
  if (!first) return undefined;
  const element = first.closest(OSTICKET_SELECTORS.ticketContainer) ?? first.ownerDocument.body;
  const title = findVisible(element, OSTICKET_SELECTORS.title);
  const draft: TicketDraft = { element, anchor: title ?? element, fields: {}, problems: [] };
  const number = title && /#\s*(\S+)/u.exec(visibleText(title))?.[1];
  if (number) draft.fields.id = number;
  store(draft, 'subject', readValue(element, OSTICKET_SELECTORS.subject) ?? '', context);
  // Thread times are machine-readable, to the second: prefer them to "Create Date" (to the minute).
  const opening = findVisible(element, OSTICKET_SELECTORS.threadFirst);
  if (opening) {
    store(draft, 'submitted', findVisible(opening, OSTICKET_SELECTORS.threadTime)?.getAttribute('datetime') ?? '', context);
    draft.bodyText = readValue(opening, OSTICKET_SELECTORS.threadBody);
  }
  const info = [...element.querySelectorAll(OSTICKET_SELECTORS.ticketInfo)].filter((table) => isVisible(table, element));
  // Status, Priority, Department, Create Date: osTicket's fixed order of the first info table (labels are translated).
  const firstRows = info[0]?.querySelectorAll('th + td') ?? [];
  if (firstRows[1]) store(draft, 'priority', visibleText(firstRows[1]), context);
  if (firstRows[3]) store(draft, 'submitted', visibleText(firstRows[3]), context);
  const email = readValue(element, OSTICKET_SELECTORS.email);
  if (email) store(draft, 'requesterEmail', email, context);
  const building = findVisible(element, OSTICKET_SELECTORS.organisation);
  if (building) store(draft, 'organisation', textAfter(building), context);
  const reply = findVisible(element, OSTICKET_SELECTORS.threadResponse)?.getAttribute('datetime');
  if (reply) store(draft, 'firstReply', reply, context);
  const apiId = title && new URL(findVisible(title, OSTICKET_SELECTORS.titleLink)?.getAttribute('href') ?? '', 'http://x/scp/').searchParams.get('id');
  return withApiData(finishTicket(draft, 0), apiId, undefined);
}

export const osticketAdapter: Adapter = {
  id: 'osticket',
  name: 'osTicket',
  // osTicket is self-hosted, so this is a template: the staff panel's path with `*` where the team's
  // host goes. Kept (it also names osTicket's pages on already-registered hosts), but the options page
  // refuses to request it as-is and the background never registers it (namesNoHost): Chrome ignores a
  // host permission's path, so it would mean every https site.
  matches: ['https://*/scp/*'],
  scan(root, context) {
    try {
      const page = scanTicketPage(root, context);
      return [...(page ? [page] : []), ...scanQueue(root, context)];
    } catch (error) {
      return [pageProblem('adapter-error:osticket', root, `osTicket adapter: ${errorText(error)}`)];
    }
  },
  // Only the first name (Staff::getFirstName()); "Assigned To" shows the full name.
  currentAgent(doc) {
    const info = doc.querySelector(OSTICKET_SELECTORS.staffInfo);
    if (!info?.querySelector(OSTICKET_SELECTORS.staffLogout)) return undefined;
    return agentFrom(info.querySelector(OSTICKET_SELECTORS.staffFirstName), 'first-name');
  },
};
