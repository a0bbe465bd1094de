import type { Recipe } from '../../../core/settings/schema';
import { openShadowRoots } from './shadow-roots';
import { recipeAdapter } from './recipe';
import { visibleText } from './read-value';
import { fieldCells, fieldColumns } from './table-columns';
import { errorText, finishTicket, pageProblem, type RecipeField, setField, type TicketDraft } from './ticket-fields';
import type { Adapter, ScanContext, ScannedTicket } from './types';
import { isVisible } from './visible';

/**
 * ServiceNow (UI16 lists and forms, incidents and CSM cases). Form values sit in inputs whose ids
 * are "<table>.<field>" (display values of references in "sys_display.<table>.<field>", read-only
 * fields in "sys_readonly.<table>.<field>"); the sys_id twins are hidden inputs and skipped. Lists
 * name columns only in the header (`th[name]`). Next Experience shows the classic UI in
 * `iframe#gsft_main` inside open shadow roots: this adapter walks the shadow roots of its own document,
 * and the frame is read by the overlay running in it. Dates are "yyyy-MM-dd HH:mm:ss" in the agent's
 * zone (the instance's default format).
 */

const TABLES = ['incident', 'sn_customerservice_case'];

/** "[id="incident.number"], [id="sys_readonly.incident.number"], … for every table. */
function formField(field: string, prefixes = ['', 'sys_readonly.', 'sys_display.']): string {
  return TABLES.flatMap((table) => prefixes.map((prefix) => `[id="${prefix}${table}.${field}"]`)).join(', ');
}

export const serviceNowFormRecipe: Recipe = {
  id: 'servicenow-form',
  name: 'ServiceNow (incident / case form)',
  matches: ['https://*.service-now.com/*'],
  ticket: TABLES.map((table) => `form[id="${table}.do"]`).join(', '),
  anchor: '.navbar-title-display-value, .navbar-title',
  fields: {
    id: { selector: formField('number') },
    subject: { selector: formField('short_description') },
    // "1 - Critical": the word is what the priority map knows.
    priority: { selector: formField('priority'), regex: '^(?:\\d+\\s*-\\s*)?(.+)$' },
    organisation: { selector: formField('company', ['sys_display.', 'sys_readonly.']) },
    submitted: { selector: formField('opened_at') },
    language: { selector: formField('u_language') },
    type: { selector: formField('category') },
  },
};

const form = recipeAdapter(serviceNowFormRecipe, { id: 'servicenow' });

export const SERVICENOW_SELECTORS = {
  listTable: 'table.list_table',
  listRow: 'tbody tr.list_row[sys_id]',
};

/** List columns by the header's field name (`th[name]`). */
const COLUMNS: Record<string, RecipeField> = {
  number: 'id',
  short_description: 'subject',
  priority: 'priority',
  opened_at: 'submitted',
  sys_created_on: 'submitted',
  company: 'organisation',
  account: 'organisation',
  u_language: 'language',
  category: 'type',
};

function scanList(root: Document | ShadowRoot | Element, context: ScanContext): ScannedTicket[] {
  return [...root.querySelectorAll(SERVICENOW_SELECTORS.listTable)].filter((element) => isVisible(element)).flatMap((table) => {
    const columns = fieldColumns(table, (header) => COLUMNS[header.getAttribute('name') ?? '']);
    return [...table.querySelectorAll(SERVICENOW_SELECTORS.listRow)].filter((row) => isVisible(row, table)).map((row, index) => {
      const draft: TicketDraft = { element: row, anchor: row, fields: {}, problems: [] };
      for (const { field, cell } of fieldCells([row], columns)) {
        if (field === 'id') draft.anchor = cell;
        let text = visibleText(cell);
        if (field === 'priority') text = text.replace(/^\d+\s*-\s*/u, '');
        if (!text || draft.fields[field] !== undefined) continue;
        const problem = setField(draft.fields, field, text, {}, context);
        if (problem) draft.problems.push(`ServiceNow ${field}: ${problem}`);
      }
      return finishTicket(draft, index);
    });
  });
}

export const serviceNowAdapter: Adapter = {
  id: 'servicenow',
  name: 'ServiceNow',
  matches: serviceNowFormRecipe.matches,
  scan(root, context) {
    try {
      return openShadowRoots(root).flatMap((inner) => [...form.scan(inner, context), ...scanList(inner, context)]);
    } catch (error) {
      return [pageProblem('adapter-error:servicenow', root, `ServiceNow adapter: ${errorText(error)}`)];
    }
  },
};
