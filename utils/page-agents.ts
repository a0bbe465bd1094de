import type { PageAgent } from '@/core/alerts/owner';
import type { TabReports } from './next-to-breach';

/**
 * The logged-in agent per helpdesk (origin), as its open tabs' pages show them: a frame that shows
 * tickets but no menu (a ticket in an iframe) counts as its helpdesk's agent too. The options page
 * lists them so the agent can check who SLA Lens takes them for.
 */
export function agentsByOrigin(tabs: readonly TabReports[]): Map<string, PageAgent> {
  const agents = new Map<string, PageAgent>();
  for (const tab of tabs) {
    for (const report of Object.values(tab.frames)) {
      if (!report.agent) continue;
      const origin = originOf(report.url);
      if (!agents.has(origin)) agents.set(origin, report.agent);
    }
  }
  return agents;
}

/** A page's origin; its text when it is no URL (still tells two helpdesks apart). */
export function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return url;
  }
}

/** A page's host and port, as the agent reads it ("rt.example.com", "127.0.0.1:8085"). */
export function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
