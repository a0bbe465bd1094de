import type { Recipe } from '../../../core/settings/schema';
import { recipesAdapter } from './recipe';

/**
 * Jira Service Management. Cloud marks fields with `data-testid`s (the created date is text only:
 * "Created November 15, 2026 at 2:30 AM" or relative); Server/Data Center has stable element ids and
 * `<time datetime>`. The Organizations field is a custom field whose id differs per site
 * (customfield_10002 is the usual one): copy the recipe and fix it if yours differs. Jira shows the
 * reporter's name, not the address, so the customer is known from the organisation only.
 */

const matches = ['https://*.atlassian.net/*'];

export const jiraCloudRecipe: Recipe = {
  id: 'jira-cloud',
  name: 'Jira Service Management Cloud (issue view)',
  matches,
  ticket: '#jira-frontend',
  anchor: '[data-testid="issue.views.issue-base.foundation.summary.heading"]',
  fields: {
    id: { selector: '[data-testid="issue.views.issue-base.foundation.breadcrumbs.current-issue.item"]' },
    subject: { selector: '[data-testid="issue.views.issue-base.foundation.summary.heading"]' },
    priority: {
      selector: '[data-testid="issue-field-priority-readview-full.ui.priority.wrapper"] span, [data-testid="issue-field-priority-readview-full.ui.priority.wrapper"] img',
    },
    submitted: {
      selector: '[data-testid="created-date.ui.read.meta-date"]',
      regex: '^(?:Created\\s+)?(.+)$',
      dateFormat: "MMMM d, yyyy 'at' h:mm a",
      relative: true,
    },
    organisation: { selector: '[data-testid="issue.views.field.organizations.read-view"], [data-testid^="issue.views.field.organizations"]' },
    type: { selector: '[data-testid="issue.views.field.request-type.read-view"]' },
  },
};

export const jiraServerRecipe: Recipe = {
  id: 'jira-server',
  name: 'Jira Server/Data Center (issue view)',
  matches,
  ticket: '#issue-content',
  anchor: '#summary-val',
  fields: {
    id: { selector: '#key-val' },
    subject: { selector: '#summary-val' },
    priority: { selector: '#priority-val' },
    submitted: { selector: '#created-val time[datetime]', attribute: 'datetime' },
    organisation: { selector: '#customfield_10002-val' },
    type: { selector: '#customfield_10010-val, #type-val' },
  },
};

export const jiraNavigatorRecipe: Recipe = {
  id: 'jira-navigator',
  name: 'Jira Server/Data Center (issue navigator list)',
  matches,
  ticket: 'table#issuetable tr.issuerow[data-issuekey]',
  anchor: 'td.issuekey, td.summary',
  fields: {
    id: { selector: 'tr[data-issuekey]', attribute: 'data-issuekey' },
    subject: { selector: 'td.summary' },
    priority: { selector: 'td.priority img', attribute: 'alt' },
    submitted: { selector: 'td.created time[datetime]', attribute: 'datetime' },
    organisation: { selector: 'td.customfield_10002' },
  },
};

export const jiraRecipes = [jiraCloudRecipe, jiraServerRecipe, jiraNavigatorRecipe];
export const jiraAdapter = recipesAdapter('jira', 'Jira Service Management', jiraRecipes);
