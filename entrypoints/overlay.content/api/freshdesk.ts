import { languageFromScript } from '../../../core/contracts/detect-language';
import { extractEmail, toRequestType } from '../adapters/field-values';
import { answered, apiTime, eachLimited, ticketFailure } from './reader-kit';
import type { ApiReader, ExactTicket, HelpdeskDeadline, ReadResult } from './types';

/**
 * Freshdesk's agent UI API (`/api/_/`), the one the agent's own browser tab calls with its session:
 * undocumented, so off by default and best effort. Its tickets follow the documented v2 View a
 * Ticket (https://developers.freshdesk.com/api/#view_a_ticket, `include=requester,company,stats`),
 * which needs an API key instead of the session. No batch endpoint: one request per ticket.
 */

interface FreshdeskTicket {
  id: number;
  subject?: string;
  description_text?: string;
  priority?: number;
  status?: number;
  type?: string | null;
  created_at?: string;
  updated_at?: string;
  fr_due_by?: string | null;
  fr_escalated?: boolean;
  requester?: { email?: string | null };
  company?: { name?: string } | null;
  stats?: { first_responded_at?: string | null };
}

/** Freshdesk's built-in priority and status values (https://developers.freshdesk.com/api/#tickets). */
const PRIORITIES: Record<number, string> = { 1: 'Low', 2: 'Medium', 3: 'High', 4: 'Urgent' };
const STATUSES: Record<number, string> = { 2: 'Open', 3: 'Pending', 4: 'Resolved', 5: 'Closed' };

function firstResponseDue(ticket: FreshdeskTicket, reply: string | undefined): HelpdeskDeadline | undefined {
  const deadline = apiTime(ticket.fr_due_by);
  if (!deadline) return undefined;
  const result: HelpdeskDeadline = { deadline, name: 'Freshdesk first response due' };
  if (reply) result.achieved = Date.parse(reply) <= Date.parse(deadline);
  else if (ticket.fr_escalated) result.achieved = false;
  return result;
}

function exactTicket(ticket: FreshdeskTicket): ExactTicket {
  const reply = apiTime(ticket.stats?.first_responded_at);
  return {
    fields: answered({
      submitted: apiTime(ticket.created_at),
      priorityRaw: ticket.priority === undefined ? undefined : (PRIORITIES[ticket.priority] ?? String(ticket.priority)),
      requesterEmail: ticket.requester?.email ? extractEmail(ticket.requester.email) : undefined,
      organisation: ticket.company?.name,
      subject: ticket.subject,
      language: languageFromScript(ticket.subject, ticket.description_text),
      type: ticket.type ? toRequestType(ticket.type) : undefined,
      firstReply: reply,
    }),
    status: ticket.status === undefined ? undefined : (STATUSES[ticket.status] ?? String(ticket.status)),
    helpdeskDeadline: firstResponseDue(ticket, reply),
    updated: apiTime(ticket.updated_at),
  };
}

export const freshdeskReader: ApiReader = {
  id: 'freshdesk',
  apiName: 'Freshdesk agent API (undocumented)',
  batchSize: 30,
  documented: false,
  async read(tickets, get) {
    const result: ReadResult = new Map();
    await eachLimited(tickets, 3, async ({ key, apiId }) => {
      const id = apiId ?? key;
      if (!/^\d+$/u.test(id)) {
        result.set(key, { kind: 'not-found' });
        return;
      }
      const read = async () => {
        const answer = (await get.json(`/api/_/tickets/${id}?include=requester,company,stats`)) as { ticket?: FreshdeskTicket } & FreshdeskTicket;
        // Unverified whether the agent UI wraps the ticket as {"ticket": …} (as Ember apps do) or not (as v2): both are read.
        const ticket = answer?.ticket ?? answer;
        return typeof ticket?.id === 'number' ? exactTicket(ticket) : ({ kind: 'unexpected', message: 'Freshdesk answered without a ticket' } as const);
      };
      result.set(key, await read().catch(ticketFailure));
    });
    return result;
  },
};
