import type { PageAgent } from '../../../core/alerts/owner';
import type { Recipe } from '../../../core/settings/schema';
import { agentFrom, cleanText, extractEmail } from './field-values';
import { recipeAdapter } from './recipe';
import { readValue, visibleText } from './read-value';
import { RT_COMMENT_DESCRIPTION } from './rt-comment-words';
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
import { isHiddenOwn, isVisible } from './visible';

/**
 * Request Tracker 5. Ticket page (Ticket/Display.html) is a recipe; the search results list needs
 * code because RT names columns only in the header. RT writes dates in the agent's zone without an
 * offset ("Sun Nov 15 02:30:00 2026", `$DateTimeFormat` DefaultFormat) and hides an edit form with
 * duplicate values next to editable values (skipped by the visibility rules).
 */

/** All RT selectors in one place. Custom field classes are `custom-field-<Name-With-Dashes>`. */
export const RT_SELECTORS = {
  ticketPage: 'body#comp-Ticket-Display',
  listTable: 'table.ticket-list',
  /** The ticket page's "more about the requestor" box lists their other tickets with few columns. */
  listElsewhere: '.more-about-requestor-tickets',
  listRow: 'tbody.list-item[data-record-id]',
  /** Inline-edit list cells: a hidden `form.editor` and the value shown in `div.value`. */
  editableCell: 'td.editable',
  editableValue: 'div.value',
  header: '#header h1',
  message: '.history-container .transaction.message',
  messageDate: '.metadata .date',
  messageCreator: '.metadata .description .user',
  messageDescription: '.metadata .description',
  messageBody: '.messagebody, .message-stanza',
  /** The menu's "Logged in as <login>" (RT's MenuBuilder; the self-service menu has it too), linking to the user's id. */
  currentUser: '#preferences .current-user',
  currentUserLink: 'a#preferences[href*="/User/Summary.html?id="]',
};

/** RT's rendering of a user (Elements/ShowUser): the span names the user's id, the link (for privileged viewers) too. */
const userById = (id: string) => `.user[data-user-id="${id}"], a[href$="/User/Summary.html?id=${id}"]`;
/** Renderings kept at most, and elements looked at (a long list repeats the same owner). */
const MAX_ALSO = 4;
const MAX_LOOKED_AT = 50;

/**
 * The logged-in agent: the menu's login, which the owner column shows too in RT's default user-name
 * format ("root", "root (Enoch Root)"), and how the page shows the same user elsewhere (by the user
 * id the menu links to), which covers the formats that show the real name only ("Enoch Root").
 */
function currentAgent(doc: Document): PageAgent | undefined {
  const agent = agentFrom(doc.querySelector(RT_SELECTORS.currentUser), 'login');
  const id = /[?&]id=(\d+)/.exec(doc.querySelector(RT_SELECTORS.currentUserLink)?.getAttribute('href') ?? '')?.[1];
  if (!agent || !id) return agent;
  const also = new Set<string>();
  const renderings = [...doc.querySelectorAll(userById(id))].slice(0, MAX_LOOKED_AT);
  for (const element of renderings) {
    if (element.closest('#li-preferences')) continue;
    const text = cleanText(element.textContent);
    if (text && text !== agent.name) also.add(text);
    if (also.size >= MAX_ALSO) break;
  }
  return also.size > 0 ? { ...agent, also: [...also] } : agent;
}

export const RT_DATE_FORMAT = 'EEE MMM d HH:mm:ss yyyy';

/** List dates: CreatedRelative ("3 weeks ago") is RT's default list column, read and flagged approximate. */
const LIST_DATES = { dateFormat: RT_DATE_FORMAT, relative: true };

export const rtRecipe: Recipe = {
  id: 'rt',
  name: 'Request Tracker 5 (ticket page)',
  matches: ['http://127.0.0.1/*', 'http://localhost/*'],
  ticket: RT_SELECTORS.ticketPage,
  anchor: RT_SELECTORS.header,
  fields: {
    id: { selector: '.ticket-info-basics .id .value, #header h1', regex: '#?(\\d+)' },
    subject: { selector: '#header h1', regex: '^#\\d+:\\s*(.+)$' },
    // "High/Low" (priority / final priority) or "50/50" without %PriorityAsString: the first part.
    priority: { selector: '.ticket-info-basics .priority .value', regex: '^([^/]+?)\\s*(?:/|$)' },
    requesterEmail: { selector: '.ticket-info-people .requestors .value .user' },
    customer: { selector: '.custom-field-Customer .value' },
    organisation: {
      selector:
        '.more-about-requestor-extra-field.Organization .current-value, .custom-field-Organization .value, .custom-field-Organisation .value',
    },
    submitted: { selector: '.ticket-info-dates .date.created .value', dateFormat: RT_DATE_FORMAT },
    language: { selector: '.custom-field-Language .value' },
    level: { selector: '.custom-field-Support-level .value, .custom-field-Support-Level .value' },
    type: { selector: '.custom-field-Request-type .value, .custom-field-Request-Type .value' },
    owner: { selector: '.ticket-info-people .owner .value .user' },
  },
};

/**
 * First agent reply on the ticket page: the first message after the one that created the ticket,
 * not written by the requestor and not an internal comment. RT marks Comment and Correspond alike
 * ("transaction Ticket-transaction message"): only the description, in the agent's UI language,
 * tells them apart.
 */
function readHistory(draft: TicketDraft, context: ScanContext): void {
  const messages = [...draft.element.querySelectorAll(RT_SELECTORS.message)].filter((element) => isVisible(element));
  const [created, ...later] = messages;
  if (created) draft.bodyText = readValue(created, RT_SELECTORS.messageBody);
  const requestor = draft.fields.requesterEmail;
  const reply = later.find((message) => {
    const creator = readValue(message, RT_SELECTORS.messageCreator) ?? '';
    const description = readValue(message, RT_SELECTORS.messageDescription) ?? '';
    return !RT_COMMENT_DESCRIPTION.test(description) && !(requestor && extractEmail(creator) === requestor);
  });
  const date = reply && readValue(reply, RT_SELECTORS.messageDate);
  if (!date) return;
  const problem = setField(draft.fields, 'firstReply', date, { dateFormat: RT_DATE_FORMAT }, context);
  if (problem) draft.problems.push(`first reply: ${problem}`);
}

const ticketPage = recipeAdapter(rtRecipe, { id: 'rt', enrich: readHistory });

/**
 * Search results columns, recognised by the header's sort link (`OrderBy=…`, not translated) or its
 * English title. Custom field columns are titled with the field's name.
 */
const LIST_COLUMNS: [RegExp, RecipeField][] = [
  [/^(?:id|#)$/i, 'id'],
  [/^subject$/i, 'subject'],
  [/^priority$/i, 'priority'],
  [/^created(?:relative)?$/i, 'submitted'],
  [/^requestors?(?:\.\w+)?$/i, 'requesterEmail'],
  [/^(?:(?:customfield|cf)\.\{)?customer\}?$/i, 'customer'],
  [/^(?:(?:customfield|cf)\.\{)?organi[sz]ation\}?$/i, 'organisation'],
  [/^(?:(?:customfield|cf)\.\{)?language\}?$/i, 'language'],
  [/^(?:(?:customfield|cf)\.\{)?support[ -]level\}?$/i, 'level'],
  [/^(?:(?:customfield|cf)\.\{)?request[ -]type\}?$/i, 'type'],
  [/^owner(?:\.name)?$/i, 'owner'],
];

function columnField(header: Element): RecipeField | undefined {
  const href = header.querySelector('a[href]')?.getAttribute('href') ?? '';
  const query = href.includes('?') ? new URLSearchParams(href.slice(href.indexOf('?') + 1)) : undefined;
  const labels = [query?.get('OrderBy'), visibleText(header)].filter((label): label is string => !!label);
  return LIST_COLUMNS.find(([pattern]) => labels.some((label) => pattern.test(label)))?.[1];
}

/**
 * A list cell's text. RT's inline-edit cells are read from their value div (unless markup hides it):
 * the generic hidden-part check would find the edit form in every such cell of a long list first.
 */
function listCellText(cell: Element): string {
  if (cell.matches(RT_SELECTORS.editableCell)) {
    for (let child = cell.lastElementChild; child; child = child.previousElementSibling) {
      if (child.matches(RT_SELECTORS.editableValue)) {
        if (!isHiddenOwn(child)) return visibleText(child);
        break;
      }
    }
  }
  return visibleText(cell);
}

function firstCell(line: Element | undefined): Element | undefined {
  for (let cell = line?.firstElementChild; cell; cell = cell.nextElementSibling) if (cell.tagName === 'TD') return cell;
  return undefined;
}

function scanList(root: Document | ShadowRoot | Element, context: ScanContext): ScannedTicket[] {
  const tables = [...root.querySelectorAll(RT_SELECTORS.listTable)];
  const closest = root.nodeType === 1 ? (root as Element).closest(RT_SELECTORS.listTable) : null;
  if (closest) tables.push(closest);
  const shown = tables.filter((table) => isVisible(table) && !table.closest(RT_SELECTORS.listElsewhere));
  return shown.flatMap((table) => {
    const columns = fieldColumns(table, columnField);
    const rows = [...table.querySelectorAll(RT_SELECTORS.listRow)].filter(
      (row) => isVisible(row, table) && (root.nodeType !== 1 || (root as Element).contains(row) || row.contains(root as Element)),
    );
    return rows.map((row, index) => {
      const lines: Element[] = [];
      for (let line = row.firstElementChild; line; line = line.nextElementSibling) if (line.tagName === 'TR') lines.push(line);
      const fields: Fields = {};
      const id = row.getAttribute('data-record-id');
      if (id !== null) fields.id = id;
      const problems: string[] = [];
      let anchor: Element | undefined;
      const cells = fieldCells(lines, columns);
      for (let i = 0; i < cells.length; i++) {
        const { field, cell } = cells[i] as (typeof cells)[number];
        if (field === 'id') {
          anchor = cell;
          continue;
        }
        const text = listCellText(cell);
        if (!text) continue;
        const problem = setField(fields, field, text, LIST_DATES, context);
        if (problem) problems.push(`RT list column ${field}: ${problem}`);
      }
      anchor ??= firstCell(lines[0]) ?? row;
      return finishTicket({ element: row, anchor, fields, problems }, index);
    });
  });
}

export const rtAdapter: Adapter = {
  id: 'rt',
  name: 'Request Tracker 5',
  matches: rtRecipe.matches,
  scan(root, context) {
    try {
      return [...ticketPage.scan(root, context), ...scanList(root, context)];
    } catch (error) {
      return [pageProblem('adapter-error:rt', root, `RT adapter: ${errorText(error)}`)];
    }
  },
  currentAgent,
};
