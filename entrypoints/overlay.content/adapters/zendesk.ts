import type { Recipe } from '../../../core/settings/schema';
import { findVisible } from './read-value';
import { recipeAdapter } from './recipe';
import { errorText, finishTicket, pageProblem } from './ticket-fields';
import type { Adapter, ScannedTicket } from './types';

/**
 * Zendesk Agent Workspace, views (ticket lists). The table hooks are documented
 * (`data-onboarding-id="table_main"`, Garden `data-garden-id`); the per-cell test ids are not
 * verified against a live instance and depend on the view's columns: copy the recipe and fix it on
 * the options page if a field shows as missing.
 */
export const zendeskRecipe: Recipe = {
  id: 'zendesk',
  name: 'Zendesk (views)',
  matches: ['https://*.zendesk.com/*'],
  ticket: 'table[data-onboarding-id="table_main"] tbody tr, [data-garden-id="tables.table"] tbody [data-garden-id="tables.row"]',
  anchor: '[data-test-id="generic-table-cells-id"], [data-test-id="generic-table-cells-subject"]',
  fields: {
    id: { selector: '[data-test-id="generic-table-cells-id"]', regex: '#?(\\d+)' },
    subject: { selector: '[data-test-id="generic-table-cells-subject"]' },
    priority: { selector: '[data-test-id="generic-table-cells-priority"]' },
    organisation: { selector: '[data-test-id="generic-table-cells-organization"]' },
    requesterEmail: { selector: '[data-test-id="generic-table-cells-requester_email"]' },
    submitted: { selector: '[data-test-id="generic-table-cells-created"] time[datetime]', attribute: 'datetime' },
  },
};

const views = recipeAdapter(zendeskRecipe, { id: 'zendesk' });

/**
 * The ticket page (`/agent/tickets/<id>`) keeps its fields in the API, so only the ticket is found
 * here: its id from the address (other open tickets stay in the DOM as hidden tabs), the badge
 * beside the visible subject box (`omni-header-subject`, the hook Zendesk's own automation
 * examples use). Zendesk's API reader fills the rest.
 */
const TICKET_PAGE = /^\/agent\/tickets\/(\d+)/u;
const SUBJECT = 'input[data-test-id="omni-header-subject"]';

function scanTicketPage(root: Document | ShadowRoot | Element): ScannedTicket[] {
  const document = root.nodeType === 9 ? (root as Document) : (root.ownerDocument as Document);
  const id = TICKET_PAGE.exec(new URL(document.URL).pathname)?.[1];
  const scope = root.nodeType === 9 ? (root as Document).documentElement : (root as Element);
  const subject = id && scope ? findVisible(scope, SUBJECT) : undefined;
  const box = subject?.parentElement;
  if (!id || !subject || !box) return [];
  const fields = { id, subject: (subject as HTMLInputElement).value.trim() || undefined };
  return [finishTicket({ element: box, anchor: box, fields, problems: [] }, 0)];
}

export const zendeskAdapter: Adapter = {
  ...views,
  scan(root, context) {
    try {
      return [...views.scan(root, context), ...scanTicketPage(root)];
    } catch (error) {
      return [pageProblem('adapter-error:zendesk', root, `Zendesk adapter: ${errorText(error)}`)];
    }
  },
};
