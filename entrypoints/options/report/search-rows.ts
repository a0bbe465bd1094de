import type { ReportRow } from '@/core/report';
import type { SearchRow } from '@/entrypoints/overlay.content/api/search/types';

/**
 * A ticket the helpdesk's search gave → a report row, as the overlay would read it: the priority
 * the adapter already mapped (P1–P4) or the helpdesk's own value for the site's priority map, the
 * customer fields for the contract lookup, the first reply.
 */
export function searchReportRow(ticket: SearchRow): ReportRow {
  const row: ReportRow = {
    id: ticket.id,
    subject: ticket.subject,
    priority: ticket.priority ?? ticket.priorityRaw,
    submitted: ticket.submitted,
    firstReply: ticket.firstReply,
    language: ticket.language,
    type: ticket.type,
    level: ticket.level,
    customer: ticket.customer,
    organisation: ticket.organisation,
    requesterEmail: ticket.requesterEmail,
  };
  for (const key of Object.keys(row) as Array<keyof ReportRow>) if (row[key] === undefined) delete row[key];
  return row;
}
