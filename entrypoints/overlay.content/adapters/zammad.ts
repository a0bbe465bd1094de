import type { Recipe } from '../../../core/settings/schema';
import { recipeAdapter } from './recipe';

/**
 * Zammad, classic agent UI: the ticket zoom. Opened tickets stay in the DOM as hidden panes, so
 * everything is scoped to `.content.active`. Times are `<time datetime>` (UTC ISO). The overview
 * lists name columns only in the header and are not read (no badge rather than a wrong one).
 */
export const zammadRecipe: Recipe = {
  id: 'zammad',
  name: 'Zammad (ticket zoom)',
  matches: ['https://*.zammad.com/*'],
  ticket: '.content.active .ticketZoom',
  anchor: '.ticketZoom-header .ticket-title, .ticketZoom-header',
  fields: {
    id: { selector: '.ticketZoom-header .ticket-number, .ticketZoom-header .task-subline', regex: '#?(\\d+)' },
    subject: { selector: '.ticketZoom-header .ticket-title-update' },
    // Default priorities are "1 low", "2 normal", "3 high": the word is what the priority map knows.
    priority: { selector: '[data-tab="ticket"] select[name="priority_id"]', regex: '^(?:\\d+\\s+)?(.+)$' },
    type: { selector: '[data-tab="ticket"] select[name="type"]' },
    requesterEmail: { selector: '.sidebar[data-tab="customer"] a[href^="mailto:"]', attribute: 'href' },
    organisation: { selector: '.sidebar[data-tab="organization"] [title="Name"]' },
    submitted: {
      selector: '.ticketZoom-header time[datetime], .ticket-article-item time[datetime]',
      attribute: 'datetime',
    },
  },
};

export const zammadAdapter = recipeAdapter(zammadRecipe, { id: 'zammad' });
