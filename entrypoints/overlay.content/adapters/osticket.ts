import { findVisible, readValue, visibleText } from './read-value';
import { fieldCells, fieldColumns } from './table-columns';
import {
  errorText,
  type Fields,
  finishTicket,
  pageProblem,
  type RecipeField,
  setField,
  type TicketDraft,
} from './ticket-fields';
import type { Adapter, ScanContext, ScannedTicket } from './types';
import { isVisible } from './visible';

/**
 * osTicket 1.18 staff panel. Both pages name fields only in labels (`th` text, translated by the
 * agent's language), so this is code: English and German labels are known. Times come from
 * `<time datetime>` (queue and thread); the ticket page's "Create Date" uses the admin's format.
 */

export const OSTICKET_SELECTORS = {
  queue: 'table.list.queue.tickets',
  queueRow: ':scope > tbody > tr',
  ticketInfo: 'table.ticket_info',
  ticketContainer: '#content, #pjax-container',
  title: '.sticky.bar h2',
  threadFirst: '#ticketThread .thread-entry.message',
  threadResponse: '#ticketThread .thread-entry.response time[datetime]',
  threadTime: 'time[datetime]',
  threadTitle: '.header .title',
  threadBody: '.thread-body',
};

/** osTicket's default datetime format ("m/d/y g:i a"); admins can change it (then use a recipe). */
export const OSTICKET_DATE_FORMAT = 'M/d/yy h:mm a';

/** Labels (queue column titles and ticket `th`s), English and German. */
const LABELS: [RegExp, RecipeField][] = [
  [/^(?:ticket|number|ticket #|nummer)$/i, 'id'],
  [/^(?:subject|betreff)$/i, 'subject'],
  [/^(?:priority|priorität)$/i, 'priority'],
  [/^(?:date created|created|create date|erstellt|erstellungsdatum)$/i, 'submitted'],
  [/^(?:email|e-mail)$/i, 'requesterEmail'],
  [/^(?:organi[sz]ation)$/i, 'organisation'],
  [/^(?:customer|kunde)$/i, 'customer'],
  [/^(?:language|sprache)$/i, 'language'],
  [/^(?:support level|supportlevel|service level)$/i, 'level'],
  [/^(?:help topic|hilfethema|thema)$/i, 'type'],
];

function labelField(label: string): RecipeField | undefined {
  const text = label.replace(/:\s*$/u, '').trim();
  return LABELS.find(([pattern]) => pattern.test(text))?.[1];
}

/** A cell's date: its `<time datetime>` when there is one (exact), else the visible text. */
function cellValue(cell: Element, field: RecipeField): string {
  if (field === 'submitted') {
    const time = findVisible(cell, OSTICKET_SELECTORS.threadTime);
    const datetime = time?.getAttribute('datetime');
    if (datetime) return datetime;
  }
  return visibleText(cell);
}

function store(draft: TicketDraft, field: RecipeField, raw: string, context: ScanContext): void {
  if (!raw || draft.fields[field] !== undefined) return;
  const problem = setField(draft.fields, field, raw, { dateFormat: OSTICKET_DATE_FORMAT }, context);
  if (problem) draft.problems.push(`osTicket ${field}: ${problem}`);
}

function scanQueue(root: Document | ShadowRoot | Element, context: ScanContext): ScannedTicket[] {
  return [...root.querySelectorAll(OSTICKET_SELECTORS.queue)].filter((element) => isVisible(element)).flatMap((table) => {
    const columns = fieldColumns(table, (header) => labelField(visibleText(header)));
    return [...table.querySelectorAll(OSTICKET_SELECTORS.queueRow)].filter((row) => isVisible(row, table)).map((row, index) => {
      const draft: TicketDraft = { element: row, anchor: row, fields: {}, problems: [] };
      for (const { field, cell } of fieldCells([row], columns)) {
        if (field === 'id') draft.anchor = cell;
        store(draft, field, cellValue(cell, field), context);
      }
      return finishTicket(draft, index);
    });
  });
}

function scanTicketPage(root: Document | ShadowRoot | Element, context: ScanContext): ScannedTicket[] {
  const first = [...root.querySelectorAll(OSTICKET_SELECTORS.ticketInfo)].find((element) => isVisible(element));
  if (!first) return [];
  const document = first.ownerDocument;
  const element = first.closest(OSTICKET_SELECTORS.ticketContainer) ?? document.body;
  const title = findVisible(element, OSTICKET_SELECTORS.title);
  const fields: Fields = {};
  const draft: TicketDraft = { element, anchor: title ?? element, fields, problems: [] };
  const number = title && /#\s*(\S+)/u.exec(visibleText(title))?.[1];
  if (number) fields.id = number;
  // Thread times are machine-readable: prefer them to the admin-formatted "Create Date".
  const opening = findVisible(element, OSTICKET_SELECTORS.threadFirst);
  if (opening) {
    store(draft, 'submitted', findVisible(opening, OSTICKET_SELECTORS.threadTime)?.getAttribute('datetime') ?? '', context);
    store(draft, 'subject', readValue(opening, OSTICKET_SELECTORS.threadTitle) ?? '', context);
    draft.bodyText = readValue(opening, OSTICKET_SELECTORS.threadBody);
  }
  for (const table of element.querySelectorAll(OSTICKET_SELECTORS.ticketInfo)) {
    for (const header of table.querySelectorAll('th')) {
      const field = labelField(visibleText(header));
      const cell = header.nextElementSibling;
      if (field && cell && isVisible(cell)) store(draft, field, cellValue(cell, field), context);
    }
  }
  const reply = findVisible(element, OSTICKET_SELECTORS.threadResponse)?.getAttribute('datetime');
  if (reply) store(draft, 'firstReply', reply, context);
  return [finishTicket(draft, 0)];
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
      return [...scanTicketPage(root, context), ...scanQueue(root, context)];
    } catch (error) {
      return [pageProblem('adapter-error:osticket', root, `osTicket adapter: ${errorText(error)}`)];
    }
  },
};
