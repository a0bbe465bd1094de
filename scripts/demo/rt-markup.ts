import { DateTime } from 'luxon';
import { Html, html } from './html';
import type { Placed } from './predict';
import { RT_PRIORITY_VALUES, type RtPriority, requestorName } from './tickets';

/**
 * Request Tracker 5 markup for the demo helpdesk, reduced to what an agent sees and what RT's
 * templates produce around it (Ticket/Display.html, Search/Results.html, history), so the built-in
 * RT adapter reads these pages exactly as it reads a real RT. Dates use RT's DefaultFormat in UTC
 * (the demo site's zone), and each editable value is followed by RT's hidden duplicate edit form.
 * History is inline, as RT renders it with `$ShowHistory = 'always'` (the default loads it later).
 */

export interface DemoRow extends Placed {
  id: number;
  shows: string;
}

/** The agent who replies: RT user name, and how RT shows the user. */
export const STAFF = { name: 'ada', display: 'Ada Support <ada@support.example>' };

/** A replied ticket is open, as RT sets it on the first reply. */
export const rtStatus = (row: Pick<DemoRow, 'replied'>) => (row.replied ? 'open' : 'new');

/** The ids of the ticket's Create and first Correspond transactions (history anchors and REST2 alike). */
export const transactionId = (row: Pick<DemoRow, 'id'>, which: 'create' | 'reply') => row.id * 10 + (which === 'reply' ? 1 : 0);

/** The text of the message that created the ticket. */
export const firstMessage = (row: Pick<DemoRow, 'subject' | 'requestor'>) => `Hello,\n\n${row.subject}.\n\nThanks,\n${requestorName(row.requestor)}`;

/** A time as RT's lists and ticket pages show it. */
export const rtDate = (date: Date) => DateTime.fromJSDate(date, { zone: 'UTC' }).setLocale('en').toFormat('EEE MMM dd HH:mm:ss yyyy');

/** RT::Date::DurationAsString with "ago" (units switch at twice the smaller one). */
export function rtAge(date: Date, now: number): string {
  const seconds = Math.max(0, Math.round((now - date.getTime()) / 1000));
  const units: [string, number][] = [
    ['years', 365 * 86400],
    ['months', 30 * 86400],
    ['weeks', 7 * 86400],
    ['days', 86400],
    ['hours', 3600],
    ['minutes', 60],
  ];
  for (const [name, size] of units) if (seconds >= 2 * size) return `${Math.round(seconds / size)} ${name} ago`;
  return `${seconds} seconds ago`;
}

const cssClass = (value: string) => value.toLowerCase().replace(/[^a-z0-9_-]/g, '-');

const STYLE = `
  body { font: 14px/1.45 system-ui, "Noto Sans CJK JP", "Noto Sans CJK KR", "Noto Sans CJK SC", sans-serif; margin: 0; color: #222; background: #f4f6f8; }
  #main-navigation { background: #1b3a57; padding: 0 16px; }
  #main-navigation a { color: #fff; display: inline-block; padding: 10px 12px; text-decoration: none; }
  #header { padding: 12px 16px 0; } #header h1 { font-size: 20px; margin: 0 0 8px; }
  #body { padding: 0 16px 24px; }
  .demo-note { background: #fff8e1; border: 1px solid #f0d58a; padding: 8px 12px; margin: 0 0 12px; border-radius: 4px; }
  table.ticket-list { border-collapse: collapse; width: 100%; background: #fff; }
  table.ticket-list th, table.ticket-list td { text-align: left; padding: 4px 8px; vertical-align: top; }
  table.ticket-list th { background: #e9eef3; font-weight: 600; }
  tbody.list-item { border-top: 1px solid #d5dde5; }
  tr.oddline { background: #fbfcfd; }
  .row { display: flex; gap: 16px; flex-wrap: wrap; } .col-md-6 { flex: 1 1 420px; }
  .titlebox { background: #fff; border: 1px solid #d5dde5; border-radius: 4px; margin-bottom: 12px; }
  .titlebox-title { background: #e9eef3; padding: 6px 10px; font-weight: 600; }
  .titlebox-content { padding: 6px 10px; }
  .form-row { display: flex; padding: 2px 0; } .label { width: 28%; color: #555; text-align: right; padding-right: 10px; }
  .value { flex: 1; }
  .unset-field { display: none; }
  .titlebox .inline-edit, form.editor { display: none; }
  .transaction { background: #fff; border: 1px solid #d5dde5; border-radius: 4px; margin: 8px 0; padding: 6px 10px; }
  .transaction .metadata { color: #555; font-size: 13px; } .metadata .date { float: right; }
  .messagebody { white-space: pre-wrap; margin-top: 6px; }
`;

function page(bodyId: string, title: string, header: Html | string, content: Html): string {
  return html`<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>${title}</title><style>${new Html(STYLE)}</style></head>
<body class="rudder sidebyside" id="${bodyId}">
<div id="main-navigation"><ul id="app-nav" class="toplevel sf-menu" style="list-style:none;margin:0;padding:0;display:flex">
<li id="li-home"><a id="home" class="menu-item" href="/">Homepage</a></li>
<li id="li-search"><a id="search" class="menu-item" href="/Search/Results.html">Search</a></li>
</ul></div>
<div id="header"><h1>${header}</h1></div>
<div class="main-container container-fluid" id="body">
${content}
</div>
</body>
</html>`.value;
}

/** A list cell as RT 5 renders an inline-editable one: a hidden edit form, then the value. */
function editableCell(id: number, value: string, editor: Html): Html {
  return html`<td class="collection-as-table editable"><form class="editor" method="post" action="/Helpers/TicketUpdate">
<input type="hidden" name="id" value="${id}">${editor}</form><div class="value">${value}</div></td>`;
}

/**
 * RT's priority editor (Elements/SelectPriority, test/fixtures/rt-api/real/priority-editor.html):
 * the names with RT's numbers, which the API reader needs to name REST2's numeric priority.
 */
function priorityEditor(current: RtPriority): Html {
  const options = Object.entries(RT_PRIORITY_VALUES).map(
    ([name, value]) => html`<option class="priority-${name.toLowerCase()}" value="${value}"${name === current ? new Html(' selected="selected"') : ''}>${name}</option>`,
  );
  return html`<select class="select-priority selectpicker form-control" name="Priority">${options}</select>`;
}

/** The demo's search format: RT's default with the absolute Created date instead of CreatedRelative. */
const LIST_FORMAT = [
  `'<b><a href="__WebPath__/Ticket/Display.html?id=__id__">__id__</a></b>/TITLE:#'`,
  `'<b><a href="__WebPath__/Ticket/Display.html?id=__id__">__Subject__</a></b>/TITLE:Subject'`,
  'Status',
  'QueueName',
  'Owner',
  'Priority',
  `'__NEWLINE__'`,
  `'__NBSP__'`,
  `'<small>__Requestors__</small>'`,
  `'<small>__Created__</small>'`,
  `'<small>__ToldRelative__</small>'`,
  `'<small>__LastUpdatedRelative__</small>'`,
  `'__NBSP__'`,
].join(',\n   ');

const header = (field: string, title: string) =>
  html`<th class="collection-as-table"><a href="/Search/Results.html?Order=ASC&amp;OrderBy=${field}">${title}</a></th>`;

export function listPage(rows: DemoRow[], now: number): string {
  const body = rows.map((row, i) => {
    const link = `/Ticket/Display.html?id=${row.id}`;
    return html`<tbody class="list-item" data-index="${i}" data-record-id="${row.id}">
<tr class=" ${i % 2 ? 'oddline' : 'evenline'}">
<td class="collection-as-table" align="right"><b><a href="${link}">${row.id}</a></b></td>
<td class="collection-as-table"><b><a href="${link}">${row.subject}</a></b></td>
${editableCell(row.id, rtStatus(row), html`<input name="Status" value="${rtStatus(row)}">`)}
<td class="collection-as-table">${row.queue ?? 'Support'}</td>
<td class="collection-as-table"><span class="user" data-user-id="6"><a href="/User/Summary.html?id=6">Nobody</a></span></td>
${editableCell(row.id, row.priority, priorityEditor(row.priority))}
</tr>
<tr class=" ${i % 2 ? 'oddline' : 'evenline'}">
<td class="collection-as-table"></td>
<td class="collection-as-table"><small><span class="user"><a href="/User/Summary.html">${row.requestor}</a></span></small></td>
<td class="collection-as-table"><small>${row.createdUnset ? 'Not set' : rtDate(row.created)}</small></td>
<td class="collection-as-table"><small>${row.replied ? rtAge(row.replied, now) : ''}</small></td>
<td class="collection-as-table"><small>${row.createdUnset ? '' : rtAge(row.replied ?? row.created, now)}</small></td>
<td class="collection-as-table"></td>
</tr>
</tbody>`;
  });
  // As RT 5.0 renders Search/Results.html: the format string on the table, a colgroup, and header
  // rows placed straight in the table (no <thead>), one per line of the two-line rows.
  const content = html`<p class="demo-note">SLA Lens demo helpdesk: Request Tracker 5 pages with made-up tickets. Each
badge shows the time left to the contractual first response; hover or focus it for the explanation.</p>
<div class="table-responsive"><table cellspacing="0" class="table ticket-list inline-edit collection-as-table" data-display-format="${LIST_FORMAT}" data-max-items="6" data-class="RT::Ticket"><colgroup><col><col><col><col><col><col></colgroup>
<tr class="collection-as-table">${header('id', '#')}${header('Subject', 'Subject')}${header('Status', 'Status')}${header('Queue', 'Queue')}${header('Owner', 'Owner')}${header('Priority', 'Priority')}</tr>
<tr class="collection-as-table"><th class="collection-as-table">&nbsp;</th>${header('Requestors.Name', 'Requestor')}${header('Created', 'Created')}${header('Told', 'Last Contact')}${header('LastUpdated', 'Last Updated')}<th class="collection-as-table">&nbsp;</th></tr>
${body}
</table></div>`;
  return page('comp-Search-Results', 'Found tickets', `Found ${rows.length} tickets`, content);
}

function field(cls: string, label: string, value: Html | string): Html {
  return html`<div class="${cls} form-row"><div class="label col-3">${label}:</div><div class="value col-9"><span class="current-value">${value}</span></div></div>`;
}

function titlebox(cls: string, title: string, display: Html, edit?: Html): Html {
  return html`<div class="titlebox card ${cls}"><div class="titlebox-title card-header"><span class="left">${title}</span></div>
<div class="titlebox-content"><div class="card-body"><div class="inline-edit-display">${display}</div>
${edit ? html`<form class="inline-edit" action="/Ticket/Display.html" method="post">${edit}</form>` : ''}</div></div></div>`;
}

function transaction(id: number, type: string, who: string, what: string, date: Date, body: string): Html {
  return html`<div class="transaction Ticket-transaction message ${id % 2 ? 'odd' : 'even'}" data-transaction-id="${id}" data-transaction-type="${type}">
<div class="metadata"><span class="type"><a name="txn-${id}" href="#txn-${id}">#</a></span>
<span class="date">${rtDate(date)}</span>
<span class="description"><span class="user"><a href="/User/Summary.html">${who}</a></span> - ${what}</span></div>
<div class="content"><div class="messagebody">${body}</div></div></div>`;
}

export function ticketPage(row: DemoRow, now: number): string {
  const priority = html`<span class="Priority ticket-info-priority-${cssClass(row.priority)}">${row.priority}</span>/<span class="FinalPriority ticket-info-final-priority-${cssClass(row.priority)}">${row.priority}</span>`;
  const basics = html`<div><div class="id form-row"><div class="label col-3">Id:</div><div class="value col-9"><span>${row.id}</span></div></div>
${field('status', 'Status', rtStatus(row))}
${field('priority', 'Priority', priority)}
${field('queue', 'Queue', row.queue ?? 'Support')}</div>`;
  const editBasics = html`<div class="form-row priority"><div class="label col-3">Priority:</div><div class="value col-9">
${priorityEditor(row.priority)}</div></div>`;
  const people = html`<div>${field('owner', 'Owner', html`<span class="user"><a href="/User/Summary.html?id=6">Nobody</a></span>`)}
<div class="requestors form-row"><div class="label col-3">Requestors:</div><div class="value col-9"><span class="current-value"><span class="user"><a href="/User/Summary.html">${row.requestor}</a></span></span></div></div></div>`;
  const created = row.createdUnset ? 'Not set' : rtDate(row.created);
  const dates = html`<div>
<div class="date form-row created"><div class="label col-3">Created:</div><div class="value col-9"><span class="current-value">${created}</span></div></div>
<div class="date form-row told${row.replied ? '' : ' unset-field'}"><div class="label col-3">Last Contact:</div><div class="value col-9"><span class="current-value">${row.replied ? rtDate(row.replied) : 'Not set'}</span></div></div>
<div class="date form-row updated"><div class="label col-3">Updated:</div><div class="value col-9"><span class="current-value">${row.createdUnset ? 'Never' : rtAge(row.replied ?? row.created, now)}</span></div></div></div>`;
  const history = [
    transaction(transactionId(row, 'create'), 'Create', row.requestor, 'Ticket created', row.created, firstMessage(row)),
    row.replied
      ? transaction(transactionId(row, 'reply'), 'Correspond', STAFF.display, 'Correspondence added', row.replied, `Thanks for the report, we are on it.\n\nAda, Support`)
      : '',
  ];
  const content = html`<p class="demo-note">Demo ticket: ${row.shows}. <a href="/">Back to the list</a></p>
<div class="row ticket-summary">
<div class="boxcontainer col-md-6">${titlebox('ticket-info-basics', 'The Basics', basics, editBasics)}${titlebox('ticket-info-people', 'People', people)}</div>
<div class="boxcontainer col-md-6">${titlebox('ticket-info-dates', 'Dates', dates)}</div>
</div>
<div class="history ticket" id="ticket-${row.id}-history"><div class="titlebox card"><div class="titlebox-title card-header">History</div>
<div class="history-container">${history}</div></div></div>`;
  return page('comp-Ticket-Display', `#${row.id}: ${row.subject}`, `#${row.id}: ${row.subject}`, content);
}
