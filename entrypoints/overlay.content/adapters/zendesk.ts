import type { Recipe } from '../../../core/settings/schema';
import { recipeAdapter } from './recipe';

/**
 * Zendesk Agent Workspace, views (ticket lists). The table hooks are documented
 * (`data-onboarding-id="table_main"`, Garden `data-garden-id`); the per-cell test ids are not
 * verified against a live instance and depend on the view's columns: copy the recipe and fix it on
 * the options page if a field shows as missing. The ticket page has no verified hooks (Zendesk keeps
 * its data in the API, which SLA Lens does not call), so it is not read.
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

export const zendeskAdapter = recipeAdapter(zendeskRecipe, { id: 'zendesk' });
