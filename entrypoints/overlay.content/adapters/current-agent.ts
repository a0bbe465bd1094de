import type { PageAgent } from '../../../core/alerts/owner';
import { builtinAdapters } from './registry';

/**
 * The logged-in agent as the page shows them, read with every built-in helpdesk's selectors (kept
 * beside each adapter's own), whichever adapter reads the tickets: a team reading its Request
 * Tracker through a recipe still has RT's menu on the page. None where no helpdesk's markup names
 * the agent (Zendesk, Jira, ServiceNow, Zammad and Freshdesk: their pages' agent markup is not known).
 */
export function readCurrentAgent(doc: Document): PageAgent | undefined {
  for (const adapter of builtinAdapters) {
    try {
      const agent = adapter.currentAgent?.(doc);
      if (agent) return agent;
    } catch {
      // A reader that throws names no one; never throw into the page.
    }
  }
  return undefined;
}
