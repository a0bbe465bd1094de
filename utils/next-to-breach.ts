import type { PageAgent } from '@/core/alerts/owner';
import { stateAt } from '@/core/alerts/schedule';
import type { FrameReport, ReportedTicket } from '@/entrypoints/overlay.content/deadline-report';
import { agentsByOrigin, hostOf, originOf } from './page-agents';

/**
 * Pure: the popup's "next to breach" list across the agent's open helpdesk tabs and frames. At-risk
 * and breached first (the earliest deadline first: the longest overdue at the top), then on-track
 * by time left, then waiting tickets by their clock's start. A ticket open in two tabs is listed once.
 */

export interface TabReports {
  tabId: number;
  /** Frame id → that frame's last report. */
  frames: Record<string, FrameReport>;
}

export interface ListEntry extends ReportedTicket {
  /** The helpdesk's origin and the ticket's key: one ticket, whichever tab shows it. */
  id: string;
  tabId: number;
  frameId: number;
  url: string;
  pageTitle: string;
  state: ReturnType<typeof stateAt>;
  /** The logged-in agent as the ticket's helpdesk shows them ("only mine" compares the owner with them). */
  agent?: PageAgent;
}

export interface NextToBreach {
  entries: ListEntry[];
  /** Badges on the open tabs that have no deadline the agent could act on. */
  unmapped: number;
  unreadable: number;
  /** Tabs with a helpdesk overlay at all (frames that reported). */
  tabs: number;
  /** Some listed tickets come from pages that show no owner ("only mine" cannot tell there). */
  ownerUnknown: boolean;
  /** Hosts whose listed tickets show an owner but whose pages show no logged-in agent. */
  agentUnknown: string[];
}

export function ticketId(url: string, key: string): string {
  return `${originOf(url)}|${key}`;
}

const RANK = { breached: 0, 'at-risk': 0, 'on-track': 1, waiting: 2 } as const;

export function nextToBreach(tabs: readonly TabReports[], now: number): NextToBreach {
  const byId = new Map<string, ListEntry>();
  let unmapped = 0;
  let unreadable = 0;
  let ownerUnknown = false;
  const agentUnknown = new Set<string>();
  const agents = agentsByOrigin(tabs);
  let withOverlay = 0;
  for (const tab of tabs) {
    let reported = false;
    for (const [frame, report] of Object.entries(tab.frames)) {
      reported = true;
      unmapped += report.unmapped;
      unreadable += report.unreadable;
      for (const ticket of report.tickets) {
        const id = ticketId(report.url, ticket.key);
        if (byId.has(id)) continue;
        const agent = agents.get(originOf(report.url));
        if (ticket.owner === undefined) ownerUnknown = true;
        else if (!agent) agentUnknown.add(hostOf(report.url));
        const entry: ListEntry = { ...ticket, id, tabId: tab.tabId, frameId: Number(frame), url: report.url, pageTitle: report.title, state: stateAt(ticket, now) };
        if (agent) entry.agent = agent;
        byId.set(id, entry);
      }
    }
    if (reported) withOverlay += 1;
  }
  const entries = [...byId.values()].sort((a, b) => {
    const rank = RANK[a.state] - RANK[b.state];
    if (rank !== 0) return rank;
    const by = a.state === 'waiting' ? a.start - b.start : a.deadline - b.deadline;
    return by !== 0 ? by : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  });
  return { entries, unmapped, unreadable, tabs: withOverlay, ownerUnknown, agentUnknown: [...agentUnknown].sort() };
}
