import type { PageAgent } from '../../core/alerts/owner';
import type { ScannedTicket } from './adapters/types';
import type { Badge } from './badge';
import type { BadgeModel } from './badge-model';
import { atRiskInstant } from './badge-state';

/**
 * What a frame tells the background about its tickets' deadlines, for the popup's next-to-breach
 * list and the desktop alerts: open tickets only (a target, no reply yet), with their clock start,
 * at-risk instant and deadline. States follow from these instants at any time, so the report does
 * not change as the clock runs: it is sent when tickets come, go or change, never every second.
 */

export interface ReportedTicket {
  /** The ticket's key on this page (its id). */
  key: string;
  subject?: string;
  /** The organisation or customer as the page shows it, else the requester's address. */
  customer?: string;
  /** P1–P4. */
  priority?: string;
  /** The contract level's or role's name. */
  level?: string;
  /** The owner as the page shows it; null: unassigned; absent: the page shows no owner. */
  owner?: string | null;
  start: number;
  atRisk: number;
  deadline: number;
  /** The start was read from relative text ("3 hours ago"). */
  approximate?: boolean;
}

export interface FrameReport {
  url: string;
  title: string;
  tickets: ReportedTicket[];
  /** Badges without a deadline the agent can act on: no contract for the customer, or unreadable. */
  unmapped: number;
  unreadable: number;
  /** The logged-in agent where the page shows them ("only mine" compares owners with them). */
  agent?: PageAgent;
}

const UNASSIGNED = /^(?:|-|—|nobody|nobody in particular|niemand|未割り当て)$/iu;

/** The page's owner text → the report's owner (null: unassigned; undefined: not shown). */
export function ownerOf(text: string | undefined): string | null | undefined {
  if (text === undefined) return undefined;
  const owner = text.trim();
  return UNASSIGNED.test(owner) ? null : owner;
}

/** The fields each model was built from (the scanner hands models only). */
export type TicketFieldsByModel = WeakMap<BadgeModel, ScannedTicket['fields']>;

export function buildReport(
  badges: Iterable<Badge>,
  fieldsOf: TicketFieldsByModel,
  page: { url: string; title: string; agent?: PageAgent },
): FrameReport {
  const tickets: ReportedTicket[] = [];
  const seen = new Set<string>();
  let unmapped = 0;
  let unreadable = 0;
  for (const badge of badges) {
    const model = badge.model;
    const input = model.input;
    if (input.kind === 'unmapped') unmapped += 1;
    else if (input.kind === 'unreadable') unreadable += 1;
    const target = input.kind === 'evaluated' ? input.result.target : undefined;
    if (input.kind !== 'evaluated' || !target || input.firstReply || seen.has(model.key)) continue;
    seen.add(model.key);
    const start = Date.parse(target.start);
    const deadline = Date.parse(target.deadline);
    const fields = fieldsOf.get(model) ?? {};
    // The pipeline's label is "P2 · Gold" (priority, then the level's name when the contract has levels).
    const cut = input.label.indexOf(' · ');
    const ticket: ReportedTicket = {
      key: model.key,
      priority: cut < 0 ? input.label : input.label.slice(0, cut),
      start,
      atRisk: atRiskInstant(input, target, start, deadline),
      deadline,
    };
    if (cut >= 0) ticket.level = input.label.slice(cut + 3);
    if (fields.subject) ticket.subject = fields.subject.slice(0, 200);
    const customer = fields.organisation ?? fields.customer ?? fields.requesterEmail;
    if (customer) ticket.customer = customer.slice(0, 120);
    const owner = ownerOf(fields.owner);
    if (owner !== undefined) ticket.owner = owner;
    if (input.approximate) ticket.approximate = true;
    tickets.push(ticket);
  }
  const report: FrameReport = { url: page.url, title: page.title.slice(0, 200), tickets, unmapped, unreadable };
  const agent = page.agent;
  if (agent) report.agent = { name: agent.name.slice(0, 120), form: agent.form, ...(agent.also ? { also: agent.also.map((name) => name.slice(0, 120)) } : {}) };
  return report;
}

/** Sends a report only when it differs from the last one sent. */
export function createReporter(send: (report: FrameReport) => void): { report(next: FrameReport): void; resend(): void; readonly last: FrameReport | undefined } {
  let last: FrameReport | undefined;
  let signature = '';
  return {
    report(next) {
      const text = JSON.stringify(next);
      if (text === signature) return;
      signature = text;
      last = next;
      send(next);
    },
    resend() {
      if (last) send(last);
    },
    get last() {
      return last;
    },
  };
}
