import { missingFields } from '../adapters/ticket-fields';
import type { ScannedTicket } from '../adapters/types';
import type { ExactEntry } from './exact-data';

/**
 * What the page shows of a ticket, as one string: an agent's edit on the page (RT's inline edit of
 * the priority) changes it, and the API is asked again at once instead of its older answer standing
 * over the new value for up to a minute. A time read from relative text is left out: it moves on
 * every scan without the ticket changing.
 */
export function pageReading({ fields }: ScannedTicket): string {
  const submitted = fields.submittedApproximate ? '' : fields.submitted;
  return [fields.priority, fields.priorityRaw, fields.customer, fields.organisation, fields.requesterEmail, submitted]
    .concat([fields.language, fields.subject, fields.type, fields.level, fields.firstReply])
    .join('\u0000');
}

/**
 * The page's reading of a ticket with the API's exact values over it. The DOM still says which
 * ticket and where its badge goes; the API says what it is. Without an answer (none yet, or a
 * failure) the page's values stay and the entry only tells the popover why.
 */
export function withExact(ticket: ScannedTicket, entry: ExactEntry | undefined): ScannedTicket {
  if (!entry) return ticket;
  const exact = entry.exact;
  if (!exact) return { ...ticket, exact: entry };
  const fields = { ...ticket.fields, ...exact.fields };
  // An exact submission time replaces a relative one ("3 hours ago"), and with it the "≈".
  if (exact.fields.submitted) delete fields.submittedApproximate;
  // The API's priority text wins over a P1–P4 the page showed only when it names one itself.
  if (exact.fields.priorityRaw && !exact.fields.priority) delete fields.priority;
  return { ...ticket, fields, missing: missingFields(fields), exact: entry };
}
