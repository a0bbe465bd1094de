import type { Recipe } from '../../../core/settings/schema';
import { recipeAdapter } from './recipe';

/**
 * Freshdesk ticket list cards, keyed by `data-test-ticket-id` (documented). The other hooks are not
 * verified against a live instance; cards show times as relative text ("Created 3 hours ago"), so
 * deadlines from this list are approximate. Copy the recipe and fix it on the options page if needed.
 */
export const freshdeskRecipe: Recipe = {
  id: 'freshdesk',
  name: 'Freshdesk (ticket list)',
  matches: ['https://*.freshdesk.com/*'],
  ticket: '[data-test-ticket-id]',
  // The card itself: the subject is a link, and a badge inside it would navigate when clicked.
  anchor: '[data-test-ticket-id]',
  fields: {
    id: { selector: '[data-test-ticket-id]', attribute: 'data-test-ticket-id' },
    subject: { selector: '[data-test-id="ticket-subject"], .ticket-subject-heading' },
    priority: { selector: '[data-test-id="ticket-priority"], .ticket-priority' },
    organisation: { selector: '[data-test-id="company-name"], .company-name' },
    requesterEmail: { selector: '[data-test-id="requester-email"]' },
    submitted: {
      selector: '[data-test-id="ticket-created-at"], .created-at',
      regex: '^(?:Created\\s*:?\\s*)?(.+)$',
      relative: true,
    },
  },
};

export const freshdeskAdapter = recipeAdapter(freshdeskRecipe, { id: 'freshdesk' });
