import { isoUtc } from '../../../core/time/iso';
import { detectLanguage } from '../../../core/contracts/detect-language';
import { extractEmail, toRequestType } from '../adapters/field-values';
import { answered, apiTime } from './reader-kit';
import { type ApiReader, ApiError, type ExactTicket, type HelpdeskDeadline, type ReadResult } from './types';

/**
 * Zendesk Support API: one Show Many Tickets request per batch (≤ 100 ids), with the requester,
 * organisation, ticket metrics and SLA side-loaded in the same answer.
 * https://developer.zendesk.com/api-reference/ticketing/tickets/tickets/#show-multiple-tickets
 * https://developer.zendesk.com/documentation/ticketing/using-the-zendesk-api/side_loading/
 */

interface ZendeskTicket {
  id: number;
  created_at?: string;
  updated_at?: string;
  subject?: string | null;
  description?: string | null;
  priority?: string | null;
  status?: string;
  type?: string | null;
  requester_id?: number;
  organization_id?: number | null;
  metric_set?: MetricSet;
  slas?: { policy_metrics?: PolicyMetric[] };
}

/** https://developer.zendesk.com/api-reference/ticketing/tickets/ticket_metrics/ */
interface MetricSet {
  ticket_id?: number;
  reply_time_in_minutes?: { calendar?: number | null } | null;
  reply_time_in_seconds?: { calendar?: number | null } | null;
}

interface PolicyMetric {
  metric?: string;
  stage?: string;
  breach_at?: string | null;
}

interface ShowMany {
  tickets?: ZendeskTicket[];
  users?: Array<{ id: number; email?: string | null; locale?: string | null }>;
  organizations?: Array<{ id: number; name?: string }>;
  metric_sets?: MetricSet[];
}

/** The first public agent reply: Zendesk's reply-time metric counted from the ticket's creation. */
function firstReply(created: string | undefined, metrics: MetricSet | undefined): string | undefined {
  const seconds = metrics?.reply_time_in_seconds?.calendar ?? (metrics?.reply_time_in_minutes?.calendar ?? Number.NaN) * 60;
  const start = created ? Date.parse(created) : Number.NaN;
  return Number.isFinite(seconds) && Number.isFinite(start) ? isoUtc(start + seconds * 1000) : undefined;
}

function slaDeadline(ticket: ZendeskTicket, reply: string | undefined): HelpdeskDeadline | undefined {
  const metric = ticket.slas?.policy_metrics?.find((entry) => entry.metric === 'first_reply_time');
  const deadline = apiTime(metric?.breach_at);
  if (!metric || !deadline) return undefined;
  const result: HelpdeskDeadline = { deadline, name: 'Zendesk SLA: first reply time' };
  if (metric.stage === 'achieved') result.achieved = !reply || Date.parse(reply) <= Date.parse(deadline);
  return result;
}

function exactTicket(ticket: ZendeskTicket, answer: ShowMany): ExactTicket {
  const user = answer.users?.find((entry) => entry.id === ticket.requester_id);
  const organisation = answer.organizations?.find((entry) => entry.id === ticket.organization_id)?.name;
  const metrics = ticket.metric_set ?? answer.metric_sets?.find((entry) => entry.ticket_id === ticket.id);
  const reply = firstReply(ticket.created_at, metrics);
  const subject = ticket.subject ?? undefined;
  return {
    fields: answered({
      submitted: apiTime(ticket.created_at),
      priorityRaw: ticket.priority ?? undefined,
      requesterEmail: user?.email ? extractEmail(user.email) : undefined,
      organisation,
      subject,
      // The requester's locale is what the customer chose; their words decide only without one.
      language: detectLanguage(user?.locale ?? undefined, subject, ticket.description ?? undefined),
      type: ticket.type ? toRequestType(ticket.type) : undefined,
      firstReply: reply,
    }),
    status: ticket.status,
    helpdeskDeadline: slaDeadline(ticket, reply),
    updated: apiTime(ticket.updated_at),
  };
}

export const zendeskReader: ApiReader = {
  id: 'zendesk',
  apiName: 'Zendesk API',
  batchSize: 100,
  documented: true,
  async read(tickets, get) {
    const ids = tickets.map((ticket) => ticket.apiId ?? ticket.key);
    const path = `/api/v2/tickets/show_many.json?ids=${ids.map(encodeURIComponent).join(',')}&include=users,organizations,metric_sets,slas`;
    const answer = (await get.json(path)) as ShowMany;
    if (!Array.isArray(answer?.tickets)) throw new ApiError({ kind: 'unexpected', message: 'Zendesk answered without a tickets list' });
    const result: ReadResult = new Map();
    for (const ticket of tickets) {
      const found = answer.tickets.find((entry) => String(entry.id) === (ticket.apiId ?? ticket.key));
      // Show Many leaves out tickets that are deleted or not visible to this agent.
      result.set(ticket.key, found ? exactTicket(found, answer) : { kind: 'not-found' });
    }
    return result;
  },
};
